// The log engine's performance figures (docs/log-engine.md): index, memory,
// first screen, jump, fold, search and follow, on a warm page cache.
//   bench_log FILE [--threads N] [--follow-mb M] [--skip-slow-regex]
#include "benchutil.h"

#include "log/foldmap.h"
#include "log/logdocument.h"
#include "log/logengine.h"
#include "log/logsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace pipedeck::log;
using namespace pipedeck::bench;

namespace {

QTextStream out(stdout);

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

void benchIndex(const QString &path)
{
    std::vector<double> times;
    std::vector<double> cpuTimes;
    constexpr int kRuns = 5;
    for (int run = 0; run < kRuns; ++run) {
        LogEngine engine;
        QString error;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = threadCpuNs();
        if (!engine.openFile(path, &error)) {
            out << "open failed: " << error << Qt::endl;
            std::exit(1);
        }
        engine.indexAll();
        cpuTimes.push_back(ms(threadCpuNs() - cpuStart));
        times.push_back(ms(timer.nsecsElapsed()));
        if (run == kRuns - 1) {
            const LogStats s = engine.stats();
            const Memory m = memory();
            const double best = *std::min_element(times.begin(), times.end());
            const double bestCpu = *std::min_element(cpuTimes.begin(), cpuTimes.end());
            out << "| index (lines + sections), best of " << kRuns << " | wall "
                << QString::number(best, 'f', 1) << " ms ("
                << QString::number(double(s.bytes) / (best / 1e3) / 1e9, 'f', 2)
                << " GB/s), median " << QString::number(percentile(times, 0.5), 'f', 1)
                << " ms; CPU " << QString::number(bestCpu, 'f', 1) << " ms ("
                << QString::number(double(s.bytes) / (bestCpu / 1e3) / 1e9, 'f', 2) << " GB/s) |\n";
            out << "| log | " << s.bytes << " bytes, " << s.lines << " lines, " << s.sections
                << " sections, timestamps " << (s.timestamps ? "yes" : "no") << " |\n";
            out << "| index memory | " << s.indexBytes
                << " bytes = " << QString::number(double(s.indexBytes) / double(s.lines), 'f', 3)
                << " bytes/line |\n";
            out << "| RSS with the log open and indexed | " << m.rssKb / 1024 << " MB (anonymous "
                << m.anonKb / 1024 << " MB, file-backed " << m.fileKb / 1024 << " MB) |\n";
        }
    }
}

void benchFirstScreenAndJump(const QString &path)
{
    {
        QElapsedTimer timer;
        timer.start();
        LogEngine engine;
        QString error;
        engine.openFile(path, &error);
        engine.indexSome(qint64(256) << 10); // what LogDocument indexes first
        const QList<RenderedLine> screen = engine.lines(0, 60);
        out << "| first screen (open, index first slab, render 60 lines) | "
            << QString::number(ms(timer.nsecsElapsed()), 'f', 2) << " ms (" << screen.size()
            << " lines) |\n";
    }
    LogEngine engine;
    QString error;
    engine.openFile(path, &error);
    engine.indexAll();
    QRandomGenerator random(1);
    std::vector<double> jumps;
    const qint64 lines = engine.lineCount();
    for (int i = 0; i < 2000; ++i) {
        const qint64 target = qint64(random.bounded(quint64(lines)));
        QElapsedTimer timer;
        timer.start();
        const QList<RenderedLine> screen = engine.lines(target, 60);
        jumps.push_back(ms(timer.nsecsElapsed()));
        Q_UNUSED(screen);
    }
    out << "| jump to a random line and render 60 lines (2000 jumps) | median "
        << QString::number(percentile(jumps, 0.5), 'f', 3) << " ms, p99 "
        << QString::number(percentile(jumps, 0.99), 'f', 3) << " ms, max "
        << QString::number(percentile(jumps, 1.0), 'f', 3) << " ms |\n";
    {
        QElapsedTimer timer;
        timer.start();
        const QList<RenderedLine> tail = engine.lines(lines - 60, 60);
        out << "| render the last screen | " << QString::number(ms(timer.nsecsElapsed()), 'f', 3)
            << " ms |\n";
        Q_UNUSED(tail);
    }

    // Fold and unfold the biggest section.
    const std::vector<Section> sections = engine.sections();
    size_t biggest = 0;
    for (size_t i = 0; i < sections.size(); ++i) {
        const qint64 span = sections[i].endLine - sections[i].startLine;
        if (span > sections[biggest].endLine - sections[biggest].startLine)
            biggest = i;
    }
    FoldMap map;
    QElapsedTimer timer;
    timer.start();
    map.update(sections, lines);
    const double updateMs = ms(timer.nsecsElapsed());
    map.setAllFolded(false);
    timer.restart();
    map.setFolded(int(biggest), true);
    const qint64 rowsFolded = map.rowCount();
    const qint64 lastLine = map.lineForRow(rowsFolded - 1);
    const double foldMs = ms(timer.nsecsElapsed());
    timer.restart();
    map.setFolded(int(biggest), false);
    const qint64 middle = map.lineForRow(map.rowCount() / 2);
    const double unfoldMs = ms(timer.nsecsElapsed());
    Q_UNUSED(lastLine);
    Q_UNUSED(middle);
    out << "| fold / unfold a " << (sections[biggest].endLine - sections[biggest].startLine + 1)
        << "-line section (" << sections.size() << " sections) | "
        << QString::number(foldMs, 'f', 3) << " ms / " << QString::number(unfoldMs, 'f', 3)
        << " ms (fold map built in " << QString::number(updateMs, 'f', 3) << " ms) |\n";
}

void benchSearch(const QString &path, int threads, bool slowRegex)
{
    LogEngine engine;
    QString error;
    engine.openFile(path, &error);
    engine.indexAll();
    const double gb = double(engine.byteSize()) / 1e9;
    struct Case
    {
        const char *label;
        SearchQuery query;
    };
    std::vector<Case> cases = {
        {"plain, rare",
         {QStringLiteral("needle in the haystack"), SearchQuery::Kind::Plain, Qt::CaseSensitive}},
        {"plain, ignoring case",
         {QStringLiteral("NEEDLE IN THE"), SearchQuery::Kind::Plain, Qt::CaseInsensitive}},
        {"plain, frequent (warning:)",
         {QStringLiteral("warning:"), SearchQuery::Kind::Plain, Qt::CaseSensitive}},
        {"regex with a literal",
         {QStringLiteral("ERROR: needle.* \\d+$"), SearchQuery::Kind::Regex, Qt::CaseSensitive}},
    };
    if (slowRegex) {
        // The literal ".o" is on 3 of 4 lines, so nearly every line is matched.
        cases.push_back(
            {"regex with a frequent literal",
             {QStringLiteral("[0-9]{5}\\.o\\b"), SearchQuery::Kind::Regex, Qt::CaseSensitive}});
        // An alternation: no literal can be proven, every line is matched.
        cases.push_back({"regex without a literal",
                         {QStringLiteral("\\((8[5-9]\\d|\\d{4,}) ms\\)"), SearchQuery::Kind::Regex,
                          Qt::CaseSensitive}});
    }
    for (const Case &c : cases) {
        LogSearcher searcher(c.query);
        std::atomic<bool> cancel{false};
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = processCpuNs();
        qint64 firstHitNs = -1;
        const qint64 hits =
            searcher.run(engine, 0, -1, threads, cancel, [&](const QList<SearchHit> &) {
                if (firstHitNs < 0)
                    firstHitNs = timer.nsecsElapsed();
            });
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const double cpuSeconds = double(processCpuNs() - cpuStart) / 1e9;
        out << "| search " << c.label << ", " << threads << " threads | wall "
            << QString::number(seconds * 1e3, 'f', 0)
            << " ms = " << QString::number(gb / seconds, 'f', 2) << " GB/s; CPU "
            << QString::number(cpuSeconds * 1e3, 'f', 0)
            << " ms = " << QString::number(gb / cpuSeconds, 'f', 2) << " GB/s per core, "
            << QString::number(threads * gb / cpuSeconds, 'f', 2) << " GB/s on " << threads
            << " idle cores; " << hits << " hits, first hit after "
            << QString::number(ms(firstHitNs), 'f', 1) << " ms |\n";
    }
    const Memory m = memory();
    out << "| RSS after the searches | " << m.rssKb / 1024 << " MB (anonymous " << m.anonKb / 1024
        << " MB, file-backed " << m.fileKb / 1024 << " MB) |\n";
}

void benchFollow(const QString &path, qint64 maxBytes)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly))
        return;
    const uchar *mapped = input.map(0, input.size());
    const qint64 total = qMin(input.size(), maxBytes);
    QTemporaryDir dir;
    // As the viewer does it: the GUI thread hands bytes to the document and
    // repaints the tail; the document's worker writes the cache and indexes.
    LogDocument document;
    QString error;
    document.startCache(dir.filePath(QStringLiteral("trace.log")), &error);
    constexpr qint64 kChunk = 64 << 10;
    QElapsedTimer timer;
    timer.start();
    qint64 lastPaint = 0;
    double worstGuiMs = 0;
    int paints = 0;
    for (qint64 at = 0; at < total; at += kChunk) {
        const qint64 stepStart = timer.nsecsElapsed();
        document.append(
            QByteArrayView(reinterpret_cast<const char *>(mapped) + at, qMin(kChunk, total - at)));
        // Pinned to the tail: repaint the last screen at most every 16 ms.
        if (timer.nsecsElapsed() - lastPaint > 16'000'000) {
            const auto engine = document.engine();
            const qint64 count = engine->lineCount();
            const QList<RenderedLine> tail = engine->lines(qMax<qint64>(0, count - 60), 60);
            Q_UNUSED(tail);
            lastPaint = timer.nsecsElapsed();
            ++paints;
        }
        worstGuiMs = std::max(worstGuiMs, ms(timer.nsecsElapsed() - stepStart));
        // Bytes arrive over time, not all at once: at most ~4 MiB ahead of the index.
        while (document.engine()->indexedBytes() + (4 << 20) < at)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    document.setComplete();
    document.waitForIndexed();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    out << "| follow: append " << total / (1 << 20)
        << " MiB in 64 KiB pieces (the worker writes the cache and indexes; the GUI thread "
           "repaints the tail every 16 ms) | "
        << QString::number(double(total) / seconds / 1e6, 'f', 0)
        << " MB/s; longest GUI-thread step " << QString::number(worstGuiMs, 'f', 2) << " ms ("
        << paints << " repaints); " << document.engine()->lineCount() << " lines |\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        out << "usage: bench_log FILE [--threads N] [--follow-mb M] [--skip-slow-regex]\n";
        return 2;
    }
    const QString path = args.at(1);
    int threads = 2;
    qint64 followBytes = qint64(256) << 20;
    bool slowRegex = true;
    for (int i = 2; i < args.size(); ++i) {
        if (args[i] == u"--threads" && i + 1 < args.size())
            threads = args[++i].toInt();
        else if (args[i] == u"--follow-mb" && i + 1 < args.size())
            followBytes = args[++i].toLongLong() << 20;
        else if (args[i] == u"--skip-slow-regex")
            slowRegex = false;
    }
    warmPageCache(path);
    out << "| what | measured |\n|---|---|\n";
    benchIndex(path);
    out.flush();
    benchFirstScreenAndJump(path);
    out.flush();
    benchSearch(path, threads, slowRegex);
    out.flush();
    benchFollow(path, followBytes);
    out.flush();
    return 0;
}
