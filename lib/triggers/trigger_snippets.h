#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QUrl>

namespace pipedeck::triggers {

//! What a "Copy as" snippet triggers.
struct SnippetTarget
{
    QUrl instance; //!< base URL of the GitLab instance
    qint64 projectId = 0;
    QString projectPath; //!< "group/project", for the .gitlab-ci.yml trigger: keyword
    QString ref;
    QMap<QString, QString> variables;
    //! The real token: written into a snippet only when includeToken is set (the user asked,
    //! and was warned); otherwise the snippet reads it from $TRIGGER_TOKEN.
    QString token;
    bool includeToken = false;
};

//! "Copy as" for the trigger dialog: the same trigger as GitLab documents it
//! (doc/ci/triggers/index.md), text exact so it can be pasted into a terminal or a CI file.
class TriggerSnippets
{
    Q_DECLARE_TR_FUNCTIONS(pipedeck::triggers::TriggerSnippets)
public:
    //! curl with --form fields (POST …/trigger/pipeline), values single-quoted for POSIX shells.
    static QString curl(const SnippetTarget &target);
    //! PowerShell Invoke-RestMethod with a -Form hashtable.
    static QString powerShell(const SnippetTarget &target);
    //! A .gitlab-ci.yml job in another project that starts this one: the trigger: keyword (a
    //! multi-project pipeline, which needs no token), with the variables.
    static QString gitlabCiTriggerJob(const SnippetTarget &target);
    //! The same from a job with curl and CI_JOB_TOKEN (no trigger token stored anywhere).
    static QString gitlabCiCurlJob(const SnippetTarget &target);
    //! The webhook form …/ref/REF/trigger/pipeline?token=…: the token is in the URL.
    static QString webhookUrl(const SnippetTarget &target);
    //! Said beside any snippet with the real token or a token in a URL.
    static QString tokenWarning();
    //! The API URL the snippets post to.
    static QString triggerUrl(const SnippetTarget &target);
};

} // namespace pipedeck::triggers
