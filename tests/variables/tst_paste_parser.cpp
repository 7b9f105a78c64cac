// Pasted text into variable rows: every accepted form, every refusal, one table row per case.
#include "variables/paste_parser.h"

#include <QTest>

using namespace pipedeck::variables;
using namespace Qt::StringLiterals;
using pipedeck::gitlab::VariableType;

Q_DECLARE_METATYPE(QList<pipedeck::variables::VariableRow>)

namespace {

VariableRow row(const QString &key, const QString &value, VariableType type = VariableType::EnvVar)
{
    return VariableRow{type, key, value, false};
}

} // namespace

class TestPasteParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<VariableRow>>("rows");
        QTest::addColumn<int>("problemCount");
        QTest::addColumn<bool>("recognised");

        using Rows = QList<VariableRow>;
        // Accepted forms.
        QTest::newRow("KEY=VALUE") << u"A=1"_s << Rows{row(u"A"_s, u"1"_s)} << 0 << true;
        QTest::newRow("several lines")
            << u"A=1\nB=2\nC=3"_s
            << Rows{row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s), row(u"C"_s, u"3"_s)} << 0 << true;
        QTest::newRow("export") << u"export A=1"_s << Rows{row(u"A"_s, u"1"_s)} << 0 << true;
        QTest::newRow("export with tabs")
            << u"export\t\tA=1"_s << Rows{row(u"A"_s, u"1"_s)} << 0 << true;
        QTest::newRow("key starting with export")
            << u"exported=1"_s << Rows{row(u"exported"_s, u"1"_s)} << 0 << true;
        QTest::newRow("KEY= empty value") << u"A="_s << Rows{row(u"A"_s, QString())} << 0 << true;
        QTest::newRow("KEY==x") << u"A==x"_s << Rows{row(u"A"_s, u"=x"_s)} << 0 << true;
        QTest::newRow("value with = and :")
            << u"URL=https://host:8080/?a=b"_s << Rows{row(u"URL"_s, u"https://host:8080/?a=b"_s)}
            << 0 << true;
        QTest::newRow("unquoted # is part of the value")
            << u"A=x # y"_s << Rows{row(u"A"_s, u"x # y"_s)} << 0 << true;
        QTest::newRow("trailing spaces kept for the warning")
            << u"A=x  "_s << Rows{row(u"A"_s, u"x  "_s)} << 0 << true;
        QTest::newRow("leading indentation")
            << u"   A=1"_s << Rows{row(u"A"_s, u"1"_s)} << 0 << true;
        QTest::newRow("double quoted")
            << u"A=\"hello world\""_s << Rows{row(u"A"_s, u"hello world"_s)} << 0 << true;
        QTest::newRow("double quoted escapes")
            << u"A=\"say \\\"hi\\\" \\\\ done\\nnext \\t\""_s
            << Rows{row(u"A"_s, u"say \"hi\" \\ done\nnext \\t"_s)} << 0 << true;
        QTest::newRow("single quoted is literal")
            << u"A='a \\n \"b\" $C'"_s << Rows{row(u"A"_s, u"a \\n \"b\" $C"_s)} << 0 << true;
        QTest::newRow("quoted value with #")
            << u"A=\"x # y\""_s << Rows{row(u"A"_s, u"x # y"_s)} << 0 << true;
        QTest::newRow("comment after closing quote")
            << u"A='x' # note"_s << Rows{row(u"A"_s, u"x"_s)} << 0 << true;
        QTest::newRow("quoted empty") << u"A=\"\""_s << Rows{row(u"A"_s, QString())} << 0 << true;
        QTest::newRow("multi-line double quoted")
            << u"A=\"line 1\nline 2\n\"\nB=2"_s
            << Rows{row(u"A"_s, u"line 1\nline 2\n"_s), row(u"B"_s, u"2"_s)} << 0 << true;
        QTest::newRow("multi-line single quoted")
            << u"A='x\n# not a comment'"_s << Rows{row(u"A"_s, u"x\n# not a comment"_s)} << 0
            << true;
        QTest::newRow("multi-line with Windows endings")
            << u"A=\"1\r\n2\"\r\nB=3\r\n"_s << Rows{row(u"A"_s, u"1\n2"_s), row(u"B"_s, u"3"_s)}
            << 0 << true;
        QTest::newRow("YAML") << u"A: 1\nB: two words"_s
                              << Rows{row(u"A"_s, u"1"_s), row(u"B"_s, u"two words"_s)} << 0
                              << true;
        QTest::newRow("YAML empty value") << u"A:"_s << Rows{row(u"A"_s, QString())} << 0 << true;
        QTest::newRow("YAML value with =")
            << u"A: b=c"_s << Rows{row(u"A"_s, u"b=c"_s)} << 0 << true;
        QTest::newRow("YAML value with URL")
            << u"A: http://x:1"_s << Rows{row(u"A"_s, u"http://x:1"_s)} << 0 << true;
        QTest::newRow("YAML indented and quoted")
            << u"  A: \"q: x\"\n  B: 'y'"_s << Rows{row(u"A"_s, u"q: x"_s), row(u"B"_s, u"y"_s)}
            << 0 << true;
        QTest::newRow("comments and blank lines")
            << u"# header\n\nA=1\n   # indented comment\n\t\nB=2\n"_s
            << Rows{row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s)} << 0 << true;
        QTest::newRow("Windows line endings")
            << u"A=1\r\nB=2\r\n"_s << Rows{row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s)} << 0 << true;
        QTest::newRow("unicode value")
            << u"GREETING=\u3053\u3093\u306B\u3061\u306F \U0001F600"_s
            << Rows{row(u"GREETING"_s, u"\u3053\u3093\u306B\u3061\u306F \U0001F600"_s)} << 0
            << true;
        QTest::newRow("key the rules will refuse is still a row")
            << u"MY-KEY=1"_s << Rows{row(u"MY-KEY"_s, u"1"_s)} << 0 << true;
        QTest::newRow("duplicate keys both kept")
            << u"A=1\nA=2"_s << Rows{row(u"A"_s, u"1"_s), row(u"A"_s, u"2"_s)} << 0 << true;

        // JSON, GitLab's and glab's format.
        QTest::newRow("JSON")
            << u"[{\"key\":\"A\",\"value\":\"1\",\"variable_type\":\"env_var\"},\n                                      {\"key\":\"CERT\",\"value\":\"pem\\n\",\"variable_type\":\"file\"}]"_s
            << Rows{row(u"A"_s, u"1"_s), row(u"CERT"_s, u"pem\n"_s, VariableType::File)} << 0
            << true;
        QTest::newRow("JSON without variable_type, with masked and raw")
            << u"  [{\"key\":\"A\",\"value\":\"1\",\"masked\":true,\"raw\":false,\"protected\":false}]"_s
            << Rows{row(u"A"_s, u"1"_s)} << 0 << true;
        QTest::newRow("JSON empty array") << u"[]"_s << Rows{} << 0 << true;
        QTest::newRow("JSON number value")
            << u"[{\"key\":\"N\",\"value\":5}]"_s << Rows{row(u"N"_s, u"5"_s)} << 0 << true;
        QTest::newRow("JSON bad entries skipped")
            << u"[1, {\"value\":\"x\"}, {\"key\":\"A\",\"value\":\"1\",\"variable_type\":\"secret\"},\n                   {\"key\":\"B\",\"value\":{}}, {\"key\":\"C\",\"value\":\"3\"}]"_s
            << Rows{row(u"C"_s, u"3"_s)} << 4 << true;
        QTest::newRow("JSON invalid") << u"[{\"key\": \"A\",\n"_s << Rows{} << 1 << false;
        QTest::newRow("bracketed single line") << u"[draft]"_s << Rows{} << 1 << false;

        // Refusals.
        QTest::newRow("plain single line") << u"just some text"_s << Rows{} << 1 << false;
        QTest::newRow("single word") << u"value"_s << Rows{} << 1 << false;
        QTest::newRow("Windows path is not YAML") << u"C:\\path\\file"_s << Rows{} << 1 << false;
        QTest::newRow("empty text") << QString() << Rows{} << 0 << false;
        QTest::newRow("only comments") << u"# a\n# b"_s << Rows{} << 0 << false;
        QTest::newRow("=VALUE") << u"=VALUE"_s << Rows{} << 1 << false;
        QTest::newRow("export alone") << u"export"_s << Rows{} << 1 << false;
        QTest::newRow("export and spaces") << u"export   "_s << Rows{} << 1 << false;
        QTest::newRow("prose with a colon")
            << u"Hello world: how are you"_s << Rows{} << 1 << false;
        QTest::newRow("unclosed double quote") << u"A=\"open\nB=2"_s << Rows{} << 1 << false;
        QTest::newRow("unclosed single quote after a good line")
            << u"A=1\nB='open"_s << Rows{row(u"A"_s, u"1"_s)} << 1 << true;
        QTest::newRow("text after closing quote")
            << u"A=\"x\" y\nB=2"_s << Rows{row(u"B"_s, u"2"_s)} << 1 << true;
        QTest::newRow("bad line among good ones")
            << u"A=1\nnot a variable\nB=2"_s << Rows{row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s)} << 1
            << true;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QList<VariableRow>, rows);
        QFETCH(int, problemCount);
        QFETCH(bool, recognised);
        const PasteResult result = parsePastedVariables(text);
        QCOMPARE(result.rows, rows);
        QCOMPARE(result.problems.size(), problemCount);
        QCOMPARE(result.recognised, recognised);
        for (const QString &problem : result.problems)
            QVERIFY(!problem.isEmpty());
    }

    void problemsNameTheLine()
    {
        const PasteResult result = parsePastedVariables(u"A=1\n\n=x\nexport"_s);
        QCOMPARE(result.problems.size(), 2);
        QVERIFY2(result.problems.at(0).contains(u'3'), qPrintable(result.problems.at(0)));
        QVERIFY2(result.problems.at(1).contains(u'4'), qPrintable(result.problems.at(1)));
    }

    void problemsNameTheJsonEntry()
    {
        const PasteResult result = parsePastedVariables(u"[{\"key\":\"A\"}, 7]"_s);
        QCOMPARE(result.rows, QList{row(u"A"_s, QString())});
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.at(0).contains(u'2'), qPrintable(result.problems.at(0)));
    }
};

QTEST_GUILESS_MAIN(TestPasteParser)
#include "tst_paste_parser.moc"
