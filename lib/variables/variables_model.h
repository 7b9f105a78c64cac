#pragma once

#include "variables/variable_row.h"
#include "variables/variable_rules.h"

#include <QAbstractTableModel>
#include <QList>

namespace pipedeck::variables {

//! The rows of the variables editor, with an always-present empty last row as in GitLab's form:
//! editing it makes it a row of its own and a new empty row appears after it.
class VariablesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TypeColumn, KeyColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)

    enum VariablesRole {
        SensitiveRole = Qt::UserRole + 1, //!< bool, settable
        RevealedRole,                     //!< bool, settable: a sensitive value shown as typed
        IssuesRole,                       //!< QStringList: the texts of the row's issues
        BlockingRole,                     //!< bool: an issue keeps the rows from being sent
        WarningRole,                      //!< bool: a non-blocking issue
        MultiLineRole, //!< bool: the value wants a multi-line editor (newline, File, long)
    };
    Q_ENUM(VariablesRole)

    //! The count of dots a hidden value shows, whatever its length.
    static constexpr int hiddenValueDots = 8;
    //! Values longer than this get a multi-line editor.
    static constexpr int singleLineValueLimit = 80;

    explicit VariablesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    //! The type column's EditRole is the gitlab::VariableType as int; DisplayRole its name.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    //! The trailing empty row can be neither removed nor moved, nor rows moved after it.
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    //! Loading a preset, draft or prefill: the one reset. Not an edit, so no rowsEdited().
    void setRows(const QList<VariableRow> &rows);
    //! The rows without the trailing empty row (rows the user emptied are kept).
    QList<VariableRow> rows() const;

    struct AppendCounts
    {
        int added = 0;
        int replaced = 0;
    };
    //! Pasted or imported rows go before the trailing empty row; a row whose key is already
    //! there replaces that row's value (its type and sensitivity stay) instead of duplicating it.
    AppendCounts appendRows(const QList<VariableRow> &rows);

    //! What the endpoint accepts: without types the type column is read-only and File rows are
    //! flagged.
    void setRules(const VariableRules &rules);
    VariableRules rules() const { return m_rules; }

    //! No blocking issue in any row.
    bool canSend() const;

Q_SIGNALS:
    //! The rows' content changed (type, key, value, sensitivity, order, count) by an edit.
    void rowsEdited();

private:
    bool isTrailingRow(int row) const { return row == m_rows.size() - 1; }
    QModelIndex lastIndex() const { return index(rowCount() - 1, ColumnCount - 1); }
    bool setRowContent(int row, const VariableRow &content);
    void keepTrailingRowEmpty();
    void announceIssuesChanged();

    //! Always ends with the trailing empty row, a default VariableRow.
    QList<VariableRow> m_rows{VariableRow{}};
    //! Parallel to m_rows: view state, not content, so not in VariableRow.
    QList<bool> m_revealed{false};
    VariableRules m_rules;
};

} // namespace pipedeck::variables
