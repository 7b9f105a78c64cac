#pragma once

#include <QStyledItemDelegate>

namespace pipedeck {

// Two lines per project: its name, and its namespace with the time of the last activity.
// Server text is drawn as plain text (never markup).
class ProjectItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace pipedeck
