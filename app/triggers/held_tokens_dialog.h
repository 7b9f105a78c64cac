#pragma once

#include <QDialog>
#include <QHash>

#include <functional>

class QPushButton;
class QTableView;

namespace pipedeck {

namespace gitlab {
class Connection;
}
namespace triggers {
class HeldTokensModel;
class TriggerVault;
} // namespace triggers
class InlineMessage;

//! *Trigger Tokens Kept…*: every trigger token Pipedeck holds in the keychain, across accounts
//! and projects, checked against GitLab: Forget one (offered for a token GitLab no longer has),
//! and Keep one of the user's own that is not held yet, in one click.
class HeldTokensDialog : public QDialog
{
    Q_OBJECT
public:
    //! The signed-in connection for an account, or null (not signed in: its rows stay unchecked).
    using ConnectionFor = std::function<gitlab::Connection *(const QUrl &, const QString &)>;

    HeldTokensDialog(triggers::TriggerVault *vault, ConnectionFor connectionFor,
                     QWidget *parent = nullptr);

    triggers::HeldTokensModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    InlineMessage *message() const { return m_message; }
    //! Reads the vault and asks each project's GitLab again.
    void refresh();
    void forgetCurrent();
    void keepCurrent();
    void selectKey(const QString &key);

private:
    void checkProjects();
    void updateButtons();

    triggers::TriggerVault *m_vault;
    ConnectionFor m_connectionFor;
    triggers::HeldTokensModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    InlineMessage *m_message = nullptr;
    QPushButton *m_forget = nullptr;
    QPushButton *m_keep = nullptr;
    //! The user's own full tokens from the last lists, by row key: what Keep stores. Memory only.
    QHash<QString, QString> m_ownTokens;
};

} // namespace pipedeck
