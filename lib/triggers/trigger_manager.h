#pragma once

#include "gitlab/net/status.h"
#include "gitlab/types/trigger.h"
#include "presets/preset.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace pipedeck::gitlab {
class Connection;
class Request;
} // namespace pipedeck::gitlab

namespace pipedeck::triggers {

class TriggerVault;

//! Creates, renames and revokes a project's trigger tokens (GitLab: Maintainer role). One
//! operation at a time; each POST, PUT or DELETE is sent once.
//!
//! - create: the reply is the only moment GitLab hands over the full token, so it is written
//!   to the keychain (through the vault) before created() is emitted; created() says whether
//!   the keychain took it, and why not. The token is kept even when the user signed in
//!   through GITLAB_TOKEN: they created it to keep it.
//! - A lost reply is looked up, never re-sent: after create, the project's triggers are
//!   listed and a new one (not there before the send) with that description, owned by this
//!   account, is the one created; after rename the trigger is read back; after revoke, a 404
//!   means it is gone. Otherwise outcomeUnknown().
//! - failed(): 403 says the Maintainer role is needed; anything else is GitLab's text.
class TriggerManager : public QObject
{
    Q_OBJECT
public:
    //! Clocks differ: without the list from before the send, a lost create is looked for
    //! among triggers created this far before it.
    static constexpr int kClockSkewSeconds = 120;

    TriggerManager(gitlab::Connection *connection, TriggerVault *vault,
                   presets::AccountContext account, qint64 projectId, QObject *parent = nullptr);
    ~TriggerManager() override;

    //! False (and nothing sent) while busy, for an empty description, or without a connection.
    bool create(const QString &description, const QDate &expiresAt = {});
    bool rename(qint64 triggerId, const QString &description);
    bool revoke(qint64 triggerId);

    bool isBusy() const { return m_operation != Operation::None; }
    const presets::AccountContext &account() const { return m_account; }
    qint64 projectId() const { return m_projectId; }

Q_SIGNALS:
    void busyChanged(bool busy);
    //! The token is in the keychain already when `storedInKeychain`; otherwise
    //! `keychainMessage` says why not (it is then kept for this session only, or not at all).
    void created(const pipedeck::gitlab::Trigger &trigger, bool storedInKeychain,
                 const QString &keychainMessage);
    void renamed(const pipedeck::gitlab::Trigger &trigger);
    void revoked(qint64 triggerId);
    void failed(const QString &message);
    void outcomeUnknown(const QString &message);

private:
    enum class Operation { None, Create, Rename, Revoke };

    void begin(Operation operation);
    void finish();
    QString failureText(const gitlab::Status &status) const;
    void sendCreate();
    void lookUpCreated();
    void keep(const gitlab::Trigger &trigger);
    void lookUpRenamed();
    void lookUpRevoked();

    QPointer<gitlab::Connection> m_connection;
    QPointer<TriggerVault> m_vault;
    presets::AccountContext m_account;
    qint64 m_projectId = 0;
    Operation m_operation = Operation::None;
    QPointer<gitlab::Request> m_request;

    QString m_description;
    QDate m_expiresAt;
    qint64 m_triggerId = 0;
    QSet<qint64> m_idsBefore;
    bool m_idsBeforeKnown = false;
    QDateTime m_sentAt;
};

} // namespace pipedeck::triggers
