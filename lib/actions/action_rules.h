#pragma once

#include "actions/action_kind.h"
#include "gitlab/types/ci_status.h"

#include <QCoreApplication>
#include <QString>

namespace pipedeck::actions {

//! Whether an action may be offered, and if not, a translated sentence saying why (for the
//! disabled button's tooltip).
struct Availability
{
    bool enabled = false;
    QString reason; //!< empty when enabled

    static Availability yes() { return {true, {}}; }
    static Availability no(QString why) { return {false, std::move(why)}; }
};

//! What the rules need to know about one job or trigger job.
struct JobFacts
{
    gitlab::CiStatus status = gitlab::CiStatus::Unknown;
    //! A trigger job: GitLab's jobs API does not cancel or erase these; current versions retry
    //! (since 17.1) and play them, older ones answer 404.
    bool bridge = false;
    bool retried = false; //!< an older attempt, superseded by a newer job
    bool erased = false;  //!< log and artifacts already erased
    //! This instance answered 404 to retrying (a GitLab before 17.1) or playing a trigger job.
    bool bridgeRetryRefused = false;
    bool bridgePlayRefused = false;
};

struct PipelineFacts
{
    gitlab::CiStatus status = gitlab::CiStatus::Unknown;
};

//! The checks GitLab itself makes before it accepts an action, done before sending so that
//! the UI can disable what would be refused and say why. `canWrite` is false for accounts
//! whose token has only the read_api scope.
class ActionRules
{
    Q_DECLARE_TR_FUNCTIONS(ActionRules)
public:
    static Availability forJob(ActionKind kind, const JobFacts &job, bool canWrite);
    static Availability forPipeline(ActionKind kind, const PipelineFacts &pipeline, bool canWrite);

    //! Job statuses GitLab's cancel accepts.
    static bool isCancelable(gitlab::CiStatus status);
    //! Pipeline statuses with failed or canceled jobs for "retry failed jobs".
    static bool isPipelineRetryable(gitlab::CiStatus status);

    //! The tooltip of every action of an account that can only read.
    static QString readOnlyReason();
    //! Why a trigger job cannot be retried or played here: the instance answered 404.
    static QString bridgeRetryRefusedReason();
    static QString bridgePlayRefusedReason();
};

} // namespace pipedeck::actions
