// GitLab's rendering rules, case by case (reference/gitlab-api.md section 1), each
// checked on the whole input and on the same bytes appended at every split position.
#include "logtestutil.h"

#include <QTest>

using namespace pipedeck::log;
using namespace pipedeck::log::test;

namespace {

QByteArray ts(const char *time, const char *stream = "00O", char flag = ' ')
{
    return QByteArray("2024-05-14T") + time + "Z " + stream + flag;
}

} // namespace

class TestLogRendering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendering_data();
    void rendering();
    void sections_data();
    void sections();
    void styleCarriesAcrossBlocks();
    void partialLineWhileGrowing();
    void duration_data();
    void duration();
};

void TestLogRendering::rendering_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain lines") << QByteArray("hello\nworld\n") << u"hello\nworld"_qs;
    QTest::newRow("empty lines kept") << QByteArray("a\n\nb\n") << u"a\n\nb"_qs;
    QTest::newRow("no final newline") << QByteArray("a\nb") << u"a\nb"_qs;
    QTest::newRow("CRLF") << QByteArray("a\r\nb\r\n") << u"a\nb"_qs;
    QTest::newRow("CR CR LF is one newline") << QByteArray("a\r\r\nb") << u"a\nb"_qs;
    QTest::newRow("CR overwrites") << QByteArray("10%\r50%\r100%\n") << u"100%"_qs;
    QTest::newRow("CR at end of data") << QByteArray("abc\r") << u"abc"_qs;
    QTest::newRow("CR before escape clears") << QByteArray("abc\r\x1b[0m\n") << u""_qs;
    QTest::newRow("CR clears styled runs")
        << QByteArray("\x1b[31mold\r\x1b[32mnew\x1b[0m\n") << u"{2::|new}"_qs;
    QTest::newRow("erase line removed") << QByteArray("\x1b[0Kabc\x1b[K\x1b[2K\n") << u"abc"_qs;
    QTest::newRow("fg red") << QByteArray("\x1b[31mred\x1b[0m plain\n") << u"{1::|red} plain"_qs;
    QTest::newRow("bold brightens 1;31") << QByteArray("\x1b[1;31mx\x1b[0m") << u"{9::B|x}"_qs;
    QTest::newRow("bold brightens 31;1") << QByteArray("\x1b[31;1mx\x1b[0;m") << u"{9::B|x}"_qs;
    QTest::newRow("bold brightens later colour")
        << QByteArray("\x1b[1m\x1b[32mx") << u"{10::B|x}"_qs;
    QTest::newRow("brightening is sticky")
        << QByteArray("\x1b[1;31ma\x1b[22mb") << u"{9::B|a}{9::|b}"_qs;
    QTest::newRow("21 also ends bold") << QByteArray("\x1b[1ma\x1b[21mb") << u"{::B|a}b"_qs;
    QTest::newRow("256 colours not brightened")
        << QByteArray("\x1b[38;5;16;1mx") << u"{16::B|x}"_qs;
    QTest::newRow("light fg") << QByteArray("\x1b[94mx") << u"{12::|x}"_qs;
    QTest::newRow("bg and default bg") << QByteArray("\x1b[41mx\x1b[49my") << u"{:1:|x}y"_qs;
    QTest::newRow("light bg") << QByteArray("\x1b[104mx") << u"{:12:|x}"_qs;
    QTest::newRow("99 and 109 clear")
        << QByteArray("\x1b[31;41mx\x1b[99my\x1b[109mz") << u"{1:1:|x}{:1:|y}z"_qs;
    QTest::newRow("256 bg") << QByteArray("\x1b[48;5;200mx") << u"{:200:|x}"_qs;
    QTest::newRow("24-bit fg (extension)")
        << QByteArray("\x1b[38;2;255;0;128mx") << u"{#ff0080::|x}"_qs;
    QTest::newRow("24-bit bg (extension)")
        << QByteArray("\x1b[48;2;1;2;3mx") << u"{:#010203:|x}"_qs;
    QTest::newRow("38 then unknown form runs the rest")
        << QByteArray("\x1b[38;1mx") << u"{::B|x}"_qs;
    QTest::newRow("attributes on") << QByteArray("\x1b[3;4;8;9mx") << u"{::IUCS|x}"_qs;
    QTest::newRow("attributes off")
        << QByteArray("\x1b[1;3;4;8;9mx\x1b[23;24;28;29my") << u"{::BIUCS|x}{::B|y}"_qs;
    QTest::newRow("39 default fg") << QByteArray("\x1b[31mx\x1b[39my") << u"{1::|x}y"_qs;
    QTest::newRow("empty SGR resets") << QByteArray("\x1b[31mx\x1b[my") << u"{1::|x}y"_qs;
    QTest::newRow("ignored codes") << QByteArray("\x1b[5;7;51mx") << u"x"_qs;
    QTest::newRow("style carries to next lines")
        << QByteArray("\x1b[32mone\ntwo\x1b[0m\nthree\n") << u"{2::|one}\n{2::|two}\nthree"_qs;
    QTest::newRow("other escapes dropped") << QByteArray("a\x1b[2Jb\x1b[?25lc\x1b]0;title\x07"
                                                         "d\x1b(Be\x1b"
                                                         "7f\x1b[3Ag\n")
                                           << u"abcdefg"_qs;
    QTest::newRow("OSC 8 hyperlink with ST")
        << QByteArray("a\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\b") << u"alinkb"_qs;
    QTest::newRow("escape cut by line end") << QByteArray("a\x1b[31\nb\n") << u"a\nb"_qs;
    QTest::newRow("escape cut by end of data") << QByteArray("a\x1b[3") << u"a"_qs;
    QTest::newRow("lone ESC dropped") << QByteArray("a\x1b\tb") << u"a\tb"_qs;
    QTest::newRow("huge SGR parameter ignored")
        << QByteArray("\x1b[99999999999999999999999mx") << u"x"_qs;
    QTest::newRow("palette index out of range") << QByteArray("\x1b[38;5;999mx") << u"x"_qs;
    QTest::newRow("too many SGR parameters")
        << (QByteArray("\x1b[") + QByteArray("1;").repeated(1000) + "31mx") << u"{::B|x}"_qs;
    QTest::newRow("invalid UTF-8") << QByteArray("a\xff\xfe"
                                                 "b\n")
                                   << QString::fromUtf16(u"a\uFFFD\uFFFDb");
    QTest::newRow("valid UTF-8") << QByteArray("caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x98\xba")
                                 << QString::fromUtf16(u"café 漢 😺");
    QTest::newRow("section markers removed")
        << QByteArray("section_start:1700000000:build\r\x1b[0KBuilding\nstep\n"
                      "section_end:1700000065:build\r\x1b[0K\n")
        << u"Building\nstep\n"_qs;
    QTest::newRow("documented user marker form")
        << QByteArray("\x1b[0Ksection_start:1:my_first_section\r\x1b[0KHeader of the section\n"
                      "\x1b[0Ksection_end:2:my_first_section\r\x1b[0K\n")
        << u"Header of the section\n"_qs;
    QTest::newRow("invalid name: text, cleared by its CR")
        << QByteArray("section_start:1:my_$ection\r\x1b[0Kafter\n") << u"after"_qs;
    QTest::newRow("ESC[K suffix is not a marker")
        << QByteArray("section_start:1:x\r\x1b[Kafter\n") << u"after"_qs;
    QTest::newRow("marker without suffix is text")
        << QByteArray("see section_start:1:x here\n") << u"see section_start:1:x here"_qs;
    QTest::newRow("marker after text") << QByteArray("ssection_end:1:x\r\x1b[0Kz\n") << u"sz"_qs;
    QTest::newRow("timestamps")
        << (ts("11:19:19.899359") + "Hello\n" + ts("11:19:20.000001", "01E") + "World\n")
        << u"@2024-05-14T11:19:19.899359Z@Hello\n@2024-05-14T11:19:20.000001Z@World"_qs;
    QTest::newRow("timestamp continuation joins")
        << (ts("11:19:19.000001") + "Hel\n" + ts("11:19:21.000000", "00O", '+') + "lo\n" +
            ts("11:19:22.000000") + "next\n")
        << u"@2024-05-14T11:19:19.000001Z@Hello\n@2024-05-14T11:19:22.000000Z@next"_qs;
    QTest::newRow("continuation after CR overwrites")
        << (ts("00:00:01.000000", "01O") + "10%\r\n" + ts("00:00:02.000000", "01O", '+') +
            "50%\r\n" + ts("00:00:03.000000", "01O", '+') + "done\n")
        << u"@2024-05-14T00:00:01.000000Z@done"_qs;
    QTest::newRow("escape split by continuation") << (ts("00:00:01.000000", "01O") + "\x1b[3\n" +
                                                      ts("00:00:02.000000", "01O", '+') + "1mred\n")
                                                  << u"@2024-05-14T00:00:01.000000Z@{1::|red}"_qs;
    QTest::newRow("timestamps only when the first line has one")
        << (QByteArray("plain\n") + ts("11:19:19.899359") + "Hello\n")
        << u"plain\n2024-05-14T11:19:19.899359Z 00O Hello"_qs;
    QTest::newRow("timestamped markers")
        << (ts("00:00:01.000000") + "section_start:1:s\r\x1b[0K\n" +
            ts("00:00:01.000001", "00O", '+') + "Header\n" + ts("00:00:02.000000", "01O") +
            "body\n" + ts("00:00:03.000000") + "section_end:3:s\r\x1b[0K\n")
        << u"@2024-05-14T00:00:01.000000Z@Header\n@2024-05-14T00:00:02.000000Z@body\n"
           "@2024-05-14T00:00:03.000000Z@"_qs;
    QTest::newRow("short line after timestamps")
        << (ts("00:00:01.000000") + "a\nb\n" + ts("00:00:02.000000") + "c")
        << u"@2024-05-14T00:00:01.000000Z@a\nb\n@2024-05-14T00:00:02.000000Z@c"_qs;
    QTest::newRow("NUL and binary bytes")
        << QByteArray("a\0b\x01\n", 5) << QString::fromUtf16(u"a\0b\u0001", 4);
}

