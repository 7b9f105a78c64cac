#pragma once

#include "accounts/account.h"

#include <QList>
#include <QObject>

class QSettings;

namespace pipedeck {

// The saved accounts, kept in settings (never a token). Environment and demo
// accounts are added for this run only and never written.
class AccountRegistry : public QObject
{
    Q_OBJECT
public:
    explicit AccountRegistry(QSettings &settings, QObject *parent = nullptr);

    QList<Account> accounts() const { return m_accounts; }
    const Account *find(const QString &id) const;

    // Adds or updates (same id) an account; saved ones are written at once.
    void upsert(const Account &account);
    void remove(const QString &id);

Q_SIGNALS:
    void accountAdded(const pipedeck::Account &account);
    void accountChanged(const pipedeck::Account &account);
    void accountRemoved(const QString &id);

private:
    void load();
    void save();

    QSettings &m_settings;
    QList<Account> m_accounts;
};

} // namespace pipedeck
