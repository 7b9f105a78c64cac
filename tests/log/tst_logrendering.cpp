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

// Markers for the GitLab spec rows: a section of 63 s and one of 2 s nested in it, both
// starting at 2019-09-17 00:00 UTC.
constexpr qint64 kSpecStart = 1568678400;
QByteArray marker(const char *kind, qint64 time, const QByteArray &name)
{
    return QByteArray("section_") + kind + ':' + QByteArray::number(time) + ':' + name +
           "\r\x1b[0K";
}
QByteArray specStart(const QByteArray &name = "prepare-script")
{
    return marker("start", kSpecStart, name);
}
QByteArray specEnd()
{
    return marker("end", kSpecStart + 63, "prepare-script");
}
QByteArray nestedStart()
{
    return marker("start", kSpecStart, "prepare-script-nested");
}
QByteArray nestedEnd()
{
    return marker("end", kSpecStart + 2, "prepare-script-nested");
}
QByteArray sgr(const char *codes)
{
    return QByteArray("\x1b[") + codes + 'm';
}

// Everything the engine shows for `input` must not depend on how its bytes arrive:
// compares the whole log with the same bytes cut at every position and in small chunks.
void checkSplits(const QByteArray &input)
{
    LogEngine whole;
    feed(whole, input, {});
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

} // namespace

class TestLogRendering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendering_data();
    void rendering();
    void gitlabSpec_data();
    void gitlabSpec();
    void runnerTimestamper_data();
    void runnerTimestamper() { gitlabSpec(); }
    void gitlabStyle_data();
    void gitlabStyle();
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
    // The view renders a line from the style in force, search from the default style: a
    // character cut by an escape is one character either way, in the style after it.
    QTest::newRow("UTF-8 cut by an escape that changes nothing")
        << QByteArray("\x1b[31mx\n\xcb\x1b[31m\xa7\n")
        << QString::fromUtf16(u"{1::|x}\n{1::|\u02e7}");
    QTest::newRow("UTF-8 cut by a colour change") << QByteArray("\x1b[31mx\n\xcb\x1b[32m\xa7\n")
                                                  << QString::fromUtf16(u"{1::|x}\n{2::|\u02e7}");
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
    checkSplits(input);
}

