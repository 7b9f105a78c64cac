#include "triggers/trigger_pipeline_dialog.h"

#include "gitlab/net/connection.h"
#include "gitlab/requests/project_ref.h"
#include "gitlab/types/trigger.h"
#include "presets/draft_store.h"
#include "runs/draft_keeper.h"
#include "runs/pipeline_inputs_text.h"
#include "runs/pipeline_target_fields.h"
#include "runs/ref_picker.h"
#include "runs/review_policy.h"
#include "secrets/secret_clipboard.h"
#include "triggers/trigger_pipeline_controller.h"
#include "triggers/trigger_snippets.h"
#include "triggers/trigger_vault.h"
#include "triggers/triggers_loader.h"
#include "triggers/triggers_model.h"
#include "variables/variables_editor.h"
#include "widgets/inline_message.h"
#include "widgets/plain_label.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>

namespace pipedeck {

namespace {

constexpr qint64 kPastedToken = -1;

} // namespace

TriggerPipelineDialog::TriggerPipelineDialog(gitlab::Connection *connection,
                                             const runs::RunServices &services,
                                             triggers::TriggerVault *vault,
                                             const gitlab::Project &project, QWidget *parent)
    : SendDialog(tr("Trigger Pipeline"), parent)
    , m_connection(connection)
    , m_services(services)
    , m_vault(vault)
    , m_project(project)
    , m_recorder(services.history, services.account, project.id, project.pathWithNamespace)
{
    setObjectName(QStringLiteral("triggerPipelineDialog"));
    resize(780, 680);
    setTitleText(tr("Trigger a pipeline of %1").arg(project.pathWithNamespace),
                 tr("With a pipeline trigger token, on %1").arg(services.account.instance.host()));
    m_controller = new triggers::TriggerPipelineController(connection, this);
    editor()->setRules(triggers::TriggerPipelineController::triggerRules());

    // Descriptions for the held tokens; a user without the Maintainer role cannot list them,
    // and the choice then names them by id.
    m_triggers = new triggers::TriggersModel(this);
    m_loader =
        new triggers::TriggersLoader(connection, gitlab::ProjectRef(project.id), m_triggers, this);

    m_tokens = new QComboBox;
    m_tokens->setObjectName(QStringLiteral("triggerTokenChoice"));
    m_tokens->setAccessibleName(tr("Trigger token"));
    m_pasted = new QLineEdit;
    m_pasted->setObjectName(QStringLiteral("pastedTriggerToken"));
    m_pasted->setEchoMode(QLineEdit::Password);
    m_pasted->setAccessibleName(tr("Trigger token for this run only"));
    m_pasted->setPlaceholderText(tr("Paste a trigger token: used for this run only, not kept"));
    auto *tokenLabel = new QLabel(tr("&Token:"));
    tokenLabel->setBuddy(m_tokens);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(tokenLabel);
    tokenRow->addWidget(m_tokens, 1);
    tokenRow->addWidget(m_pasted, 1);
    fieldsLayout()->addLayout(tokenRow);

    m_target =
        new PipelineTargetFields(connection, gitlab::ProjectRef(project.id), project.defaultBranch,
                                 tr("&Inputs (GitLab 17.11 and later)"));
    m_refs = m_target->refPicker();
    m_inputs = m_target->inputsField();
    fieldsLayout()->addWidget(m_target);
    auto *stringsOnly = new PlainLabel(
        tr("Variables are sent as text: the trigger API takes a map of strings, so File "
           "variables are not offered here."));
    stringsOnly->setWordWrap(true);
    fieldsLayout()->addWidget(stringsOnly);
    m_checkAgain = new QPushButton(tr("Check Again"));
    m_checkAgain->setObjectName(QStringLiteral("checkAgain"));
    m_checkAgain->setToolTip(tr("Ask GitLab again whether the pipeline was created; the request "
                                "is not sent again"));
    m_checkAgain->setVisible(false);
    m_clipboard = new SecretClipboard(this);
    m_copyAs = new QToolButton;
    m_copyAs->setObjectName(QStringLiteral("copyTriggerAs"));
    m_copyAs->setText(tr("Copy as"));
    m_copyAs->setAccessibleName(tr("Copy this trigger as a command or CI job"));
    m_copyAs->setPopupMode(QToolButton::InstantPopup);
    auto *copyMenu = new QMenu(m_copyAs);
    const QList<std::pair<QString, QString>> kinds{
        {QStringLiteral("curl"), tr("curl (token from $TRIGGER_TOKEN)")},
        {QStringLiteral("powershell"), tr("PowerShell Invoke-RestMethod")},
        {QStringLiteral("ci-trigger"), tr(".gitlab-ci.yml job with trigger: (no token needed)")},
        {QStringLiteral("ci-curl"), tr(".gitlab-ci.yml job with curl and CI_JOB_TOKEN")},
        {QStringLiteral("webhook"), tr("Webhook URL (puts the token in a URL)")}};
    for (const auto &[kind, label] : kinds) {
        const QString k = kind;
        connect(copyMenu->addAction(label), &QAction::triggered, this,
                [this, k] { copySnippet(k, false); });
    }
    copyMenu->addSeparator();
    QAction *withToken = copyMenu->addAction(tr("curl with the Real Token…"));
    connect(withToken, &QAction::triggered, this,
            [this] { copySnippet(QStringLiteral("curl"), true); });
    m_copyAs->setMenu(copyMenu);
    auto *actionsRow = new QHBoxLayout;
    actionsRow->addWidget(m_copyAs);
    actionsRow->addWidget(m_checkAgain);
    actionsRow->addStretch(1);
    fieldsLayout()->addLayout(actionsRow);

    if (services.drafts)
        setDraftKeeper(new runs::DraftKeeper(
            services.drafts,
            QStringLiteral("trigger/") + presets::DraftStore::runKey(services.account.instance,
                                                                     services.account.account,
                                                                     project.id),
            this));
    if (const auto draft = draftKeeper() ? draftKeeper()->restore() : std::nullopt) {
        m_target->restore(*draft);
        editor()->setRows(draft->rows);
        setNote(tr("Restored the values you had not sent."));
    }

    fillTokenChoice();
    connect(m_tokens, &QComboBox::currentIndexChanged, this,
            &TriggerPipelineDialog::updatePastedField);
    connect(m_triggers, &QAbstractItemModel::rowsInserted, this,
            &TriggerPipelineDialog::fillTokenChoice);
    connect(m_triggers, &QAbstractItemModel::dataChanged, this,
            &TriggerPipelineDialog::fillTokenChoice);
    connect(m_refs, &RefPicker::refChanged, this, [this] {
        reviewBox()->setChecked(
            runs::reviewByDefault(m_services.review, {}, m_refs->isProtectedRef()));
    });
    connect(m_target, &PipelineTargetFields::edited, this, &TriggerPipelineDialog::noteEdited);
    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        if (m_controller->checkAgain()) {
            m_checkAgain->setEnabled(false);
            message()->showMessage(InlineMessage::Kind::Info, tr("Asking GitLab…"));
        }
    });
    connect(m_controller, &triggers::TriggerPipelineController::created, this,
            [this](const gitlab::Pipeline &pipeline, bool) {
                m_recorder.runCreated(m_recordId, pipeline);
                setBusy(false);
                Q_EMIT pipelineCreated(pipeline);
                finishSent();
            });
    connect(m_controller, &triggers::TriggerPipelineController::refused, this,
            [this](const gitlab::Status &status) {
                m_recorder.runRefused(m_recordId, status);
                setBusy(false);
                showError(
                    status.code() == gitlab::Status::NotFound
                        ? tr("GitLab did not accept the trigger token (404): it is wrong, "
                             "revoked or expired, or the project is another one.")
                        : tr("GitLab did not trigger the pipeline. %1").arg(status.userText()));
            });
    connect(m_controller, &triggers::TriggerPipelineController::outcomeUnknown, this,
            [this](const gitlab::Status &status) {
                m_recorder.runUnknown(m_recordId, status);
                setBusy(false);
                m_checkAgain->setVisible(true);
                m_checkAgain->setEnabled(true);
                sendButton()->setEnabled(false);
                showError(tr("The reply was lost and GitLab shows no triggered pipeline on %1 "
                             "yet. The request was not sent again. %2")
                              .arg(m_refs->ref(), status.userText()));
            });
    m_loader->refresh();
    updatePastedField();
}

