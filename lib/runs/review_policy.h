#pragma once

#include <QString>

class QSettings;

namespace pipedeck::runs {

//! The review-before-sending setting (settings key "runs/review": auto, always, never).
enum class ReviewMode { Auto, Always, Never };
ReviewMode reviewModeFromSettings(const QSettings &settings);

//! Whether a send is reviewed first unless the user says otherwise: a protected ref, or a job in
//! a stage named like deploy, release or production (the places where a wrong value hurts).
bool reviewByDefault(const QString &stage, bool protectedRef);
//! The same under the user's setting: Always and Never decide alone.
bool reviewByDefault(ReviewMode mode, const QString &stage, bool protectedRef);

} // namespace pipedeck::runs
