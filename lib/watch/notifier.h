#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace pipedeck::watch {

struct NotificationAction
{
    QString key;   //!< "open", "retry", "log", "play" (and "default": a click on the body)
    QString label; //!< translated

    friend bool operator==(const NotificationAction &, const NotificationAction &) = default;
};

//! What one desktop notification says. Plain text only: a backend that renders markup
//! escapes it.
struct Notification
{
    //! Stable per subject ("<account>|<pipeline id>", or "summary"): a second notification
    //! with the same key updates the first in place.
    QString key;
    QString title;
    QString body;
    bool critical = false; //!< failures: urgency critical where the platform has it
    QList<NotificationAction> actions;

    friend bool operator==(const Notification &, const Notification &) = default;
};

//! A platform's notifications: org.freedesktop.Notifications on Linux (DBusNotifier), a tray
//! balloon (QSystemTrayIcon::showMessage, in the app) on Windows and macOS.
class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    //! The server shows buttons. Without them only a click ("default") reaches Pipedeck.
    virtual bool supportsActions() const = 0;
    virtual void show(const Notification &notification) = 0;
    virtual void withdraw(const QString &key) = 0;

Q_SIGNALS:
    void actionInvoked(const QString &key, const QString &action);
    void dismissed(const QString &key);
    //! What the server supports became known (or changed).
    void capabilitiesChanged();
};

} // namespace pipedeck::watch