// Every case of GitLab's job-log renderer specs (spec/lib/gitlab/ci/ansi2json_spec.rb and
// ansi2json/line_spec.rb), restated: the lines and the sections Pipedeck shows. Where
// Pipedeck differs on purpose (docs/log-engine.md) the row says so. GitLab's "incremental
// updates" cases are here as whole logs: checkSplits() feeds each one cut at every position,
// which includes the cut GitLab tests.
void TestLogRendering::gitlabSpec_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("sections");

    const QString none;
    const QString open = u"prepare-script 1--1 d0 -1s"_qs;

    // lines
    QTest::newRow("plain text as it is") << QByteArray("Hello") << u"Hello"_qs << none;
    QTest::newRow("LF starts a line") << QByteArray("Hello\nworld") << u"Hello\nworld"_qs << none;
    QTest::newRow("CRLF starts a line")
        << QByteArray("Hello\r\nworld") << u"Hello\nworld"_qs << none;
    QTest::newRow("CR CR LF starts a line")
        << QByteArray("Hello\r\r\nworld") << u"Hello\nworld"_qs << none;
    // GitLab drops empty lines; Pipedeck keeps them so that line numbers match the raw log.
    QTest::newRow("empty line (kept)")
        << QByteArray("Hello\n\nworld") << u"Hello\n\nworld"_qs << none;
    QTest::newRow("empty CRLF line (kept)")
        << QByteArray("Hello\r\n\r\nworld") << u"Hello\n\nworld"_qs << none;
    QTest::newRow("CR replaces the line") << QByteArray("Hello\rworld") << u"world"_qs << none;

    // ANSI sequences
    QTest::newRow("colour") << (sgr("31") + "Hello" + sgr("0")) << u"{1::|Hello}"_qs << none;
    QTest::newRow("colour across lines")
        << (sgr("31") + "Hello\nWorld" + sgr("0")) << u"{1::|Hello}\n{1::|World}"_qs << none;
    QTest::newRow("foreground and background")
        << (sgr("31;44") + "Hello") << u"{1:4:|Hello}"_qs << none;
    QTest::newRow("style change within a line")
        << (sgr("31;44") + "Hello" + sgr("0") + " world") << u"{1:4:|Hello} world"_qs << none;

    // section markers
    QTest::newRow("start marker after text starts the header line")
        << ("Hello" + specStart() + "world!") << u"Hello\nworld!"_qs << open;
    QTest::newRow("only the first line is the header")
        << ("outside section" + specStart() + "Hello\nworld!")
        << u"outside section\nHello\nworld!"_qs << open;
    // GitLab adds an empty footer line for the end marker; in Pipedeck the line of the end
    // marker is the section's last line.
    QTest::newRow("end marker ends the last line")
        << (specStart() + "Good\nmorning\nworld!" + specEnd()) << u"Good\nmorning\nworld!"_qs
        << u"prepare-script 0-2 d0 63s"_qs;
    QTest::newRow("one line is header and last line")
        << (specStart() + "Hello world!" + specEnd()) << u"Hello world!"_qs
        << u"prepare-script 0-0 d0 63s"_qs;
    QTest::newRow("text after the end marker is outside")
        << (specStart() + "Hello" + specEnd() + "world") << u"Hello\nworld"_qs
        << u"prepare-script 0-0 d0 63s"_qs;
    QTest::newRow("end marker without start is removed")
        << ("Hello " + specEnd() + "world\nNext line") << u"Hello world\nNext line"_qs << none;
    QTest::newRow("name normalised")
        << ("Hello" + specStart("a.Legit-SeCtIoN_namE") + "world!") << u"Hello\nworld!"_qs
        << u"a-legit-section-name 1--1 d0 -1s"_qs;
    QTest::newRow("name with $ is no marker")
        << (specStart("my_$ection") + "hello") << u"hello"_qs << none;
    QTest::newRow("name with < is no marker")
        << (specStart("<a_tag>") + "hello") << u"hello"_qs << none;
    QTest::newRow("HTML and marker-like text as they are")
        << (specStart() + "section_end:1:2<div>hello</div>" + specEnd())
        << u"section_end:1:2<div>hello</div>"_qs << u"prepare-script 0-0 d0 63s"_qs;
    QTest::newRow("nested markers mid-line each start a line")
        << ("Hello" + specStart() + "foo" + nestedStart() + "bar" + nestedEnd() + "baz" +
            specEnd() + "world")
        << u"Hello\nfoo\nbar\nbaz\nworld"_qs
        << u"prepare-script 1-3 d0 63s; prepare-script-nested 2-2 d1 2s"_qs;
    QTest::newRow("nested sections closed together")
        << ("Hello" + specStart() + sgr("91") + "foo" + sgr("0") + nestedStart() + "bar" +
            nestedEnd() + specEnd())
        << u"Hello\n{9::|foo}\nbar"_qs
        << u"prepare-script 1-2 d0 63s; prepare-script-nested 2-2 d1 2s"_qs;
    QTest::newRow("section options")
        << (marker("start", kSpecStart, "prepare-script[collapsed=true,unused_option=123]") +
            "hello" + specEnd())
        << u"hello"_qs << u"prepare-script 0-0 d0 collapsed 63s"_qs;

    // incremental updates (GitLab's cut: after the first part)
    QTest::newRow("split word") << (sgr("1") + "Hello " + "World") << u"{::B|Hello World}"_qs
                                << none;
    QTest::newRow("split timestamp")
        << (QByteArray("2024-05-14T11:19:19.") + "899359Z 00O " + sgr("1") + "Hello World")
        << u"@2024-05-14T11:19:19.899359Z@{::B|Hello World}"_qs << none;
    QTest::newRow("split word on second line")
        << QByteArray("Good\nmorning World") << u"Good\nmorning World"_qs << none;
    QTest::newRow("split word on second line, timestamps")
        << (ts("11:19:19.899359") + "Good\n" + ts("11:19:19.899359") + "morning " + "World")
        << u"@2024-05-14T11:19:19.899359Z@Good\n@2024-05-14T11:19:19.899359Z@morning World"_qs
        << none;
    QTest::newRow("split sequence across lines")
        << (sgr("1") + "good\nmorning\n" + sgr("3") + "world")
        << u"{::B|good}\n{::B|morning}\n{::BI|world}"_qs << none;
    QTest::newRow("split partial sequence")
        << QByteArray("hello\x1b[1m world") << u"hello{::B| world}"_qs << none;
    QTest::newRow("split new line") << QByteArray("hello\r\nworld") << u"hello\nworld"_qs << none;
    QTest::newRow("split section body")
        << (specStart() + "this is a header\nand this\n is a body")
        << u"this is a header\nand this\n is a body"_qs << u"prepare-script 0--1 d0 -1s"_qs;
    QTest::newRow("split header") << (specStart() + "this is a header\nand body")
                                  << u"this is a header\nand body"_qs
                                  << u"prepare-script 0--1 d0 -1s"_qs;
    QTest::newRow("split section end")
        << (specStart() + "this is a header\nthe body\nthe end" + specEnd())
        << u"this is a header\nthe body\nthe end"_qs << u"prepare-script 0-2 d0 63s"_qs;

    // timestamps
    const QString t1 = u"@2024-05-14T11:19:19.899359Z@"_qs;
    QTest::newRow("timestamp captured")
        << (ts("11:19:19.899359") + "Hello") << (t1 + u"Hello"_qs) << none;
    QTest::newRow("timestamps and LF")
        << (ts("11:19:19.899359") + "Hello\n" + ts("11:19:20.000000") + "world")
        << (t1 + u"Hello\n@2024-05-14T11:19:20.000000Z@world"_qs) << none;
    QTest::newRow("timestamps and CRLF")
        << (ts("11:19:19.899359") + "Hello\r\n" + ts("11:19:20.899359") + "world")
        << (t1 + u"Hello\n@2024-05-14T11:19:20.899359Z@world"_qs) << none;
    QTest::newRow("timestamps and an empty line (kept)")
        << (ts("11:19:19.899359") + "Hello\n\n" + ts("11:19:20.899359") + "world")
        << (t1 + u"Hello\n\n@2024-05-14T11:19:20.899359Z@world"_qs) << none;
    QTest::newRow("timestamps and an empty CRLF line (kept)")
        << (ts("11:19:19.899359") + "Hello\r\n\r\n" + ts("11:19:20.899359") + "world")
        << (t1 + u"Hello\n\n@2024-05-14T11:19:20.899359Z@world"_qs) << none;
    QTest::newRow("CR replaces the line and its timestamp")
        << (ts("11:19:19.899359") + "Hello \r" + ts("11:19:20.000000") + "world!")
        << u"@2024-05-14T11:19:20.000000Z@world!"_qs << none;
    QTest::newRow("continuation joins, first timestamp")
        << (ts("11:19:19.899359") + "Hello \n" + ts("11:19:20.000000", "00O", '+') + "world!")
        << (t1 + u"Hello world!"_qs) << none;
    QTest::newRow("continuations join")
        << (ts("11:19:19.899359") + "Hello \n" + ts("11:19:20.000000", "00O", '+') + "world, \n" +
            ts("11:19:21.000000", "00O", '+') + "this is a second continuation\n" +
            ts("11:19:22.000000") + "This is a second line")
        << (t1 + u"Hello world, this is a second continuation\n"
                 u"@2024-05-14T11:19:22.000000Z@This is a second line"_qs)
        << none;
    QTest::newRow("timestamps: header line keeps the timestamp")
        << (ts("11:19:19.899359") + "Hello" + specStart() + "world!")
        << (t1 + u"Hello\n"_qs + t1 + u"world!"_qs) << open;
    QTest::newRow("timestamps: only the first line is the header")
        << (ts("11:19:19.899359") + "outside section" + specStart() + "Hello\n" +
            ts("11:19:20.899359") + "world!")
        << (t1 + u"outside section\n"_qs + t1 + u"Hello\n@2024-05-14T11:19:20.899359Z@world!"_qs)
        << open;
    QTest::newRow("timestamps: end marker line")
        << (ts("11:19:19.899359") + specStart() + "Good\n" + ts("11:19:20.899359") + "morning\n" +
            ts("11:19:21.899359") + "world!\n" + ts("11:19:22.899359") + specEnd())
        << (t1 + u"Good\n@2024-05-14T11:19:20.899359Z@morning\n"
                 u"@2024-05-14T11:19:21.899359Z@world!\n@2024-05-14T11:19:22.899359Z@"_qs)
        << u"prepare-script 0-3 d0 63s"_qs;
    QTest::newRow("timestamps: no prefix on the first line, none at all")
        << (specStart() + "Hello world!" + specEnd()) << u"Hello world!"_qs
        << u"prepare-script 0-0 d0 63s"_qs;

    // line_spec.rb: a section start ends "the start of the line", a '\r' restarts it.
    QTest::newRow("prefix after a start marker is text")
        << (ts("11:19:19.899359") + specStart() + ts("11:19:20.000000") + "x")
        << (t1 + u"2024-05-14T11:19:20.000000Z 00O x"_qs) << u"prepare-script 0--1 d0 -1s"_qs;
    QTest::newRow("progress with timestamps after each CR")
        << (ts("00:00:01.000000") + "10%\r" + ts("00:00:02.000000") + "50%\r" +
            ts("00:00:03.000000") + "100%\n" + ts("00:00:04.000000") + "done\n")
        << u"@2024-05-14T00:00:03.000000Z@100%\n@2024-05-14T00:00:04.000000Z@done"_qs << none;

    // Line breaks at markers, checked at every split like the rows above.
    QTest::newRow("LF right after an end marker makes no extra line")
        << (specStart() + "a" + specEnd() + "\nb\n") << u"a\nb"_qs
        << u"prepare-script 0-0 d0 63s"_qs;
    QTest::newRow("escapes after an end marker go to the next line")
        << (specStart() + "a" + specEnd() + sgr("32") + "b\n") << u"a\n{2::|b}"_qs
        << u"prepare-script 0-0 d0 63s"_qs;
    QTest::newRow("CR after an end marker") << (specStart() + "a" + specEnd() + "\rb\n")
                                            << u"a\nb"_qs << u"prepare-script 0-0 d0 63s"_qs;
    QTest::newRow("start right after an end")
        << (specStart() + "a" + specEnd() + nestedStart() + "b\n") << u"a\nb"_qs
        << u"prepare-script 0-0 d0 63s; prepare-script-nested 1--1 d0 -1s"_qs;
    // What the runner writes between two sections: the header shares the end marker's line
    // (GitLab shows an empty footer line there, then the header).
    QTest::newRow("end and start on a line of their own")
        << (specStart() + "a\n" + specEnd() + nestedStart() + "b\nc\n") << u"a\nb\nc"_qs
        << u"prepare-script 0-1 d0 63s; prepare-script-nested 1--1 d0 -1s"_qs;
    QTest::newRow("timestamps: end and start joined by a continuation")
        << (ts("00:00:01.000000") + specStart() + "a\n" + ts("00:00:02.000000") + specEnd() + "\n" +
            ts("00:00:02.000001", "00O", '+') + nestedStart() + "\x1b[0Kb\n")
        << u"@2024-05-14T00:00:01.000000Z@a\n@2024-05-14T00:00:02.000000Z@b"_qs
        << u"prepare-script 0-1 d0 63s; prepare-script-nested 1--1 d0 -1s"_qs;
    QTest::newRow("two starts make one header line")
        << ("x" + specStart() + nestedStart() + "y") << u"x\ny"_qs
        << u"prepare-script 1--1 d0 -1s; prepare-script-nested 1--1 d1 -1s"_qs;
    QTest::newRow("start after cleared text stays on the line")
        << ("abc\r" + specStart() + "x") << u"x"_qs << u"prepare-script 0--1 d0 -1s"_qs;
    QTest::newRow("style carries over a marker break")
        << (sgr("31") + "red" + specStart() + "more") << u"{1::|red}\n{1::|more}"_qs << open;
    QTest::newRow("timestamps: prefix after an end marker starts the next line")
        << (ts("00:00:01.000000") + specStart() + "a\n" + ts("00:00:02.000000") + "b" + specEnd() +
            ts("00:00:03.000000") + "c\n")
        << u"@2024-05-14T00:00:01.000000Z@a\n@2024-05-14T00:00:02.000000Z@b\n"
           "@2024-05-14T00:00:03.000000Z@c"_qs
        << u"prepare-script 0-1 d0 63s"_qs;
    QTest::newRow("timestamps: marker after a continuation")
        << (ts("00:00:01.000000") + "Hello\n" + ts("00:00:02.000000", "00O", '+') + specStart() +
            "world\n" + ts("00:00:03.000000") + "next\n")
        << u"@2024-05-14T00:00:01.000000Z@Hello\n@2024-05-14T00:00:01.000000Z@world\n"
           "@2024-05-14T00:00:03.000000Z@next"_qs
        << open;
    QTest::newRow("timestamps: text after an end marker in a continuation")
        << (ts("00:00:01.000000") + specStart() + "a" + specEnd() + "\n" +
            ts("00:00:02.000000", "00O", '+') + "after\n")
        << u"@2024-05-14T00:00:01.000000Z@a\n@2024-05-14T00:00:01.000000Z@after"_qs
        << u"prepare-script 0-0 d0 63s"_qs;
}

