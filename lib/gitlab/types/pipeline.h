#pragma once

#include "gitlab/types/ci_status.h"
#include "gitlab/types/user.h"

#include <QDateTime>
#include <QString>
#include <QUrl>
#include <optional>

namespace pipedeck::gitlab {

//! A pipeline. Lists and embedded references (a job's pipeline, a bridge's downstream) carry
//! only the basic fields; GET /pipelines/:id fills the rest (`detailed` is then true).
struct Pipeline
{
    qint64 id = 0;
    std::optional<qint64> iid;
    qint64 projectId = 0;
    CiStatus status = CiStatus::Unknown;
    QString statusName; //!< GitLab's text, kept for statuses this build does not know
    QString source;     //!< "push", "web", "trigger", "parent_pipeline", ... (opaque)
    QString ref;
    QString sha;
    QString name;
    QUrl webUrl;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Detailed get only.
    bool detailed = false;
    bool tag = false;
    QString beforeSha;
    std::optional<User> user;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime committedAt;
    std::optional<double> duration;       //!< seconds
    std::optional<double> queuedDuration; //!< seconds
    QString commitTitle;                  //!< when the server includes the commit

    friend bool operator==(const Pipeline &, const Pipeline &) = default;
};

} // namespace pipedeck::gitlab
