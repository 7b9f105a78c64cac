#include "secrets/stored_secrets_dialog.h"

#include "secrets/account_secrets.h"
#include "secrets/stored_secrets_model.h"
#include "secrets/token_store.h"
#include "widgets/destructive_confirmation.h"
#include "widgets/inline_message.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pipedeck {

StoredSecretsDialog::StoredSecretsDialog(TokenStore &tokens, QWidget *parent)
    : QDialog(parent)
    , m_tokens(tokens)
{
    setObjectName(QStringLiteral("storedSecretsDialog"));
    setWindowTitle(tr("Stored Secrets"));
    m_model = new StoredSecretsModel(tokens, this);
    auto *intro = new QLabel(tr("What Pipedeck keeps in the OS keychain. The values never leave "
                                "it; this list shows only what each one is for."));
    intro->setWordWrap(true);
    m_message = new InlineMessage;
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("storedSecretsTable"));
    m_table->setAccessibleName(tr("Secrets Pipedeck keeps in the OS keychain"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int c = 0; c < StoredSecretsModel::StoredColumn; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_forget = new QPushButton(tr("&Forget…"));
    m_forget->setObjectName(QStringLiteral("forgetSecret"));
    m_forget->setToolTip(tr("Delete it from the OS keychain (GitLab keeps the token)"));
    auto *close = new QPushButton(tr("Close"));
    for (QPushButton *b : {m_forget, close})
        b->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_forget);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(860, 340);

    connect(m_forget, &QPushButton::clicked, this, &StoredSecretsDialog::forgetCurrent);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StoredSecretsDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &StoredSecretsDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StoredSecretsDialog::updateButtons);
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    updateButtons();
}

void StoredSecretsDialog::selectKey(const QString &storageKey)
{
    const int row = m_model->rowOfKey(storageKey);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
}

void StoredSecretsDialog::updateButtons()
{
    m_forget->setEnabled(m_model->entryAt(m_table->currentIndex().row()) != nullptr);
    if (m_model->rowCount() == 0)
        m_message->showMessage(InlineMessage::Kind::Info,
                               tr("Pipedeck keeps nothing in the OS keychain."));
}

void StoredSecretsDialog::forgetCurrent()
{
    const TokenIndexEntry *entry = m_model->entryAt(m_table->currentIndex().row());
    if (!entry)
        return;
    const TokenIndexEntry forgotten = *entry;
    const QString title = tr("Forget Secret");
    QString text = tr("Delete this %1 of %2 on %3 from the OS keychain?")
                       .arg(StoredSecretsModel::kindText(forgotten.kind).toLower(),
                            forgotten.account, forgotten.instance.host(QUrl::PrettyDecoded));
    text += QStringLiteral("\n") + StoredSecretsModel::purposeText(forgotten);
    if (forgotten.kind == TokenKind::PersonalAccessToken)
        text += QStringLiteral("\n\n") + tr("The account stays signed in until Pipedeck quits; "
                                            "at the next start it asks for a token again.");
    else
        text += QStringLiteral("\n\n") + tr("GitLab keeps the token.");
    const bool go =
        m_confirm ? m_confirm(title, text) : confirmDestructive(this, title, text, tr("&Forget"));
    if (!go)
        return;
    m_tokens.remove(tokenKeyOf(forgotten), this, [this](const TokenResult &result) {
        if (result.outcome == TokenOutcome::Removed)
            m_message->showMessage(InlineMessage::Kind::Info, tr("Deleted from the OS keychain."));
        else
            m_message->showMessage(InlineMessage::Kind::Error, result.message);
    });
}

} // namespace pipedeck
