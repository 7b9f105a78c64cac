#include "triggers/trigger_flags.h"

#include <QCoreApplication>

namespace pipedeck::triggers {

namespace {

// GitLab's user states in which a user can still act (and so can their trigger tokens).
// An empty state is an older GitLab that did not say: not flagged on a guess.
bool ownerIsValid(const std::optional<gitlab::User> &owner)
{
    if (!owner || owner->id <= 0)
        return false;
    return owner->state.isEmpty() || owner->state == QLatin1String("active");
}

} // namespace

TriggerFlags triggerFlags(const gitlab::Trigger &trigger, const QDateTime &nowUtc, int staleDays,
                          int expiringDays)
{
    TriggerFlags flags;
    const QDateTime now = nowUtc.toUTC();
    flags.neverUsed = !trigger.lastUsed.isValid();
    if (!flags.neverUsed && staleDays > 0)
        flags.stale = trigger.lastUsed.toUTC().secsTo(now) > qint64(staleDays) * 24 * 3600;
    if (trigger.expiresAt.isValid()) {
        const qint64 daysLeft = now.date().daysTo(trigger.expiresAt);
        flags.expired = daysLeft <= 0;
        flags.expiringSoon = !flags.expired && expiringDays > 0 && daysLeft <= expiringDays;
    }
    flags.noValidOwner = !ownerIsValid(trigger.owner);
    return flags;
}

QStringList flagTexts(const TriggerFlags &flags)
{
    QStringList texts;
    if (flags.expired)
        texts << QCoreApplication::translate("TriggerFlags", "expired");
    if (flags.expiringSoon)
        texts << QCoreApplication::translate("TriggerFlags", "expires soon");
    if (flags.noValidOwner)
        texts << QCoreApplication::translate("TriggerFlags", "no valid owner");
    if (flags.neverUsed)
        texts << QCoreApplication::translate("TriggerFlags", "never used");
    if (flags.stale)
        texts << QCoreApplication::translate("TriggerFlags", "stale");
    return texts;
}

} // namespace pipedeck::triggers
