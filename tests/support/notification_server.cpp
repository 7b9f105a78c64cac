#include "support/notification_server.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QUuid>

namespace watchtest {

NotificationServer::NotificationServer(QStringList capabilities)
    : m_capabilities(std::move(capabilities))
{}

QList<NotifyCall> NotificationServer::calls() const
{
    QMutexLocker lock(&m_mutex);
    return m_calls;
}

int NotificationServer::callCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_calls.size());
}

void NotificationServer::clear()
{
    QMutexLocker lock(&m_mutex);
    m_calls.clear();
}

QStringList NotificationServer::GetCapabilities()
{
    return m_capabilities;
}

uint NotificationServer::Notify(const QString &app_name, uint replaces_id, const QString &app_icon,
                                const QString &summary, const QString &body,
                                const QStringList &actions, const QVariantMap &hints,
                                int expire_timeout)
{
    QMutexLocker lock(&m_mutex);
    NotifyCall call{app_name, replaces_id,    app_icon,
                    summary,  body,           actions,
                    hints,    expire_timeout, replaces_id ? replaces_id : m_nextId++};
    m_calls.append(call);
    return call.id;
}

void NotificationServer::CloseNotification(uint id)
{
    Q_EMIT NotificationClosed(id, 3);
}

QString NotificationServer::GetServerInformation(QString &vendor, QString &version,
                                                 QString &spec_version)
{
    vendor = QStringLiteral("Pipedeck tests");
    version = QStringLiteral("1");
    spec_version = QStringLiteral("1.2");
    return QStringLiteral("test-notification-server");
}

PrivateNotificationBus::~PrivateNotificationBus()
{
    QDBusConnection::disconnectFromBus(m_clientName);
    if (m_server) {
        NotificationServer *server = m_server;
        const QString name = m_serverName;
        QMetaObject::invokeMethod(
            server,
            [server, name] {
                QDBusConnection::disconnectFromBus(name);
                delete server;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
}

bool PrivateNotificationBus::start(const QStringList &capabilities, QString *error,
                                   bool registerNow)
{
    m_daemon.setProgram(QStringLiteral("dbus-daemon"));
    QString config = QStringLiteral("--session");
    if (!m_activation) {
        // The session bus's own rules, without its service directories.
        if (!m_config.open()) {
            *error = QStringLiteral("cannot write the bus configuration");
            return false;
        }
        m_config.write(
            R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)");
        m_config.close();
        config = QStringLiteral("--config-file=") + m_config.fileName();
    }
    m_daemon.setArguments({config, QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                           QStringLiteral("--print-address=1")});
    m_daemon.start();
    if (!m_daemon.waitForStarted(5000)) {
        *error =
            QStringLiteral("dbus-daemon did not start (package dbus): ") + m_daemon.errorString();
        return false;
    }
    while (!m_daemon.canReadLine()) {
        if (!m_daemon.waitForReadyRead(5000)) {
            *error = QStringLiteral("dbus-daemon printed no address");
            return false;
        }
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128);
    m_serverName = QStringLiteral("notification-server-") + suffix;
    m_clientName = QStringLiteral("notification-client-") + suffix;

    m_thread.start();
    m_server = new NotificationServer(capabilities);
    m_server->moveToThread(&m_thread);
    if (registerNow && !registerServer(error))
        return false;
    if (!client().isConnected()) {
        *error = QStringLiteral("the client cannot connect to the private bus");
        return false;
    }
    return true;
}

bool PrivateNotificationBus::registerServer(QString *error)
{
    // Registered from its own thread: QtDBus parents helper objects to it.
    bool registered = false;
    QString failure;
    QMetaObject::invokeMethod(
        m_server,
        [this, &registered, &failure] {
            QDBusConnection serverBus = QDBusConnection::connectToBus(m_address, m_serverName);
            if (!serverBus.isConnected()) {
                failure = QStringLiteral("cannot connect to the private bus: ") +
                          serverBus.lastError().message();
                return;
            }
            if (!serverBus.registerObject(
                    QStringLiteral("/org/freedesktop/Notifications"), m_server,
                    QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals) ||
                !serverBus.registerService(QStringLiteral("org.freedesktop.Notifications"))) {
                failure = QStringLiteral("cannot register org.freedesktop.Notifications: ") +
                          serverBus.lastError().message();
                return;
            }
            registered = true;
        },
        Qt::BlockingQueuedConnection);
    if (!registered)
        *error = failure;
    return registered;
}

QDBusConnection PrivateNotificationBus::client() const
{
    QDBusConnection bus(m_clientName);
    if (bus.isConnected())
        return bus;
    return QDBusConnection::connectToBus(m_address, m_clientName);
}

void PrivateNotificationBus::invokeAction(uint id, const QString &action)
{
    NotificationServer *server = m_server;
    QMetaObject::invokeMethod(
        server,
        [server, id, action] {
            Q_EMIT server->ActionInvoked(id, action);
            Q_EMIT server->NotificationClosed(id, 2);
        },
        Qt::BlockingQueuedConnection);
}

bool PrivateNotificationBus::barrier() const
{
    const QDBusMessage reply = client().call(QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("GetCapabilities")));
    return reply.type() == QDBusMessage::ReplyMessage;
}

} // namespace watchtest
