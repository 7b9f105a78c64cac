#pragma once

// A real org.freedesktop.Notifications service for the tests, on a private bus of their own
// (a dbus-daemon the test starts): it records every Notify call and emits ActionInvoked and
// NotificationClosed like a desktop's notification daemon. It answers from a thread of its
// own, so a test can make a blocking call to it as a barrier ("everything sent before this
// has arrived").
#include <QDBusConnection>
#include <QMutex>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryFile>
#include <QThread>
#include <QVariantMap>

namespace watchtest {

struct NotifyCall
{
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions; //!< key, label, key, label, ...
    QVariantMap hints;
    int expireTimeout = 0;
    uint id = 0; //!< what the server answered
};

class NotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit NotificationServer(QStringList capabilities);

    QList<NotifyCall> calls() const;
    int callCount() const;
    void clear();

public Q_SLOTS:
    QStringList GetCapabilities();
    uint Notify(const QString &app_name, uint replaces_id, const QString &app_icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expire_timeout);
    void CloseNotification(uint id);
    QString GetServerInformation(QString &vendor, QString &version, QString &spec_version);

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action_key);
    void NotificationClosed(uint id, uint reason);

private:
    QStringList m_capabilities;
    mutable QMutex m_mutex;
    QList<NotifyCall> m_calls;
    uint m_nextId = 1;
};

//! A dbus-daemon of the test's own, the notification server on it in its own thread, and a
//! client connection for the code under test.
class PrivateNotificationBus
{
public:
    ~PrivateNotificationBus();
    //! False with *error when dbus-daemon could not start or the name could not be taken.
    //! Without `registerNow` the server takes its name only in registerServer().
    bool start(const QStringList &capabilities, QString *error, bool registerNow = true);
    //! Before start(): a bus that activates no services (the session configuration would start
    //! a notification daemon installed on the machine for a call to its name).
    void setServiceActivation(bool on) { m_activation = on; }
    bool registerServer(QString *error);
    QDBusConnection client() const;
    //! The private bus's address (for DBUS_SESSION_BUS_ADDRESS).
    const QString &address() const { return m_address; }
    NotificationServer &server() { return *m_server; }

    //! The server acts as a desktop does when a button is pressed: ActionInvoked, then (as
    //! most servers do) NotificationClosed with reason 2 (dismissed by the user).
    void invokeAction(uint id, const QString &action);
    //! A blocking call through the client connection: every message the client sent before
    //! has reached the server when it returns.
    bool barrier() const;

private:
    QProcess m_daemon;
    QTemporaryFile m_config;
    bool m_activation = true;
    QString m_address;
    QThread m_thread;
    NotificationServer *m_server = nullptr;
    QString m_serverName;
    QString m_clientName;
};

} // namespace watchtest
