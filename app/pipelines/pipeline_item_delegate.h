#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>

namespace pipedeck {

//! Paints one row of the pipelines list (PipelinesModel) in two lines, fitted to the list's
//! width (texts elide; the status label takes only its own width):
//!
//!   [icon] Commit title .............................................   [stage strip]
//!          Passed  #1000 · iid 45 · main · push · @demo          3m 05s · 5 min ago
//!
//! All server text is painted as plain text (elided), never as markup.
class PipelineItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PipelineItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    //! The texts of a row as painted (for accessibility and tests).
    static QString summaryText(const QModelIndex &index);
    //! "Ages" are relative to this moment (tests fix it; null = now).
    void setNow(const QDateTime &now) { m_now = now; }

private:
    struct Geometry
    {
        QRect icon, status, title, meta, strip, times;
    };
    Geometry layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QDateTime m_now;
};

} // namespace pipedeck
