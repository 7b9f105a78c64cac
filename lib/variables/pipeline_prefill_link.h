#pragma once

#include "variables/variable_row.h"

#include <QUrl>

#include <optional>

namespace pipedeck::variables {

//! GitLab's documented prefill link for its Run pipeline form:
//! <project web URL>/-/pipelines/new?ref=REF&var[KEY]=VALUE&file_var[KEY]=VALUE
struct PipelinePrefill
{
    QUrl projectUrl; //!< the project's web URL, without /-/pipelines/new
    QString ref;
    QList<VariableRow> rows;
};

//! The link for these values. Sensitive rows are left out (a link travels in chats and
//! histories); `leftOut` says how many.
QUrl pipelinePrefillLink(const QUrl &projectWebUrl, const QString &ref,
                         const QList<VariableRow> &rows, int *leftOut = nullptr);

//! Reads such a link; nullopt when `url` is not one.
std::optional<PipelinePrefill> parsePipelinePrefillLink(const QUrl &url);

} // namespace pipedeck::variables
