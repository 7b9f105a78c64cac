// Search over the displayed text: exact positions, the raw-byte fast path
// against a brute-force reference, growing logs, and the threaded LogSearch.
#include "logtestutil.h"

#include "log/logsearch.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck::log;
using namespace pipedeck::log::test;

Q_DECLARE_METATYPE(SearchQuery::Kind)

namespace {

QList<SearchHit> searchAll(const LogEngine &engine, const SearchQuery &query, int threads = 2)
{
    LogSearcher searcher(query);
    QList<SearchHit> hits;
    std::atomic<bool> cancel{false};
    searcher.run(engine, 0, -1, threads, cancel,
                 [&](const QList<SearchHit> &batch) { hits += batch; });
    return hits;
}

// Reference: render every line and match its text.
QList<SearchHit> bruteForce(const LogEngine &engine, const SearchQuery &query)
{
    LogSearcher searcher(query);
    QList<SearchHit> hits;
    const QList<RenderedLine> lines = engine.lines(0, engine.lineCount());
    for (qsizetype l = 0; l < lines.size(); ++l)
        searcher.matchText(lines[l].text, l, hits);
    return hits;
}

QString describeHits(const QList<SearchHit> &hits)
{
    QStringList parts;
    for (const SearchHit &h : hits)
        parts.append(QStringLiteral("%1:%2+%3").arg(h.line).arg(h.from).arg(h.length));
    return parts.join(QLatin1Char(' '));
}

QByteArray ts(const char *time, char flag = ' ')
{
    return QByteArray("2024-05-14T") + time + "Z 01O" + flag;
}

// A log with every kind of line: plain, coloured, markers, '\r', CRLF, UTF-8.
QByteArray variedLog(int lines, quint32 seed)
{
    QRandomGenerator random(seed);
    const char *words[] = {"error", "Error", "ERROR", "warning", "ok",     "café", "fail", "needle",
                           "nee",   "dle",   "x",     "section", "FAILED", "über", "Ärger"};
    QByteArray out;
    for (int i = 0; i < lines; ++i) {
        const int kind = int(random.bounded(8));
        QByteArray line;
        for (int w = 0; w < 1 + int(random.bounded(6)); ++w) {
            line += words[random.bounded(int(std::size(words)))];
            line += (random.bounded(3) == 0) ? "" : " ";
        }
        switch (kind) {
        case 0:
            line = "\x1b[31m" + line.left(3) + "\x1b[1m" + line.mid(3) + "\x1b[0m";
            break;
        case 1:
            line = "progress needle\r" + line;
            break;
        case 2:
            line = "section_start:1:s" + QByteArray::number(i) + "\r\x1b[0K" + line;
            break;
        case 3:
            line += '\r';
            break;
        case 4:
            line = "nee\x1b[32mdle " + line;
            break;
        case 5: // a section starting mid-line makes a line of its own
            line = line.left(4) + "section_start:1:m" + QByteArray::number(i) + "\r\x1b[0K" +
                   line.mid(4);
            break;
        case 6: // and what follows its end on the same line another one
            line = "section_start:1:e\r\x1b[0K" + line.left(5) + "section_end:2:e\r\x1b[0K" +
                   line.mid(5);
            break;
        default:
            break;
        }
        out += line + '\n';
    }
    return out;
}

// The same lines with FF_TIMESTAMPS prefixes, every fifth one continued on a '+' line.
QByteArray timestamped(const QByteArray &log)
{
    QByteArray out;
    int i = 0;
    for (const QByteArray &raw : log.split('\n')) {
        if (raw.isEmpty())
            continue;
        const QByteArray time = "11:19:" + QByteArray::number(10 + i % 50) + ".000000";
        // The runner writes a prefix after a '\r' that overwrites the line.
        const QByteArray progress = "progress needle\r";
        QByteArray line = raw;
        if (line.startsWith(progress))
            line.insert(progress.size(), ts(time.constData()));
        if (i % 5 == 4) {
            const qsizetype half = line.size() / 2;
            out += ts(time.constData()) + line.left(half) + '\n' + ts(time.constData(), '+') +
                   line.mid(half) + '\n';
        } else {
            out += ts(time.constData()) + line + '\n';
        }
        ++i;
    }
    return out;
}

} // namespace

class TestLogSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hits_data();
    void hits();
    void fastPathMatchesBruteForce_data();
    void fastPathMatchesBruteForce();
    void requiredLiteral_data();
    void requiredLiteral();
    void lineByLinePatterns_data();
    void lineByLinePatterns();
    void invalidQueries();
    void hitAcrossAppendBoundary();
    void characterCutByAnEscape();
    void asyncStreamsRunningCount();
    void cancel();
};

void TestLogSearch::hits_data()
{
    QTest::addColumn<QByteArray>("log");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<SearchQuery::Kind>("kind");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<QString>("expected");
    using K = SearchQuery::Kind;

    QTest::newRow("plain") << QByteArray("an error\nno\nerror error\n") << u"error"_qs << K::Plain
                           << true << u"0:3+5 2:0+5 2:6+5"_qs;
    QTest::newRow("case-sensitive misses")
        << QByteArray("ERROR\nError\n") << u"error"_qs << K::Plain << true << QString();
    QTest::newRow("case-insensitive") << QByteArray("ERROR\nError\nerr\n") << u"error"_qs
                                      << K::Plain << false << u"0:0+5 1:0+5"_qs;
    QTest::newRow("non-ASCII case-insensitive")
        << QByteArray("\xc3\x84rger\n\xc3\xa4rger\n") << u"ärger"_qs << K::Plain << false
        << u"0:0+5 1:0+5"_qs;
    QTest::newRow("UTF-16 offsets after non-ASCII")
        << QByteArray("caf\xc3\xa9 \xf0\x9f\x98\xba x\n") << u"x"_qs << K::Plain << true
        << u"0:8+1"_qs;
    QTest::newRow("word split by an escape")
        << QByteArray("fo\x1b[1mo bar\n") << u"foo"_qs << K::Plain << true << u"0:0+3"_qs;
    QTest::newRow("escape bytes are not text")
        << QByteArray("\x1b[31mred\n") << u"31m"_qs << K::Plain << true << QString();
    QTest::newRow("overwritten text is gone")
        << QByteArray("secret\rpublic\n") << u"secret"_qs << K::Plain << true << QString();
    QTest::newRow("text after CR")
        << QByteArray("secret\rpublic\n") << u"public"_qs << K::Plain << true << u"0:0+6"_qs;
    QTest::newRow("marker mid-line starts a line")
        << QByteArray("ab section_start:1:s\r\x1b[0Kcd\n") << u"cd"_qs << K::Plain << true
        << u"1:0+2"_qs;
    QTest::newRow("no match across a marker break")
        << QByteArray("ab section_start:1:s\r\x1b[0Kcd\n") << u"ab cd"_qs << K::Plain << true
        << QString();
    QTest::newRow("text after a section end is a line of its own")
        << QByteArray("section_start:1:s\r\x1b[0Kin\x1b[31m x section_end:2:s\r\x1b[0Kout x\n")
        << u"x"_qs << K::Plain << true << u"0:3+1 1:4+1"_qs;
    QTest::newRow("timestamp prefix after CR is not text")
        << (ts("11:00:00.000000") + "10%\r" + ts("11:00:01.000000") + "done\n") << u"2024"_qs
        << K::Plain << true << QString();
    QTest::newRow("marker is not text") << QByteArray("section_start:1:s\r\x1b[0Kcd\n")
                                        << u"section"_qs << K::Plain << true << QString();
    QTest::newRow("CRLF") << QByteArray("abc\r\nabc\r\n") << u"abc"_qs << K::Plain << true
                          << u"0:0+3 1:0+3"_qs;
    QTest::newRow("timestamp prefix is not text")
        << (ts("11:00:00.000000") + "hello\n") << u"2024"_qs << K::Plain << true << QString();
    QTest::newRow("match across a continuation join")
        << (ts("11:00:00.000000") + "nee\n" + ts("11:00:00.000001", '+') + "dle\n") << u"needle"_qs
        << K::Plain << true << u"0:0+6"_qs;
    QTest::newRow("no line breaks in displayed text")
        << QByteArray("a\nb\n") << u"a\nb"_qs << K::Plain << true << QString();
    QTest::newRow("replacement character finds invalid bytes")
        << QByteArray("a\xff"
                      "b\n\x1b[1mc\xfe\n")
        << QString(QChar::ReplacementCharacter) << K::Plain << true << u"0:1+1 1:1+1"_qs;
    QTest::newRow("half a surrogate pair")
        << QByteArray("x \xf0\x9f\x98\xba\n") << QString(QChar(0xd83d)) << K::Plain << true
        << u"0:2+1"_qs;
    QTest::newRow("regex") << QByteArray("test_1 ok\ntest_22 FAILED\n") << u"test_\\d+ F"_qs
                           << K::Regex << true << u"1:0+9"_qs;
    QTest::newRow("regex anchors per line")
        << QByteArray("ok\n  ok\nok!\n") << u"^ok$"_qs << K::Regex << true << u"0:0+2"_qs;
    QTest::newRow("regex alternation") << QByteArray("error\nfailure\nfine\n") << u"err|fail"_qs
                                       << K::Regex << true << u"0:0+3 1:0+4"_qs;
    QTest::newRow("regex case-insensitive") << QByteArray("FAILED\nfailed\n") << u"fail(ed)?"_qs
                                            << K::Regex << false << u"0:0+6 1:0+6"_qs;
    QTest::newRow("regex empty matches skipped")
        << QByteArray("abc\n") << u"x*"_qs << K::Regex << true << QString();
    QTest::newRow("regex in coloured line") << QByteArray("\x1b[32mPASS\x1b[0m 12 tests\n")
                                            << u"PASS \\d+"_qs << K::Regex << true << u"0:0+7"_qs;
}

