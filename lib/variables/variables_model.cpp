#include "variables/variables_model.h"

#include <algorithm>

namespace pipedeck::variables {

namespace {

bool hasBlockingIssue(const QList<RowIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const RowIssue &issue) { return issue.blocking; });
}

bool hasWarning(const QList<RowIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const RowIssue &issue) { return !issue.blocking; });
}

QStringList issueTexts(const QList<RowIssue> &issues)
{
    QStringList texts;
    for (const RowIssue &issue : issues)
        texts.append(issue.text);
    return texts;
}

template<typename T> void moveRange(QList<T> &list, int sourceRow, int count, int destinationChild)
{
    const QList<T> moved = list.mid(sourceRow, count);
    list.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        list.insert(insertAt + i, moved.at(i));
}

} // namespace

VariablesModel::VariablesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int VariablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VariablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant VariablesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VariableRow &row = m_rows.at(index.row());
    const bool revealed = m_revealed.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (Column(index.column())) {
        case TypeColumn:
            if (role == Qt::EditRole)
                return int(row.type);
            return row.type == gitlab::VariableType::File ? tr("File") : tr("Variable");
        case KeyColumn:
            return row.key;
        case ValueColumn:
            if (role == Qt::DisplayRole && row.sensitive && !revealed && !row.value.isEmpty())
                return QString(hiddenValueDots, QChar(u'\u2022'));
            return row.value;
        case ColumnCount:
            break;
        }
        return {};
    case SensitiveRole:
        return row.sensitive;
    case RevealedRole:
        return revealed;
    case IssuesRole:
        return issueTexts(rowIssues(m_rows, index.row(), m_rules));
    case BlockingRole:
        return hasBlockingIssue(rowIssues(m_rows, index.row(), m_rules));
    case WarningRole:
        return hasWarning(rowIssues(m_rows, index.row(), m_rules));
    case MultiLineRole:
        return row.type == gitlab::VariableType::File || row.value.contains(u'\n') ||
               row.value.size() > singleLineValueLimit;
    default:
        return {};
    }
}

bool VariablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    VariableRow content = m_rows.at(row);
    switch (role) {
    case Qt::EditRole:
        switch (Column(index.column())) {
        case TypeColumn: {
            bool isInt = false;
            const int type = value.toInt(&isInt);
            if (!m_rules.typesAllowed || !isInt ||
                (type != int(gitlab::VariableType::EnvVar) &&
                 type != int(gitlab::VariableType::File)))
                return false;
            content.type = gitlab::VariableType(type);
            break;
        }
        case KeyColumn:
            content.key = value.toString();
            break;
        case ValueColumn:
            content.value = value.toString();
            break;
        case ColumnCount:
            return false;
        }
        return setRowContent(row, content);
    case SensitiveRole:
        content.sensitive = value.toBool();
        return setRowContent(row, content);
    case RevealedRole:
        if (m_revealed.at(row) != value.toBool()) {
            m_revealed[row] = value.toBool();
            Q_EMIT dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1),
                               {Qt::DisplayRole, RevealedRole});
        }
        return true;
    default:
        return false;
    }
}

bool VariablesModel::setRowContent(int row, const VariableRow &content)
{
    const VariableRow previous = m_rows.at(row);
    if (content == previous)
        return true;
    m_rows[row] = content;
    if (content.sensitive && !previous.sensitive)
        m_revealed[row] = false; // newly marked: hide it at once, the user may be screen sharing
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (content.key != previous.key)
        announceIssuesChanged(); // duplicates elsewhere may have appeared or gone
    keepTrailingRowEmpty();
    Q_EMIT rowsEdited();
    return true;
}

void VariablesModel::keepTrailingRowEmpty()
{
    if (m_rows.last() == VariableRow{})
        return;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(VariableRow{});
    m_revealed.append(false);
    endInsertRows();
}

void VariablesModel::announceIssuesChanged()
{
    Q_EMIT dataChanged(index(0, 0), lastIndex(), {IssuesRole, BlockingRole, WarningRole});
}

QVariant VariablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

Qt::ItemFlags VariablesModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() != TypeColumn || m_rules.typesAllowed)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool VariablesModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size() - 1)
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    m_revealed.remove(row, count);
    endRemoveRows();
    announceIssuesChanged();
    Q_EMIT rowsEdited();
    return true;
}

bool VariablesModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                              const QModelIndex &destinationParent, int destinationChild)
{
    const int contentRows = int(m_rows.size()) - 1;
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > contentRows || destinationChild < 0 || destinationChild > contentRows)
        return false;
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    moveRange(m_rows, sourceRow, count, destinationChild);
    moveRange(m_revealed, sourceRow, count, destinationChild);
    endMoveRows();
    Q_EMIT rowsEdited();
    return true;
}

void VariablesModel::setRows(const QList<VariableRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_rows.append(VariableRow{});
    m_revealed = QList<bool>(m_rows.size(), false);
    endResetModel();
}

QList<VariableRow> VariablesModel::rows() const
{
    return m_rows.first(m_rows.size() - 1);
}

VariablesModel::AppendCounts VariablesModel::appendRows(const QList<VariableRow> &rows)
{
    AppendCounts counts;
    QList<VariableRow> added;
    const int existing = int(m_rows.size()) - 1;
    for (const VariableRow &pasted : rows) {
        if (pasted.isBlank())
            continue;
        const auto sameKey = [&pasted](const VariableRow &row) {
            return !pasted.key.isEmpty() && row.key == pasted.key;
        };
        const auto inModel = std::find_if(m_rows.begin(), m_rows.begin() + existing, sameKey);
        if (inModel != m_rows.begin() + existing) {
            ++counts.replaced;
            if (inModel->value != pasted.value) {
                inModel->value = pasted.value;
                const int row = int(inModel - m_rows.begin());
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        const auto inAdded = std::find_if(added.begin(), added.end(), sameKey);
        if (inAdded != added.end()) {
            ++counts.replaced;
            inAdded->value = pasted.value;
            continue;
        }
        added.append(pasted);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, existing, existing + int(added.size()) - 1);
        for (int i = 0; i < added.size(); ++i) {
            m_rows.insert(existing + i, added.at(i));
            m_revealed.insert(existing + i, false);
        }
        endInsertRows();
        counts.added = int(added.size());
    }
    if (counts.added > 0 || counts.replaced > 0) {
        announceIssuesChanged();
        Q_EMIT rowsEdited();
    }
    return counts;
}

void VariablesModel::setRules(const VariableRules &rules)
{
    if (rules == m_rules)
        return;
    m_rules = rules;
    // Flags of the type column and the File rows' issues change; a view has no other signal
    // for flags.
    Q_EMIT dataChanged(index(0, 0), lastIndex());
}

bool VariablesModel::canSend() const
{
    return variables::canSend(m_rows, m_rules);
}

} // namespace pipedeck::variables
