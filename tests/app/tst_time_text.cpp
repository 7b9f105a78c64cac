// TimeText: the ages and durations shown in the pipelines list, the projects list and job cards
// read right in English, which ships without a catalog (so no "%n day(s)" forms).
#include "widgets/time_text.h"

#include <QLocale>
#include <QTest>

using pipedeck::TimeText;

class TestTimeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void age_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << qint64(0) << QStringLiteral("just now");
        QTest::newRow("clock skew") << qint64(-20) << QStringLiteral("just now");
        QTest::newRow("59 s") << qint64(59) << QStringLiteral("just now");
        QTest::newRow("1 min") << qint64(60) << QStringLiteral("1 min ago");
        QTest::newRow("59 min") << qint64(59 * 60 + 59) << QStringLiteral("59 min ago");
        QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h ago");
        QTest::newRow("23 h") << qint64(23 * 3600 + 3599) << QStringLiteral("23 h ago");
        QTest::newRow("1 day") << qint64(86400) << QStringLiteral("1 day ago");
        QTest::newRow("47 h") << qint64(47 * 3600) << QStringLiteral("1 day ago");
        QTest::newRow("2 days") << qint64(2 * 86400) << QStringLiteral("2 days ago");
        QTest::newRow("29 days") << qint64(29 * 86400 + 86399) << QStringLiteral("29 days ago");
    }
    void age()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, expected);
        const QDateTime now(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
        QCOMPARE(TimeText::age(now.addSecs(-secondsAgo), now), expected);
    }

    void olderAgesAreDates()
    {
        const QDateTime now(QDate(2026, 3, 15), QTime(12, 0), Qt::UTC);
        const QDateTime when = now.addDays(-30);
        QCOMPARE(TimeText::age(when, now),
                 QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat));
        QVERIFY(TimeText::age(QDateTime(), now).isEmpty());
    }

    void durations()
    {
        QCOMPARE(TimeText::duration(45.4), QStringLiteral("45s"));
        QCOMPARE(TimeText::duration(185.0), QStringLiteral("3m 05s"));
        QCOMPARE(TimeText::duration(2 * 3600 + 14 * 60 + 10.0), QStringLiteral("2h 14m"));
        QVERIFY(TimeText::duration(-1.0).isEmpty());
        QVERIFY(TimeText::duration(QVariant()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_time_text.moc"
