#include "accounts/account_removal_prompt.h"

#include "accounts/session_manager.h"
#include "widgets/destructive_confirmation.h"

#include <QMessageBox>

namespace pipedeck {

AccountRemovalPrompt::AccountRemovalPrompt(SessionManager &sessions, QWidget *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_parent(parent)
{}

QString AccountRemovalPrompt::confirmationText(const Account &account,
                                               const QList<TokenKey> &secrets)
{
    int personal = 0;
    int triggers = 0;
    int presetValues = 0;
    for (const TokenKey &key : secrets) {
        switch (key.kind) {
        case TokenKind::PersonalAccessToken:
            ++personal;
            break;
        case TokenKind::TriggerToken:
            ++triggers;
            break;
        case TokenKind::PresetValue:
            ++presetValues;
            break;
        }
    }
    QString text = tr("Remove the account %1 on %2 from Pipedeck?")
                       .arg(account.username, account.instance.host(QUrl::PrettyDecoded));
    if (secrets.isEmpty()) {
        text += QStringLiteral("\n\n") +
                tr("Pipedeck keeps no secret of this account in the OS keychain.");
    } else {
        // Counts after a colon: English ships without a catalog, so no "%n token(s)" forms.
        QStringList what;
        if (personal)
            what << tr("the personal access token");
        if (triggers)
            what << tr("pipeline trigger tokens: %1").arg(triggers);
        if (presetValues)
            what << tr("masked variable values of presets: %1").arg(presetValues);
        text += QStringLiteral("\n\n") + tr("Pipedeck deletes from the OS keychain:");
        for (const QString &line : std::as_const(what))
            text += QStringLiteral("\n• ") + line;
        text += QStringLiteral("\n\n") +
                tr("GitLab keeps the tokens: revoke them there if nobody needs them.");
    }
    return text;
}

void AccountRemovalPrompt::removeAccount(const QString &accountId)
{
    const AccountSession *session = m_sessions.session(accountId);
    if (!session)
        return;
    const QString title = tr("Remove Account");
    const QString text = confirmationText(session->account, m_sessions.secretsOf(accountId));
    const bool go = m_confirm ? m_confirm(title, text)
                              : confirmDestructive(m_parent, title, text, tr("&Remove Account"));
    if (!go)
        return;
    m_sessions.removeAccount(accountId, this, [this, accountId](const SecretsRemoval &result) {
        if (!result.complete) {
            const QString keptTitle = tr("The account was kept");
            const QString keptText =
                result.message + QStringLiteral("\n\n") +
                tr("Unlock the OS keychain and choose Remove Account again to finish.");
            if (m_report) {
                m_report(keptTitle, keptText);
            } else {
                QMessageBox box(QMessageBox::Warning, keptTitle, keptText, QMessageBox::Ok,
                                m_parent);
                box.setTextFormat(Qt::PlainText);
                box.exec();
            }
        }
        Q_EMIT finished(accountId, result.complete, result.message);
    });
}

} // namespace pipedeck
