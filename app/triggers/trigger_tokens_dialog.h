#pragma once

#include "gitlab/types/project.h"
#include "presets/preset.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace pipedeck {

namespace gitlab {
class Connection;
struct Trigger;
} // namespace gitlab
namespace triggers {
class TriggerManager;
class TriggersLoader;
class TriggersModel;
class TriggerVault;
} // namespace triggers
class InlineMessage;
class SecretClipboard;

//! A project's pipeline trigger tokens (GitLab: Settings → CI/CD → Pipeline trigger tokens;
//! Maintainer role): the table with its flags, create (the new token goes to the keychain
//! before it is shown, once, with Copy), rename, revoke (confirmed, Cancel by default), and the
//! keychain side: keep an owned token, add an existing one by pasting it, forget.
class TriggerTokensDialog : public QDialog
{
    Q_OBJECT
public:
    TriggerTokensDialog(gitlab::Connection *connection, triggers::TriggerVault *vault,
                        const presets::AccountContext &account, const gitlab::Project &project,
                        QWidget *parent = nullptr);
    ~TriggerTokensDialog() override;

    triggers::TriggersModel *model() const { return m_model; }
    triggers::TriggersLoader *loader() const { return m_loader; }
    triggers::TriggerManager *manager() const { return m_manager; }
    QTableView *table() const { return m_table; }
    InlineMessage *message() const { return m_message; }
    QLineEdit *descriptionField() const { return m_description; }
    QPushButton *createButton() const { return m_create; }
    //! The trigger of the selected row (0: none).
    qint64 currentTriggerId() const;
    void selectTrigger(qint64 triggerId);

    //! Confirms a revoke (default: a question with Cancel as default). Tests replace it.
    using Confirmation = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    //! Shows a newly created token once (default: a small dialog with Copy). Tests replace it.
    using TokenShower = std::function<void(const gitlab::Trigger &trigger, const QString &note)>;
    void setTokenShower(TokenShower show) { m_showToken = std::move(show); }

    //! The actions, as their buttons run them (the dialogs they ask with aside).
    void createFromForm();
    void renameCurrent(const QString &description);
    void revokeCurrent();
    void copyCurrent();
    void keepCurrentInKeychain();
    //! Matches a pasted token against the list and keeps it for that trigger.
    void addExistingToken(const QString &pasted);
    void forgetCurrent();

private:
    void refreshHeld();
    void updateButtons();
    void showError(const QString &text);
    void showInfo(const QString &text);
    bool confirm(const QString &title, const QString &text, const QString &action);
    void showTokenOnce(const gitlab::Trigger &trigger, const QString &note);

    gitlab::Connection *m_connection;
    triggers::TriggerVault *m_vault;
    presets::AccountContext m_account;
    gitlab::Project m_project;
    triggers::TriggersModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    triggers::TriggersLoader *m_loader = nullptr;
    triggers::TriggerManager *m_manager = nullptr;
    SecretClipboard *m_clipboard = nullptr;
    QTableView *m_table = nullptr;
    InlineMessage *m_message = nullptr;
    QLineEdit *m_description = nullptr;
    QCheckBox *m_expires = nullptr;
    QDateEdit *m_expiresAt = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_addExisting = nullptr;
    QPushButton *m_forget = nullptr;
    Confirmation m_confirm;
    TokenShower m_showToken;
};

} // namespace pipedeck
