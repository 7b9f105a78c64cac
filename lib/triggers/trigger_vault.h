#pragma once

#include "presets/preset.h"
#include "secrets/token_store.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

namespace pipedeck::triggers {

//! A trigger token Pipedeck holds: whose, and which.
struct HeldTrigger
{
    QUrl instance;
    QString account;
    qint64 projectId = 0;
    qint64 triggerId = 0;
    QDateTime storedAt;       //!< UTC; invalid for a token kept for this session only
    bool sessionOnly = false; //!< the keychain could not take it: kept in memory for this run

    friend bool operator==(const HeldTrigger &, const HeldTrigger &) = default;
};

//! Trigger tokens in the OS keychain, through TokenStore and its failure rules (locked is
//! "locked — retry", never "no token"; never a file). Key:
//! TokenKey{TriggerToken, instance, account, "<project id>/<trigger id>"}. Which tokens are
//! held comes from the token index (keychains cannot be listed), plus those the keychain
//! refused this run and TokenStore keeps in memory.
class TriggerVault : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const TokenResult &)>;

    //! `store` is not owned and must outlive the vault.
    explicit TriggerVault(TokenStore &store, QObject *parent = nullptr);

    static TokenKey keyFor(const presets::AccountContext &account, qint64 projectId,
                           qint64 triggerId);

    //! Each calls `done` exactly once, later, unless `context` or the vault is gone by then.
    void store(const presets::AccountContext &account, qint64 projectId, qint64 triggerId,
               const QByteArray &token, QObject *context, Callback done);
    void load(const presets::AccountContext &account, qint64 projectId, qint64 triggerId,
              QObject *context, Callback done);
    void forget(const presets::AccountContext &account, qint64 projectId, qint64 triggerId,
                QObject *context, Callback done);

    //! The trigger ids of a project this account's vault holds, ascending.
    QList<qint64> heldIds(const presets::AccountContext &account, qint64 projectId) const;
    //! Everything held, across accounts and projects, by key.
    QList<HeldTrigger> allHeld() const;
    bool holds(const presets::AccountContext &account, qint64 projectId, qint64 triggerId) const;

Q_SIGNALS:
    //! A store or forget changed what heldIds()/allHeld() answer.
    void heldChanged();

private:
    TokenStore &m_store;
    //! Tokens TokenStore keeps for this session only (it does not list them).
    QList<HeldTrigger> m_sessionHeld;
};

} // namespace pipedeck::triggers
