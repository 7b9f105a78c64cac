// The token manager's warnings: never used, stale, expiring soon, expired, no valid owner, at
// the edges of each threshold, and their words.
#include "triggers/trigger_flags.h"

#include <QTest>

using namespace pipedeck;
using triggers::TriggerFlags;

namespace {

const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

gitlab::User user(const QString &state)
{
    gitlab::User u;
    u.id = 5;
    u.username = QStringLiteral("jdoe");
    u.state = state;
    return u;
}

} // namespace

Q_DECLARE_METATYPE(pipedeck::gitlab::Trigger)

class TestTriggerFlags : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void flags_data()
    {
        QTest::addColumn<QDateTime>("lastUsed");
        QTest::addColumn<QDate>("expiresAt");
        QTest::addColumn<QString>("ownerState"); // "-" = no owner
        QTest::addColumn<int>("staleDays");
        QTest::addColumn<int>("expiringDays");
        QTest::addColumn<QStringList>("expected");

        const QString active = QStringLiteral("active");
        const QDateTime yesterday = kNow.addDays(-1);
        QTest::newRow("used yesterday, no expiry")
            << yesterday << QDate() << active << 90 << 30 << QStringList();
        QTest::newRow("never used") << QDateTime() << QDate() << active << 90 << 30
                                    << QStringList{QStringLiteral("never used")};
        QTest::newRow("used exactly 90 days ago: not yet stale")
            << kNow.addDays(-90) << QDate() << active << 90 << 30 << QStringList();
        QTest::newRow("used 90 days and a second ago: stale")
            << kNow.addDays(-90).addSecs(-1) << QDate() << active << 90 << 30
            << QStringList{QStringLiteral("stale")};
        QTest::newRow("a shorter stale setting") << kNow.addDays(-8) << QDate() << active << 7 << 30
                                                 << QStringList{QStringLiteral("stale")};
        QTest::newRow("stale off")
            << kNow.addYears(-3) << QDate() << active << 0 << 30 << QStringList();
        QTest::newRow("used in another zone, same instant")
            << kNow.addDays(-1).toOffsetFromUtc(9 * 3600) << QDate() << active << 90 << 30
            << QStringList();
        QTest::newRow("expires in 30 days: soon")
            << yesterday << kNow.date().addDays(30) << active << 90 << 30
            << QStringList{QStringLiteral("expires soon")};
        QTest::newRow("expires in 31 days: not yet")
            << yesterday << kNow.date().addDays(31) << active << 90 << 30 << QStringList();
        QTest::newRow("expires tomorrow") << yesterday << kNow.date().addDays(1) << active << 90
                                          << 30 << QStringList{QStringLiteral("expires soon")};
        QTest::newRow("expires today: expired, not soon")
            << yesterday << kNow.date() << active << 90 << 30
            << QStringList{QStringLiteral("expired")};
        QTest::newRow("expired last year") << yesterday << QDate(2025, 1, 1) << active << 90 << 30
                                           << QStringList{QStringLiteral("expired")};
        QTest::newRow("expiring-soon off")
            << yesterday << kNow.date().addDays(2) << active << 90 << 0 << QStringList();
        QTest::newRow("no owner") << yesterday << QDate() << QStringLiteral("-") << 90 << 30
                                  << QStringList{QStringLiteral("no valid owner")};
        QTest::newRow("blocked owner") << yesterday << QDate() << QStringLiteral("blocked") << 90
                                       << 30 << QStringList{QStringLiteral("no valid owner")};
        QTest::newRow("banned owner") << yesterday << QDate() << QStringLiteral("banned") << 90
                                      << 30 << QStringList{QStringLiteral("no valid owner")};
        QTest::newRow("owner state not sent: not flagged on a guess")
            << yesterday << QDate() << QString() << 90 << 30 << QStringList();
        QTest::newRow("everything, most urgent first")
            << QDateTime() << QDate(2026, 3, 1) << QStringLiteral("deactivated") << 90 << 30
            << QStringList{QStringLiteral("expired"), QStringLiteral("no valid owner"),
                           QStringLiteral("never used")};
        QTest::newRow("stale and expiring")
            << kNow.addDays(-200) << kNow.date().addDays(3) << active << 90 << 30
            << QStringList{QStringLiteral("expires soon"), QStringLiteral("stale")};
    }
    void flags()
    {
        QFETCH(QDateTime, lastUsed);
        QFETCH(QDate, expiresAt);
        QFETCH(QString, ownerState);
        QFETCH(int, staleDays);
        QFETCH(int, expiringDays);
        QFETCH(QStringList, expected);

        gitlab::Trigger trigger;
        trigger.id = 1;
        trigger.lastUsed = lastUsed;
        trigger.expiresAt = expiresAt;
        if (ownerState != QLatin1String("-"))
            trigger.owner = user(ownerState);
        const TriggerFlags flags = triggers::triggerFlags(trigger, kNow, staleDays, expiringDays);
        QCOMPARE(triggers::flagTexts(flags), expected);
        QCOMPARE(flags.any(), !expected.isEmpty());
        QVERIFY(!(flags.expired && flags.expiringSoon));
        QVERIFY(!(flags.neverUsed && flags.stale));
    }

    void defaultsAre90And30Days()
    {
        gitlab::Trigger trigger;
        trigger.owner = user(QStringLiteral("active"));
        trigger.lastUsed = kNow.addDays(-91);
        trigger.expiresAt = kNow.date().addDays(29);
        const TriggerFlags flags = triggers::triggerFlags(trigger, kNow);
        QVERIFY(flags.stale);
        QVERIFY(flags.expiringSoon);
        trigger.lastUsed = kNow.addDays(-89);
        trigger.expiresAt = kNow.date().addDays(31);
        QCOMPARE(triggers::triggerFlags(trigger, kNow), TriggerFlags{});
    }
};

QTEST_GUILESS_MAIN(TestTriggerFlags)
#include "tst_trigger_flags.moc"
