#include "tray/tray_icon.h"

#include "watch/notification_center.h"
#include "watch/watch_event.h"
#include "watch/watch_list.h"
#include "watch/watch_overview.h"
#include "widgets/status_style.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>

namespace pipedeck {

using gitlab::CiStatus;
using watch::WatchOverview;

namespace {
constexpr qint64 kHourMs = 60 * 60 * 1000;
const QString kAppIcon = QStringLiteral(":/icons/pipedeck.svg");
} // namespace

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_menu->setAccessibleName(tr("Pipedeck"));
    QAction *heading = m_menu->addSection(tr("Watched Pipelines"));
    heading->setObjectName(QStringLiteral("trayWatchedHeading"));
    m_nothing = m_menu->addAction(tr("Nothing watched"));
    m_nothing->setEnabled(false);
    m_pipelinesEnd = m_menu->addSeparator();
    m_pauseHour = m_menu->addAction(tr("Pause Notifications for 1 Hour"));
    m_pauseHour->setObjectName(QStringLiteral("trayPauseHour"));
    m_pauseTomorrow = m_menu->addAction(tr("Pause Notifications Until Tomorrow"));
    m_pauseTomorrow->setObjectName(QStringLiteral("trayPauseTomorrow"));
    m_resume = m_menu->addAction(tr("Resume Notifications"));
    m_resume->setObjectName(QStringLiteral("trayResume"));
    m_menu->addSeparator();
    m_window = m_menu->addAction(tr("Hide Window"));
    m_window->setObjectName(QStringLiteral("trayWindow"));
    m_quit = m_menu->addAction(tr("Quit Pipedeck"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));

    connect(m_pauseHour, &QAction::triggered, this, [this] {
        if (m_center)
            m_center->pauseFor(kHourMs);
    });
    connect(m_pauseTomorrow, &QAction::triggered, this, [this] {
        if (m_center)
            m_center->pauseUntilTomorrow();
    });
    connect(m_resume, &QAction::triggered, this, [this] {
        if (m_center)
            m_center->resume();
    });
    connect(m_window, &QAction::triggered, this, [this] {
        if (m_windowShown)
            Q_EMIT hideWindowRequested();
        else
            Q_EMIT showWindowRequested();
    });
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    // A finished pipeline stays listed until it has been seen in the menu.
    connect(m_menu.get(), &QMenu::aboutToHide, this, [this] {
        if (m_overview)
            m_overview->acknowledge();
    });
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                    if (m_windowShown)
                        Q_EMIT hideWindowRequested();
                    else
                        Q_EMIT showWindowRequested();
                }
            });
    m_tray->setContextMenu(m_menu.get());
    rebuild();
    updatePause();
}

void TrayIcon::setWatching(WatchOverview *overview, watch::WatchList *watches,
                           watch::NotificationCenter *center)
{
    m_overview = overview;
    m_watches = watches;
    m_center = center;
    if (m_overview)
        connect(m_overview, &WatchOverview::changed, this, &TrayIcon::rebuild);
    if (m_center)
        connect(m_center, &watch::NotificationCenter::pausedChanged, this, &TrayIcon::updatePause);
    rebuild();
    updatePause();
}

TrayIcon::~TrayIcon()
{
    m_tray->setContextMenu(nullptr);
}

void TrayIcon::show()
{
    m_tray->show();
}

QString TrayIcon::toolTip() const
{
    QString text = QStringLiteral("Pipedeck");
    if (m_overview)
        text += QLatin1Char('\n') + m_overview->toolTip();
    if (m_center && m_center->isPaused()) {
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(m_center->pausedUntilMs());
        text += QLatin1Char('\n') +
                tr("Notifications paused until %1")
                    .arg(QLocale().toString(until.toLocalTime(), QLocale::ShortFormat));
    }
    return text;
}

void TrayIcon::setWindowShown(bool shown)
{
    m_windowShown = shown;
    m_window->setText(shown ? tr("Hide Window") : tr("Show Window"));
}

QString TrayIcon::projectPathOf(const QString &accountId, qint64 pipelineId,
                                const QUrl &webUrl) const
{
    const QString fromUrl = watch::projectPathFromWebUrl(webUrl);
    if (!fromUrl.isEmpty() || !m_watches)
        return fromUrl;
    const auto watch = m_watches->find(accountId, pipelineId);
    return watch ? watch->projectPath : QString();
}

void TrayIcon::rebuild()
{
    for (QAction *action : std::as_const(m_pipelineActions)) {
        m_menu->removeAction(action);
        delete action;
    }
    m_pipelineActions.clear();
    const QList<watch::WatchedPipeline> pipelines =
        m_overview ? m_overview->pipelines() : QList<watch::WatchedPipeline>{};
    m_nothing->setVisible(pipelines.isEmpty());
    for (const watch::WatchedPipeline &watched : pipelines) {
        const gitlab::Pipeline &pipeline = watched.pipeline;
        const QString project = projectPathOf(watched.accountId, pipeline.id, pipeline.webUrl);
        QStringList subject;
        if (!project.isEmpty())
            subject.append(project);
        subject.append(tr("Pipeline #%1").arg(pipeline.id));
        if (!pipeline.ref.isEmpty())
            subject.append(pipeline.ref);
        // The status in words as well as by the icon's shape.
        const QString text =
            tr("%1: %2", "pipeline, status")
                .arg(subject.join(QStringLiteral(" · ")),
                     StatusStyle::label(pipeline.status, false, pipeline.statusName));
        auto *action = new QAction(StatusStyle::icon(pipeline.status), text, m_menu.get());
        const QString accountId = watched.accountId;
        const qint64 projectId = pipeline.projectId;
        const qint64 pipelineId = pipeline.id;
        connect(action, &QAction::triggered, this, [this, accountId, projectId, pipelineId] {
            Q_EMIT openPipelineRequested(accountId, projectId, pipelineId);
        });
        m_menu->insertAction(m_pipelinesEnd, action);
        m_pipelineActions.append(action);
    }
    updateIcon();
}

void TrayIcon::updateIcon()
{
    const WatchOverview::State state =
        m_overview ? m_overview->state() : WatchOverview::State::Nothing;
    switch (state) {
    case WatchOverview::State::Failed:
        m_iconPath = StatusStyle::iconPath(CiStatus::Failed);
        break;
    case WatchOverview::State::Running:
        m_iconPath = StatusStyle::iconPath(CiStatus::Running);
        break;
    case WatchOverview::State::Passed:
        m_iconPath = StatusStyle::iconPath(CiStatus::Success);
        break;
    case WatchOverview::State::Nothing:
        m_iconPath = kAppIcon;
        break;
    }
    m_tray->setIcon(QIcon(m_iconPath));
    m_tray->setToolTip(toolTip());
}

void TrayIcon::updatePause()
{
    const bool paused = m_center && m_center->isPaused();
    m_pauseHour->setVisible(!paused);
    m_pauseTomorrow->setVisible(!paused);
    m_resume->setVisible(paused);
    m_tray->setToolTip(toolTip());
}

} // namespace pipedeck
