#include "triggers/trigger_vault.h"

#include "core/logging.h"

#include <QPointer>
#include <algorithm>

namespace pipedeck::triggers {

namespace {

QString qualifier(qint64 projectId, qint64 triggerId)
{
    return QString::number(projectId) + QLatin1Char('/') + QString::number(triggerId);
}

//! "<project id>/<trigger id>", both positive; anything else is not a trigger key of ours.
bool parseQualifier(const QString &text, qint64 *projectId, qint64 *triggerId)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return false;
    bool okProject = false;
    bool okTrigger = false;
    *projectId = parts.at(0).toLongLong(&okProject);
    *triggerId = parts.at(1).toLongLong(&okTrigger);
    return okProject && okTrigger && *projectId > 0 && *triggerId > 0;
}

bool sameKey(const HeldTrigger &held, const TokenKey &key)
{
    return TriggerVault::keyFor({held.instance, held.account}, held.projectId, held.triggerId)
               .storageKey() == key.storageKey();
}

} // namespace

TriggerVault::TriggerVault(TokenStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    // A removal that did not go through the vault (an account removed, a secret forgotten in
    // the stored-secrets list) changes what it holds too.
    connect(&m_store, &TokenStore::recordsChanged, this, &TriggerVault::heldChanged);
}

TokenKey TriggerVault::keyFor(const presets::AccountContext &account, qint64 projectId,
                              qint64 triggerId)
{
    return TokenKey{TokenKind::TriggerToken, account.instance, account.account,
                    qualifier(projectId, triggerId)};
}

void TriggerVault::store(const presets::AccountContext &account, qint64 projectId, qint64 triggerId,
                         const QByteArray &token, QObject *context, Callback done)
{
    const TokenKey key = keyFor(account, projectId, triggerId);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    m_store.save(key, token, this,
                 [this, key, account, projectId, triggerId, guard, hasContext,
                  done = std::move(done)](const TokenResult &result) {
                     const auto sameAsThis = [&](const HeldTrigger &h) { return sameKey(h, key); };
                     m_sessionHeld.erase(
                         std::remove_if(m_sessionHeld.begin(), m_sessionHeld.end(), sameAsThis),
                         m_sessionHeld.end());
                     if (result.outcome == TokenOutcome::SessionOnly) {
                         m_sessionHeld.append(HeldTrigger{
                             account.instance, account.account, projectId, triggerId, {}, true});
                     }
                     // A save reaches listeners through TokenStore::recordsChanged; a session
                     // copy is listed only now that it is in m_sessionHeld.
                     if (result.outcome == TokenOutcome::SessionOnly)
                         Q_EMIT heldChanged();
                     qCInfo(lcSecrets) << "trigger token of project" << projectId
                                       << "stored:" << int(result.outcome);
                     if (!hasContext || guard)
                         done(result);
                 });
}

void TriggerVault::load(const presets::AccountContext &account, qint64 projectId, qint64 triggerId,
                        QObject *context, Callback done)
{
    m_store.load(keyFor(account, projectId, triggerId), context, std::move(done));
}

void TriggerVault::forget(const presets::AccountContext &account, qint64 projectId,
                          qint64 triggerId, QObject *context, Callback done)
{
    const TokenKey key = keyFor(account, projectId, triggerId);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    m_store.remove(
        key, this, [this, key, guard, hasContext, done = std::move(done)](const TokenResult &r) {
            if (r.outcome == TokenOutcome::Removed) {
                const auto sameAsThis = [&](const HeldTrigger &h) { return sameKey(h, key); };
                // Listeners heard of it through TokenStore::recordsChanged already.
                m_sessionHeld.erase(
                    std::remove_if(m_sessionHeld.begin(), m_sessionHeld.end(), sameAsThis),
                    m_sessionHeld.end());
            }
            if (!hasContext || guard)
                done(r);
        });
}

QList<HeldTrigger> TriggerVault::allHeld() const
{
    QList<HeldTrigger> held;
    const QList<TokenIndexEntry> entries = m_store.recordedTokens();
    for (const TokenIndexEntry &entry : entries) {
        HeldTrigger h;
        if (entry.kind != TokenKind::TriggerToken ||
            !parseQualifier(entry.qualifier, &h.projectId, &h.triggerId))
            continue;
        h.instance = entry.instance;
        h.account = entry.account;
        h.storedAt = entry.storedAt;
        // An entry whose parts do not rebuild its own key is not one this vault wrote.
        if (keyFor({h.instance, h.account}, h.projectId, h.triggerId).storageKey() !=
            entry.storageKey)
            continue;
        held.append(h);
    }
    for (const HeldTrigger &session : m_sessionHeld) {
        const TokenKey key =
            keyFor({session.instance, session.account}, session.projectId, session.triggerId);
        // Recorded meanwhile (a later save worked): listed once, as stored.
        if (!m_store.isRecorded(key) && m_store.hasSessionToken(key))
            held.append(session);
    }
    return held;
}

QList<qint64> TriggerVault::heldIds(const presets::AccountContext &account, qint64 projectId) const
{
    const QString instance = instanceKeyPart(account.instance);
    QList<qint64> ids;
    const QList<HeldTrigger> held = allHeld();
    for (const HeldTrigger &h : held) {
        if (h.projectId == projectId && h.account == account.account &&
            instanceKeyPart(h.instance) == instance && !ids.contains(h.triggerId))
            ids.append(h.triggerId);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool TriggerVault::holds(const presets::AccountContext &account, qint64 projectId,
                         qint64 triggerId) const
{
    return heldIds(account, projectId).contains(triggerId);
}

} // namespace pipedeck::triggers
