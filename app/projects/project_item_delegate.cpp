#include "projects/project_item_delegate.h"

#include "models/projects/projects_model.h"
#include "widgets/time_text.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace pipedeck {

namespace {
constexpr int kMargin = 6;
constexpr int kLineGap = 2;
} // namespace

void ProjectItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor primary =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = primary;
    secondary.setAlphaF(0.65f);

    const QRect area = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    QFont nameFont = option.font;
    nameFont.setBold(true);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics smallMetrics(option.font);

    const QString name = index.data(models::ProjectsModel::NameRole).toString();
    const QString ns = index.data(models::ProjectsModel::NamespaceRole).toString();
    const QDateTime activity = index.data(models::ProjectsModel::LastActivityRole).toDateTime();
    QString second = ns;
    if (activity.isValid()) {
        const QString when = TimeText::age(activity);
        second = ns.isEmpty() ? when : ns + QStringLiteral(" · ") + when;
    }

    painter->save();
    painter->setFont(nameFont);
    painter->setPen(primary);
    const QRect nameRect(area.left(), area.top(), area.width(), nameMetrics.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      nameMetrics.elidedText(name, Qt::ElideRight, area.width()));
    painter->setFont(option.font);
    painter->setPen(secondary);
    const QRect secondRect(area.left(), nameRect.bottom() + kLineGap, area.width(),
                           smallMetrics.height());
    painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      smallMetrics.elidedText(second, Qt::ElideMiddle, area.width()));
    painter->restore();
}

QSize ProjectItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont nameFont = option.font;
    nameFont.setBold(true);
    const int height =
        QFontMetrics(nameFont).height() + kLineGap + QFontMetrics(option.font).height() + kMargin;
    return {200, height};
}

} // namespace pipedeck
