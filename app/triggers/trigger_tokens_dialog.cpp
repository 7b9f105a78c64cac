#include "triggers/trigger_tokens_dialog.h"

#include "gitlab/requests/project_ref.h"
#include "gitlab/types/trigger.h"
#include "secrets/secret_clipboard.h"
#include "triggers/pasted_token.h"
#include "triggers/trigger_manager.h"
#include "triggers/trigger_vault.h"
#include "triggers/triggers_loader.h"
#include "triggers/triggers_model.h"
#include "widgets/destructive_confirmation.h"
#include "widgets/inline_message.h"
#include "widgets/plain_label.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace pipedeck {

using triggers::TriggersModel;

namespace {

//! Shown once after a create: the token, selectable, with Copy through the clipboard helper.
class TokenOnceDialog : public QDialog
{
public:
    TokenOnceDialog(const gitlab::Trigger &trigger, const QString &note, SecretClipboard *clipboard,
                    QWidget *parent)
        : QDialog(parent)
    {
        setWindowTitle(TriggerTokensDialog::tr("Trigger Token Created"));
        auto *intro = new PlainLabel(
            TriggerTokensDialog::tr("The token of “%1”. GitLab shows it in full only to you.")
                .arg(trigger.description));
        intro->setWordWrap(true);
        auto *field = new QLineEdit(trigger.token);
        field->setReadOnly(true);
        field->setAccessibleName(TriggerTokensDialog::tr("Trigger token"));
        auto *notes = new PlainLabel(note);
        notes->setWordWrap(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
        QPushButton *copy =
            buttons->addButton(TriggerTokensDialog::tr("Copy"), QDialogButtonBox::ActionRole);
        copy->setToolTip(TriggerTokensDialog::tr("Copy the token; the clipboard is cleared after "
                                                 "30 seconds if it still holds it"));
        const QString token = trigger.token;
        connect(copy, &QPushButton::clicked, this, [clipboard, token] { clipboard->copy(token); });
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(intro);
        layout->addWidget(field);
        layout->addWidget(notes);
        layout->addWidget(buttons);
        resize(520, 180);
    }
};

} // namespace

TriggerTokensDialog::TriggerTokensDialog(gitlab::Connection *connection,
                                         triggers::TriggerVault *vault,
                                         const presets::AccountContext &account,
                                         const gitlab::Project &project, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_vault(vault)
    , m_account(account)
    , m_project(project)
{
    setObjectName(QStringLiteral("triggerTokensDialog"));
    setWindowTitle(tr("Trigger Tokens — %1").arg(project.pathWithNamespace));
    m_model = new TriggersModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(Qt::EditRole);
    m_loader =
        new triggers::TriggersLoader(connection, gitlab::ProjectRef(project.id), m_model, this);
    m_manager = new triggers::TriggerManager(connection, vault, account, project.id, this);
    m_clipboard = new SecretClipboard(this);

    m_message = new InlineMessage;
    m_description = new QLineEdit;
    m_description->setObjectName(QStringLiteral("triggerDescription"));
    m_description->setAccessibleName(tr("Description of the new trigger token"));
    m_description->setPlaceholderText(tr("What the token is for, e.g. “nightly deploy from CI”"));
    m_expires = new QCheckBox(tr("&Expires on"));
    m_expiresAt = new QDateEdit(QDate::currentDate().addMonths(6));
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setAccessibleName(tr("Expiry date"));
    m_expiresAt->setEnabled(false);
    m_create = new QPushButton(tr("&Create Token"));
    m_create->setObjectName(QStringLiteral("createTrigger"));
    auto *newLabel = new QLabel(tr("&New token:"));
    newLabel->setBuddy(m_description);
    auto *form = new QHBoxLayout;
    form->addWidget(newLabel);
    form->addWidget(m_description, 1);
    form->addWidget(m_expires);
    form->addWidget(m_expiresAt);
    form->addWidget(m_create);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("triggersTable"));
    m_table->setAccessibleName(tr("Trigger tokens of this project"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TriggersModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column = 0; column < TriggersModel::FlagsColumn; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);

    const auto button = [](const QString &text, const QString &tip, const QString &name) {
        auto *b = new QPushButton(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        b->setAutoDefault(false);
        return b;
    };
    m_rename = button(tr("&Rename…"), tr("Change the token's description"),
                      QStringLiteral("renameTrigger"));
    m_revoke = button(tr("Re&voke…"), tr("Delete the token on GitLab: what uses it stops working"),
                      QStringLiteral("revokeTrigger"));
    m_copy = button(tr("C&opy"),
                    tr("Copy the token; the clipboard is cleared after 30 seconds if it still "
                       "holds it"),
                    QStringLiteral("copyTrigger"));
    m_reveal = button(tr("&Show"), tr("Show or hide the token"), QStringLiteral("revealTrigger"));
    m_reveal->setCheckable(true);
    m_keep = button(tr("&Keep in Keychain"),
                    tr("Store this token of yours in the OS keychain, for triggering from here"),
                    QStringLiteral("keepTrigger"));
    m_addExisting = button(tr("&Add Existing Token…"),
                           tr("Paste a token you have: Pipedeck finds its trigger and keeps it "
                              "in the OS keychain"),
                           QStringLiteral("addExistingTrigger"));
    m_forget = button(tr("Forge&t"), tr("Remove the token from the OS keychain (GitLab keeps it)"),
                      QStringLiteral("forgetTrigger"));
    QPushButton *refresh = button(tr("Re&fresh"), tr("Read the trigger tokens from GitLab now"),
                                  QStringLiteral("refreshTriggers"));
    QPushButton *close = button(tr("Close"), {}, QStringLiteral("closeTriggers"));
    m_create->setAutoDefault(false);

    auto *rowButtons = new QHBoxLayout;
    for (QPushButton *b : {m_reveal, m_copy, m_rename, m_revoke})
        rowButtons->addWidget(b);
    rowButtons->addStretch(1);
    for (QPushButton *b : {m_keep, m_addExisting, m_forget})
        rowButtons->addWidget(b);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(refresh);
    bottom->addStretch(1);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addLayout(bottom);
    resize(980, 460);

    connect(m_expires, &QCheckBox::toggled, m_expiresAt, &QWidget::setEnabled);
    connect(m_create, &QPushButton::clicked, this, &TriggerTokensDialog::createFromForm);
    connect(m_description, &QLineEdit::returnPressed, this, &TriggerTokensDialog::createFromForm);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const QModelIndex source = m_sorted->mapToSource(m_table->currentIndex());
        const gitlab::Trigger *trigger = m_model->triggerAt(source.row());
        if (!trigger)
            return;
        bool ok = false;
        const QString text =
            QInputDialog::getText(this, tr("Rename Trigger Token"), tr("Description:"),
                                  QLineEdit::Normal, trigger->description, &ok);
        if (ok)
            renameCurrent(text);
    });
    connect(m_revoke, &QPushButton::clicked, this, &TriggerTokensDialog::revokeCurrent);
    connect(m_copy, &QPushButton::clicked, this, &TriggerTokensDialog::copyCurrent);
    connect(m_reveal, &QPushButton::toggled, this, [this](bool on) {
        if (const qint64 id = currentTriggerId())
            m_model->setRevealed(id, on);
    });
    connect(m_keep, &QPushButton::clicked, this, &TriggerTokensDialog::keepCurrentInKeychain);
    connect(m_addExisting, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString pasted = QInputDialog::getText(
            this, tr("Add Existing Trigger Token"),
            tr("Paste the token (it is matched against this project's trigger tokens):"),
            QLineEdit::Password, {}, &ok);
        if (ok)
            addExistingToken(pasted);
    });
    connect(m_forget, &QPushButton::clicked, this, &TriggerTokensDialog::forgetCurrent);
    connect(refresh, &QPushButton::clicked, m_loader, &triggers::TriggersLoader::refresh);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TriggerTokensDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TriggerTokensDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TriggerTokensDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TriggerTokensDialog::updateButtons);
    connect(m_loader, &triggers::TriggersLoader::refreshed, this,
            [this](bool ok, const gitlab::Status &status) {
                refreshHeld();
                if (!ok)
                    showError(
                        status.code() == gitlab::Status::Forbidden
                            ? triggers::TriggersLoader::maintainerRoleText()
                            : tr("Could not read the trigger tokens. %1").arg(status.userText()));
            });
    connect(m_manager, &triggers::TriggerManager::created, this,
            [this](const gitlab::Trigger &trigger, bool stored, const QString &keychainMessage) {
                m_description->clear();
                m_expires->setChecked(false);
                m_create->setEnabled(true);
                showInfo(tr("Created the trigger token “%1”.").arg(trigger.description));
                m_loader->refresh();
                showTokenOnce(trigger,
                              stored ? tr("It is kept in the OS keychain: Pipedeck can trigger "
                                          "pipelines with it.")
                                     : tr("The keychain did not keep it (%1). Copy it now: GitLab "
                                          "shows it to you only.")
                                           .arg(keychainMessage));
            });
    connect(m_manager, &triggers::TriggerManager::renamed, this, [this](const gitlab::Trigger &t) {
        showInfo(tr("Renamed to “%1”.").arg(t.description));
        m_loader->refresh();
    });
    connect(m_manager, &triggers::TriggerManager::revoked, this, [this](qint64 id) {
        showInfo(tr("The trigger token was revoked."));
        m_loader->refresh();
        // A revoked token opens nothing any more: offer to drop it from the keychain too.
        if (m_vault && m_vault->holds(m_account, m_project.id, id) &&
            confirm(tr("Forget the Revoked Token"),
                    tr("Pipedeck still keeps the revoked token in the OS keychain, where it no "
                       "longer opens anything. Forget it?"),
                    tr("Forget"))) {
            m_vault->forget(m_account, m_project.id, id, this, [this](const TokenResult &result) {
                refreshHeld();
                if (result.outcome == TokenOutcome::Removed)
                    showInfo(tr("The trigger token was revoked and forgotten."));
                else
                    showError(result.message);
            });
        }
    });
    connect(m_manager, &triggers::TriggerManager::failed, this, [this](const QString &text) {
        m_create->setEnabled(true);
        showError(text);
    });
    connect(m_manager, &triggers::TriggerManager::outcomeUnknown, this,
            [this](const QString &text) {
                m_create->setEnabled(true);
                showError(text);
                m_loader->refresh();
            });
    m_loader->refresh();
    refreshHeld();
    updateButtons();
}

