#pragma once

#include "secrets/token_key.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace pipedeck {

class SessionManager;
struct Account;

//! *Remove Account…*: asks first, naming the account and what leaves the OS keychain with it
//! (its personal access token, trigger tokens, masked preset values; Cancel by default), then
//! SessionManager::removeAccount. With the keychain locked nothing is removed, the account stays,
//! and the user is told why.
class AccountRemovalPrompt : public QObject
{
    Q_OBJECT
public:
    AccountRemovalPrompt(SessionManager &sessions, QWidget *parent);

    //! How the removal is confirmed and how its failure is told (defaults: message boxes).
    //! Tests replace them.
    using Confirmation = std::function<bool(const QString &title, const QString &text)>;
    using Report = std::function<void(const QString &title, const QString &text)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    void setReport(Report report) { m_report = std::move(report); }

    void removeAccount(const QString &accountId);

    //! "Remove the account demo on gitlab.example.com? … 1 personal access token, 2 pipeline
    //! trigger tokens …"
    static QString confirmationText(const Account &account, const QList<TokenKey> &secrets);

Q_SIGNALS:
    //! After the keychain answered: `removed` false means the account was kept (`message` why).
    void finished(const QString &accountId, bool removed, const QString &message);

private:
    SessionManager &m_sessions;
    QPointer<QWidget> m_parent;
    Confirmation m_confirm;
    Report m_report;
};

} // namespace pipedeck