// What gitlab-runner writes with FF_TIMESTAMPS, case by case from its timestamper tests
// (common/buildlogger/internal/timestamper/timestamper_test.go), in our own data, and what
// the job page makes of it (GitLab's converter joins `+` records before rendering). Same
// columns and checks as gitlabSpec: the lines, the sections, whole and at every split.
void TestLogRendering::runnerTimestamper_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("sections");
    const QString none;
    auto at = [](const char *time) -> QString {
        return u"@2024-05-14T"_qs + QLatin1String(time) + u"Z@"_qs;
    };

    // TestWithTimestamps: every '\n' ends a record, also several in one write.
    QTest::newRow("runner: one record per newline")
        << (ts("08:00:01.000000", "ffE") + "PREFIX several\n" + ts("08:00:02.000000", "ffE") +
            "lines\n" + ts("08:00:03.000000", "ffE") + "in one write\n")
        << (at("08:00:01.000000") + u"PREFIX several\n"_qs + at("08:00:02.000000") + u"lines\n"_qs +
            at("08:00:03.000000") + u"in one write"_qs)
        << none;
    // TestWithTimestamps / TestForcedFlush: writes without a newline are held until it comes
    // and make one record.
    QTest::newRow("runner: a line written in pieces is one record")
        << (ts("08:00:01.000000", "ffE") + "written in three writes\n" +
            ts("08:00:02.000000", "ffE") + "next\n")
        << (at("08:00:01.000000") + u"written in three writes\n"_qs + at("08:00:02.000000") +
            u"next"_qs)
        << none;
    // TestWithTimestamps: a write with '\r' and no '\n' is flushed with a '\n' added, and the
    // next record continues it (`+`). The joined line is "Progress: .\r.\r.\rDone.", whose
    // '\r's overwrite: the line shows its last state with the first record's time.
    QTest::newRow("runner: progress flushed at every CR")
        << (ts("08:00:01.000000", "ffE") + "Progress: .\r\n" + ts("08:00:02.000000", "ffE", '+') +
            ".\r\n" + ts("08:00:03.000000", "ffE", '+') + ".\r\n" +
            ts("08:00:04.000000", "ffE", '+') + "Done.\r\n" + ts("08:00:05.000000", "ffE") +
            "after\n")
        << (at("08:00:01.000000") + u"Done.\n"_qs + at("08:00:05.000000") + u"after"_qs) << none;
    QTest::newRow("runner: CRLF record")
        << (ts("08:00:01.000000", "ffE") + "a windows line\r\n" + ts("08:00:02.000000", "ffE") +
            "next\r\n")
        << (at("08:00:01.000000") + u"a windows line\n"_qs + at("08:00:02.000000") + u"next"_qs)
        << none;
    // TestWithTimestamps ("\nstart" then "\nend\n"): a lone '\n' is a record of its own, an
    // empty line (kept here, GitLab drops it).
    QTest::newRow("runner: a lone newline is an empty record")
        << (ts("08:00:01.000000", "ffE") + "\n" + ts("08:00:02.000000", "ffE") + "start\n" +
            ts("08:00:03.000000", "ffE") + "end\n")
        << (at("08:00:01.000000") + u"\n"_qs + at("08:00:02.000000") + u"start\n"_qs +
            at("08:00:03.000000") + u"end"_qs)
        << none;
    // TestWithTimestamps ("Eat carriages"): '\r's before the '\n' stay in the record; with
    // GitLab's current `\r*\n` they end the line and clear nothing.
    QTest::newRow("runner: CRs before the newline")
        << (ts("08:00:01.000000", "ffE") + "carriage returns\r\r\r\r\r\r\r\n" +
            ts("08:00:02.000000", "ffE") + "after\n")
        << (at("08:00:01.000000") + u"carriage returns\n"_qs + at("08:00:02.000000") + u"after"_qs)
        << none;
    // TestWithTimestamps / TestCloseIdempotent: closing adds the '\n' of a last partial line;
    // before that, the live log ends in the partial record, shown as far as it goes.
    QTest::newRow("runner: last line closed by the runner")
        << (ts("08:00:01.000000", "ffE") + "first\n" + ts("08:00:02.000000", "ffE") + "The end\n")
        << (at("08:00:01.000000") + u"first\n"_qs + at("08:00:02.000000") + u"The end"_qs) << none;
    QTest::newRow("runner: last line not closed yet")
        << (ts("08:00:01.000000", "ffE") + "first\n" + ts("08:00:02.000000", "ffE") + "The en")
        << (at("08:00:01.000000") + u"first\n"_qs + at("08:00:02.000000") + u"The en"_qs) << none;
    // TestForcedFlush: a write past the runner's 8 KiB buffer is flushed with a '\n' added,
    // and the rest of the line continues in `+` records: one line, the first record's time.
    {
        const QByteArray first(8192, 'a');
        const QByteArray second(8193, 'b');
        QTest::newRow("runner: long line split at the buffer size")
            << (ts("08:00:01.000000", "ffE") + "long write " + first + "\n" +
                ts("08:00:02.000000", "ffE", '+') + second + "\n" +
                ts("08:00:03.000000", "ffE", '+') + "ended\n" + ts("08:00:04.000000", "ffE") +
                "next\n")
            << (at("08:00:01.000000") + u"long write "_qs + QString::fromLatin1(first) +
                QString::fromLatin1(second) + u"ended\n"_qs + at("08:00:04.000000") + u"next"_qs)
            << none;
    }
    // TestCarriageReturnDoesNotSplitWrite: a marker written on its own is flushed at its '\r'
    // with its `\e[0K` in the same record; the next write continues it. GitLab shows one empty
    // footer line with the duration; here the marker line is the section's only line.
    QTest::newRow("runner: markers flushed at their CR")
        << (ts("08:00:01.000000", "01O") + "section_start:123:foo\r\x1b[0K\n" +
            ts("08:00:02.000000", "01O", '+') + "section_end:123:foo\r\x1b[0K\n")
        << at("08:00:01.000000") << u"foo 0-0 d0 0s"_qs;
    // The comment of that test: bytes after the last '\r' of a write stay in its record.
    QTest::newRow("runner: text after a CR stays in its record")
        << (ts("08:00:01.000000", "01O") + "50%\r100%\n" + ts("08:00:02.000000", "01O", '+') +
            " done\n")
        << (at("08:00:01.000000") + u"100% done"_qs) << none;
    // A job as the runner writes it: the header continues the start marker's record, and
    // the next section's start continues the end marker's.
    QTest::newRow("runner: sections as the runner writes them")
        << (ts("08:00:01.000000", "00O") + "Running with gitlab-runner\n" +
            ts("08:00:02.000000", "00O") + "section_start:1715677200:prepare\r\x1b[0K\n" +
            ts("08:00:02.000001", "00O", '+') + "\x1b[0K\x1b[36;1mPreparing\x1b[0;m\n" +
            ts("08:00:03.000000", "00O") + "\x1b[0KUsing Shell executor\x1b[0;m\n" +
            ts("08:00:04.000000", "00O") + "section_end:1715677204:prepare\r\x1b[0K\n" +
            ts("08:00:04.000001", "00O", '+') + "section_start:1715677204:step_script\r\x1b[0K\n" +
            ts("08:00:04.000002", "00O", '+') + "\x1b[0K\x1b[36;1mExecuting\x1b[0;m\n" +
            ts("08:00:05.000000", "01O") + "hello\n" + ts("08:00:06.000000", "00O") +
            "section_end:1715677206:step_script\r\x1b[0K\n" + ts("08:00:07.000000", "00O") +
            "\x1b[32;1mJob succeeded\x1b[0;m\n")
        << (at("08:00:01.000000") + u"Running with gitlab-runner\n"_qs + at("08:00:02.000000") +
            u"{14::B|Preparing}\n"_qs + at("08:00:03.000000") + u"Using Shell executor\n"_qs +
            at("08:00:04.000000") + u"{14::B|Executing}\n"_qs + at("08:00:05.000000") +
            u"hello\n"_qs + at("08:00:06.000000") + u"\n"_qs + at("08:00:07.000000") +
            u"{10::B|Job succeeded}"_qs)
        << u"prepare 1-3 d0 4s; step-script 3-5 d0 2s"_qs;
    // TestTimestampSecondsCache: times a microsecond apart, in the same second and across it.
    QTest::newRow("runner: microseconds kept exactly")
        << (ts("12:34:56.000000", "01E") + "line\n" + ts("12:34:56.000001", "01E") + "line\n" +
            ts("12:34:56.000123", "01E") + "line\n" + ts("12:34:57.000000", "01E") + "line\n" +
            ts("12:34:57.000007", "01E") + "line\n")
        << (at("12:34:56.000000") + u"line\n"_qs + at("12:34:56.000001") + u"line\n"_qs +
            at("12:34:56.000123") + u"line\n"_qs + at("12:34:57.000000") + u"line\n"_qs +
            at("12:34:57.000007") + u"line"_qs)
        << none;
    // Stream numbers are two hex digits (00 runner, 01 script, 0f and up services), either
    // stream type: all are prefixes.
    QTest::newRow("runner: streams and stream types")
        << (ts("08:00:01.000000", "00O") + "runner\n" + ts("08:00:02.000000", "01E") +
            "script stderr\n" + ts("08:00:03.000000", "0fO") + "service\n" +
            ts("08:00:04.000000", "ffE") + "last stream\n")
        << (at("08:00:01.000000") + u"runner\n"_qs + at("08:00:02.000000") + u"script stderr\n"_qs +
            at("08:00:03.000000") + u"service\n"_qs + at("08:00:04.000000") + u"last stream"_qs)
        << none;
    // TestWithoutTimestamp: the stream prefix without a time (the runner never sends it to
    // GitLab) is text.
    QTest::newRow("runner: stream prefix without a time is text")
        << QByteArray("ffE first\nffE+.\r\nffE+Done.\r\n") << u"ffE first\nffE+.\nffE+Done."_qs
        << none;

    // The runner's flushes (at '\r', past 8 KiB) cut a write wherever it is; GitLab joins the
    // `+` records before reading them, so what they cut is whole again.
    QTest::newRow("runner: UTF-8 character cut by a continuation")
        << (ts("08:00:01.000000") + "caf\xc3\n" + ts("08:00:02.000000", "00O", '+') + "\xa9 ok\n")
        << (at("08:00:01.000000") + QString::fromUtf16(u"café ok")) << none;
    // A runner that flushed at the '\r' of a marker (before TestCarriageReturnDoesNotSplitWrite
    // was fixed), or a script whose write was read in two pieces: "\e[0K" comes in the next
    // record.
    QTest::newRow("runner: marker suffix in the next record")
        << (ts("08:00:01.000000") + "section_start:1715677200:foo\r\n" +
            ts("08:00:02.000000", "00O", '+') + "\x1b[0KHeader\n" + ts("08:00:03.000000") +
            "body\n" + ts("08:00:04.000000") + "section_end:1715677203:foo\r\n" +
            ts("08:00:05.000000", "00O", '+') + "\x1b[0K\n" + ts("08:00:06.000000") + "after\n")
        << (at("08:00:01.000000") + u"Header\n"_qs + at("08:00:03.000000") + u"body\n"_qs +
            at("08:00:04.000000") + u"\n"_qs + at("08:00:06.000000") + u"after"_qs)
        << u"foo 0-2 d0 3s"_qs;
    // What such a runner wrote for its own sections (18.x, each marker one write): every
    // "\e[0K" of a marker opens the next record.
    QTest::newRow("runner: sections of a runner that split every marker")
        << (ts("08:00:01.000000", "00O") + "Running with gitlab-runner 18.7.0\n" +
            ts("08:00:02.000000", "00O") + "section_start:1768988825:prepare_executor\r\n" +
            ts("08:00:02.000001", "00O", '+') +
            "\x1b[0K\x1b[0K\x1b[36;1mPreparing the executor\x1b[0;m\x1b[0;m\n" +
            ts("08:00:03.000000", "00O") + "\x1b[0KUsing Docker executor\x1b[0;m\n" +
            ts("08:00:04.000000", "00O") + "section_end:1768988830:prepare_executor\r\n" +
            ts("08:00:04.000001", "00O", '+') + "\x1b[0Ksection_start:1768988830:get_sources\r\n" +
            ts("08:00:04.000002", "00O", '+') +
            "\x1b[0K\x1b[0K\x1b[36;1mGetting source\x1b[0;m\x1b[0;m\n" +
            ts("08:00:05.000000", "01O") + "Fetching changes\n" + ts("08:00:06.000000", "00O") +
            "section_end:1768988832:get_sources\r\n" + ts("08:00:06.000001", "00O", '+') +
            "\x1b[0K\n" + ts("08:00:07.000000", "00O") + "\x1b[32;1mJob succeeded\x1b[0;m\n")
        << (at("08:00:01.000000") + u"Running with gitlab-runner 18.7.0\n"_qs +
            at("08:00:02.000000") + u"{14::B|Preparing the executor}\n"_qs + at("08:00:03.000000") +
            u"Using Docker executor\n"_qs + at("08:00:04.000000") + u"{14::B|Getting source}\n"_qs +
            at("08:00:05.000000") + u"Fetching changes\n"_qs + at("08:00:06.000000") + u"\n"_qs +
            at("08:00:07.000000") + u"{10::B|Job succeeded}"_qs)
        << u"prepare-executor 1-3 d0 5s; get-sources 3-5 d0 2s"_qs;
    // Without timestamps there are no records to join: "\r\n" ends the line, and the marker
    // is text that its own '\r' does not clear (it ends the line).
    QTest::newRow("runner: no joined suffix without timestamps")
        << QByteArray("section_start:1:foo\r\n\x1b[0KHeader\n") << u"section_start:1:foo\nHeader"_qs
        << none;

    // The full-log viewer's cases (ci/job_log_viewer/lib/generate_stream_spec.js) about `+`
    // records, rendered as the job page does.
    QTest::newRow("viewer spec: appends to a timestamped line")
        << (ts("08:00:01.000000") + "line...\n" + ts("08:00:02.000000", "00O", '+') + "...content")
        << (at("08:00:01.000000") + u"line......content"_qs) << none;
    QTest::newRow("viewer spec: an empty continuation at the end")
        << (ts("08:00:01.000000") + "line...\n" + ts("08:00:02.000000", "00O", '+'))
        << (at("08:00:01.000000") + u"line..."_qs) << none;
}