void TestLogSearch::hits()
{
    QFETCH(QByteArray, log);
    QFETCH(QString, pattern);
    QFETCH(SearchQuery::Kind, kind);
    QFETCH(bool, caseSensitive);
    QFETCH(QString, expected);
    LogEngine engine;
    feed(engine, log, {});
    const SearchQuery query{pattern, kind, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive};
    QCOMPARE(describeHits(searchAll(engine, query)), expected);
    QCOMPARE(describeHits(bruteForce(engine, query)), expected);
}

// Over a log that mixes every kind of line, the fast path (raw prefilter,
// displayed bytes of complex lines, threads, pieces) finds exactly what
// rendering every line finds.
void TestLogSearch::fastPathMatchesBruteForce_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<SearchQuery::Kind>("kind");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("timestamps");
    QTest::addColumn<int>("lines");
    using K = SearchQuery::Kind;
    // 40,000 lines: two pieces, many blocks. A pattern that matches empty everywhere is
    // slow to check (one match per position): fewer lines for it.
    auto row = [](const char *name, const QString &pattern, K kind, bool caseSensitive,
                  int lines = 40000) {
        QTest::newRow(name) << pattern << kind << caseSensitive << false << lines;
        QTest::addRow("%s, timestamps", name) << pattern << kind << caseSensitive << true << lines;
    };
    row("needle", u"needle"_qs, K::Plain, true);
    row("error ci", u"error"_qs, K::Plain, false);
    row("section text", u"section"_qs, K::Plain, true);
    row("non-ASCII", u"café"_qs, K::Plain, true);
    row("non-ASCII ci", u"ÄRGER"_qs, K::Plain, false);
    row("space", u"x x"_qs, K::Plain, true);
    row("regex literal", u"fail(ed)? ok"_qs, K::Regex, true);
    row("regex no literal", u"[eE]rr?or\\b"_qs, K::Regex, false);
    row("regex across colour", u"needle \\w+"_qs, K::Regex, true);
    // Matched over many lines joined by '\n' first (see matchesLineByLine), then line by
    // line: matches that would run across line ends, anchors, empty matches, non-ASCII,
    // inline options.
    row("regex across line ends", u"ok\\s+\\w"_qs, K::Regex, true);
    row("regex anchors", u"^nee|dle$"_qs, K::Regex, true);
    row("regex anchored line", u"^[a-z ]+$"_qs, K::Regex, true);
    row("regex empty matches", u"x*"_qs, K::Regex, true, 4000);
    row("regex negated class", u"[^a-z ]+$"_qs, K::Regex, true);
    row("regex non-ASCII", u"[äÄü]\\w+|caf."_qs, K::Regex, false);
    row("regex group options", u"(?i:fail|error)(?:ed)?\\b"_qs, K::Regex, true);
    row("regex dot all", u"(?s)ok.\\w"_qs, K::Regex, true);
    row("regex word boundary", u"\\b\\w{3}\\b"_qs, K::Regex, true);
    // Not joined (they see past their own text): matched line by line only.
    row("regex lookbehind", u"(?<=nee)dle"_qs, K::Regex, true);
    row("regex lookahead", u"ok(?!.)"_qs, K::Regex, true);
    row("regex subject ends", u"\\Ax|ok\\z"_qs, K::Regex, true);
}

