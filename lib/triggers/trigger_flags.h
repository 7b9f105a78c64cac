#pragma once

#include "gitlab/types/trigger.h"

#include <QDateTime>
#include <QStringList>

namespace pipedeck::triggers {

//! What the token manager warns about for one trigger token.
struct TriggerFlags
{
    bool neverUsed = false;    //!< GitLab has no last_used
    bool stale = false;        //!< last used more than staleDays ago
    bool expiringSoon = false; //!< expires within expiringDays (and has not yet)
    bool expired = false;      //!< expires_at is today or earlier (UTC)
    bool noValidOwner = false; //!< no owner, or an owner who is blocked, banned, deactivated…

    bool any() const { return neverUsed || stale || expiringSoon || expired || noValidOwner; }

    friend bool operator==(const TriggerFlags &, const TriggerFlags &) = default;
};

//! The flags of `trigger` at `nowUtc`. A threshold of 0 or less turns its flag off (the stale
//! period is a setting). An expiry date is a day in UTC on which the token no longer works, as
//! GitLab's date-only expiry of access tokens is.
TriggerFlags triggerFlags(const gitlab::Trigger &trigger, const QDateTime &nowUtc,
                          int staleDays = 90, int expiringDays = 30);

//! Short translated words for the set flags, most urgent first ("expired", "expires soon",
//! "no valid owner", "never used", "stale").
QStringList flagTexts(const TriggerFlags &flags);

} // namespace pipedeck::triggers