QString TriggerPipelineDialog::snippet(const QString &kind) const
{
    return snippetFor(kind, {});
}

QString TriggerPipelineDialog::snippetFor(const QString &kind, const QByteArray &token) const
{
    triggers::SnippetTarget target;
    target.token = QString::fromUtf8(token);
    target.includeToken = !token.isEmpty();
    target.instance = m_services.account.instance;
    target.projectId = m_project.id;
    target.projectPath = m_project.pathWithNamespace;
    target.ref = m_refs->ref();
    for (const variables::VariableRow &row : editor()->rows()) {
        // A sensitive value stays out of a snippet as out of every other text.
        if (!row.isBlank())
            target.variables.insert(row.key,
                                    row.sensitive ? QStringLiteral("$") + row.key : row.value);
    }
    if (kind == QLatin1String("powershell"))
        return triggers::TriggerSnippets::powerShell(target);
    if (kind == QLatin1String("ci-trigger"))
        return triggers::TriggerSnippets::gitlabCiTriggerJob(target);
    if (kind == QLatin1String("ci-curl"))
        return triggers::TriggerSnippets::gitlabCiCurlJob(target);
    if (kind == QLatin1String("webhook"))
        return triggers::TriggerSnippets::webhookUrl(target);
    return triggers::TriggerSnippets::curl(target);
}

