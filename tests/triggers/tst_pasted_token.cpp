// A token the user pasted, matched against the project's list as GitLab shows it: the full
// token of one's own triggers, 4 characters of everyone else's. Nothing is guessed.
#include "triggers/pasted_token.h"

#include <QTest>

using namespace pipedeck;

namespace {

gitlab::Trigger trigger(qint64 id, const QString &token)
{
    gitlab::Trigger t;
    t.id = id;
    t.token = token;
    return t;
}

const QString kMine = QStringLiteral("glptt-0123456789abcdef0123456789abcdef0123");
const QString kTheirs = QStringLiteral("glptt-ffffeeeeddddccccbbbbaaaa999988887777");
const QString kLegacyTheirs = QStringLiteral("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0");

} // namespace

class TestPastedToken : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QList<gitlab::Trigger>>("list");
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<qint64>("expected"); // 0 = no match

        const QList<gitlab::Trigger> mineAndOneOther = {trigger(1, kMine),
                                                        trigger(2, kTheirs.left(4))};
        QTest::newRow("own token, exact") << mineAndOneOther << kMine << qint64(1);
        QTest::newRow("own token, with whitespace and a newline around it")
            << mineAndOneOther << (QStringLiteral("  ") + kMine + QStringLiteral("\n"))
            << qint64(1);
        QTest::newRow("the one shortened trigger, by its 4 characters")
            << mineAndOneOther << kTheirs << qint64(2);
        QTest::newRow("own token with a character changed: not mine, but glpt… is the other's")
            << mineAndOneOther << QString(kMine.chopped(1) + QLatin1Char('X')) << qint64(2);
        QTest::newRow("an own full token only matches when equal")
            << QList<gitlab::Trigger>{trigger(1, kMine)} << QString(kMine + QLatin1Char('0'))
            << qint64(0);
        QTest::newRow("two shortened with the same prefix: ambiguous")
            << QList<gitlab::Trigger>{trigger(1, kMine), trigger(2, kTheirs.left(4)),
                                      trigger(3, QStringLiteral("glpt"))}
            << kTheirs << qint64(0);
        QTest::newRow("two shortened, but a full one equals: the full one")
            << QList<gitlab::Trigger>{trigger(2, QStringLiteral("glpt")),
                                      trigger(3, QStringLiteral("glpt")), trigger(4, kMine)}
            << kMine << qint64(4);
        QTest::newRow("legacy tokens tell apart by their 4 characters")
            << QList<gitlab::Trigger>{trigger(2, QStringLiteral("glpt")),
                                      trigger(5, kLegacyTheirs.left(4))}
            << kLegacyTheirs << qint64(5);
        QTest::newRow("prefix is case-sensitive")
            << QList<gitlab::Trigger>{trigger(5, kLegacyTheirs.left(4))} << kLegacyTheirs.toUpper()
            << qint64(0);
        QTest::newRow("only the 4 characters pasted: no token")
            << mineAndOneOther << QStringLiteral("glpt") << qint64(0);
        QTest::newRow("empty") << mineAndOneOther << QString() << qint64(0);
        QTest::newRow("whitespace only") << mineAndOneOther << QStringLiteral(" \t\n") << qint64(0);
        QTest::newRow("whitespace inside")
            << mineAndOneOther << QString(kTheirs.left(10) + QLatin1Char(' ') + kTheirs.mid(10))
            << qint64(0);
        QTest::newRow("a control character inside")
            << mineAndOneOther << QString(kTheirs.left(10) + QChar(0x07) + kTheirs.mid(10))
            << qint64(0);
        QTest::newRow("no triggers") << QList<gitlab::Trigger>{} << kMine << qint64(0);
        QTest::newRow("another prefix")
            << mineAndOneOther << QStringLiteral("glpat-abcdefghijklmnopqrst") << qint64(0);
        QTest::newRow("a trigger without a token is no prefix of everything")
            << QList<gitlab::Trigger>{trigger(9, QString())} << kTheirs << qint64(0);
    }
    void match()
    {
        QFETCH(QList<gitlab::Trigger>, list);
        QFETCH(QString, pasted);
        QFETCH(qint64, expected);
        const std::optional<qint64> id = triggers::matchPastedToken(list, pasted);
        QCOMPARE(id.value_or(0), expected);
    }
};

QTEST_GUILESS_MAIN(TestPastedToken)
#include "tst_pasted_token.moc"