TriggerTokensDialog::~TriggerTokensDialog() = default;

qint64 TriggerTokensDialog::currentTriggerId() const
{
    const QModelIndex source = m_sorted->mapToSource(m_table->currentIndex());
    return source.isValid()
               ? m_model->index(source.row(), 0).data(TriggersModel::IdRole).toLongLong()
               : 0;
}

void TriggerTokensDialog::selectTrigger(qint64 triggerId)
{
    const int row = m_model->rowOfId(triggerId);
    if (row >= 0)
        m_table->setCurrentIndex(m_sorted->mapFromSource(m_model->index(row, 0)));
}

void TriggerTokensDialog::refreshHeld()
{
    if (!m_vault)
        return;
    const QList<qint64> held = m_vault->heldIds(m_account, m_project.id);
    m_model->setHeld(QSet<qint64>(held.cbegin(), held.cend()));
    updateButtons();
}

void TriggerTokensDialog::updateButtons()
{
    const qint64 id = currentTriggerId();
    const int row = id ? m_model->rowOfId(id) : -1;
    const QModelIndex index = m_model->index(std::max(row, 0), 0);
    const bool selected = row >= 0;
    const bool owned = selected && index.data(TriggersModel::OwnedRole).toBool();
    const bool held = selected && index.data(TriggersModel::HeldRole).toBool();
    m_rename->setEnabled(owned);
    m_rename->setToolTip(owned ? tr("Change the token's description")
                               : tr("GitLab lets only the token's owner change it."));
    m_revoke->setEnabled(selected);
    m_copy->setEnabled(owned);
    m_copy->setToolTip(owned ? tr("Copy the token; the clipboard is cleared after 30 seconds if "
                                  "it still holds it")
                             : tr("GitLab shows only the first 4 characters of others' tokens."));
    m_reveal->setEnabled(owned);
    m_keep->setEnabled(owned && !held && m_vault);
    m_forget->setEnabled(held);
    m_addExisting->setEnabled(m_vault != nullptr);
    const bool revealed = owned && m_model->isRevealed(id);
    const QSignalBlocker block(m_reveal);
    m_reveal->setChecked(revealed);
}

