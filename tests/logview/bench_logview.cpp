// Measures the log view (not a test; figures go into docs/log-viewer.md):
//   bench_logview [--demo] [--cold] [--follow MB] [FILE...]
// For each log (--demo: pipedeck-sim's 50 MiB demo log, written to a temporary file):
// open-to-first-paint, full index, jump to a line (goToLine + paint), fold/unfold of the
// biggest section (+ paint). --follow MB: appends MB megabytes of the first log to a growing
// cache while the view is pinned to the end, and reports the throughput and the longest
// GUI-thread stall (gap between ticks of a 2 ms timer).
#include "core/logging.h"
#include "log/logdocument.h"
#include "log/logengine.h"
#include "logview/log_view.h"
#include "sim/trace_generator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace pipedeck;

namespace {

double ms(qint64 ns)
{
    return ns / 1e6;
}

void waitUntil(const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
}

struct Percentiles
{
    double median = 0;
    double max = 0;
};

Percentiles percentiles(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    if (values.empty())
        return {};
    return {values[values.size() / 2], values.back()};
}

void measureFile(const QString &path, const QString &label)
{
    LogView view;
    view.resize(1400, 900);
    view.show();
    QCoreApplication::processEvents();

    QElapsedTimer timer;
    timer.start();
    log::LogDocument document;
    QString error;
    if (!document.openFile(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return;
    }
    const qint64 openedNs = timer.nsecsElapsed();
    view.setDocument(&document);
    waitUntil([&] { return view.lineCount() > 0; });
    const qint64 linesNs = timer.nsecsElapsed();
    view.viewport()->repaint();
    const qint64 firstPaintNs = timer.nsecsElapsed();
    qCInfo(lcPerf).noquote() << label << "open-to-first-paint" << ms(firstPaintNs)
                             << "ms (file mapped after" << ms(openedNs)
                             << "ms, first lines in the view after" << ms(linesNs) << "ms)";

    {
        qsizetype longest = 0;
        const auto shown = view.renderedLines(0, view.visibleRowCount());
        for (const auto &line : shown)
            longest = qMax(longest, line.text.size());
        QElapsedTimer again;
        again.start();
        view.viewport()->repaint();
        qCInfo(lcPerf).noquote() << label << "first screen: longest line" << longest
                                 << "characters; painted again in" << ms(again.nsecsElapsed())
                                 << "ms";
    }
    document.waitForIndexed();
    const qint64 indexedNs = timer.nsecsElapsed();
    waitUntil([&] { return view.lineCount() == document.engine()->lineCount(); });
    QCoreApplication::processEvents();
    const qint64 lines = view.lineCount();
    qCInfo(lcPerf).noquote() << label << "indexed" << document.engine()->byteSize() << "bytes,"
                             << lines << "lines in" << ms(indexedNs) << "ms";

    // Jumps to random lines (with the paint that shows them).
    std::vector<double> jumps;
    QRandomGenerator random(7);
    for (int i = 0; i < 50; ++i) {
        const qint64 line = qint64(random.generate64() % quint64(lines));
        QElapsedTimer jump;
        jump.start();
        view.goToLine(line);
        view.viewport()->repaint();
        jumps.push_back(ms(jump.nsecsElapsed()));
    }
    const Percentiles jump = percentiles(jumps);
    qCInfo(lcPerf).noquote() << label << "jump + paint: median" << jump.median << "ms, max"
                             << jump.max << "ms";

    // Fold and unfold the section with the most lines.
    const auto &sections = view.sections();
    int biggest = -1;
    qint64 biggestLines = 0;
    for (size_t i = 0; i < sections.size(); ++i) {
        const qint64 end = sections[i].endLine < 0 ? lines - 1 : sections[i].endLine;
        if (end - sections[i].startLine > biggestLines) {
            biggestLines = end - sections[i].startLine;
            biggest = int(i);
        }
    }
    if (biggest >= 0) {
        view.setAllFolded(false);
        view.scrollToLine(sections[size_t(biggest)].startLine, LogView::ScrollHint::Top);
        std::vector<double> folds, unfolds;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer fold;
            fold.start();
            view.setFolded(biggest, true);
            view.viewport()->repaint();
            folds.push_back(ms(fold.nsecsElapsed()));
            fold.restart();
            view.setFolded(biggest, false);
            view.viewport()->repaint();
            unfolds.push_back(ms(fold.nsecsElapsed()));
        }
        qCInfo(lcPerf).noquote() << label << "fold of a" << biggestLines
                                 << "line section + paint: max" << percentiles(folds).max
                                 << "ms; unfold + paint: max" << percentiles(unfolds).max << "ms";
    }
}

void measureFollow(const QString &sourcePath, qint64 megabytes, const QString &cacheDir)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return;
    const qint64 total = qMin(source.size(), megabytes << 20);
    const uchar *bytes = source.map(0, total);
    LogView view;
    view.resize(1400, 900);
    view.show();
    log::LogDocument document;
    QString error;
    if (!document.startCache(cacheDir + QStringLiteral("/follow.cache"), &error))
        return;
    view.setDocument(&document);

