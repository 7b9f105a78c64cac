#include "runs/play_dialog.h"

#include "presets/draft_store.h"
#include "runs/draft_keeper.h"
#include "runs/presets_button.h"
#include "runs/review_policy.h"
#include "variables/variables_editor.h"
#include "widgets/inline_message.h"

#include <QCheckBox>
#include <QLocale>
#include <QPushButton>

namespace pipedeck {

using actions::ActionResult;

PlayDialog::PlayDialog(actions::ActionController *actions, const runs::RunServices &services,
                       const gitlab::Project &project, const QList<PlayDialogJob> &jobs,
                       QWidget *parent)
    : SendDialog(jobs.size() > 1 ? tr("Play %n Jobs", nullptr, int(jobs.size()))
                 : !jobs.isEmpty() && jobs.first().alreadyRan ? tr("Retry")
                                                              : tr("Play"),
                 parent)
    , m_actions(actions)
    , m_services(services)
    , m_project(project)
    , m_jobs(jobs)
    , m_retry(jobs.size() == 1 && jobs.first().alreadyRan)
    , m_recorder(services.history, services.account, project.id, project.pathWithNamespace)
{
    setObjectName(QStringLiteral("playDialog"));
    m_controller = new runs::PlayController(actions, this);
    editor()->setRules(runs::PlayController::playRules());
    resize(680, 440);

    const PlayDialogJob first = jobs.value(0);
    const QString name = first.target.name;
    if (jobs.size() == 1) {
        setTitleText(m_retry ? tr("Retry “%1”").arg(name) : tr("Play “%1”").arg(name),
                     tr("Stage %1 · pipeline #%2 · ref %3 · %4")
                         .arg(first.target.stage)
                         .arg(first.target.pipelineId)
                         .arg(first.ref, project.pathWithNamespace));
    } else {
        setTitleText(tr("Play %n manual jobs", nullptr, int(jobs.size())),
                     tr("%1 · pipeline #%2 · ref %3 · %4")
                         .arg(jobsText())
                         .arg(first.target.pipelineId)
                         .arg(first.ref, project.pathWithNamespace));
    }

    bool risky = false;
    for (const PlayDialogJob &job : jobs)
        risky = risky || runs::reviewByDefault(services.review, job.target.stage, false);
    // Several jobs at once are confirmed with the list of them, unless the user said never.
    reviewBox()->setChecked(risky ||
                            (jobs.size() > 1 && services.review != runs::ReviewMode::Never));

    if (m_retry) {
        // GitLab reuses the variables of the first play; new ones would be ignored.
        const auto played = m_recorder.playedOn(first.target.jobId);
        editor()->setRows(played.value_or(QList<variables::VariableRow>{}));
        editor()->setReadOnly(true);
        connect(actions, &actions::ActionController::finished, this,
                [this](const ActionResult &result) {
                    if (!m_retryTicket || result.ticket != m_retryTicket)
                        return;
                    m_retryTicket = 0;
                    Q_EMIT jobPlayed(result);
                    setBusy(false);
                    if (result.ok())
                        finishSent();
                    else
                        showError(
                            tr("GitLab did not retry the job. %1").arg(result.status.userText()));
                });
        setNote(played ? tr("This job already ran. Retrying it runs a new job with the variables "
                            "it was played with, shown below (GitLab ignores new values on a "
                            "retry; sensitive values are reused by GitLab but were never stored "
                            "here). To run with other values, run a new pipeline.")
                       : tr("This job already ran. Retrying it runs a new job with the variables "
                            "it was played with; Pipedeck did not send them, so it cannot show "
                            "them. GitLab ignores new values on a retry."));
        return;
    }

    auto *presets = new PresetsButton(services.presets, services.account, project.id, this);
    presets->setJobName(jobs.size() == 1 ? name : QString());
    presets->setRef(first.ref);
    presets->setRowsSource([this] { return editor()->rows(); });
    connect(presets, &PresetsButton::presetApplied, this, [this](const presets::Preset &preset) {
        editor()->setRows(preset.rows);
        noteEdited();
    });
    setPresetsButton(presets);

    if (jobs.size() == 1 && services.drafts) {
        auto *keeper = new runs::DraftKeeper(services.drafts,
                                             presets::DraftStore::playKey(services.account.instance,
                                                                          services.account.account,
                                                                          project.id, name),
                                             this);
        setDraftKeeper(keeper);
    }
    const std::optional<presets::Draft> draft =
        draftKeeper() ? draftKeeper()->restore() : std::nullopt;
    if (draft) {
        editor()->setRows(draft->rows);
        setNote(tr("Restored the values you had not sent, from %1.")
                    .arg(QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)));
    } else if (const auto last = m_recorder.lastPlayed(name); last && jobs.size() == 1) {
        editor()->setRows(*last);
        const bool hadSensitive = std::any_of(last->cbegin(), last->cend(),
                                              [](const auto &row) { return row.sensitive; });
        setNote(hadSensitive ? tr("Prefilled with the values last sent to “%1”. Sensitive values "
                                  "are never stored: type them again.")
                                   .arg(name)
                             : tr("Prefilled with the values last sent to “%1”.").arg(name));
    }

