#pragma once

#include "presets/preset.h"
#include "runs/review_policy.h"

namespace pipedeck::history {
class RunHistory;
}
namespace pipedeck::presets {
class DraftStore;
class PresetStore;
} // namespace pipedeck::presets
namespace pipedeck::triggers {
class TriggerVault;
}

namespace pipedeck::runs {

//! What the play and run dialogs keep beside GitLab: whose they are, the run history, the
//! presets and the drafts. Not owned; any of them may be missing (the dialog then works
//! without that part, e.g. a history that could not be opened).
struct RunServices
{
    presets::AccountContext account;
    history::RunHistory *history = nullptr;
    presets::PresetStore *presets = nullptr;
    presets::DraftStore *drafts = nullptr;
    //! The trigger tokens kept in the keychain (the trigger dialog and the token manager).
    triggers::TriggerVault *triggers = nullptr;
    //! Whether sends are reviewed first (the "runs/review" setting).
    ReviewMode review = ReviewMode::Auto;
};

} // namespace pipedeck::runs