    // The longest time the GUI thread did not get round to a 2 ms timer.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 worstGap = 0;
    QTimer ticker;
    ticker.setInterval(2);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick > 0)
            worstGap = qMax(worstGap, now - lastTick);
        lastTick = now;
    });
    ticker.start();

    // Appends 1 MiB pieces as fast as the document takes them, keeping at most 16 MiB queued.
    constexpr qint64 kPiece = qint64(1) << 20;
    qint64 appended = 0;
    int atEndChecks = 0, atEnd = 0;
    QElapsedTimer timer;
    timer.start();
    QTimer feeder;
    feeder.setInterval(0);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        if (appended >= total) {
            feeder.stop();
            return;
        }
        if (appended - document.engine()->indexedBytes() > 16 * kPiece)
            return;
        const qint64 n = qMin(kPiece, total - appended);
        document.append(QByteArrayView(reinterpret_cast<const char *>(bytes) + appended, n));
        appended += n;
        ++atEndChecks;
        atEnd += view.isAtEnd() ? 1 : 0;
    });
    feeder.start();
    waitUntil([&] {
        return appended >= total && document.engine()->indexedBytes() >= total &&
               view.lineCount() == document.engine()->lineCount();
    });
    const double seconds = timer.nsecsElapsed() / 1e9;
    qCInfo(lcPerf).noquote() << "follow:" << total << "bytes appended and shown in" << seconds * 1e3
                             << "ms (" << total / seconds / 1e6 << "MB/s ), pinned at the end in"
                             << atEnd << "of" << atEndChecks << "appends, longest GUI stall"
                             << ms(worstGap) << "ms";
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("pipedeck.perf.info=true\npipedeck.perf.debug=false"));
    QStringList files;
    bool demo = false;
    bool cold = false;
    qint64 followMb = 0;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--demo"))
            demo = true;
        else if (args[i] == QLatin1String("--cold"))
            cold = true;
        else if (args[i] == QLatin1String("--follow") && i + 1 < args.size())
            followMb = args[++i].toLongLong();
        else
            files << args[i];
    }
    QTemporaryDir dir;
    if (demo) {
        const QString path = dir.filePath(QStringLiteral("demo-50mib.log"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(sim::generateBigLog(qint64(50) << 20, 1, 1700000000000)) < 0)
            return 1;
        file.close();
        files.prepend(path);
    }
    // The first text a process paints loads fonts and fills glyph caches (tens of ms, once per
    // run, whatever the log): do it on a tiny log first, as the app has done by the time a log
    // is opened. Japanese and an emoji are in it because the first of those looks for fallback
    // fonts through fontconfig, which reads font files: with the page cache dropped that is
    // ~35 ms, and once, while the disk was writing back 1.1 GB of generated logs, 1.4 s.
    // --cold leaves the warm-up out: the first paint then includes all of it, as for
    // `pipedeck FILE`.
    if (!cold) {
        const QString warm = dir.filePath(QStringLiteral("warm-up.log"));
        QFile file(warm);
        if (file.open(QIODevice::WriteOnly))
            file.write("warm-up \x1b[1mbold\x1b[0m \x1b[31mred\x1b[0m "
                       "\xe6\xb3\xa8\xe6\x96\x87 \xf0\x9f\x93\x88\n");
        file.close();
        measureFile(warm, QStringLiteral("warm-up"));
    }
    for (const QString &path : std::as_const(files))
        measureFile(path, QFileInfo(path).fileName());
    if (followMb > 0 && !files.isEmpty())
        measureFollow(files.first(), followMb, dir.path());
    return 0;
}
