#include "accounts/account_registry.h"

#include "core/logging.h"

#include <QSettings>

namespace pipedeck {

namespace {
const auto kGroup = QStringLiteral("accounts");
const auto kTrustedCertificates = QStringLiteral("trustedCertificates");
} // namespace

AccountRegistry::AccountRegistry(QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    load();
}

const Account *AccountRegistry::find(const QString &id) const
{
    for (const Account &account : m_accounts) {
        if (account.id == id)
            return &account;
    }
    return nullptr;
}

void AccountRegistry::upsert(const Account &account)
{
    for (Account &existing : m_accounts) {
        if (existing.id == account.id) {
            if (existing == account)
                return;
            existing = account;
            if (account.origin == Account::Origin::Saved)
                save();
            Q_EMIT accountChanged(account);
            return;
        }
    }
    m_accounts.append(account);
    if (account.origin == Account::Origin::Saved)
        save();
    Q_EMIT accountAdded(account);
}

void AccountRegistry::remove(const QString &id)
{
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts.at(i).id == id) {
            const bool wasSaved = m_accounts.at(i).origin == Account::Origin::Saved;
            m_accounts.removeAt(i);
            if (wasSaved)
                save();
            Q_EMIT accountRemoved(id);
            return;
        }
    }
}

void AccountRegistry::load()
{
    const int count = m_settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        Account account;
        account.instance = QUrl(m_settings.value(QStringLiteral("instance")).toString());
        account.username = m_settings.value(QStringLiteral("username")).toString();
        account.displayName = m_settings.value(QStringLiteral("displayName")).toString();
        account.scopes = m_settings.value(QStringLiteral("scopes")).toStringList();
        account.tokenExpiresAt = m_settings.value(QStringLiteral("tokenExpiresAt")).toDate();
        account.tlsTrust =
            tls::TlsTrust::fromPem(m_settings.value(kTrustedCertificates).toString().toLatin1());
        if (!account.instance.isValid() || account.username.isEmpty()) {
            qCWarning(lcUi) << "skipping an unreadable saved account at index" << i;
            continue;
        }
        account.id = accountId(account.instance, account.username);
        m_accounts.append(account);
    }
    m_settings.endArray();
}

void AccountRegistry::save()
{
    m_settings.remove(kGroup);
    m_settings.beginWriteArray(kGroup);
    int index = 0;
    for (const Account &account : std::as_const(m_accounts)) {
        if (account.origin != Account::Origin::Saved)
            continue;
        m_settings.setArrayIndex(index++);
        m_settings.setValue(QStringLiteral("instance"), account.instance.toString());
        m_settings.setValue(QStringLiteral("username"), account.username);
        m_settings.setValue(QStringLiteral("displayName"), account.displayName);
        m_settings.setValue(QStringLiteral("scopes"), account.scopes);
        m_settings.setValue(QStringLiteral("tokenExpiresAt"), account.tokenExpiresAt);
        if (!account.tlsTrust.isEmpty())
            m_settings.setValue(kTrustedCertificates,
                                QString::fromLatin1(account.tlsTrust.toPem()));
    }
    m_settings.endArray();
    m_settings.sync();
}

} // namespace pipedeck
