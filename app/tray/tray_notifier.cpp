#include "tray/tray_notifier.h"

#include <QSystemTrayIcon>

namespace pipedeck {

namespace {
constexpr int kBalloonMs = 10'000;
}

TrayNotifier::TrayNotifier(QSystemTrayIcon *tray, QObject *parent)
    : watch::Notifier(parent)
    , m_tray(tray)
{
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_shownKey.isEmpty())
                Q_EMIT actionInvoked(m_shownKey, QStringLiteral("default"));
        });
    }
}

void TrayNotifier::show(const watch::Notification &notification)
{
    if (!m_tray)
        return;
    m_shownKey = notification.key;
    // The balloon is plain text on every platform.
    m_tray->showMessage(notification.title, notification.body,
                        notification.critical ? QSystemTrayIcon::Critical
                                              : QSystemTrayIcon::Information,
                        kBalloonMs);
}

void TrayNotifier::withdraw(const QString &key)
{
    if (key == m_shownKey)
        m_shownKey.clear();
}

} // namespace pipedeck
