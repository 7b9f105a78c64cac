#pragma once

#include "history/run_history.h"

#include <QAbstractTableModel>

namespace pipedeck::history {

//! The history panel's table: newest first, one row per RunRecord. refresh() merges what the
//! database holds now into the rows by record id: new records are inserted, changed ones
//! (an outcome arrived) emit dataChanged, records no longer matching are removed. It never
//! resets, so selection and scroll position survive a refresh.
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        KindColumn,
        JobOrRefColumn,
        VariablesColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, //!< qint64
        OutcomeRole,                     //!< int(RunOutcome)
        ResultUrlRole,                   //!< QString, empty when there is none
    };

    //! `history` is not owned and must outlive the model. Rows appear on the first refresh().
    explicit RunHistoryModel(RunHistory &history, QObject *parent = nullptr);

    //! Takes effect on the next refresh().
    void setFilter(const HistoryFilter &filter);
    HistoryFilter filter() const { return m_filter; }
    //! Reads the records for the filter and merges them in (no reset).
    void refresh();

    //! The record shown in `row` ("Run again with these values" takes its ref and variables).
    RunRecord record(int row) const;
    //! The row of record `id`, or -1.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! Display texts, also for the review and the tooltips.
    static QString kindText(RunKind kind);
    static QString resultText(const RunRecord &record);
    static QString variablesSummary(const QList<variables::VariableRow> &rows);

private:
    void merge(const QList<RunRecord> &records);

    RunHistory &m_history;
    HistoryFilter m_filter;
    QList<RunRecord> m_rows;
};

} // namespace pipedeck::history
