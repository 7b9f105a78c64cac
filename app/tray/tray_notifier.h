#pragma once

#include "watch/notifier.h"

#include <QPointer>

class QSystemTrayIcon;

namespace pipedeck {

//! Notifications as the tray icon's balloons (QSystemTrayIcon::showMessage): Windows and macOS,
//! and a Linux desktop without a notification server. No buttons; a click on the balloon opens
//! what it is about ("default"). A balloon cannot be updated or withdrawn: a later one for
//! the same key simply replaces it on screen.
class TrayNotifier final : public watch::Notifier
{
    Q_OBJECT
public:
    explicit TrayNotifier(QSystemTrayIcon *tray, QObject *parent = nullptr);

    bool supportsActions() const override { return false; }
    void show(const watch::Notification &notification) override;
    void withdraw(const QString &key) override;

    //! The key of the balloon on screen (the one a click is about); empty when none.
    const QString &shownKey() const { return m_shownKey; }

private:
    QPointer<QSystemTrayIcon> m_tray;
    QString m_shownKey;
};

} // namespace pipedeck
