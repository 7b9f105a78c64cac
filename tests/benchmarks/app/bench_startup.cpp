// Cold start of the real `pipedeck --demo`, launched N times as a person would start it:
//  - first painted window: from the launch (fork + exec) until the line of the start-up probe
//    (app/perf, category pipedeck.perf) arrives on stderr, and the probe's own figures (since the
//    kernel started the process, since main); and the CPU time all the process's threads had
//    used by then and the time they had waited for a CPU (/proc/<pid>/task/*/schedstat): on a
//    loaded machine the first is what the start costs, the second what the load added;
//  - memory once the demo has settled: VmRSS, RssAnon, RssFile, Pss and the peak (VmHWM).
// Every run gets a fresh HOME and XDG folders: a first start with no settings and no caches.
//
//   bench_startup [--pipedeck PATH] [--runs N] [--idle-seconds S] [-- extra pipedeck arguments]
//
// QT_QPA_PLATFORM is offscreen unless the environment says otherwise (xcb under xvfb-run).
// The keychain needs a D-Bus session with gnome-keyring: scripts/bench-startup.sh sets one up.
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

constexpr int kFirstPaintTimeoutMs = 60'000;

struct Run
{
    double launchToPaintMs = 0;
    qint64 probeSinceStartMs = -1;
    qint64 probeSinceMainMs = -1;
    double cpuToPaintMs = 0;
    double runQueueToPaintMs = 0;
    pipedeck::bench::Memory memory;
    qint64 pssKb = 0;
};

qint64 pssKb(qint64 pid)
{
    QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!rollup.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = rollup.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').front().toLongLong();
    }
    return 0;
}

struct SchedTimes
{
    double onCpuMs = 0;
    double runQueueMs = 0;
};

// Of every live thread of the process so far: time on a CPU and time waiting for one (the first
// two fields of each /proc/<pid>/task/<tid>/schedstat, in nanoseconds).
SchedTimes schedTimes(qint64 pid)
{
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    qint64 onCpu = 0;
    qint64 waiting = 0;
    const QStringList tasks = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile schedstat(taskDir + QLatin1Char('/') + task + QStringLiteral("/schedstat"));
        if (!schedstat.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = schedstat.readAll().split(' ');
        onCpu += fields.value(0).toLongLong();
        waiting += fields.value(1).toLongLong();
    }
    return {double(onCpu) / 1e6, double(waiting) / 1e6};
}

std::optional<Run> startOnce(const QString &pipedeck, const QStringList &arguments, int idleSeconds)
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // XDG_RUNTIME_DIR too: a Pipedeck the user has open must not take the run over.
    for (const char *name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString dir = home.filePath(QString::fromLatin1(name));
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
        env.insert(QString::fromLatin1(name), dir);
    }
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("pipedeck.perf.info=true"));

    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer launch;
    launch.start();
    process.start(pipedeck, arguments);
    if (!process.waitForStarted(10'000)) {
        std::fprintf(stderr, "cannot start %s: %s\n", qPrintable(pipedeck),
                     qPrintable(process.errorString()));
        return std::nullopt;
    }

    static const QRegularExpression probeLine(
        QStringLiteral(R"(first paint (-?\d+) ms after process start \((\d+) ms after main\))"));
    Run run;
    QByteArray output;
    bool painted = false;
    while (!painted && launch.elapsed() < kFirstPaintTimeoutMs &&
           process.state() == QProcess::Running) {
        if (!process.waitForReadyRead(100))
            continue;
        output += process.readAll();
        const QRegularExpressionMatch match = probeLine.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            run.launchToPaintMs = double(launch.nsecsElapsed()) / 1e6;
            const SchedTimes sched = schedTimes(process.processId());
            run.cpuToPaintMs = sched.onCpuMs;
            run.runQueueToPaintMs = sched.runQueueMs;
            run.probeSinceStartMs = match.captured(1).toLongLong();
            run.probeSinceMainMs = match.captured(2).toLongLong();
            painted = true;
        }
    }
    if (!painted) {
        std::fprintf(stderr, "no first-paint line from pipedeck; its output:\n%s\n",
                     output.constData());
        process.kill();
        process.waitForFinished(5000);
        return std::nullopt;
    }

    // Let the demo settle: sign-in, projects, the simulator's clock ticking along.
    QElapsedTimer idle;
    idle.start();
    while (idle.elapsed() < qint64(idleSeconds) * 1000 && process.state() == QProcess::Running) {
        if (process.waitForReadyRead(200))
            process.readAll();
    }
    if (process.state() != QProcess::Running) {
        std::fprintf(stderr, "pipedeck ended while idle (exit code %d)\n", process.exitCode());
        return std::nullopt;
    }
    const qint64 pid = process.processId();
    run.memory = pipedeck::bench::memory(QStringLiteral("/proc/%1/status").arg(pid));
    run.pssKb = pssKb(pid);

    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return run;
}

struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
};

template<class Get> Spread spread(const QList<Run> &runs, Get get)
{
    QList<double> values;
    for (const Run &run : runs)
        values.append(get(run));
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return {median, values.first(), values.last()};
}

double mb(qint64 kb)
{
    return double(kb) / 1024.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString pipedeck = QStringLiteral(PIPEDECK_EXECUTABLE);
    int runs = 5;
    int idleSeconds = 10;
    QStringList extra;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--pipedeck") && i + 1 < args.size())
            pipedeck = args.at(++i);
        else if (a == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else if (a == QLatin1String("--idle-seconds") && i + 1 < args.size())
            idleSeconds = std::max(0, args.at(++i).toInt());
        else if (a == QLatin1String("--")) {
            extra = args.mid(i + 1);
            break;
        } else {
            std::fprintf(stderr,
                         "usage: bench_startup [--pipedeck PATH] [--runs N] [--idle-seconds S] "
                         "[-- pipedeck arguments]\n");
            return 2;
        }
    }
    const QStringList arguments = QStringList{QStringLiteral("--demo")} + extra;
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen"));
    std::printf("pipedeck %s, QT_QPA_PLATFORM=%s, %d runs, memory read %d s after first paint\n",
                qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(platform), runs,
                idleSeconds);

    QList<Run> done;
    for (int i = 0; i < runs; ++i) {
        const std::optional<Run> run = startOnce(pipedeck, arguments, idleSeconds);
        if (!run)
            return 1;
        done.append(*run);
        std::printf("run %d: first paint %.1f ms after launch (probe: %lld ms after process "
                    "start, %lld ms after main; %.1f ms on a CPU, %.1f ms waiting for one); VmRSS "
                    "%.1f MB, RssAnon %.1f MB, "
                    "RssFile %.1f MB, Pss %.1f MB, VmHWM %.1f MB\n",
                    i + 1, run->launchToPaintMs, static_cast<long long>(run->probeSinceStartMs),
                    static_cast<long long>(run->probeSinceMainMs), run->cpuToPaintMs,
                    run->runQueueToPaintMs, mb(run->memory.rssKb), mb(run->memory.anonKb),
                    mb(run->memory.fileKb), mb(run->pssKb), mb(run->memory.peakKb));
        std::fflush(stdout);
        QThread::msleep(500); // the keyring and the X server settle between runs
    }

    const auto row = [&](const char *what, const char *unit, auto get) {
        const Spread s = spread(done, get);
        std::printf("%-34s %8.1f %8.1f %8.1f  %s\n", what, s.median, s.min, s.max, unit);
    };
    std::printf("\n%-34s %8s %8s %8s\n", "", "median", "min", "max");
    row("first paint after launch", "ms", [](const Run &r) { return r.launchToPaintMs; });
    row("first paint after process start", "ms",
        [](const Run &r) { return double(r.probeSinceStartMs); });
    row("first paint after main()", "ms", [](const Run &r) { return double(r.probeSinceMainMs); });
    row("CPU time until first paint", "ms", [](const Run &r) { return r.cpuToPaintMs; });
    row("waiting for a CPU until then", "ms", [](const Run &r) { return r.runQueueToPaintMs; });
    row("idle VmRSS", "MB", [](const Run &r) { return mb(r.memory.rssKb); });
    row("idle RssAnon", "MB", [](const Run &r) { return mb(r.memory.anonKb); });
    row("idle RssFile", "MB", [](const Run &r) { return mb(r.memory.fileKb); });
    row("idle Pss", "MB", [](const Run &r) { return mb(r.pssKb); });
    row("peak VmHWM", "MB", [](const Run &r) { return mb(r.memory.peakKb); });
    return 0;
}
