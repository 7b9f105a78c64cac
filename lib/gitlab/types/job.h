#pragma once

#include "gitlab/types/ci_status.h"
#include "gitlab/types/pipeline.h"
#include "gitlab/types/user.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace pipedeck::gitlab {

struct Runner
{
    qint64 id = 0;
    QString description;
    QString name;
    bool isShared = false;
    bool online = false;

    friend bool operator==(const Runner &, const Runner &) = default;
};

struct JobArtifact
{
    QString fileType; //!< "archive", "trace", "junit", ...
    QString filename;
    QString fileFormat;
    qint64 size = 0;

    friend bool operator==(const JobArtifact &, const JobArtifact &) = default;
};

//! What jobs and bridges (trigger jobs) share: GitLab's JobBasic entity.
struct JobCommon
{
    qint64 id = 0;
    QString name;
    QString stage;
    CiStatus status = CiStatus::Unknown;
    QString statusName; //!< GitLab's text, kept for statuses this build does not know
    QString ref;
    bool tag = false;
    bool allowFailure = false;
    bool retried = false;  //!< GitLab's REST API does not send it; JobsModel infers it
    QString failureReason; //!< present only for failed jobs; opaque (new reasons appear)
    QUrl webUrl;
    std::optional<User> user;
    Pipeline pipeline; //!< basic fields only
    QString commitTitle;
    QString commitShortId;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime erasedAt;
    std::optional<double> duration;       //!< seconds
    std::optional<double> queuedDuration; //!< seconds

    //! Waiting for someone to press play.
    bool isManual() const { return status == CiStatus::Manual; }

    friend bool operator==(const JobCommon &, const JobCommon &) = default;
};

struct Job : JobCommon
{
    std::optional<Runner> runner;
    QStringList tagList;
    QList<JobArtifact> artifacts;
    QDateTime artifactsExpireAt;
    bool archived = false;

    friend bool operator==(const Job &, const Job &) = default;
};

//! A trigger job: not in /pipelines/:id/jobs, fetched from /pipelines/:id/bridges. GitLab's
//! REST API retries (since 17.1) and plays them, but GET, cancel and erase do not find them.
struct Bridge : JobCommon
{
    std::optional<Pipeline> downstreamPipeline; //!< null until the downstream exists

    friend bool operator==(const Bridge &, const Bridge &) = default;
};

} // namespace pipedeck::gitlab