void TriggerTokensDialog::createFromForm()
{
    const QString description = m_description->text().trimmed();
    if (description.isEmpty()) {
        showError(tr("Give the token a description first: it is how you will recognise it."));
        m_description->setFocus();
        return;
    }
    if (m_manager->create(description, m_expires->isChecked() ? m_expiresAt->date() : QDate())) {
        m_create->setEnabled(false);
        showInfo(tr("Creating…"));
    }
}

void TriggerTokensDialog::renameCurrent(const QString &description)
{
    const qint64 id = currentTriggerId();
    if (id && !description.trimmed().isEmpty())
        m_manager->rename(id, description.trimmed());
}

void TriggerTokensDialog::revokeCurrent()
{
    const qint64 id = currentTriggerId();
    const gitlab::Trigger *trigger = m_model->triggerAt(m_model->rowOfId(id));
    if (!trigger)
        return;
    const QString name =
        trigger->description.isEmpty() ? tr("#%1").arg(trigger->id) : trigger->description;
    if (!confirm(tr("Revoke Trigger Token"),
                 tr("Revoke the trigger token “%1” (%2…)? Pipelines triggered with it will no "
                    "longer start. This cannot be undone.")
                     .arg(name, trigger->token.left(4)),
                 tr("Revoke")))
        return;
    m_manager->revoke(id);
}

