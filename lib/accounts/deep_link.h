#pragma once

#include "accounts/account.h"
#include "variables/variable_row.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace pipedeck {

// A GitLab web address Pipedeck can open: a project, one of its pipelines or a job.
//   https://gitlab.example.com/group/sub/app
//   https://gitlab.example.com/group/sub/app/-/pipelines/1234
//   https://gitlab.example.com/group/sub/app/-/jobs/5678
//   https://gitlab.example.com/group/sub/app/-/pipelines/new?ref=main&var[KEY]=VALUE
// (GitLab's documented prefill link for its Run pipeline form: opens that dialog prefilled).
struct DeepLink
{
    //! TriggerTokens: GitLab's CI/CD settings page (…/-/settings/ci_cd), where its trigger
    //! tokens are managed.
    enum class Kind { Project, Pipeline, Job, NewPipeline, TriggerTokens };
    Kind kind = Kind::Project;
    QString accountId;   // the signed-in account whose instance serves this address
    QString projectPath; // "group/sub/app"
    qint64 id = 0;       // pipeline or job id
    // NewPipeline: the prefill.
    QString ref;
    QList<variables::VariableRow> rows;
};

// Whether `text` looks like a web address at all (as opposed to a log file path).
bool looksLikeWebUrl(const QString &text);

// Finds the account whose instance serves `url` (same scheme, host and port, and the
// instance's path as a prefix; the longest prefix wins) and splits the rest. Empty when
// no account matches or the address is not a project, pipeline or job page.
std::optional<DeepLink> resolveDeepLink(const QUrl &url, const QList<Account> &accounts);

} // namespace pipedeck
