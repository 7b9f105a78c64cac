#include "accounts/deep_link.h"

#include <QTest>

using namespace pipedeck;

namespace {
Account account(const QString &instance, const QString &user)
{
    Account a;
    a.instance = QUrl(instance);
    a.username = user;
    a.id = accountId(a.instance, user);
    return a;
}
} // namespace

class TestDeepLink : public QObject
{
    Q_OBJECT
private:
    const QList<Account> m_accounts{
        account(QStringLiteral("https://gitlab.com"), QStringLiteral("jdoe")),
        account(QStringLiteral("https://example.com/gitlab"), QStringLiteral("ops")),
        account(QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("demo")),
    };

private Q_SLOTS:
    void resolves_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("project");
        QTest::addColumn<qint64>("id");
        QTest::newRow("project") << "https://gitlab.com/group/app"
                                 << "jdoe" << int(DeepLink::Kind::Project) << "group/app"
                                 << qint64(0);
        QTest::newRow("subgroup pipeline")
            << "https://gitlab.com/a/b/c/-/pipelines/1234"
            << "jdoe" << int(DeepLink::Kind::Pipeline) << "a/b/c" << qint64(1234);
        QTest::newRow("job with trailing page")
            << "https://gitlab.com/a/b/-/jobs/99/raw"
            << "jdoe" << int(DeepLink::Kind::Job) << "a/b" << qint64(99);
        QTest::newRow("relative root")
            << "https://example.com/gitlab/team/api/-/jobs/7"
            << "ops" << int(DeepLink::Kind::Job) << "team/api" << qint64(7);
        QTest::newRow("port and query")
            << "http://127.0.0.1:8080/platform/api-gateway/-/pipelines/1000?tab=jobs"
            << "demo" << int(DeepLink::Kind::Pipeline) << "platform/api-gateway" << qint64(1000);
        QTest::newRow("japanese path")
            << "https://gitlab.com/%E3%83%81%E3%83%BC%E3%83%A0/app"
            << "jdoe" << int(DeepLink::Kind::Project) << QStringLiteral("チーム/app") << qint64(0);
    }
    void resolves()
    {
        QFETCH(QString, url);
        QFETCH(QString, user);
        QFETCH(int, kind);
        QFETCH(QString, project);
        QFETCH(qint64, id);
        const auto link = resolveDeepLink(QUrl(url), m_accounts);
        QVERIFY(link.has_value());
        QCOMPARE(link->accountId, [&] {
            for (const Account &a : m_accounts)
                if (a.username == user)
                    return a.id;
            return QString();
        }());
        QCOMPARE(int(link->kind), kind);
        QCOMPARE(link->projectPath, project);
        QCOMPARE(link->id, id);
    }

    void opensGitLabsRunPipelinePrefillLink()
    {
        const auto link = resolveDeepLink(
            QUrl(QStringLiteral(
                "https://example.com/gitlab/ops/deploy/-/pipelines/new?ref=release%2F3.0"
                "&var[VERSION]=3.0.1&file_var[CONFIG]=a%3A%201%0A")),
            m_accounts);
        QVERIFY(link.has_value());
        QCOMPARE(int(link->kind), int(DeepLink::Kind::NewPipeline));
        QCOMPARE(link->projectPath, QStringLiteral("ops/deploy"));
        QCOMPARE(link->ref, QStringLiteral("release/3.0"));
        QCOMPARE(link->rows.size(), 2);
        QCOMPARE(link->rows.at(0).key, QStringLiteral("VERSION"));
        QCOMPARE(link->rows.at(0).value, QStringLiteral("3.0.1"));
        QCOMPARE(link->rows.at(1).type, gitlab::VariableType::File);
        QCOMPARE(link->rows.at(1).value, QStringLiteral("a: 1\n"));
        // "new" is a page only under pipelines.
        QVERIFY(!resolveDeepLink(QUrl(QStringLiteral("https://gitlab.com/group/app/-/jobs/new")),
                                 m_accounts)
                     .has_value());
    }

    void opensTheCiCdSettingsAsTheTriggerTokens()
    {
        const auto link = resolveDeepLink(
            QUrl(QStringLiteral("https://gitlab.com/group/app/-/settings/ci_cd")), m_accounts);
        QVERIFY(link.has_value());
        QCOMPARE(int(link->kind), int(DeepLink::Kind::TriggerTokens));
        QCOMPARE(link->projectPath, QStringLiteral("group/app"));
        QVERIFY(!resolveDeepLink(QUrl(QStringLiteral("https://gitlab.com/group/-/settings/ci_cd")),
                                 m_accounts)
                     .has_value());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("other host") << "https://gitlab.example.org/group/app";
        QTest::newRow("other scheme") << "http://gitlab.com/group/app";
        QTest::newRow("other port") << "http://127.0.0.1:9090/group/app";
        QTest::newRow("outside relative root") << "https://example.com/other/group/app";
        QTest::newRow("namespace only") << "https://gitlab.com/group";
        QTest::newRow("instance page") << "https://gitlab.com/-/user_settings/profile";
        // Found by fuzz_instance_urls: an id too long for a number was read as job 0.
        QTest::newRow("id beyond 64 bits")
            << "https://gitlab.com/group/app/-/jobs/99999999999999999999";
        QTest::newRow("pipeline 0") << "https://gitlab.com/group/app/-/pipelines/0";
    }
    void rejects()
    {
        QFETCH(QString, url);
        QVERIFY(!resolveDeepLink(QUrl(url), m_accounts).has_value());
    }

    void tellsUrlsFromFiles()
    {
        QVERIFY(looksLikeWebUrl(QStringLiteral("https://gitlab.com/a/b")));
        QVERIFY(!looksLikeWebUrl(QStringLiteral("/tmp/job.log")));
        QVERIFY(!looksLikeWebUrl(QStringLiteral("job-https.log")));
    }
};

QTEST_GUILESS_MAIN(TestDeepLink)
#include "tst_deep_link.moc"