void TriggerTokensDialog::copyCurrent()
{
    const gitlab::Trigger *trigger = m_model->triggerAt(m_model->rowOfId(currentTriggerId()));
    if (!trigger || trigger->tokenIsShortened())
        return;
    m_clipboard->copy(trigger->token);
    showInfo(tr("Token copied; the clipboard is cleared in 30 seconds."));
}

void TriggerTokensDialog::keepCurrentInKeychain()
{
    const gitlab::Trigger *trigger = m_model->triggerAt(m_model->rowOfId(currentTriggerId()));
    if (!trigger || trigger->tokenIsShortened() || !m_vault)
        return;
    const QString description = trigger->description;
    m_vault->store(m_account, m_project.id, trigger->id, trigger->token.toUtf8(), this,
                   [this, description](const TokenResult &result) {
                       refreshHeld();
                       if (result.outcome == TokenOutcome::Saved)
                           showInfo(tr("“%1” is kept in the OS keychain.").arg(description));
                       else
                           showError(result.message);
                   });
}

void TriggerTokensDialog::addExistingToken(const QString &pasted)
{
    if (!m_vault)
        return;
    QList<gitlab::Trigger> list;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (const gitlab::Trigger *t = m_model->triggerAt(row))
            list.append(*t);
    const std::optional<qint64> match = triggers::matchPastedToken(list, pasted);
    if (!match) {
        showError(tr("This token matches none of the project's trigger tokens (or several of "
                     "them by its first 4 characters)."));
        return;
    }
    const qint64 id = *match;
    m_vault->store(m_account, m_project.id, id, pasted.trimmed().toUtf8(), this,
                   [this, id](const TokenResult &result) {
                       refreshHeld();
                       selectTrigger(id);
                       if (result.outcome == TokenOutcome::Saved)
                           showInfo(tr("The token is kept in the OS keychain."));
                       else
                           showError(result.message);
                   });
}

void TriggerTokensDialog::forgetCurrent()
{
    const qint64 id = currentTriggerId();
    if (!id || !m_vault)
        return;
    m_vault->forget(m_account, m_project.id, id, this, [this](const TokenResult &result) {
        refreshHeld();
        if (result.outcome == TokenOutcome::Removed)
            showInfo(tr("Pipedeck no longer keeps this token."));
        else
            showError(result.message);
    });
}

void TriggerTokensDialog::showError(const QString &text)
{
    m_message->showMessage(InlineMessage::Kind::Error, text);
}

void TriggerTokensDialog::showInfo(const QString &text)
{
    m_message->showMessage(InlineMessage::Kind::Info, text);
}

bool TriggerTokensDialog::confirm(const QString &title, const QString &text, const QString &action)
{
    if (m_confirm)
        return m_confirm(title, text);
    return confirmDestructive(this, title, text, action);
}

void TriggerTokensDialog::showTokenOnce(const gitlab::Trigger &trigger, const QString &note)
{
    if (m_showToken) {
        m_showToken(trigger, note);
        return;
    }
    auto *dialog = new TokenOnceDialog(trigger, note, m_clipboard, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace pipedeck
