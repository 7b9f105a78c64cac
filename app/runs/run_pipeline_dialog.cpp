#include "runs/run_pipeline_dialog.h"

#include "gitlab/net/connection.h"
#include "models/refs/refs_model.h"
#include "presets/draft_store.h"
#include "runs/draft_keeper.h"
#include "runs/pipeline_inputs_text.h"
#include "runs/pipeline_target_fields.h"
#include "runs/presets_button.h"
#include "runs/ref_picker.h"
#include "runs/review_policy.h"
#include "runs/run_pipeline_controller.h"
#include "variables/variables_editor.h"
#include "widgets/inline_message.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pipedeck {

RunPipelineDialog::RunPipelineDialog(gitlab::Connection *connection,
                                     const runs::RunServices &services,
                                     const gitlab::Project &project, QWidget *parent)
    : SendDialog(tr("Run Pipeline"), parent)
    , m_services(services)
    , m_project(project)
    , m_recorder(services.history, services.account, project.id, project.pathWithNamespace)
{
    setObjectName(QStringLiteral("runPipelineDialog"));
    resize(780, 700);
    setTitleText(tr("Run a pipeline of %1").arg(project.pathWithNamespace),
                 tr("On %1, signed in as %2")
                     .arg(services.account.instance.host(), services.account.account));
    m_controller = new runs::RunPipelineController(connection, services.account.account, this);

    m_target =
        new PipelineTargetFields(connection, gitlab::ProjectRef(project.id), project.defaultBranch,
                                 tr("&Inputs (GitLab 17.10 and later)"));
    m_refs = m_target->refPicker();
    m_inputs = m_target->inputsField();
    fieldsLayout()->addWidget(m_target);

    m_checkAgain = new QPushButton(tr("Check Again"));
    m_checkAgain->setObjectName(QStringLiteral("checkAgain"));
    m_checkAgain->setToolTip(tr("Ask GitLab again whether the pipeline was created; the request "
                                "is not sent again"));
    m_checkAgain->setVisible(false);
    m_copyLink = new QPushButton(tr("Copy Link"));
    m_copyLink->setObjectName(QStringLiteral("copyPrefillLink"));
    m_copyLink->setToolTip(tr("Copy GitLab's link to its Run pipeline form with this ref and "
                              "these variables (sensitive values left out)"));
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_copyLink);
    linkRow->addWidget(m_checkAgain);
    linkRow->addStretch(1);
    fieldsLayout()->addLayout(linkRow);

    auto *presets = new PresetsButton(services.presets, services.account, project.id, this);
    presets->setRowsSource([this] { return editor()->rows(); });
    connect(presets, &PresetsButton::presetApplied, this, [this](const presets::Preset &preset) {
        editor()->setRows(preset.rows);
        if (!preset.ref.isEmpty())
            m_refs->setRef(preset.ref);
        noteEdited();
    });
    setPresetsButton(presets);

    if (services.drafts)
        setDraftKeeper(
            new runs::DraftKeeper(services.drafts,
                                  presets::DraftStore::runKey(services.account.instance,
                                                              services.account.account, project.id),
                                  this));
    if (const auto draft = draftKeeper() ? draftKeeper()->restore() : std::nullopt) {
        m_target->restore(*draft);
        editor()->setRows(draft->rows);
        setNote(tr("Restored the values you had not sent, from %1.")
                    .arg(QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)));
    }

    connect(m_refs, &RefPicker::refChanged, this, [this] {
        updateReviewDefault(); // the draft hears of it through PipelineTargetFields::edited
        if (auto *button = presetsButton())
            button->setRef(m_refs->ref());
    });
    connect(m_refs->model(), &QAbstractItemModel::dataChanged, this,
            &RunPipelineDialog::updateReviewDefault);
    connect(m_refs->model(), &QAbstractItemModel::rowsInserted, this,
            &RunPipelineDialog::updateReviewDefault);
    connect(reviewBox(), &QCheckBox::clicked, this, [this] { m_reviewTouched = true; });
    connect(m_target, &PipelineTargetFields::edited, this, &RunPipelineDialog::noteEdited);
    connect(m_copyLink, &QPushButton::clicked, this, &RunPipelineDialog::copyLink);
    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        if (m_controller->checkAgain()) {
            m_checkAgain->setEnabled(false);
            message()->showMessage(InlineMessage::Kind::Info, tr("Asking GitLab…"));
        }
    });
    connect(m_controller, &runs::RunPipelineController::created, this,
            &RunPipelineDialog::onCreated);
    connect(m_controller, &runs::RunPipelineController::refused, this,
            &RunPipelineDialog::onRefused);
    connect(m_controller, &runs::RunPipelineController::outcomeUnknown, this,
            &RunPipelineDialog::onUnknown);
    updateReviewDefault();
    m_refs->searchField()->setFocus();
}

