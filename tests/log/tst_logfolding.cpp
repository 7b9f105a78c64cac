// Section folding: rows a viewer shows <-> log lines.
#include "logtestutil.h"

#include "log/foldmap.h"

#include <QTest>

using namespace pipedeck::log;
using namespace pipedeck::log::test;

namespace {

// 0 a(start)  1  2 b(start)  3  4 b(end)  5 a(end)  6  7 c(start, collapsed) 8 9 c(end) 10
QByteArray nestedLog()
{
    return "section_start:1:a\r\x1b[0KA\n1\nsection_start:2:b\r\x1b[0KB\n3\n"
           "section_end:3:b\r\x1b[0K\nsection_end:4:a\r\x1b[0K\n6\n"
           "section_start:5:c[collapsed=true]\r\x1b[0KC\n8\nsection_end:6:c\r\x1b[0K\n10\n";
}

QString visibleLines(const FoldMap &map)
{
    QStringList rows;
    for (qint64 r = 0; r < map.rowCount(); ++r)
        rows.append(QString::number(map.lineForRow(r)));
    return rows.join(QLatin1Char(' '));
}

} // namespace

class TestLogFolding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folding_data();
    void folding();
    void roundTrip();
    void openSectionFoldsToTheEnd();
    void newSectionsKeepState();
    void markersMidLine();
};

void TestLogFolding::folding_data()
{
    QTest::addColumn<QList<int>>("fold");
    QTest::addColumn<QList<int>>("unfold");
    QTest::addColumn<QString>("visible");
    QTest::newRow("collapsed=true starts folded")
        << QList<int>{} << QList<int>{} << u"0 1 2 3 4 5 6 7 10"_qs;
    QTest::newRow("unfold collapsed")
        << QList<int>{} << QList<int>{2} << u"0 1 2 3 4 5 6 7 8 9 10"_qs;
    QTest::newRow("fold inner") << QList<int>{1} << QList<int>{2} << u"0 1 2 5 6 7 8 9 10"_qs;
    QTest::newRow("fold outer hides inner") << QList<int>{0} << QList<int>{2} << u"0 6 7 8 9 10"_qs;
    QTest::newRow("fold outer and inner") << QList<int>{0, 1} << QList<int>{} << u"0 6 7 10"_qs;
    QTest::newRow("unfold outer keeps inner folded")
        << QList<int>{1, 0} << QList<int>{0} << u"0 1 2 5 6 7 10"_qs;
}

void TestLogFolding::folding()
{
    QFETCH(QList<int>, fold);
    QFETCH(QList<int>, unfold);
    QFETCH(QString, visible);
    LogEngine engine;
    feed(engine, nestedLog(), {});
    QCOMPARE(describeSections(engine.sections()),
             u"a 0-5 d0 3s; b 2-4 d1 1s; c 7-9 d0 collapsed 1s"_qs);
    FoldMap map;
    map.update(engine.sections(), engine.lineCount());
    for (int s : fold)
        map.setFolded(s, true);
    for (int s : unfold)
        map.setFolded(s, false);
    QCOMPARE(visibleLines(map), visible);
}

void TestLogFolding::roundTrip()
{
    LogEngine engine;
    feed(engine, nestedLog(), {});
    FoldMap map;
    map.update(engine.sections(), engine.lineCount());
    map.setFolded(1, true);
    for (qint64 row = 0; row < map.rowCount(); ++row)
        QCOMPARE(map.rowForLine(map.lineForRow(row)), row);
    // A hidden line maps to the row of the header that hides it.
    QVERIFY(map.isHidden(3));
    QCOMPARE(map.lineForRow(map.rowForLine(3)), 2);
    QVERIFY(map.isHidden(8));
    QCOMPARE(map.lineForRow(map.rowForLine(9)), 7);
    QVERIFY(!map.isHidden(7));
    map.setAllFolded(false);
    QCOMPARE(map.rowCount(), engine.lineCount());
    map.setAllFolded(true);
    QCOMPARE(visibleLines(map), u"0 6 7 10"_qs);
}

void TestLogFolding::openSectionFoldsToTheEnd()
{
    LogEngine engine;
    engine.append("before\nsection_start:1:live\r\x1b[0Kheader\n1\n2\n");
    engine.indexAll();
    FoldMap map;
    map.update(engine.sections(), engine.lineCount());
    map.setFolded(0, true);
    QCOMPARE(visibleLines(map), u"0 1"_qs);
    // More lines arrive inside the folded section: still hidden.
    engine.append("3\n4\nsection_end:9:live\r\x1b[0K\nafter\n");
    engine.indexAll();
    map.update(engine.sections(), engine.lineCount());
    QCOMPARE(visibleLines(map), u"0 1 7"_qs);
}

void TestLogFolding::newSectionsKeepState()
{
    LogEngine engine;
    engine.append("section_start:1:a\r\x1b[0Ka\nx\nsection_end:2:a\r\x1b[0K\n");
    engine.indexAll();
    FoldMap map;
    map.update(engine.sections(), engine.lineCount());
    map.setFolded(0, true);
    engine.append("section_start:3:b[collapsed=true]\r\x1b[0Kb\ny\nsection_end:4:b\r\x1b[0K\n");
    engine.indexAll();
    map.update(engine.sections(), engine.lineCount());
    QVERIFY(map.isFolded(0)); // kept what the user chose
    QVERIFY(map.isFolded(1)); // a new collapsed section starts folded
    QCOMPARE(visibleLines(map), u"0 3"_qs);
}

// Markers in the middle of raw lines start lines, so folding hides exactly the section's
// lines, whole or fed in pieces.
void TestLogFolding::markersMidLine()
{
    // 0 before  1 A (a starts)  2 1  3 2 (a ends)  4 after  5 x  6 B (b starts)  7 y
    const QByteArray log = "before section_start:1:a\r\x1b[0KA\n1\n2 section_end:3:a\r\x1b[0K"
                           "after\nx section_start:4:b[collapsed=true]\r\x1b[0KB\ny\n";
    for (qsizetype chunk : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
        LogEngine engine;
        if (chunk == 0)
            feed(engine, log, {});
        else
            feedInChunks(engine, log, chunk);
        QCOMPARE(engine.lineCount(), 8);
        QCOMPARE(describeSections(engine.sections()), u"a 1-3 d0 2s; b 6--1 d0 collapsed -1s"_qs);
        QCOMPARE(engine.line(4).text, u"after"_qs);
        FoldMap map;
        map.update(engine.sections(), engine.lineCount());
        QCOMPARE(visibleLines(map), u"0 1 2 3 4 5 6"_qs);
        map.setFolded(0, true);
        QCOMPARE(visibleLines(map), u"0 1 4 5 6"_qs);
        for (qint64 row = 0; row < map.rowCount(); ++row)
            QCOMPARE(map.rowForLine(map.lineForRow(row)), row);
        QCOMPARE(engine.innermostSection(4), -1);
        QCOMPARE(engine.innermostSection(3), 0);
    }
}

QTEST_GUILESS_MAIN(TestLogFolding)
#include "tst_logfolding.moc"