void TestLogSearch::fastPathMatchesBruteForce()
{
    QFETCH(QString, pattern);
    QFETCH(SearchQuery::Kind, kind);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, timestamps);
    QFETCH(int, lines);
    LogEngine engine;
    const QByteArray log = variedLog(lines, 7);
    feed(engine, timestamps ? timestamped(log) : log, {});
    QCOMPARE(engine.hasTimestamps(), timestamps);
    const SearchQuery query{pattern, kind, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive};
    const QList<SearchHit> expected = bruteForce(engine, query);
    QVERIFY(expected.size() > 10);
    QCOMPARE(searchAll(engine, query, 1), expected);
    QCOMPARE(searchAll(engine, query, 2), expected);
    QCOMPARE(searchAll(engine, query, 3), expected);
}

void TestLogSearch::requiredLiteral_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("literal");
    QTest::newRow("plain") << u"error"_qs << u"error"_qs;
    QTest::newRow("longest run") << u"ab.*cdef"_qs << u"cdef"_qs;
    QTest::newRow("optional char") << u"colou?r"_qs << u"colo"_qs;
    QTest::newRow("star") << u"x*"_qs << QString();
    QTest::newRow("plus keeps one") << u"ab+c"_qs << u"ab"_qs;
    QTest::newRow("alternation") << u"foo|bar"_qs << QString();
    QTest::newRow("inline options") << u"(?i)foo"_qs << QString();
    QTest::newRow("class skipped") << u"[abc]def"_qs << u"def"_qs;
    QTest::newRow("group skipped") << u"(ab)?cde"_qs << u"cde"_qs;
    QTest::newRow("escaped punctuation") << u"a\\.b"_qs << u"a.b"_qs;
    QTest::newRow("escape class stops") << u"\\d+ failed"_qs << QString();
    QTest::newRow("counted") << u"ab{2}cd"_qs << u"cd"_qs;
}

void TestLogSearch::requiredLiteral()
{
    QFETCH(QString, pattern);
    QFETCH(QString, literal);
    QCOMPARE(requiredRegexLiteral(pattern), literal);
}

void TestLogSearch::lineByLinePatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("joinable");
    QTest::newRow("plain") << u"error \\d+"_qs << true;
    QTest::newRow("alternation") << u"foo|bar$"_qs << true;
    QTest::newRow("non-capturing group") << u"(?:a|b)c"_qs << true;
    QTest::newRow("inline options") << u"(?i)foo(?s:.)"_qs << true;
    QTest::newRow("named group") << u"(?<name>x)\\k<name>"_qs << true;
    QTest::newRow("escaped backslash then A") << u"\\\\A"_qs << true;
    QTest::newRow("lookahead") << u"a(?=b)"_qs << false;
    QTest::newRow("negative lookahead") << u"a(?!b)"_qs << false;
    QTest::newRow("lookbehind") << u"(?<=a)b"_qs << false;
    QTest::newRow("negative lookbehind") << u"(?<!a)b"_qs << false;
    QTest::newRow("non-atomic lookahead") << u"a(?*b)"_qs << false;
    QTest::newRow("verb") << u"(*CR)a$"_qs << false;
    QTest::newRow("subject start") << u"\\Aa"_qs << false;
    QTest::newRow("subject end") << u"a\\z"_qs << false;
    QTest::newRow("subject end or newline") << u"a\\Z"_qs << false;
    QTest::newRow("start offset") << u"\\Ga"_qs << false;
}

