#pragma once

#include "presets/draft_store.h"
#include "runs/review_summary.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace pipedeck {

namespace runs {
class DraftKeeper;
}
class InlineMessage;
class PlainLabel;
class PresetsButton;
class VariablesEditor;

//! What the Play and Run pipeline dialogs share: their fields above a variables editor, a
//! message line for GitLab's refusals (the form keeps everything), an optional review page
//! before sending, presets, and the draft that keeps unsent input across a close or a crash.
//! The subclass says what is reviewed and sends through its controller in lib/.
class SendDialog : public QDialog
{
    Q_OBJECT
public:
    VariablesEditor *editor() const { return m_editor; }
    InlineMessage *message() const { return m_message; }
    QCheckBox *reviewBox() const { return m_review; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *backButton() const { return m_back; }
    PresetsButton *presetsButton() const { return m_presets; }
    bool isReviewShown() const;
    //! The review page's lines, as shown.
    QString reviewText() const;
    //! A note under the title: a restored draft, a prefill, what a retry reuses.
    QString noteText() const;

    //! The Send button: validates, shows the review when asked for, else sends.
    void trySend();
    //! Close: the unsent input is kept as a draft. Ignored while a send awaits its answer.
    void reject() override;

protected:
    SendDialog(const QString &sendText, QWidget *parent);
    ~SendDialog() override;

    //! The subclass's fields go here, between the title and the variables.
    QVBoxLayout *fieldsLayout() const { return m_fields; }
    void setTitleText(const QString &title, const QString &details);
    void setNote(const QString &text);
    void setPresetsButton(PresetsButton *button);
    void setDraftKeeper(runs::DraftKeeper *keeper) { m_drafts = keeper; }
    runs::DraftKeeper *draftKeeper() const { return m_drafts; }
    //! Call on every edit of the subclass's own fields (the editor's edits are seen here).
    void noteEdited();
    void setBusy(bool busy, const QString &text = {});
    void showError(const QString &text);
    //! After a successful send: the draft is gone and the dialog closes.
    void finishSent();

    virtual runs::ReviewFacts reviewFacts() const = 0;
    //! Translated reason the input cannot be sent, or empty.
    virtual QString inputProblem() const;
    virtual presets::Draft currentDraft() const = 0;
    virtual void send() = 0;

private:
    void showForm();

    PlainLabel *m_title = nullptr;
    PlainLabel *m_details = nullptr;
    PlainLabel *m_note = nullptr;
    QVBoxLayout *m_fields = nullptr;
    VariablesEditor *m_editor = nullptr;
    QVBoxLayout *m_editorHeader = nullptr;
    InlineMessage *m_message = nullptr;
    QStackedWidget *m_pages = nullptr;
    PlainLabel *m_reviewLines = nullptr;
    QCheckBox *m_review = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_close = nullptr;
    PresetsButton *m_presets = nullptr;
    QLabel *m_variablesLabel = nullptr;
    QString m_sendText;
    runs::DraftKeeper *m_drafts = nullptr;
    bool m_busy = false;
};

} // namespace pipedeck
