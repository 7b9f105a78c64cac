#pragma once

#include "variables/paste_result.h"
#include "variables/variable_row.h"
#include "variables/variable_rules.h"

#include <QWidget>

class QAction;
class QTableView;
class QToolButton;

namespace pipedeck {

namespace variables {
class VariablesModel;
}
class PlainLabel;

//! The variables editor every dialog that sends variables uses: a table of type, key and value
//! over a VariablesModel (its rules, validation and the empty last row live there), with the
//! current row's sensitivity, reveal, remove and reorder, paste of KEY=VALUE lines or GitLab's
//! JSON array anywhere, and import and export of that JSON. Everything works from the keyboard:
//! Ctrl+V pastes rows, Delete removes the current row, Alt+Up and Alt+Down move it.
class VariablesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit VariablesEditor(QWidget *parent = nullptr);

    variables::VariablesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    //! Without types (the play endpoint) the type column is hidden.
    void setRules(const variables::VariableRules &rules);
    void setRows(const QList<variables::VariableRow> &rows);
    QList<variables::VariableRow> rows() const;
    bool canSend() const;
    //! Read-only: shows what a retry will reuse.
    void setReadOnly(bool readOnly);

    //! Pasted or dropped text: rows when it reads as variables (returns true), else nothing.
    bool pasteText(const QString &text);
    //! Reads GitLab's JSON array from `path` into rows; false with the reason in notice().
    bool importFile(const QString &path);
    //! Writes the non-sensitive rows as GitLab's JSON array; false with the reason in notice().
    bool exportFile(const QString &path);

    //! The last paste, import or export as a sentence ("2 variables added; 1 line skipped: …").
    QString notice() const;

    // Parts, for tests and for the dialogs' tab order.
    QAction *pasteAction() const { return m_paste; }
    QAction *removeAction() const { return m_remove; }
    QAction *sensitiveAction() const { return m_sensitive; }
    QAction *revealAction() const { return m_reveal; }
    QAction *moveUpAction() const { return m_moveUp; }
    QAction *moveDownAction() const { return m_moveDown; }

Q_SIGNALS:
    //! The user changed the rows (typing, paste, import, remove, move, sensitivity).
    void edited();

private:
    void updateActions();
    void updateIssueLine();
    void moveCurrent(int delta);
    void removeCurrent();
    void setNotice(const QString &text);
    void addRows(const variables::PasteResult &result);
    void askImport();
    void askExport();
    int currentRow() const;
    bool eventFilter(QObject *watched, QEvent *event) override;

    variables::VariablesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    PlainLabel *m_issues = nullptr;
    PlainLabel *m_notice = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_sensitive = nullptr;
    QAction *m_reveal = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    bool m_readOnly = false;
};

} // namespace pipedeck