    connect(m_controller, &runs::PlayController::jobFinished, this, &PlayDialog::onJobFinished);
    connect(m_controller, &runs::PlayController::finished, this, &PlayDialog::onFinished);
}

void PlayDialog::applyValues(const QList<variables::VariableRow> &rows)
{
    if (m_retry)
        return;
    editor()->setRows(rows);
    const bool hadSensitive =
        std::any_of(rows.cbegin(), rows.cend(), [](const auto &row) { return row.sensitive; });
    setNote(hadSensitive ? tr("The values of an earlier play. Sensitive values are never stored: "
                              "type them again.")
                         : tr("The values of an earlier play."));
    noteEdited();
}

QString PlayDialog::jobsText() const
{
    QStringList names;
    for (const PlayDialogJob &job : m_jobs)
        names.append(job.target.name);
    return names.join(QStringLiteral(", "));
}

runs::ReviewFacts PlayDialog::reviewFacts() const
{
    runs::ReviewFacts facts;
    facts.instance = m_services.account.instance.host();
    facts.account = m_services.account.account;
    facts.project = m_project.pathWithNamespace;
    facts.ref = m_jobs.value(0).ref;
    for (const PlayDialogJob &job : m_jobs)
        facts.willRun.append(m_retry ? tr("retry of the job %1 (stage %2, pipeline #%3)")
                                           .arg(job.target.name, job.target.stage)
                                           .arg(job.target.pipelineId)
                                     : tr("the manual job %1 (stage %2, pipeline #%3)")
                                           .arg(job.target.name, job.target.stage)
                                           .arg(job.target.pipelineId));
    facts.rows = editor()->rows();
    return facts;
}

presets::Draft PlayDialog::currentDraft() const
{
    presets::Draft draft;
    draft.ref = m_jobs.value(0).ref;
    draft.rows = editor()->rows();
    return draft;
}

void PlayDialog::send()
{
    if (!m_actions)
        return;
    if (m_retry) {
        const PlayDialogJob &job = m_jobs.first();
        actions::ActionTarget target;
        target.projectId = m_project.id;
        target.id = job.target.jobId;
        target.pipelineId = job.target.pipelineId;
        target.triggerJob = job.target.triggerJob;
        m_retryTicket = m_actions->run(actions::ActionKind::RetryJob, target);
        if (!m_retryTicket) {
            showError(tr("An action on this job is still running."));
            return;
        }
        setBusy(true, tr("Retrying…"));
        return;
    }
    runs::PlayInput input;
    input.projectId = m_project.id;
    input.rows = editor()->rows();
    m_recordOfJob.clear();
    for (const PlayDialogJob &job : std::as_const(m_jobs)) {
        input.jobs.append(job.target);
        m_recordOfJob.insert(job.target.jobId,
                             m_recorder.playStarted(job.target, job.ref, input.rows));
    }
    if (!m_controller->submit(input)) {
        showError(tr("Nothing was sent: fix the variables marked in the table first."));
        return;
    }
    if (m_controller->isBusy())
        setBusy(true, m_jobs.size() > 1 ? tr("Playing %n jobs…", nullptr, int(m_jobs.size()))
                                        : tr("Playing…"));
}

void PlayDialog::onJobFinished(const ActionResult &result)
{
    m_recorder.playFinished(m_recordOfJob.value(result.targetId, -1), result);
    Q_EMIT jobPlayed(result);
}

void PlayDialog::onFinished()
{
    setBusy(false);
    QStringList failures;
    QStringList unknown;
    QSet<qint64> settled;
    for (const ActionResult &result : m_controller->results()) {
        QString name;
        for (const PlayDialogJob &job : std::as_const(m_jobs))
            if (job.target.jobId == result.targetId)
                name = job.target.name;
        switch (result.outcome) {
        case ActionResult::Outcome::Done:
        case ActionResult::Outcome::Reconciled:
            settled.insert(result.targetId);
            break;
        case ActionResult::Outcome::Failed:
            failures.append(tr("“%1”: %2").arg(name, result.status.userText()));
            break;
        case ActionResult::Outcome::Unresolved:
            // Maybe played: never offered for a second send from here.
            settled.insert(result.targetId);
            unknown.append(name);
            break;
        }
    }
    if (failures.isEmpty() && unknown.isEmpty()) {
        finishSent();
        return;
    }
    // Only the refused jobs stay in the dialog; the variables stay as typed.
    QList<PlayDialogJob> left;
    for (const PlayDialogJob &job : std::as_const(m_jobs))
        if (!settled.contains(job.target.jobId))
            left.append(job);
    m_jobs = left;
    QStringList parts;
    if (!failures.isEmpty())
        parts.append(tr("GitLab did not play: %1").arg(failures.join(QStringLiteral("; "))));
    if (!unknown.isEmpty())
        parts.append(tr("The reply was lost for %1 and GitLab could not be asked what happened; "
                        "it was not sent again. Check the pipeline before playing it again.")
                         .arg(unknown.join(QStringLiteral(", "))));
    showError(parts.join(u'\n'));
    if (m_jobs.isEmpty())
        sendButton()->setEnabled(false);
}

} // namespace pipedeck
