#pragma once

#include "gitlab/types/pipeline.h"
#include "gitlab/types/project.h"
#include "runs/run_recorder.h"
#include "runs/run_services.h"
#include "runs/send_dialog.h"

class QComboBox;
class QToolButton;
class QLineEdit;
class QPlainTextEdit;

namespace pipedeck {

namespace gitlab {
class Connection;
}
namespace triggers {
class TriggerPipelineController;
class TriggersLoader;
class TriggersModel;
class TriggerVault;
} // namespace triggers
class PipelineTargetFields;
class RefPicker;
class SecretClipboard;

//! *Trigger Pipeline…*: starts a pipeline with a trigger token (POST
//! /projects/:id/trigger/pipeline, sent once) — a token Pipedeck keeps in the keychain for this
//! project, or one pasted for this run only — for a ref, with string variables (the trigger API
//! takes a map of strings, so File rows are not offered) and inputs (GitLab 17.11+).
class TriggerPipelineDialog : public SendDialog
{
    Q_OBJECT
public:
    TriggerPipelineDialog(gitlab::Connection *connection, const runs::RunServices &services,
                          triggers::TriggerVault *vault, const gitlab::Project &project,
                          QWidget *parent = nullptr);

    QComboBox *tokenChoice() const { return m_tokens; }
    QLineEdit *pastedTokenField() const { return m_pasted; }
    RefPicker *refPicker() const { return m_refs; }
    QPlainTextEdit *inputsField() const { return m_inputs; }
    QPushButton *checkAgainButton() const { return m_checkAgain; }
    QToolButton *copyAsButton() const { return m_copyAs; }
    //! What Copy as puts on the clipboard for `kind` ("curl", "powershell", "ci-trigger",
    //! "ci-curl", "webhook"), with $TRIGGER_TOKEN in place of the token.
    QString snippet(const QString &kind) const;
    triggers::TriggerPipelineController *controller() const { return m_controller; }
    //! The trigger ids offered from the keychain, in the order of the choice.
    QList<qint64> heldTriggerIds() const;

Q_SIGNALS:
    void pipelineCreated(const pipedeck::gitlab::Pipeline &pipeline);

protected:
    runs::ReviewFacts reviewFacts() const override;
    QString inputProblem() const override;
    presets::Draft currentDraft() const override;
    void send() override;

private:
    void fillTokenChoice();
    void updatePastedField();
    QString chosenDescription() const;
    void submitWith(const QByteArray &token);
    void copySnippet(const QString &kind, bool withToken);
    QString snippetFor(const QString &kind, const QByteArray &token) const;

    gitlab::Connection *m_connection;
    runs::RunServices m_services;
    triggers::TriggerVault *m_vault;
    gitlab::Project m_project;
    triggers::TriggersModel *m_triggers = nullptr;
    triggers::TriggersLoader *m_loader = nullptr;
    QComboBox *m_tokens = nullptr;
    QLineEdit *m_pasted = nullptr;
    PipelineTargetFields *m_target = nullptr;
    RefPicker *m_refs = nullptr;
    QPlainTextEdit *m_inputs = nullptr;
    QPushButton *m_checkAgain = nullptr;
    QToolButton *m_copyAs = nullptr;
    SecretClipboard *m_clipboard = nullptr;
    triggers::TriggerPipelineController *m_controller = nullptr;
    runs::RunRecorder m_recorder;
    qint64 m_recordId = -1;
};

} // namespace pipedeck
