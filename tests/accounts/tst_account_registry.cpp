#include "accounts/account_registry.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using pipedeck::Account;
using pipedeck::AccountRegistry;

namespace {
Account makeAccount(const QString &host, const QString &user, Account::Origin origin)
{
    Account account;
    account.instance = QUrl(QStringLiteral("https://") + host);
    account.username = user;
    account.displayName = user.toUpper();
    account.scopes = {QStringLiteral("api")};
    account.origin = origin;
    account.id = pipedeck::accountId(account.instance, user);
    return account;
}
} // namespace

class TestAccountRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savedAccountsSurviveARestartAndOthersDoNot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pipedeck.ini"));
        {
            QSettings settings(path, QSettings::IniFormat);
            AccountRegistry registry(settings);
            registry.upsert(makeAccount(QStringLiteral("gitlab.com"), QStringLiteral("jdoe"),
                                        Account::Origin::Saved));
            registry.upsert(makeAccount(QStringLiteral("env.example"), QStringLiteral("ci"),
                                        Account::Origin::Environment));
            registry.upsert(makeAccount(QStringLiteral("127.0.0.1"), QStringLiteral("demo"),
                                        Account::Origin::Demo));
            QCOMPARE(registry.accounts().size(), 3);
        }
        QSettings settings(path, QSettings::IniFormat);
        AccountRegistry registry(settings);
        QCOMPARE(registry.accounts().size(), 1);
        const Account restored = registry.accounts().constFirst();
        QCOMPARE(restored.username, QStringLiteral("jdoe"));
        QCOMPARE(restored.instance, QUrl(QStringLiteral("https://gitlab.com")));
        QCOMPARE(restored.scopes, QStringList{QStringLiteral("api")});
        QVERIFY(registry.find(restored.id));
    }

    void upsertUpdatesInPlaceAndRemoveForgets()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        AccountRegistry registry(settings);
        QSignalSpy added(&registry, &AccountRegistry::accountAdded);
        QSignalSpy changed(&registry, &AccountRegistry::accountChanged);
        QSignalSpy removed(&registry, &AccountRegistry::accountRemoved);
        Account account = makeAccount(QStringLiteral("gitlab.com"), QStringLiteral("jdoe"),
                                      Account::Origin::Saved);
        registry.upsert(account);
        registry.upsert(account); // unchanged: no signal
        account.displayName = QStringLiteral("Jane");
        registry.upsert(account);
        QCOMPARE(added.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(registry.accounts().size(), 1);
        QCOMPARE(registry.accounts().constFirst().displayName, QStringLiteral("Jane"));
        registry.remove(account.id);
        QCOMPARE(removed.size(), 1);
        QVERIFY(registry.accounts().isEmpty());
        QVERIFY(settings.allKeys().filter(QStringLiteral("username")).isEmpty());
    }

    void settingsNeverHoldATokenField()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        AccountRegistry registry(settings);
        registry.upsert(makeAccount(QStringLiteral("gitlab.com"), QStringLiteral("jdoe"),
                                    Account::Origin::Saved));
        for (const QString &key : settings.allKeys())
            QVERIFY2(!key.contains(QStringLiteral("token"), Qt::CaseInsensitive) ||
                         key.endsWith(QStringLiteral("tokenExpiresAt")),
                     qPrintable(key));
    }
};

QTEST_GUILESS_MAIN(TestAccountRegistry)
#include "tst_account_registry.moc"