void TestLogSearch::lineByLinePatterns()
{
    QFETCH(QString, pattern);
    QFETCH(bool, joinable);
    QCOMPARE(matchesLineByLine(pattern), joinable);
}

void TestLogSearch::invalidQueries()
{
    LogSearcher empty(SearchQuery{});
    QVERIFY(!empty.isValid());
    LogSearcher bad(SearchQuery{u"(unclosed"_qs, SearchQuery::Kind::Regex, Qt::CaseSensitive});
    QVERIFY(!bad.isValid());
    QVERIFY(bad.errorString().contains(u"Invalid regular expression"));

    LogEngine engine;
    feed(engine, "x\n", {});
    LogSearch search;
    QSignalSpy failed(&search, &LogSearch::failed);
    search.start(std::shared_ptr<const LogEngine>(&engine, [](const LogEngine *) {}),
                 SearchQuery{u"[z"_qs, SearchQuery::Kind::Regex, Qt::CaseSensitive});
    QCOMPARE(failed.size(), 1);
}

void TestLogSearch::hitAcrossAppendBoundary()
{
    LogEngine engine;
    engine.append("first line\nthe nee");
    engine.indexAll();
    const SearchQuery query{u"needle"_qs, SearchQuery::Kind::Plain, Qt::CaseSensitive};
    QVERIFY(searchAll(engine, query).isEmpty());
    engine.append("dle is here\x1b[31m nee");
    engine.indexAll();
    QCOMPARE(describeHits(searchAll(engine, query)), u"1:4+6"_qs);
    engine.append("dle\nlast needle");
    engine.indexAll();
    QCOMPARE(describeHits(searchAll(engine, query)), u"1:4+6 1:19+6 2:5+6"_qs);
    // Searching only the new lines of a growing log.
    LogSearcher searcher(query);
    std::atomic<bool> cancel{false};
    QList<SearchHit> tail;
    searcher.run(engine, 2, -1, 2, cancel, [&](const QList<SearchHit> &h) { tail += h; });
    QCOMPARE(describeHits(tail), u"2:5+6"_qs);
}

// Search renders a line from the default style, the view from the style in force: a
// character cut by an escape must decode the same either way (found by the fuzzer: an escape
// that changes nothing in the view but the colour in search split "\xcb\xa7" in two).
void TestLogSearch::characterCutByAnEscape()
{
    QByteArray log = "\x1b[31mred\n";
    for (int i = 0; i < 3; ++i)
        log += "\xcb\x1b[31m\xa7 x " + QByteArray::number(i) + " \n";
    LogEngine engine;
    feed(engine, log, {});
    QCOMPARE(engine.line(1).text, QString::fromUtf16(u"\u02e7 x 0 "));
    for (const SearchQuery &query :
         {SearchQuery{u"x"_qs, SearchQuery::Kind::Plain, Qt::CaseSensitive},
          SearchQuery{u"\\W*$|x"_qs, SearchQuery::Kind::Regex, Qt::CaseSensitive},
          SearchQuery{QString::fromUtf16(u"\u02e7"), SearchQuery::Kind::Plain,
                      Qt::CaseSensitive}}) {
        const QList<SearchHit> expected = bruteForce(engine, query);
        QVERIFY(expected.size() >= 3);
        QCOMPARE(searchAll(engine, query, 1), expected);
    }
}

