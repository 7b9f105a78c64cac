#include "signin/sign_in_controller.h"

#include "accounts/session_manager.h"
#include "gitlab/net/connection.h"
#include "signin/sign_in_dialog.h"

#include <QLocale>

namespace pipedeck {

SignInController::SignInController(SessionManager &sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
{
    connect(&m_check, &SignInCheck::finished, this, &SignInController::onCheckFinished);
}

SignInDialog *SignInController::open(QWidget *parent, const QString &instanceText)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    m_dialog = new SignInDialog(parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!instanceText.isEmpty())
        m_dialog->setInstanceText(instanceText);
    connect(m_dialog, &SignInDialog::signInRequested, this,
            [this](const QString &instance, const QString &token) {
                m_pendingToken = token.toUtf8();
                m_dialog->setBusy(true, tr("Checking the token with GitLab…"));
                m_check.start(instance, token, Account::Origin::Saved,
                              m_sessions.connectionOptions());
            });
    m_dialog->show();
    return m_dialog;
}

QString SignInController::summaryOf(const Account &account)
{
    QString text = tr("Signed in as %1 (@%2).").arg(account.displayName, account.username);
    if (!account.scopes.isEmpty())
        text += QLatin1Char('\n') + tr("Scopes: %1").arg(account.scopes.join(QStringLiteral(", ")));
    text += QLatin1Char('\n') +
            (account.tokenExpiresAt.isValid()
                 ? tr("Expires: %1")
                       .arg(QLocale().toString(account.tokenExpiresAt, QLocale::LongFormat))
                 : tr("Expires: never"));
    return text;
}

void SignInController::onCheckFinished(const SignInCheck::Result &result)
{
    if (!m_dialog) {
        m_pendingToken.clear();
        return; // the user closed the dialog while the check ran
    }
    m_dialog->setBusy(false);
    if (!result.ok) {
        m_pendingToken.clear();
        m_dialog->showError(result.error);
        return;
    }
    m_sessions.addSignedIn(result.account, m_check.takeConnection(), m_pendingToken);
    m_pendingToken.clear();
    m_dialog->showSignedIn(summaryOf(result.account));
    for (const QString &warning : result.warnings)
        m_dialog->showWarning(warning);
    Q_EMIT accountAdded(result.account.id);
}

} // namespace pipedeck
