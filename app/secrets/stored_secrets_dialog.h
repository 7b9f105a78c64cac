#pragma once

#include <QDialog>

#include <functional>

class QPushButton;
class QTableView;

namespace pipedeck {

class InlineMessage;
class StoredSecretsModel;
class TokenStore;

//! *Stored Secrets…*: what Pipedeck holds in the OS keychain (kind, instance, account, what it
//! is for, when stored), from the token index, with Forget (confirmed, Cancel by default).
//! Holds no secret: it lists keys, never values.
class StoredSecretsDialog : public QDialog
{
    Q_OBJECT
public:
    StoredSecretsDialog(TokenStore &tokens, QWidget *parent = nullptr);

    //! How Forget is confirmed (default: a question with Cancel as default). Tests replace it.
    using Confirmation = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    StoredSecretsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    InlineMessage *message() const { return m_message; }
    void selectKey(const QString &storageKey);
    void forgetCurrent();

private:
    void updateButtons();

    TokenStore &m_tokens;
    StoredSecretsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    InlineMessage *m_message = nullptr;
    QPushButton *m_forget = nullptr;
    Confirmation m_confirm;
};

} // namespace pipedeck
