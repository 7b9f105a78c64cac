#include "triggers/held_tokens_dialog.h"

#include "gitlab/net/connection.h"
#include "gitlab/requests/project_requests.h"
#include "gitlab/requests/trigger_requests.h"
#include "triggers/held_tokens_model.h"
#include "triggers/trigger_vault.h"
#include "widgets/inline_message.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pipedeck {

using triggers::HeldTokenRow;

HeldTokensDialog::HeldTokensDialog(triggers::TriggerVault *vault, ConnectionFor connectionFor,
                                   QWidget *parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_connectionFor(std::move(connectionFor))
{
    setObjectName(QStringLiteral("heldTokensDialog"));
    setWindowTitle(tr("Trigger Tokens Kept by Pipedeck"));
    m_model = new triggers::HeldTokensModel(this);
    m_message = new InlineMessage;
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("heldTokensTable"));
    m_table->setAccessibleName(tr("Trigger tokens in the OS keychain, across accounts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int c = 0; c < triggers::HeldTokensModel::StateColumn; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_forget = new QPushButton(tr("&Forget"));
    m_forget->setToolTip(tr("Remove the token from the OS keychain (GitLab keeps it)"));
    m_keep = new QPushButton(tr("&Keep in Keychain"));
    m_keep->setToolTip(tr("Store this token of yours in the OS keychain"));
    auto *refreshButton = new QPushButton(tr("Re&fresh"));
    auto *close = new QPushButton(tr("Close"));
    for (QPushButton *b : {m_forget, m_keep, refreshButton, close})
        b->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_forget);
    buttons->addWidget(m_keep);
    buttons->addStretch(1);
    buttons->addWidget(refreshButton);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(900, 360);

    connect(m_forget, &QPushButton::clicked, this, &HeldTokensDialog::forgetCurrent);
    connect(m_keep, &QPushButton::clicked, this, &HeldTokensDialog::keepCurrent);
    connect(refreshButton, &QPushButton::clicked, this, &HeldTokensDialog::refresh);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HeldTokensDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HeldTokensDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HeldTokensDialog::updateButtons);
    refresh();
}

void HeldTokensDialog::refresh()
{
    if (!m_vault)
        return;
    m_model->setHeld(m_vault->allHeld());
    checkProjects();
    updateButtons();
}

void HeldTokensDialog::checkProjects()
{
    QSet<QString> asked;
    for (const triggers::HeldTrigger &held : m_vault->allHeld()) {
        const QString project =
            held.instance.toString() + u'|' + held.account + u'|' + QString::number(held.projectId);
        if (asked.contains(project))
            continue;
        asked.insert(project);
        gitlab::Connection *connection =
            m_connectionFor ? m_connectionFor(held.instance, held.account) : nullptr;
        if (!connection) {
            m_model->markUnknown(held.instance, held.account, held.projectId,
                                 tr("the account is not signed in"));
            continue;
        }
        // The path for the table, then the list: two small GETs per project.
        auto *path = connection->call<gitlab::GetProject>(gitlab::ProjectRef(held.projectId));
        const QPointer<gitlab::Connection> guard(connection);
        connect(path, &gitlab::Request::finished, this, [this, path, held, guard] {
            const QString projectPath =
                path->status().ok() ? path->project().pathWithNamespace : QString();
            if (!guard)
                return;
            auto *list = guard->call<gitlab::ListTriggers>(gitlab::ProjectRef(held.projectId));
            connect(list, &gitlab::Request::finished, this, [this, list, held, projectPath] {
                if (!list->status().ok()) {
                    m_model->markUnknown(held.instance, held.account, held.projectId,
                                         list->status().userText());
                    return;
                }
                for (const gitlab::Trigger &t : list->triggers()) {
                    if (t.tokenIsShortened())
                        continue;
                    HeldTokenRow key;
                    key.held = held;
                    key.held.triggerId = t.id;
                    m_ownTokens.insert(key.key(), t.token);
                }
                m_model->applyServerList(held.instance, held.account, held.projectId, projectPath,
                                         list->triggers(), QDateTime::currentDateTimeUtc());
            });
        });
    }
}

void HeldTokensDialog::updateButtons()
{
    const HeldTokenRow *row = m_model->rowAt(m_table->currentIndex().row());
    m_forget->setEnabled(row && row->state != HeldTokenRow::State::NotHeld);
    m_keep->setEnabled(row && row->state == HeldTokenRow::State::NotHeld &&
                       m_ownTokens.contains(row->key()));
}

void HeldTokensDialog::selectKey(const QString &key)
{
    const int row = m_model->rowOfKey(key);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
}

void HeldTokensDialog::forgetCurrent()
{
    const HeldTokenRow *row = m_model->rowAt(m_table->currentIndex().row());
    if (!row || row->state == HeldTokenRow::State::NotHeld || !m_vault)
        return;
    const triggers::HeldTrigger held = row->held;
    m_vault->forget({held.instance, held.account}, held.projectId, held.triggerId, this,
                    [this](const TokenResult &result) {
                        if (result.outcome == TokenOutcome::Removed) {
                            m_message->showMessage(InlineMessage::Kind::Info,
                                                   tr("Pipedeck no longer keeps this token."));
                            refresh();
                        } else {
                            m_message->showMessage(InlineMessage::Kind::Error, result.message);
                        }
                    });
}

void HeldTokensDialog::keepCurrent()
{
    const HeldTokenRow *row = m_model->rowAt(m_table->currentIndex().row());
    if (!row || row->state != HeldTokenRow::State::NotHeld || !m_vault)
        return;
    const QString token = m_ownTokens.value(row->key());
    if (token.isEmpty())
        return;
    const triggers::HeldTrigger where = row->held;
    m_vault->store({where.instance, where.account}, where.projectId, where.triggerId,
                   token.toUtf8(), this, [this](const TokenResult &result) {
                       if (result.outcome == TokenOutcome::Saved) {
                           m_message->showMessage(InlineMessage::Kind::Info,
                                                  tr("The token is kept in the OS keychain."));
                           refresh();
                       } else {
                           m_message->showMessage(InlineMessage::Kind::Error, result.message);
                       }
                   });
}

} // namespace pipedeck