void TestLogRendering::rendering()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);

    LogEngine whole;
    feed(whole, input, {});
    QCOMPARE(describeLines(whole.lines(0, whole.lineCount())), expected);
    const QString reference = describeEngine(whole);

    // Lines rendered one at a time must match the sequential rendering.
    for (qint64 l = 0; l < whole.lineCount(); ++l)
        QCOMPARE(describeLine(whole.line(l)), describeLine(whole.lines(0, l + 1).back()));

    LogEngine chunked;
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        feed(chunked, input, {cut});
        QVERIFY2(
            describeEngine(chunked) == reference,
            qPrintable(QStringLiteral("split at %1: %2").arg(cut).arg(describeEngine(chunked))));
    }
    for (qsizetype size : {1, 2, 3, 5, 7, 13}) {
        feedInChunks(chunked, input, size);
        QVERIFY2(describeEngine(chunked) == reference,
                 qPrintable(QStringLiteral("chunks of %1").arg(size)));
    }
}

void TestLogRendering::sections_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one section with options")
        << QByteArray("section_start:100:build[collapsed=true]\r\x1b[0KHeader\nbody\n"
                      "section_end:165:build\r\x1b[0K\nafter\n")
        << u"build 0-2 d0 collapsed 65s"_qs;
    QTest::newRow("unknown options and hide_duration")
        << QByteArray("section_start:1:a[unused_option=123,collapsed=false]\r\x1b[0K\n"
                      "section_end:2:a\r\x1b[0K\n")
        << u"a 0-1 d0 1s"_qs;
    QTest::newRow("name normalisation")
        << QByteArray("section_start:1:a.Legit-SeCtIoN_namE\r\x1b[0K\n"
                      "section_end:2:A.LEGIT-section-name\r\x1b[0K\n")
        << u"a-legit-section-name 0-1 d0 1s"_qs;
    QTest::newRow("nesting")
        << QByteArray("section_start:1:outer\r\x1b[0Ko\nsection_start:2:inner\r\x1b[0Ki\nx\n"
                      "section_end:4:inner\r\x1b[0K\nsection_end:9:outer\r\x1b[0K\n")
        << u"outer 0-4 d0 8s; inner 1-3 d1 2s"_qs;
    QTest::newRow("end closes sections left open inside")
        << QByteArray("section_start:1:outer\r\x1b[0K\nsection_start:2:inner\r\x1b[0K\n"
                      "section_end:5:outer\r\x1b[0K\n")
        << u"outer 0-2 d0 4s; inner 1-2 d1 3s"_qs;
    QTest::newRow("unmatched end swallowed")
        << QByteArray("section_end:1:nothing\r\x1b[0Ktext\n") << QString();
    QTest::newRow("open at end of log")
        << QByteArray("section_start:1:open\r\x1b[0K\nmore\n") << u"open 0--1 d0 -1s"_qs;
    QTest::newRow("same name twice")
        << QByteArray("section_start:1:s\r\x1b[0K\nsection_end:2:s\r\x1b[0K\n"
                      "section_start:3:s\r\x1b[0K\nsection_end:5:s\r\x1b[0K\n")
        << u"s 0-1 d0 1s; s 2-3 d0 2s"_qs;
    QTest::newRow("invalid markers are not sections")
        << QByteArray("section_start:x:bad\r\x1b[0K\nsection_start:1:\r\x1b[0K\n"
                      "section_start:1:a b\r\x1b[0K\nsection_start:1:a[k=]\r\x1b[0K\n")
        << QString();
    QTest::newRow("duration clamped at zero")
        << QByteArray("section_start:10:s\r\x1b[0K\nsection_end:5:s\r\x1b[0K\n")
        << u"s 0-1 d0 0s"_qs;
}

