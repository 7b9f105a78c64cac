#include "watch/dbus_notifier.h"

#include "watch/watch_logging.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QVariantMap>

namespace pipedeck::watch {

namespace {

constexpr auto kInterface = "org.freedesktop.Notifications";
constexpr uchar kUrgencyNormal = 1;
constexpr uchar kUrgencyCritical = 2;
constexpr int kServerDefaultTimeout = -1;

QDBusMessage methodCall(const char *method)
{
    return QDBusMessage::createMethodCall(QLatin1String(DBusNotifier::kService),
                                          QLatin1String(DBusNotifier::kPath),
                                          QLatin1String(kInterface), QLatin1String(method));
}

} // namespace

DBusNotifier::DBusNotifier(QDBusConnection bus, QObject *parent)
    : Notifier(parent)
    , m_bus(std::move(bus))
{
    const QString service = QLatin1String(kService);
    const QString path = QLatin1String(kPath);
    const QString interface = QLatin1String(kInterface);
    if (!m_bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this,
                       SLOT(onActionInvoked(uint, QString))) ||
        !m_bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this,
                       SLOT(onNotificationClosed(uint, uint))))
        qCWarning(lcWatch) << "cannot listen to the notification server's signals:"
                           << m_bus.lastError().message();
    m_serverWatcher =
        new QDBusServiceWatcher(service, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_serverWatcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                // Another server knows nothing of our ids, and may support other things.
                m_ids.clear();
                m_keys.clear();
                if (newOwner.isEmpty())
                    return;
                qCInfo(lcWatch) << "a notification server appeared";
                queryCapabilities();
            });
    queryCapabilities();
}

bool DBusNotifier::supportsActions() const
{
    return m_capabilities.contains(QLatin1String("actions"));
}

void DBusNotifier::queryCapabilities()
{
    const quint64 query = ++m_capabilityQuery;
    auto *call = new QDBusPendingCallWatcher(m_bus.asyncCall(methodCall("GetCapabilities")), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this, call, query] {
        call->deleteLater();
        if (query != m_capabilityQuery)
            return;
        const QDBusPendingReply<QStringList> reply = *call;
        if (reply.isError())
            qCWarning(lcWatch) << "no notification server:" << reply.error().message();
        m_capabilities = reply.isError() ? QStringList() : reply.value();
        m_capabilitiesKnown = true;
        qCDebug(lcWatch) << "notification server capabilities" << m_capabilities;
        Q_EMIT capabilitiesChanged();
        const QList<Notification> waiting = std::exchange(m_waitingForCapabilities, {});
        for (const Notification &notification : waiting)
            show(notification);
    });
}

void DBusNotifier::show(const Notification &notification)
{
    if (!m_capabilitiesKnown) {
        for (Notification &waiting : m_waitingForCapabilities) {
            if (waiting.key == notification.key) {
                waiting = notification;
                return;
            }
        }
        m_waitingForCapabilities.append(notification);
        return;
    }
    const auto inFlight = m_inFlight.find(notification.key);
    if (inFlight != m_inFlight.end()) {
        *inFlight = notification; // sent with the id the first Notify gets
        return;
    }
    send(notification);
}

void DBusNotifier::send(const Notification &notification)
{
    const bool markup = m_capabilities.contains(QLatin1String("body-markup"));
    QStringList actions;
    if (supportsActions()) {
        for (const NotificationAction &action : notification.actions)
            actions << action.key << action.label;
    }
    QVariantMap hints;
    hints.insert(
        QStringLiteral("urgency"),
        QVariant::fromValue<uchar>(notification.critical ? kUrgencyCritical : kUrgencyNormal));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("pipedeck"));
    QDBusMessage message = methodCall("Notify");
    message << QStringLiteral("Pipedeck") << m_ids.value(notification.key) << QString()
            << notification.title
            << (markup ? notification.body.toHtmlEscaped() : notification.body) << actions << hints
            << kServerDefaultTimeout;
    m_inFlight.insert(notification.key, std::nullopt);
    auto *call = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    const QString key = notification.key;
    connect(call, &QDBusPendingCallWatcher::finished, this,
            [this, key, call] { onNotifyReply(key, call); });
}

void DBusNotifier::onNotifyReply(const QString &key, QDBusPendingCallWatcher *call)
{
    call->deleteLater();
    const QDBusPendingReply<uint> reply = *call;
    if (reply.isError()) {
        qCWarning(lcWatch) << "Notify failed:" << reply.error().message();
    } else {
        const uint id = reply.value();
        const uint before = m_ids.value(key);
        if (before && before != id)
            m_keys.remove(before);
        m_ids.insert(key, id);
        m_keys.insert(id, key);
    }
    const std::optional<Notification> next = m_inFlight.take(key);
    if (next)
        send(*next);
}

void DBusNotifier::withdraw(const QString &key)
{
    const uint id = m_ids.value(key);
    if (!id)
        return;
    QDBusMessage message = methodCall("CloseNotification");
    message << id;
    m_bus.asyncCall(message);
}

void DBusNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto key = m_keys.constFind(id);
    if (key == m_keys.cend())
        return; // another application's notification
    Q_EMIT actionInvoked(*key, action);
}

void DBusNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    const auto key = m_keys.constFind(id);
    if (key == m_keys.cend())
        return;
    const QString closed = *key;
    m_keys.remove(id);
    m_ids.remove(closed);
    Q_EMIT dismissed(closed);
}

} // namespace pipedeck::watch
