#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace pipedeck::actions {

//! What a user can do to a job or a pipeline from Pipedeck.
enum class ActionKind {
    PlayJob,        //!< start a manual job (quick play: no variables)
    RetryJob,       //!< run a finished job again (GitLab creates a new job)
    CancelJob,      //!< stop a queued or running job
    EraseJob,       //!< delete a finished job's log and artifacts (irreversible)
    RetryPipeline,  //!< retry the failed and canceled jobs of a pipeline
    CancelPipeline, //!< cancel every queued or running job of a pipeline
    DeletePipeline, //!< delete a pipeline with its jobs (irreversible; needs Owner)
};

bool isJobAction(ActionKind kind);
//! Erase and delete cannot be undone: the UI asks before it runs them.
bool needsConfirmation(ActionKind kind);
//! "PlayJob": for logs and test messages.
const char *actionName(ActionKind kind);

} // namespace pipedeck::actions

Q_DECLARE_METATYPE(pipedeck::actions::ActionKind)
