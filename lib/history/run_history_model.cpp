#include "history/run_history_model.h"

#include <QLocale>
#include <QSet>

namespace pipedeck::history {

RunHistoryModel::RunHistoryModel(RunHistory &history, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
{}

void RunHistoryModel::setFilter(const HistoryFilter &filter)
{
    m_filter = filter;
}

void RunHistoryModel::refresh()
{
    merge(m_history.records(m_filter));
}

// Both lists are newest first (id descending). First the rows that are gone are removed, in
// contiguous blocks; what is left is a subsequence of `records`, so one walk inserts the new
// ones and compares the rest.
void RunHistoryModel::merge(const QList<RunRecord> &records)
{
    QSet<qint64> wanted;
    wanted.reserve(records.size());
    for (const RunRecord &record : records)
        wanted.insert(record.id);

    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (wanted.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    int row = 0;
    for (int i = 0; i < records.size();) {
        if (row < m_rows.size() && m_rows.at(row).id == records.at(i).id) {
            if (!(m_rows.at(row) == records.at(i))) {
                m_rows[row] = records.at(i);
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++i;
            continue;
        }
        // records[i..end) not yet shown, up to the next row that is: one insertion block.
        const qint64 nextShown = row < m_rows.size() ? m_rows.at(row).id : -1;
        int end = i;
        while (end < records.size() && records.at(end).id != nextShown)
            ++end;
        beginInsertRows({}, row, row + (end - i) - 1);
        for (int k = i; k < end; ++k)
            m_rows.insert(row + (k - i), records.at(k));
        endInsertRows();
        row += end - i;
        i = end;
    }
}

RunRecord RunHistoryModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : RunRecord{};
}

int RunHistoryModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunHistoryModel::kindText(RunKind kind)
{
    switch (kind) {
    case RunKind::PlayJob:
        return tr("Play job");
    case RunKind::RunPipeline:
        return tr("Run pipeline");
    case RunKind::TriggerPipeline:
        return tr("Trigger pipeline");
    }
    return {};
}

QString RunHistoryModel::resultText(const RunRecord &record)
{
    switch (record.outcome) {
    case RunOutcome::Pending:
        return tr("Sending…");
    case RunOutcome::Succeeded:
        if (record.kind == RunKind::PlayJob && record.resultJobId > 0)
            return tr("Job #%1").arg(record.resultJobId);
        if (record.resultPipelineId > 0)
            return tr("Pipeline #%1").arg(record.resultPipelineId);
        return tr("Started");
    case RunOutcome::Refused:
        return record.error.isEmpty() ? tr("Refused") : tr("Refused: %1").arg(record.error);
    case RunOutcome::Unknown:
        return tr("Outcome unknown");
    }
    return {};
}

QString RunHistoryModel::variablesSummary(const QList<variables::VariableRow> &rows)
{
    QStringList parts;
    for (const variables::VariableRow &row : rows) {
        if (row.isBlank())
            continue;
        // Never a value of a sensitive row (there is none in the history), always its key.
        parts.append(row.sensitive ? QString(row.key + QStringLiteral("=••••••"))
                                   : QString(row.key + u'=' + row.value.left(40)));
    }
    return parts.join(QStringLiteral(", "));
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord &record = m_rows.at(index.row());
    switch (role) {
    case RecordIdRole:
        return record.id;
    case OutcomeRole:
        return int(record.outcome);
    case ResultUrlRole:
        return record.resultUrl;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat);
    case KindColumn:
        return kindText(record.kind);
    case JobOrRefColumn:
        if (record.kind == RunKind::PlayJob && !record.jobName.isEmpty())
            return record.ref.isEmpty() ? record.jobName
                                        : tr("%1 on %2").arg(record.jobName, record.ref);
        return record.ref;
    case VariablesColumn:
        return variablesSummary(record.variables);
    case ResultColumn:
        return resultText(record);
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case JobOrRefColumn:
        return tr("Job / ref");
    case VariablesColumn:
        return tr("Variables");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace pipedeck::history
