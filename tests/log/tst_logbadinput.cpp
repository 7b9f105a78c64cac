// Hostile and broken logs: never a crash, a hang or unbounded memory, and the
// result still does not depend on how the bytes arrived.
#include "logtestutil.h"

#include "log/logsearch.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace pipedeck::log;
using namespace pipedeck::log::test;

namespace {

QByteArray fingerprint(const LogEngine &engine)
{
    return QCryptographicHash::hash(describeEngine(engine).toUtf8(), QCryptographicHash::Sha1)
        .toHex();
}

QByteArray randomBytes(qsizetype size, quint32 seed, bool biased)
{
    QRandomGenerator random(seed);
    QByteArray out(size, Qt::Uninitialized);
    // Biased towards the bytes the parser cares about, so that escapes, markers
    // and line ends collide in every possible way.
    static const char interesting[] = "\x1b[;m0123456789\r\n]\x07"
                                      "section_start:end:[=,]\\ +Z-T:";
    for (char &c : out) {
        if (biased && random.bounded(2))
            c = interesting[random.bounded(int(sizeof(interesting) - 1))];
        else
            c = char(random.bounded(256));
    }
    return out;
}

void feedRandomChunks(LogEngine &engine, const QByteArray &input, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<qsizetype> cuts;
    for (qsizetype at = 0;;) {
        at += 1 + random.bounded(20000);
        if (at >= input.size())
            break;
        cuts.append(at);
    }
    feed(engine, input, cuts);
}

} // namespace

class TestLogBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void garbage_data();
    void garbage();
    void tenMegabyteLine();
    void longLinesAroundTheIndexEscape();
    void deepAndManySections();
    void endlessOscAndProgress();
    void continuationPrefixWithALineEnd();
};

void TestLogBadInput::garbage_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("biased");
    for (quint32 seed = 1; seed <= 3; ++seed) {
        QTest::addRow("uniform %u", seed) << seed << false;
        QTest::addRow("biased %u", seed) << seed << true;
    }
}

void TestLogBadInput::garbage()
{
    QFETCH(quint32, seed);
    QFETCH(bool, biased);
    const QByteArray input = randomBytes(1 << 20, seed, biased);
    LogEngine whole;
    feed(whole, input, {});
    QVERIFY(whole.lineCount() > 0);
    const QByteArray reference = fingerprint(whole);
    LogEngine chunked;
    feedRandomChunks(chunked, input, seed);
    QCOMPARE(fingerprint(chunked), reference);
    // Every line renders on its own exactly as in sequence.
    const QList<RenderedLine> all = whole.lines(0, whole.lineCount());
    for (qint64 l = 0; l < whole.lineCount(); l += 97)
        QCOMPARE(describeLine(whole.line(l)), describeLine(all[l]));
    // Search works and agrees with rendering.
    LogSearcher searcher(SearchQuery{u"0m"_qs, SearchQuery::Kind::Plain, Qt::CaseSensitive});
    std::atomic<bool> cancel{false};
    QList<SearchHit> fast;
    searcher.run(whole, 0, -1, 2, cancel, [&](const QList<SearchHit> &h) { fast += h; });
    QList<SearchHit> slow;
    for (qsizetype l = 0; l < all.size(); ++l)
        searcher.matchText(all[l].text, l, slow);
    QCOMPARE(fast, slow);
}

void TestLogBadInput::tenMegabyteLine()
{
    QByteArray input(10 << 20, 'x');
    for (qsizetype i = 1000; i < input.size(); i += 100000)
        input.replace(i, 5, "\x1b[31m");
    input += "\nnext\n";
    LogEngine engine;
    feed(engine, input, {});
    QCOMPARE(engine.lineCount(), 2);
    const RenderedLine line = engine.line(0);
    QCOMPARE(line.text.size(), input.size() - 6 - 105 * 5);
    QCOMPARE(engine.line(1).text, u"next"_qs);
    // The index stays tiny: the line is not copied, only counted.
    QVERIFY(engine.stats().indexBytes < 100000);
    LogEngine chunked;
    feedInChunks(chunked, input, 1 << 16);
    QCOMPARE(describeLine(chunked.line(0)), describeLine(line));
}

