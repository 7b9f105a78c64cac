#pragma once

#include <QStyledItemDelegate>

namespace pipedeck {

//! Edits and paints the variables table: the type as a choice, a sensitive value behind a
//! password field unless revealed, a multi-line editor for File variables and long values, and
//! the row's issues as an icon whose shape (not only colour) says error or warning.
class VariableItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

Q_SIGNALS:
    //! Ctrl+V in a key or value cell with several KEY=VALUE lines or a JSON array: rows, not
    //! the cell's text (the cell editor has been closed).
    void rowsPasted(const QString &text);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool eventFilter(QObject *editor, QEvent *event) override;
};

} // namespace pipedeck
