// libFuzzer target for the job-log engine. Beyond "no crash, no hang", it checks
// the engine's promises on every input:
//  - the result does not depend on how the bytes were split into appends;
//  - a line rendered on its own (style from the scanner's checkpoints) equals the
//    same line rendered in sequence;
//  - the fast search finds exactly what matching every rendered line finds;
//  - the writers accept whatever the parser produced.
#include "log/logengine.h"
#include "log/logexport.h"
#include "log/logsearch.h"
#include "log/logtestutil.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

using namespace pipedeck::log;
using namespace pipedeck::log::test;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_log_parser: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > (1 << 16))
        return 0;
    // The first two bytes choose how to split and what to search for.
    const int chunk = 1 + data[0] % 97;
    const int needleLength = 1 + data[1] % 6;
    const QByteArray input(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));

    LogEngine whole;
    feed(whole, input, {});
    const QString reference = describeEngine(whole);

    LogEngine chunked;
    feedInChunks(chunked, input, chunk);
    check(describeEngine(chunked) == reference, "result depends on the chunking");

    const qint64 lines = whole.lineCount();
    const QList<RenderedLine> all = whole.lines(0, lines);
    check(all.size() == lines, "lines() lost lines");
    for (qint64 l = 0; l < lines; ++l) {
        const RenderedLine one = whole.line(l);
        check(describeLine(one) == describeLine(all[l]), "line rendered alone differs");
        for (const StyleRun &run : one.runs)
            check(run.from >= 0 && run.from < run.to && run.to <= one.text.size(), "bad run");
    }
    for (const Section &s : whole.sections()) {
        check(s.startLine >= 0 && s.startLine < qMax<qint64>(lines, 1), "section start");
        check(s.isOpen() || (s.endLine >= s.startLine && s.endLine < lines), "section end");
    }

    // Search for a piece of some rendered line, in every mode.
    QString needle = QStringLiteral("a");
    for (const RenderedLine &line : all) {
        if (line.text.size() >= needleLength) {
            needle = line.text.mid(line.text.size() / 2 - needleLength / 2, needleLength);
            break;
        }
    }
    // Plain, a regex with a literal, and regexes without one (every line is a candidate and
    // goes through the joined multi-line match) that can match empty, run across line ends
    // and anchor at them.
    const QString escaped = QRegularExpression::escape(needle);
    const QList<std::pair<SearchQuery::Kind, QString>> patterns = {
        {SearchQuery::Kind::Plain, needle},
        {SearchQuery::Kind::Regex, escaped},
        {SearchQuery::Kind::Regex, escaped + QStringLiteral("|\\s+\\w|^.$")},
        {SearchQuery::Kind::Regex, QStringLiteral("(?:") + escaped + QStringLiteral(")?\\W*$|x")},
    };
    for (const auto cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        for (const auto &[kind, pattern] : patterns) {
            const SearchQuery query{pattern, kind, cs};
            LogSearcher searcher(query);
            if (!searcher.isValid())
                continue;
            QList<SearchHit> fast;
            std::atomic<bool> cancel{false};
            searcher.run(whole, 0, -1, 2, cancel, [&](const QList<SearchHit> &h) { fast += h; });
            QList<SearchHit> slow;
            for (qint64 l = 0; l < lines; ++l)
                searcher.matchText(all[l].text, l, slow);
            if (fast != slow) {
                std::fprintf(stderr, "query \"%s\" kind %d cs %d: fast %lld hits, slow %lld\n",
                             qPrintable(query.pattern), int(kind), int(cs), qint64(fast.size()),
                             qint64(slow.size()));
                for (const SearchHit &h : slow)
                    std::fprintf(stderr, "  slow %lld:%lld+%lld\n", h.line, qint64(h.from),
                                 qint64(h.length));
                for (const SearchHit &h : fast)
                    std::fprintf(stderr, "  fast %lld:%lld+%lld\n", h.line, qint64(h.from),
                                 qint64(h.length));
            }
            check(fast == slow, "search fast path differs from rendering every line");
        }
    }

    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    check(writeJson(whole, sink), "json");
    check(writeHtml(whole, sink, QStringLiteral("fuzz")), "html");
    check(writePlainText(whole, sink), "text");
    return 0;
}