void TestLogRendering::sections()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    LogEngine whole;
    feed(whole, input, {});
    QCOMPARE(describeSections(whole.sections()), expected);
    LogEngine chunked;
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        feed(chunked, input, {cut});
        QCOMPARE(describeSections(chunked.sections()), expected);
    }
}

// The scanner keeps the style at each 64-line block start; rendering a line on
// its own replays from there. Both must agree with rendering from the top.
void TestLogRendering::styleCarriesAcrossBlocks()
{
    QByteArray input;
    const char *codes[] = {"31", "1;32", "0", "44", "38;5;100", "3", "22", "39;49", "9"};
    for (int i = 0; i < 300; ++i) {
        input += "line " + QByteArray::number(i);
        if (i % 7 == 3)
            input += QByteArray("\x1b[") + codes[(i / 7) % 9] + "m styled";
        input += '\n';
    }
    LogEngine engine;
    feed(engine, input, {});
    QCOMPARE(engine.lineCount(), 300);
    const QList<RenderedLine> all = engine.lines(0, 300);
    bool sawStyledBlockStart = false;
    for (qint64 l = 0; l < 300; ++l) {
        QCOMPARE(describeLine(engine.line(l)), describeLine(all[l]));
        if (l % 64 == 0 && !all[l].runs.isEmpty())
            sawStyledBlockStart = true;
    }
    QVERIFY(sawStyledBlockStart);
    LogEngine chunked;
    feedInChunks(chunked, input, 17);
    QCOMPARE(describeEngine(chunked), describeEngine(engine));
}

