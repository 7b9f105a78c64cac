// GitLab's checks on variable rows (key format and length, duplicates, whitespace, File where
// only strings are taken), one table row per case.
#include "variables/variable_rules.h"

#include <QTest>

using namespace pipedeck::variables;
using namespace Qt::StringLiterals;
using pipedeck::gitlab::VariableType;
using Kind = RowIssue::Kind;

Q_DECLARE_METATYPE(QList<pipedeck::variables::VariableRow>)
Q_DECLARE_METATYPE(QList<pipedeck::variables::RowIssue::Kind>)

namespace {

VariableRow row(const QString &key, const QString &value, VariableType type = VariableType::EnvVar)
{
    return VariableRow{type, key, value, false};
}

QList<Kind> kindsOf(const QList<RowIssue> &issues)
{
    QList<Kind> kinds;
    for (const RowIssue &issue : issues)
        kinds.append(issue.kind);
    return kinds;
}

} // namespace

class TestVariableRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void issuesOfFirstRow_data()
    {
        QTest::addColumn<QList<VariableRow>>("rows");
        QTest::addColumn<bool>("typesAllowed");
        QTest::addColumn<QList<Kind>>("expected");

        const QString key255(255, u'K');
        const QString key256(256, u'K');
        QTest::newRow("valid") << QList{row(u"DEPLOY_ENV"_s, u"prod"_s)} << true << QList<Kind>{};
        QTest::newRow("digits and underscore")
            << QList{row(u"_1a_B2"_s, u"x"_s)} << true << QList<Kind>{};
        QTest::newRow("key with empty value")
            << QList{row(u"EMPTY"_s, QString())} << true << QList<Kind>{};
        QTest::newRow("blank row") << QList{row(QString(), QString())} << true << QList<Kind>{};
        QTest::newRow("blank File row where types are refused")
            << QList{row(QString(), QString(), VariableType::File)} << false << QList<Kind>{};
        QTest::newRow("value without key")
            << QList{row(QString(), u"orphan"_s)} << true << QList{Kind::KeyEmpty};
        QTest::newRow("space in key")
            << QList{row(u"bad key"_s, u"x"_s)} << true << QList{Kind::KeyInvalidCharacters};
        QTest::newRow("dash in key")
            << QList{row(u"MY-KEY"_s, u"x"_s)} << true << QList{Kind::KeyInvalidCharacters};
        QTest::newRow("dot in key")
            << QList{row(u"a.b"_s, u"x"_s)} << true << QList{Kind::KeyInvalidCharacters};
        QTest::newRow("non-ASCII letter in key")
            << QList{row(u"CAF\u00C9"_s, u"x"_s)} << true << QList{Kind::KeyInvalidCharacters};
        QTest::newRow("Japanese key")
            << QList{row(u"\u5909\u6570"_s, u"x"_s)} << true << QList{Kind::KeyInvalidCharacters};
        QTest::newRow("key 255 characters") << QList{row(key255, u"x"_s)} << true << QList<Kind>{};
        QTest::newRow("key 256 characters")
            << QList{row(key256, u"x"_s)} << true << QList{Kind::KeyTooLong};
        QTest::newRow("key 256 characters with a space")
            << QList{row(key255 + u' ', u"x"_s)} << true
            << QList{Kind::KeyInvalidCharacters, Kind::KeyTooLong};
        QTest::newRow("duplicate key")
            << QList{row(u"A"_s, u"1"_s), row(u"A"_s, u"2"_s)} << true << QList{Kind::KeyDuplicate};
        QTest::newRow("keys differ in case")
            << QList{row(u"a"_s, u"1"_s), row(u"A"_s, u"2"_s)} << true << QList<Kind>{};
        QTest::newRow("trailing space warned")
            << QList{row(u"A"_s, u"value "_s)} << true << QList{Kind::ValueWhitespace};
        QTest::newRow("leading tab warned")
            << QList{row(u"A"_s, u"\tvalue"_s)} << true << QList{Kind::ValueWhitespace};
        QTest::newRow("trailing newline warned")
            << QList{row(u"A"_s, u"line\n"_s)} << true << QList{Kind::ValueWhitespace};
        QTest::newRow("inner space is fine")
            << QList{row(u"A"_s, u"two words"_s)} << true << QList<Kind>{};
        QTest::newRow("only spaces warned")
            << QList{row(u"A"_s, u"   "_s)} << true << QList{Kind::ValueWhitespace};
        QTest::newRow("unicode value")
            << QList{row(u"A"_s, u"\u65E5\u672C\u8A9E \U0001F680"_s)} << true << QList<Kind>{};
        QTest::newRow("File where types are allowed")
            << QList{row(u"CERT"_s, u"pem"_s, VariableType::File)} << true << QList<Kind>{};
        QTest::newRow("File where only strings are taken")
            << QList{row(u"CERT"_s, u"pem"_s, VariableType::File)} << false
            << QList{Kind::FileNotAllowed};
        QTest::newRow("everything at once")
            << QList{row(u"bad key"_s, u" x"_s, VariableType::File), row(u"bad key"_s, u"y"_s)}
            << false
            << QList{Kind::KeyInvalidCharacters, Kind::KeyDuplicate, Kind::FileNotAllowed,
                     Kind::ValueWhitespace};
    }

    void issuesOfFirstRow()
    {
        QFETCH(QList<VariableRow>, rows);
        QFETCH(bool, typesAllowed);
        QFETCH(QList<Kind>, expected);
        const VariableRules rules{typesAllowed};
        const QList<RowIssue> issues = rowIssues(rows, 0, rules);
        QCOMPARE(kindsOf(issues), expected);
        bool anyBlocking = false;
        for (const RowIssue &issue : issues) {
            QVERIFY2(!issue.text.isEmpty(), "every issue names the problem");
            QCOMPARE(issue.blocking, issue.kind != Kind::ValueWhitespace);
            anyBlocking = anyBlocking || issue.blocking;
        }
        if (anyBlocking)
            QVERIFY(!canSend(rows, rules));
        if (rows.size() == 1)
            QCOMPARE(canSend(rows, rules), !anyBlocking);
    }

    void duplicatesFlaggedOnEachRow()
    {
        const QList<VariableRow> rows{row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s), row(u"A"_s, u"3"_s),
                                      row(QString(), QString())};
        const VariableRules rules;
        QCOMPARE(kindsOf(rowIssues(rows, 0, rules)), QList{Kind::KeyDuplicate});
        QCOMPARE(kindsOf(rowIssues(rows, 1, rules)), QList<Kind>{});
        QCOMPARE(kindsOf(rowIssues(rows, 2, rules)), QList{Kind::KeyDuplicate});
        QCOMPARE(kindsOf(rowIssues(rows, 3, rules)), QList<Kind>{});
        QVERIFY(!canSend(rows, rules));
    }

    void blankRowsDoNotCountAsDuplicates()
    {
        const QList<VariableRow> rows{row(QString(), QString()), row(QString(), QString())};
        QVERIFY(rowIssues(rows, 0, {}).isEmpty());
        QVERIFY(canSend(rows, {}));
    }

    void warningsDoNotBlockSending()
    {
        const QList<VariableRow> rows{row(u"A"_s, u" padded "_s), row(QString(), QString())};
        QCOMPARE(kindsOf(rowIssues(rows, 0, {})), QList{Kind::ValueWhitespace});
        QVERIFY(canSend(rows, {}));
    }

    void outOfRangeRowHasNoIssues()
    {
        const QList<VariableRow> rows{row(QString(), u"x"_s)};
        QVERIFY(rowIssues(rows, -1, {}).isEmpty());
        QVERIFY(rowIssues(rows, 1, {}).isEmpty());
    }

    void noRowsCanBeSent() { QVERIFY(canSend({}, {})); }
};

QTEST_GUILESS_MAIN(TestVariableRules)
#include "tst_variable_rules.moc"
