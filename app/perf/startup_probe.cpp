#include "perf/startup_probe.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QMainWindow>
#include <QTimer>

#if defined(Q_OS_LINUX)
#include <ctime>
#include <unistd.h>
#endif

namespace pipedeck::perf {

namespace {
StartupProbe *g_probe = nullptr;
} // namespace

StartupProbe::StartupProbe()
{
    m_sinceMain.start();
    g_probe = this;
    // Runs in the QApplication constructor (or now, if there is one already).
    qAddPreRoutine(&StartupProbe::watchApplication);
}

StartupProbe::~StartupProbe()
{
    if (g_probe == this)
        g_probe = nullptr;
}

void StartupProbe::watchApplication()
{
    if (g_probe && !g_probe->m_painted && QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(g_probe);
}

qint64 StartupProbe::msSinceProcessStart()
{
#if defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces and ')': the fields after it follow the last ')'.
    const qsizetype nameEnd = line.lastIndexOf(')');
    if (nameEnd < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(nameEnd + 2).split(' ');
    constexpr qsizetype kStartTime = 22 - 3; // field 22, counted from field 3 (the state)
    bool ok = false;
    const qint64 startTicks = fields.value(kStartTime).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - startTicks * 1000 / ticksPerSecond;
#else
    return -1;
#endif
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint && watched->isWidgetType()) {
        const auto *widget = static_cast<QWidget *>(watched);
        if (qobject_cast<const QMainWindow *>(widget->window())) {
            m_painted = true;
            QCoreApplication::instance()->removeEventFilter(this);
            // The paint under way ends with the window's backing store flushed to the screen.
            QTimer::singleShot(0, this, &StartupProbe::report);
        }
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::report()
{
    const qint64 sinceMain = m_sinceMain.elapsed();
    const qint64 sinceStart = msSinceProcessStart();
    qCInfo(lcPerf).noquote() << QStringLiteral(
                                    "first paint %1 ms after process start (%2 ms after main)")
                                    .arg(sinceStart)
                                    .arg(sinceMain);
}

} // namespace pipedeck::perf