// While a line is still arriving it is shown as far as it goes.
void TestLogRendering::partialLineWhileGrowing()
{
    LogEngine engine;
    engine.append("\x1b[31mfirst\nsec");
    engine.indexAll();
    QCOMPARE(engine.lineCount(), 2);
    QCOMPARE(describeLine(engine.line(1)), u"{1::|sec}"_qs);
    engine.append("ond\n");
    engine.indexAll();
    QCOMPARE(engine.lineCount(), 2);
    QCOMPARE(describeLine(engine.line(1)), u"{1::|second}"_qs);
}

void TestLogRendering::duration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << u"00:00"_qs;
    QTest::newRow("59") << qint64(59) << u"00:59"_qs;
    QTest::newRow("61") << qint64(61) << u"01:01"_qs;
    QTest::newRow("hour") << qint64(3600) << u"01:00:00"_qs;
    QTest::newRow("past a day") << qint64(37 * 3600 + 14 * 60 + 15) << u"37:14:15"_qs;
}

void TestLogRendering::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(syntax::formatSectionDuration(seconds), text);
    QCOMPARE(syntax::clampedSectionDuration(100, 100 + seconds), seconds);
    QCOMPARE(syntax::clampedSectionDuration(100, 50), 0);
    QCOMPARE(syntax::clampedSectionDuration(0, Q_INT64_C(1) << 40), 365LL * 24 * 3600);
}

QTEST_GUILESS_MAIN(TestLogRendering)
#include "tst_logrendering.moc"
