#pragma once

#include "watch/notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QStringList>
#include <optional>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

namespace pipedeck::watch {

//! Desktop notifications through org.freedesktop.Notifications (Desktop Notifications
//! Specification 1.2) on the given bus.
//!
//! - GetCapabilities is asked first; notifications wait for the answer. Buttons are sent only
//!   when the server lists "actions"; text is escaped when it lists "body-markup" (GitLab's
//!   text is plain text, never markup).
//! - One notification per key: a later show() passes the earlier id as replaces_id, and a
//!   show() while the first Notify is unanswered waits for its id instead of opening a second.
//! - Hints: urgency 2 (critical) for failures, 1 otherwise; desktop-entry "pipedeck", so the
//!   server shows the application's name and icon.
//! - ActionInvoked and NotificationClosed of our ids become actionInvoked() and dismissed().
//! - A server that starts (or is replaced) after Pipedeck is asked again: at login the
//!   desktop's notification daemon often comes up later than autostarted applications.
class DBusNotifier final : public Notifier
{
    Q_OBJECT
public:
    explicit DBusNotifier(QDBusConnection bus = QDBusConnection::sessionBus(),
                          QObject *parent = nullptr);

    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";

    bool supportsActions() const override;
    void show(const Notification &notification) override;
    void withdraw(const QString &key) override;

    //! Empty until GetCapabilities answered (or when the server is not there).
    const QStringList &capabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }
    //! The server's id of a key's notification; 0 when none is shown.
    uint idOf(const QString &key) const { return m_ids.value(key); }

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    void queryCapabilities();
    void send(const Notification &notification);
    void onNotifyReply(const QString &key, QDBusPendingCallWatcher *call);

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_serverWatcher = nullptr;
    quint64 m_capabilityQuery = 0; //!< answers to older queries are ignored
    QStringList m_capabilities;
    bool m_capabilitiesKnown = false;
    QList<Notification> m_waitingForCapabilities;
    QHash<QString, uint> m_ids;
    QHash<uint, QString> m_keys;
    QHash<QString, std::optional<Notification>> m_inFlight; //!< key -> the next one to send
};

} // namespace pipedeck::watch