void RunPipelineDialog::applyPrefill(const QString &ref, const QList<variables::VariableRow> &rows)
{
    if (!ref.isEmpty())
        m_refs->setRef(ref);
    editor()->setRows(rows);
    setNote(tr("Prefilled from a link: check the values before running."));
    noteEdited();
}

void RunPipelineDialog::updateReviewDefault()
{
    if (!m_reviewTouched)
        reviewBox()->setChecked(
            runs::reviewByDefault(m_services.review, {}, m_refs->isProtectedRef()));
}

QUrl RunPipelineDialog::prefillLink(int *leftOut) const
{
    return variables::pipelinePrefillLink(m_project.webUrl, m_refs->ref(), editor()->rows(),
                                          leftOut);
}

void RunPipelineDialog::copyLink()
{
    int leftOut = 0;
    const QUrl link = prefillLink(&leftOut);
    QApplication::clipboard()->setText(link.toString(QUrl::FullyEncoded));
    message()->showMessage(
        InlineMessage::Kind::Info,
        leftOut > 0 ? tr("Link copied; %n sensitive variable(s) left out.", nullptr, leftOut)
                    : tr("Link copied."));
}

runs::ReviewFacts RunPipelineDialog::reviewFacts() const
{
    runs::ReviewFacts facts;
    facts.instance = m_services.account.instance.host();
    facts.account = m_services.account.account;
    facts.project = m_project.pathWithNamespace;
    facts.ref = m_refs->ref();
    facts.commit = m_refs->commitText();
    facts.willRun.append(m_refs->isProtectedRef()
                             ? tr("a new pipeline on the protected ref %1").arg(facts.ref)
                             : tr("a new pipeline on %1").arg(facts.ref));
    const QJsonObject inputs = m_target->inputs();
    for (auto it = inputs.constBegin(); it != inputs.constEnd(); ++it)
        facts.willRun.append(tr("with input %1").arg(it.key()));
    facts.rows = editor()->rows();
    return facts;
}

QString RunPipelineDialog::inputProblem() const
{
    if (const QString problem = m_target->problem(); !problem.isEmpty())
        return problem;
    return SendDialog::inputProblem();
}

presets::Draft RunPipelineDialog::currentDraft() const
{
    presets::Draft draft;
    m_target->writeTo(draft);
    draft.rows = editor()->rows();
    return draft;
}

void RunPipelineDialog::send()
{
    runs::RunPipelineInput input;
    input.projectId = m_project.id;
    input.ref = m_refs->ref();
    input.rows = editor()->rows();
    input.inputs = m_target->inputs();
    m_recordId = m_recorder.runStarted(input.ref, input.rows);
    if (!m_controller->submit(input)) {
        m_recorder.runRefused(m_recordId, gitlab::Status(gitlab::Status::Conflict));
        showError(tr("Nothing was sent: check the ref and the variables."));
        return;
    }
    m_checkAgain->setVisible(false);
    setBusy(true, tr("Creating the pipeline…"));
}

void RunPipelineDialog::onCreated(const gitlab::Pipeline &pipeline, bool reconciled)
{
    m_recorder.runCreated(m_recordId, pipeline);
    setBusy(false);
    Q_UNUSED(reconciled);
    Q_EMIT pipelineCreated(pipeline);
    finishSent();
}

void RunPipelineDialog::onRefused(const gitlab::Status &status)
{
    m_recorder.runRefused(m_recordId, status);
    setBusy(false);
    QString text = tr("GitLab did not create the pipeline. %1").arg(status.userText());
    if (m_target->hasInputs() &&
        status.userText().contains(QLatin1String("inputs"), Qt::CaseInsensitive))
        text += QLatin1Char(' ') + tr("Pipeline inputs need GitLab 17.10 or later and inputs "
                                      "declared in the project's CI configuration.");
    showError(text);
}

void RunPipelineDialog::onUnknown(const gitlab::Status &status)
{
    m_recorder.runUnknown(m_recordId, status);
    setBusy(false);
    m_checkAgain->setVisible(true);
    m_checkAgain->setEnabled(true);
    sendButton()->setEnabled(false);
    showError(tr("The reply was lost and GitLab shows no new pipeline by you on %1 yet. The "
                 "request was not sent again. %2")
                  .arg(m_refs->ref(), status.userText()));
}

} // namespace pipedeck
