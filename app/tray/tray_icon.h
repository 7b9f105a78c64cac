#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace pipedeck {

namespace watch {
class NotificationCenter;
class WatchList;
class WatchOverview;
} // namespace watch

//! Pipedeck in the system tray (a StatusNotifierItem on Linux): the worst state of what is
//! watched as the icon (failed, running, passed: told by the glyph's shape, not by colour
//! alone), the counts as its tooltip, and a menu with the watched pipelines (a click opens
//! one), pausing notifications, showing or hiding the window and quitting.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    //! The icon is created hidden: show() it where a tray is available.
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    //! What it shows and acts on; none owned. (Set after construction: the notifier of the
    //! tray's balloons needs the icon before the watching exists.)
    void setWatching(watch::WatchOverview *overview, watch::WatchList *watches,
                     watch::NotificationCenter *center);

    void show();
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu.get(); }
    //! What the icon shows now (for tests and the tooltip): Nothing/Passed/Running/Failed.
    QString iconPath() const { return m_iconPath; }
    QString toolTip() const;

    //! The window is on screen: the menu offers Hide Window, else Show Window.
    void setWindowShown(bool shown);

    QAction *pauseHourAction() const { return m_pauseHour; }
    QAction *pauseTomorrowAction() const { return m_pauseTomorrow; }
    QAction *resumeAction() const { return m_resume; }
    QAction *windowAction() const { return m_window; }
    QAction *quitAction() const { return m_quit; }
    //! The watched pipelines' lines, newest change first.
    QList<QAction *> pipelineActions() const { return m_pipelineActions; }

Q_SIGNALS:
    void openPipelineRequested(const QString &accountId, qint64 projectId, qint64 pipelineId);
    void showWindowRequested();
    void hideWindowRequested();
    void quitRequested();

private:
    void rebuild();
    void updateIcon();
    void updatePause();
    QString projectPathOf(const QString &accountId, qint64 pipelineId, const QUrl &webUrl) const;

    QPointer<watch::WatchOverview> m_overview;
    QPointer<watch::WatchList> m_watches;
    QPointer<watch::NotificationCenter> m_center;
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_menu; // a QMenu has no QObject parent: QSystemTrayIcon does not own it
    QAction *m_pipelinesEnd = nullptr;
    QList<QAction *> m_pipelineActions;
    QAction *m_nothing = nullptr;
    QAction *m_pauseHour = nullptr;
    QAction *m_pauseTomorrow = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_window = nullptr;
    QAction *m_quit = nullptr;
    QString m_iconPath;
    bool m_windowShown = true;
};

} // namespace pipedeck
