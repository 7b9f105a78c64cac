#include "actions/action_kind.h"

namespace pipedeck::actions {

bool isJobAction(ActionKind kind)
{
    switch (kind) {
    case ActionKind::PlayJob:
    case ActionKind::RetryJob:
    case ActionKind::CancelJob:
    case ActionKind::EraseJob:
        return true;
    case ActionKind::RetryPipeline:
    case ActionKind::CancelPipeline:
    case ActionKind::DeletePipeline:
        return false;
    }
    return false;
}

bool needsConfirmation(ActionKind kind)
{
    return kind == ActionKind::EraseJob || kind == ActionKind::DeletePipeline;
}

const char *actionName(ActionKind kind)
{
    switch (kind) {
    case ActionKind::PlayJob:
        return "PlayJob";
    case ActionKind::RetryJob:
        return "RetryJob";
    case ActionKind::CancelJob:
        return "CancelJob";
    case ActionKind::EraseJob:
        return "EraseJob";
    case ActionKind::RetryPipeline:
        return "RetryPipeline";
    case ActionKind::CancelPipeline:
        return "CancelPipeline";
    case ActionKind::DeletePipeline:
        return "DeletePipeline";
    }
    return "?";
}

} // namespace pipedeck::actions