void TestLogRendering::gitlabSpec()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, lines);
    QFETCH(QString, sections);

    LogEngine whole;
    feed(whole, input, {});
    QCOMPARE(describeLines(whole.lines(0, whole.lineCount())), lines);
    QCOMPARE(describeSections(whole.sections()), sections);
    checkSplits(input);
}

// GitLab's style table (ansi2json/style_spec.rb, parser_spec.rb, line_spec.rb#update_style):
// the codes in force before, the codes applied, and the style of the text after them.
void TestLogRendering::gitlabStyle_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("codes");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *before, const char *codes, const QString &out) {
        QTest::newRow(name) << QByteArray(before) << QByteArray(codes) << out;
    };
    row("0 sets nothing", "", "0", u"x"_qs);
    row("1 bold", "", "1", u"{::B|x}"_qs);
    row("3 italic", "", "3", u"{::I|x}"_qs);
    row("4 underline", "", "4", u"{::U|x}"_qs);
    row("8 conceal", "", "8", u"{::C|x}"_qs);
    row("9 cross", "", "9", u"{::S|x}"_qs);
    row("21 ends bold", "1", "21", u"x"_qs);
    row("21 ends bold, italic stays", "1;3", "21", u"{::I|x}"_qs);
    row("22 ends bold", "1", "22", u"x"_qs);
    row("22 ends bold, italic stays", "1;3", "22", u"{::I|x}"_qs);
    row("23 ends italic", "3", "23", u"x"_qs);
    row("23 ends italic, bold stays", "1;3", "23", u"{::B|x}"_qs);
    row("24 ends underline", "4", "24", u"x"_qs);
    row("24 ends underline, bold stays", "1;4", "24", u"{::B|x}"_qs);
    row("28 ends conceal", "8", "28", u"x"_qs);
    row("28 ends conceal, bold stays", "1;8", "28", u"{::B|x}"_qs);
    row("29 ends cross", "9", "29", u"x"_qs);
    row("29 ends cross, bold stays", "1;9", "29", u"{::B|x}"_qs);
    const char *names[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
    for (int i = 0; i < 8; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QString c = QString::number(i);
        const QString l = QString::number(i + 8);
        QTest::newRow(qPrintable(QStringLiteral("3%1 fg %2").arg(i).arg(QLatin1String(names[i]))))
            << QByteArray() << "3" + n << u"{"_qs + c + u"::|x}"_qs;
        QTest::newRow(qPrintable(QStringLiteral("4%1 bg %2").arg(i).arg(QLatin1String(names[i]))))
            << QByteArray() << "4" + n << u"{:"_qs + c + u":|x}"_qs;
        QTest::newRow(
            qPrintable(QStringLiteral("9%1 light fg %2").arg(i).arg(QLatin1String(names[i]))))
            << QByteArray() << "9" + n << u"{"_qs + l + u"::|x}"_qs;
        QTest::newRow(
            qPrintable(QStringLiteral("10%1 light bg %2").arg(i).arg(QLatin1String(names[i]))))
            << QByteArray() << "10" + n << u"{:"_qs + l + u":|x}"_qs;
    }
    row("38;5;1 xterm fg", "", "38;5;1", u"{1::|x}"_qs);
    row("38;5;2 xterm fg", "", "38;5;2", u"{2::|x}"_qs);
    row("38;1 is bold", "", "38;1", u"{::B|x}"_qs);
    row("48;5;1 xterm bg", "", "48;5;1", u"{:1:|x}"_qs);
    row("48;5;2 xterm bg", "", "48;5;2", u"{:2:|x}"_qs);
    row("48;1 is bold", "", "48;1", u"{::B|x}"_qs);
    row("empty resets bold", "1", "", u"x"_qs);
    row("0 resets bold", "1", "0", u"x"_qs);
    row("0 resets bold and italic", "1;3", "0", u"x"_qs);
    row("0 resets formats and colours", "1;3;91;43", "0", u"x"_qs);
    row("39 default fg, bg stays", "31;42", "39", u"{:2:|x}"_qs);
    row("49 default bg, fg stays", "31;42", "49", u"{1::|x}"_qs);
    row("fg, bg and formats at once", "", "1;30;42;3", u"{8:2:BI|x}"_qs);
    row("italic to bold and a bg", "3;31", "23;1;43", u"{9:3:B|x}"_qs);
    row("bold lightens the fg", "", "30;1", u"{8::B|x}"_qs);
    row("italic does not lighten", "", "30;3", u"{0::I|x}"_qs);
    row("no format, fg as it is", "", "30", u"{0::|x}"_qs);
    row("formats together", "", "1;3;4", u"{::BIU|x}"_qs);
    row("update_style 1;33;44", "", "1;33;44", u"{11:4:B|x}"_qs);
}