void TestLogBadInput::longLinesAroundTheIndexEscape()
{
    QByteArray input;
    QList<qsizetype> lengths{10, 65533, 65534, 65535, 65536, 200000, 0, 1, 70000};
    for (qsizetype length : lengths)
        input += QByteArray(length, 'a') + '\n';
    // Enough short lines after them to cross block boundaries.
    for (int i = 0; i < 200; ++i)
        input += "short\n";
    LogEngine engine;
    feed(engine, input, {});
    QCOMPARE(engine.lineCount(), lengths.size() + 200);
    for (qsizetype i = 0; i < lengths.size(); ++i) {
        QCOMPARE(engine.line(i).text.size(), lengths[i]);
        QCOMPARE(engine.rawLine(i).size(), lengths[i] + 1);
    }
    QCOMPARE(engine.line(engine.lineCount() - 1).text, u"short"_qs);
}

void TestLogBadInput::deepAndManySections()
{
    QByteArray deep;
    for (int i = 0; i < 1000; ++i)
        deep += "section_start:1:s" + QByteArray::number(i) + "\r\x1b[0Kh\n";
    LogEngine engine;
    feed(engine, deep, {});
    QCOMPARE(engine.sectionCount(), SectionTree::kMaxDepth);
    QCOMPARE(engine.stats().droppedMarkers, 1000 - SectionTree::kMaxDepth);
    QCOMPARE(engine.innermostSection(999), SectionTree::kMaxDepth - 1);

    QByteArray many;
    for (int i = 0; i < SectionTree::kMaxSections + 5000; ++i)
        many += "section_start:1:s\r\x1b[0Kh\nsection_end:2:s\r\x1b[0K\n";
    feed(engine, many, {});
    QCOMPARE(engine.sectionCount(), SectionTree::kMaxSections);
    QCOMPARE(engine.stats().droppedMarkers, 5000);
    QCOMPARE(engine.lineCount(), 2 * (SectionTree::kMaxSections + 5000));

    QByteArray unbalanced = "section_end:1:never\r\x1b[0K\nsection_start:1:a\r\x1b[0K\n"
                            "section_end:1:b\r\x1b[0K\nsection_end:1:A\r\x1b[0K\n"
                            "section_end:1:a\r\x1b[0K\n";
    feed(engine, unbalanced, {});
    QCOMPARE(describeSections(engine.sections()), u"a 1-3 d0 0s"_qs);
}

// 32 bytes that pass the cheap '+' prefix check but hold a line end (from the fuzzer): the
// same lines whether the bytes arrive whole or at any split.
void TestLogBadInput::continuationPrefixWithALineEnd()
{
    const QByteArray input = "2024-05-14T11:19:19.899359Z 00O first\n"
                             "2024-05-14T11:\nXXXXXXXX200Z 01O+second\n"
                             "2024-05-14T11:19:21.000000Z 00O third\n";
    LogEngine whole;
    feed(whole, input, {});
    QCOMPARE(whole.lineCount(), 4); // the broken prefix is not a continuation
    const QString reference = describeEngine(whole);
    for (int chunk = 1; chunk <= input.size(); ++chunk) {
        LogEngine chunked;
        feedInChunks(chunked, input, chunk);
        QCOMPARE(describeEngine(chunked), reference);
    }
}

void TestLogBadInput::endlessOscAndProgress()
{
    // An OSC that never ends, then a progress bar with 100k carriage returns.
    QByteArray input = "before\x1b]0;" + QByteArray(1 << 20, 't') + "\nafter\n";
    for (int i = 0; i < 100000; ++i)
        input += QByteArray::number(i) + "%\r";
    input += "done\n";
    LogEngine engine;
    feed(engine, input, {});
    QCOMPARE(engine.lineCount(), 3);
    QCOMPARE(engine.line(0).text, u"before"_qs);
    QCOMPARE(engine.line(2).text, u"done"_qs);
    LogEngine chunked;
    feedInChunks(chunked, input, 777);
    QCOMPARE(describeEngine(chunked), describeEngine(engine));
}

QTEST_GUILESS_MAIN(TestLogBadInput)
#include "tst_logbadinput.moc"
