#pragma once

#include "gitlab/types/pipeline.h"
#include "gitlab/types/project.h"
#include "runs/run_recorder.h"
#include "runs/run_services.h"
#include "runs/send_dialog.h"
#include "variables/pipeline_prefill_link.h"

class QPlainTextEdit;

namespace pipedeck {

namespace gitlab {
class Connection;
}
namespace runs {
class RunPipelineController;
}
class PipelineTargetFields;
class RefPicker;

//! *Run pipeline…*: a ref (the ref picker), variables with types and pipeline inputs, sent once
//! as POST /projects/:id/pipeline through RunPipelineController. GitLab's refusals show beside
//! the form, which keeps everything; a lost reply is looked up, never re-sent, with *Check
//! Again* while the outcome is unknown. On success the new pipeline opens.
class RunPipelineDialog : public SendDialog
{
    Q_OBJECT
public:
    RunPipelineDialog(gitlab::Connection *connection, const runs::RunServices &services,
                      const gitlab::Project &project, QWidget *parent = nullptr);

    //! GitLab's prefill link (or "Run again with these values"): replaces ref and variables.
    void applyPrefill(const QString &ref, const QList<variables::VariableRow> &rows);

    RefPicker *refPicker() const { return m_refs; }
    QPlainTextEdit *inputsField() const { return m_inputs; }
    QPushButton *checkAgainButton() const { return m_checkAgain; }
    QPushButton *copyLinkButton() const { return m_copyLink; }
    runs::RunPipelineController *controller() const { return m_controller; }
    //! The prefill link for what the form holds now (sensitive values left out).
    QUrl prefillLink(int *leftOut = nullptr) const;

Q_SIGNALS:
    void pipelineCreated(const pipedeck::gitlab::Pipeline &pipeline);

protected:
    runs::ReviewFacts reviewFacts() const override;
    QString inputProblem() const override;
    presets::Draft currentDraft() const override;
    void send() override;

private:
    void onCreated(const gitlab::Pipeline &pipeline, bool reconciled);
    void onRefused(const gitlab::Status &status);
    void onUnknown(const gitlab::Status &status);
    void copyLink();
    void updateReviewDefault();

    runs::RunServices m_services;
    gitlab::Project m_project;
    PipelineTargetFields *m_target = nullptr;
    RefPicker *m_refs = nullptr;
    QPlainTextEdit *m_inputs = nullptr;
    QPushButton *m_checkAgain = nullptr;
    QPushButton *m_copyLink = nullptr;
    runs::RunPipelineController *m_controller = nullptr;
    runs::RunRecorder m_recorder;
    qint64 m_recordId = -1;
    bool m_reviewTouched = false;
};

} // namespace pipedeck