void TestLogRendering::gitlabStyle()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, codes);
    QFETCH(QString, expected);

    const QByteArray input =
        (before.isEmpty() ? QByteArray() : sgr(before.constData())) + sgr(codes.constData()) + "x";
    LogEngine engine;
    feed(engine, input, {});
    QCOMPARE(describeLines(engine.lines(0, engine.lineCount())), expected);
    checkSplits(input);
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
    // GitLab (line_spec.rb) splits off calendar months and years of 365.2425 days first.
    QTest::newRow("7") << qint64(7) << u"00:07"_qs;
    QTest::newRow("75") << qint64(75) << u"01:15"_qs;
    QTest::newRow("13:14:15") << qint64(13 * 3600 + 14 * 60 + 15) << u"13:14:15"_qs;
    QTest::newRow("a month and more") << qint64(syntax::kSecondsPerMonth + 3661) << u"731:01:01"_qs;
    QTest::newRow("a year, the largest") << syntax::kSecondsPerYear << u"8765:00:00"_qs;
}

void TestLogRendering::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(syntax::formatSectionDuration(seconds), text);
    QCOMPARE(syntax::clampedSectionDuration(100, 100 + seconds), seconds);
    QCOMPARE(syntax::clampedSectionDuration(100, 50), 0);
    QCOMPARE(syntax::clampedSectionDuration(0, Q_INT64_C(1) << 40), syntax::kSecondsPerYear);
    QCOMPARE(syntax::formatSectionDuration(syntax::clampedSectionDuration(0, Q_INT64_C(1) << 62)),
             u"8765:00:00"_qs);
}

QTEST_GUILESS_MAIN(TestLogRendering)
#include "tst_logrendering.moc"