void TriggerPipelineDialog::copySnippet(const QString &kind, bool withToken)
{
    if (!withToken) {
        QApplication::clipboard()->setText(snippet(kind));
        message()->showMessage(InlineMessage::Kind::Info,
                               kind == QLatin1String("webhook")
                                   ? tr("Copied. %1").arg(triggers::TriggerSnippets::tokenWarning())
                                   : tr("Copied; set TRIGGER_TOKEN before running it."));
        return;
    }
    if (QMessageBox::warning(
            this, tr("Copy with the Real Token"), triggers::TriggerSnippets::tokenWarning(),
            QMessageBox::Cancel | QMessageBox::Ok, QMessageBox::Cancel) != QMessageBox::Ok)
        return;
    const auto copy = [this](const QByteArray &token) {
        m_clipboard->copy(snippetFor(QStringLiteral("curl"), token));
        message()->showMessage(
            InlineMessage::Kind::Info,
            tr("Copied with the token; the clipboard is cleared in 30 seconds."));
    };
    const qint64 id = m_tokens->currentData().toLongLong();
    if (id == kPastedToken) {
        copy(m_pasted->text().trimmed().toUtf8());
        return;
    }
    if (m_vault)
        m_vault->load(m_services.account, m_project.id, id, this,
                      [this, copy](const TokenResult &result) {
                          if (result.outcome == TokenOutcome::Found)
                              copy(result.token);
                          else
                              showError(result.message);
                      });
}

QList<qint64> TriggerPipelineDialog::heldTriggerIds() const
{
    return m_vault ? m_vault->heldIds(m_services.account, m_project.id) : QList<qint64>{};
}

void TriggerPipelineDialog::fillTokenChoice()
{
    const qint64 chosen =
        m_tokens->currentData().isValid() ? m_tokens->currentData().toLongLong() : 0;
    const QSignalBlocker block(m_tokens);
    m_tokens->clear();
    for (const qint64 id : heldTriggerIds()) {
        const gitlab::Trigger *trigger = m_triggers->triggerAt(m_triggers->rowOfId(id));
        m_tokens->addItem(trigger && !trigger->description.isEmpty()
                              ? tr("%1 (kept in the keychain)").arg(trigger->description)
                              : tr("Trigger #%1 (kept in the keychain)").arg(id),
                          id);
    }
    m_tokens->addItem(tr("A token pasted for this run"), kPastedToken);
    const int index = m_tokens->findData(chosen);
    m_tokens->setCurrentIndex(index >= 0 && chosen != 0 ? index : 0);
    updatePastedField();
}

void TriggerPipelineDialog::updatePastedField()
{
    m_pasted->setVisible(m_tokens->currentData().toLongLong() == kPastedToken);
}

QString TriggerPipelineDialog::chosenDescription() const
{
    const qint64 id = m_tokens->currentData().toLongLong();
    if (id == kPastedToken)
        return tr("a pasted token");
    const gitlab::Trigger *trigger = m_triggers->triggerAt(m_triggers->rowOfId(id));
    return trigger && !trigger->description.isEmpty() ? trigger->description
                                                      : tr("trigger #%1").arg(id);
}

runs::ReviewFacts TriggerPipelineDialog::reviewFacts() const
{
    runs::ReviewFacts facts;
    facts.instance = m_services.account.instance.host();
    facts.account = m_services.account.account;
    facts.project = m_project.pathWithNamespace;
    facts.ref = m_refs->ref();
    facts.commit = m_refs->commitText();
    facts.willRun.append(
        tr("a new pipeline on %1, triggered with %2").arg(facts.ref, chosenDescription()));
    facts.rows = editor()->rows();
    return facts;
}

QString TriggerPipelineDialog::inputProblem() const
{
    if (m_tokens->currentData().toLongLong() == kPastedToken &&
        m_pasted->text().trimmed().isEmpty())
        return tr("Paste the trigger token, or choose one kept in the keychain.");
    if (const QString problem = m_target->problem(); !problem.isEmpty())
        return problem;
    return SendDialog::inputProblem();
}

presets::Draft TriggerPipelineDialog::currentDraft() const
{
    presets::Draft draft;
    m_target->writeTo(draft); // ref and inputs; never the token
    draft.rows = editor()->rows();
    return draft;
}

void TriggerPipelineDialog::send()
{
    const qint64 id = m_tokens->currentData().toLongLong();
    if (id == kPastedToken) {
        submitWith(m_pasted->text().trimmed().toUtf8());
        return;
    }
    if (!m_vault)
        return;
    setBusy(true, tr("Reading the token from the keychain…"));
    m_vault->load(m_services.account, m_project.id, id, this, [this](const TokenResult &result) {
        setBusy(false);
        if (result.outcome != TokenOutcome::Found) {
            showError(result.message);
            return;
        }
        submitWith(result.token);
    });
}

void TriggerPipelineDialog::submitWith(const QByteArray &token)
{
    triggers::TriggerRunInput input;
    input.projectId = m_project.id;
    input.ref = m_refs->ref();
    input.token = token;
    input.rows = editor()->rows();
    input.inputs = m_target->inputs();
    input.triggerDescription = chosenDescription();
    m_recordId = m_recorder.triggerStarted(input.ref, input.rows, input.triggerDescription);
    if (!m_controller->submit(input)) {
        m_recorder.runRefused(m_recordId, gitlab::Status(gitlab::Status::Conflict));
        showError(tr("Nothing was sent: check the token, the ref and the variables."));
        return;
    }
    m_checkAgain->setVisible(false);
    setBusy(true, tr("Triggering the pipeline…"));
}

} // namespace pipedeck
