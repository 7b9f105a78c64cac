#include "accounts/instance_url.h"

#include <QTest>

using pipedeck::parseInstanceUrl;

class TestInstanceUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalises_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare host") << "gitlab.com"
                                   << "https://gitlab.com";
        QTest::newRow("trailing slash") << "https://gitlab.example.com/"
                                        << "https://gitlab.example.com";
        QTest::newRow("upper-case host") << "https://GitLab.Example.COM"
                                         << "https://gitlab.example.com";
        QTest::newRow("port kept") << "http://127.0.0.1:8080"
                                   << "http://127.0.0.1:8080";
        QTest::newRow("relative root kept") << "https://example.com/gitlab/"
                                            << "https://example.com/gitlab";
        QTest::newRow("api path stripped") << "https://example.com/gitlab/api/v4/projects"
                                           << "https://example.com/gitlab";
        QTest::newRow("project page") << "https://gitlab.com/group/app/-/pipelines/12"
                                      << "https://gitlab.com";
        QTest::newRow("query dropped") << "https://gitlab.com/?x=1#frag"
                                       << "https://gitlab.com";
        QTest::newRow("spaces") << "  gitlab.com  "
                                << "https://gitlab.com";
    }
    void normalises()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto parsed = parseInstanceUrl(typed);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.url.toString(), expected);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("empty") << "";
        QTest::newRow("ftp") << "ftp://gitlab.com";
        QTest::newRow("user info") << "https://me:secret@gitlab.com";
        QTest::newRow("garbage") << "https://";
    }
    void rejects()
    {
        QFETCH(QString, typed);
        const auto parsed = parseInstanceUrl(typed);
        QVERIFY(!parsed.error.isEmpty());
        QVERIFY(!parsed.url.isValid());
        // The error never echoes a password the user pasted.
        QVERIFY(!parsed.error.contains(QStringLiteral("secret")));
    }

    void loopback()
    {
        QVERIFY(pipedeck::isLoopbackHost(QStringLiteral("127.0.0.1")));
        QVERIFY(pipedeck::isLoopbackHost(QStringLiteral("127.8.9.10")));
        QVERIFY(pipedeck::isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(pipedeck::isLoopbackHost(QStringLiteral("LocalHost")));
        QVERIFY(!pipedeck::isLoopbackHost(QStringLiteral("gitlab.com")));
        QVERIFY(!pipedeck::isLoopbackHost(QStringLiteral("10.0.0.1")));
    }

    void origin()
    {
        QCOMPARE(pipedeck::originOf(QUrl(QStringLiteral("https://gitlab.com/x"))),
                 QStringLiteral("https://gitlab.com:443"));
        QCOMPARE(pipedeck::originOf(QUrl(QStringLiteral("http://h:81"))),
                 QStringLiteral("http://h:81"));
        QVERIFY(pipedeck::originOf(QUrl(QStringLiteral("http://h"))) !=
                pipedeck::originOf(QUrl(QStringLiteral("https://h"))));
    }
};

QTEST_GUILESS_MAIN(TestInstanceUrl)
#include "tst_instance_url.moc"
