#pragma once

#include "models/jobs/jobs_model.h"

#include <QList>
#include <QModelIndex>

namespace jobrows {

//! Every job and bridge row of a JobsModel under `parent`, recursively (downstream pipelines'
//! jobs too), in model order.
inline void collectJobs(const QAbstractItemModel &model, const QModelIndex &parent,
                        QList<QModelIndex> &out)
{
    using pipedeck::models::JobsModel;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(JobsModel::NodeKindRole).value<JobsModel::NodeKind>() !=
            JobsModel::NodeKind::Stage)
            out.append(index);
        collectJobs(model, index, out);
    }
}

} // namespace jobrows
