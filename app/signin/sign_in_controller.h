#pragma once

#include "accounts/sign_in_check.h"
#include "signin/sign_in_dialog.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace pipedeck {

class SessionManager;

// Runs the "Add account" flow: the dialog collects, SignInCheck checks, the session
// manager stores. The dialog keeps what the user typed whenever the check fails.
class SignInController : public QObject
{
    Q_OBJECT
public:
    SignInController(SessionManager &sessions, QObject *parent = nullptr);

    // Opens the dialog (or raises the one that is open).
    SignInDialog *open(QWidget *parent, const QString &instanceText = {});
    SignInDialog *dialog() const { return m_dialog; }

    // Text shown after a successful check: who, which scopes, until when.
    static QString summaryOf(const Account &account);

Q_SIGNALS:
    void accountAdded(const QString &accountId);

private:
    void onCheckFinished(const SignInCheck::Result &result);

    SessionManager &m_sessions;
    SignInCheck m_check;
    QPointer<SignInDialog> m_dialog;
    QByteArray m_pendingToken;
};

} // namespace pipedeck
