#pragma once

#include "history/run_record.h"
#include "runs/run_services.h"

#include <QDialog>

class QLineEdit;
class QPushButton;
class QTableView;

namespace pipedeck {

namespace history {
class RunHistoryModel;
}
class InlineMessage;

//! A project's run history: every play and run sent from Pipedeck, newest first, with a filter
//! (job, ref, variable key or error), *Run Again with These Values*, the result opened in the
//! browser, and CSV or JSON export (never a sensitive value: the history has none). A window of
//! its own, so it can stay open beside the pipeline.
class RunHistoryPanel : public QDialog
{
    Q_OBJECT
public:
    RunHistoryPanel(const runs::RunServices &services, qint64 projectId, const QString &projectPath,
                    QWidget *parent = nullptr);

    history::RunHistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterField() const { return m_filter; }
    QPushButton *runAgainButton() const { return m_runAgain; }
    InlineMessage *message() const { return m_message; }

    //! Re-reads the history (a dialog sent something); merges, never resets.
    void refresh();
    //! The record of the selected row, if any.
    std::optional<history::RunRecord> currentRecord() const;
    //! What the export buttons write, for the current filter and without a row limit.
    QByteArray exportCsv() const;
    QByteArray exportJson() const;
    //! Says why Run Again did nothing (the page could not find the job, say).
    void showProblem(const QString &text);

Q_SIGNALS:
    void runAgainRequested(const pipedeck::history::RunRecord &record);

private:
    void applyFilter();
    void updateButtons();
    void saveExport(bool json);
    QList<history::RunRecord> allMatching() const;

    runs::RunServices m_services;
    qint64 m_projectId;
    history::RunHistoryModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_runAgain = nullptr;
    QPushButton *m_openResult = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    InlineMessage *m_message = nullptr;
};

} // namespace pipedeck
