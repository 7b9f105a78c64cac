#pragma once

#include "gitlab/requests/project_ref.h"
#include "presets/draft_store.h"

#include <QJsonObject>
#include <QWidget>

class QPlainTextEdit;

namespace pipedeck {

namespace gitlab {
class Connection;
}
class RefPicker;

//! What a new pipeline runs for, shared by Run pipeline… and Trigger pipeline…: the ref picker
//! and the typed inputs box, with their labels, their check before sending and their part of
//! the draft.
class PipelineTargetFields : public QWidget
{
    Q_OBJECT
public:
    PipelineTargetFields(gitlab::Connection *connection, const gitlab::ProjectRef &project,
                         const QString &defaultBranch, const QString &inputsLabel,
                         QWidget *parent = nullptr);

    RefPicker *refPicker() const { return m_refs; }
    QPlainTextEdit *inputsField() const { return m_inputs; }
    QString ref() const;
    QJsonObject inputs() const;
    bool hasInputs() const;
    //! Translated reason these fields cannot be sent (no ref, an unreadable input line), or empty.
    QString problem() const;
    void writeTo(presets::Draft &draft) const;
    void restore(const presets::Draft &draft);

Q_SIGNALS:
    //! The ref or the inputs changed.
    void edited();

private:
    RefPicker *m_refs = nullptr;
    QPlainTextEdit *m_inputs = nullptr;
};

} // namespace pipedeck