void TestLogSearch::asyncStreamsRunningCount()
{
    auto engine = std::make_shared<LogEngine>();
    feed(*engine, variedLog(100000, 3), {});
    const SearchQuery query{u"needle"_qs, SearchQuery::Kind::Plain, Qt::CaseSensitive};
    const qsizetype expected = searchAll(*engine, query).size();

    LogSearch search;
    QSignalSpy hits(&search, &LogSearch::hitsFound);
    QSignalSpy finished(&search, &LogSearch::finished);
    search.start(engine, query);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.front().at(0).toLongLong(), qint64(expected));
    QCOMPARE(finished.front().at(1).toBool(), false);
    QVERIFY(hits.size() > 1); // streamed in several batches
    qint64 previous = 0;
    qint64 sum = 0;
    qint64 lastLine = -1;
    for (const QList<QVariant> &args : hits) {
        const auto batch = args.at(0).value<QList<SearchHit>>();
        sum += batch.size();
        QCOMPARE(args.at(1).toLongLong(), sum);
        QVERIFY(args.at(1).toLongLong() > previous);
        previous = args.at(1).toLongLong();
        QVERIFY(batch.front().line >= lastLine); // in line order
        lastLine = batch.back().line;
    }
    QCOMPARE(sum, qint64(expected));
    QCOMPARE(search.hitCount(), qint64(expected));
}

void TestLogSearch::cancel()
{
    auto engine = std::make_shared<LogEngine>();
    feed(*engine, variedLog(400000, 5), {});
    // A regex without a literal renders every line: many pieces, each handed out on its own.
    const SearchQuery query{u"[a-z]+r\\b"_qs, SearchQuery::Kind::Regex, Qt::CaseSensitive};
    const LogSearcher searcher(query);
    std::atomic<bool> never{false};
    LogSearcher::Progress whole;
    const qint64 allHits = searcher.run(
        *engine, 0, -1, 2, never, [](const QList<SearchHit> &) {}, &whole);
    QCOMPARE(whole.searched, whole.pieces);
    QVERIFY2(whole.pieces >= 12, QByteArray::number(whole.pieces).constData()); // room to stop

    // Cancelled from its first batch of hits (the hook): the searcher says it was cancelled
    // and hands out nothing more, although most of the log was still to search.
    std::atomic<bool> stop{false};
    int batches = 0;
    qint64 handedOut = 0;
    LogSearcher::Progress progress;
    const qint64 result = searcher.run(
        *engine, 0, -1, 2, stop,
        [&](const QList<SearchHit> &h) {
            ++batches;
            handedOut += h.size();
            stop = true;
        },
        &progress);
    QCOMPARE(result, qint64(-1));
    QCOMPARE(batches, 1);
    QVERIFY(handedOut < allHits);
    // It stopped taking pieces: at most the ones both threads were already searching.
    QCOMPARE(progress.pieces, whole.pieces);
    QVERIFY2(progress.searched <= 4, QByteArray::number(progress.searched).constData());

    // The threaded search, cancelled at once: its worker reports that it stopped (pipedeck.perf)
    // and, once it is gone, nothing of it has reached the viewer.
    LogSearch search;
    QSignalSpy hits(&search, &LogSearch::hitsFound);
    QSignalSpy finished(&search, &LogSearch::finished);
    QLoggingCategory::setFilterRules(u"pipedeck.perf.info=true"_qs);
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^search stopped: -1 hits"_qs));
    search.start(engine, query);
    search.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!search.isRunning(), 30000);
    QLoggingCategory::setFilterRules(QString());
    QCoreApplication::sendPostedEvents(); // anything it queued before it stopped
    QCOMPARE(hits.size(), 0);
    QCOMPARE(finished.size(), 0);

    // A new search after a cancelled one works.
    search.start(engine, SearchQuery{u"needle"_qs, SearchQuery::Kind::Plain, Qt::CaseSensitive});
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.front().at(1).toBool(), false);
    QVERIFY(finished.front().at(0).toLongLong() > 0);
}

QTEST_GUILESS_MAIN(TestLogSearch)
#include "tst_logsearch.moc"
