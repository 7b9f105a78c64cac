#include "pipelines/pipeline_item_delegate.h"

#include "gitlab/types/ci_status.h"
#include "models/pipelines/pipelines_model.h"
#include "widgets/plain_label.h"
#include "widgets/stage_strip_painter.h"
#include "widgets/status_style.h"
#include "widgets/time_text.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace pipedeck {

using models::PipelinesModel;

namespace {

constexpr int kMargin = 8;
constexpr int kIconSize = 16;
constexpr int kIconGap = 6;
constexpr int kLineGap = 4;
constexpr int kMinimumWidth = 240;

gitlab::CiStatus statusOf(const QModelIndex &index)
{
    return static_cast<gitlab::CiStatus>(index.data(PipelinesModel::StatusRole).toInt());
}

QString statusLabel(const QModelIndex &index)
{
    return StatusStyle::label(statusOf(index), false,
                              index.data(PipelinesModel::StatusNameRole).toString());
}

QString idText(const QModelIndex &index)
{
    QString text = QStringLiteral("#") + index.data(PipelinesModel::IdRole).toString();
    const QVariant iid = index.data(PipelinesModel::IidRole);
    if (iid.isValid() && !iid.isNull())
        text += QStringLiteral(" · ") + PipelineItemDelegate::tr("iid %1").arg(iid.toLongLong());
    return text;
}

QString metaText(const QModelIndex &index)
{
    QStringList parts{idText(index), index.data(PipelinesModel::RefRole).toString()};
    const QString source = index.data(PipelinesModel::SourceRole).toString();
    if (!source.isEmpty())
        parts.append(source);
    const QString user = index.data(PipelinesModel::UserRole).toString();
    if (!user.isEmpty())
        parts.append(QStringLiteral("@") + user);
    return parts.join(QStringLiteral("  ·  "));
}

QString titleText(const QModelIndex &index)
{
    QString title = index.data(PipelinesModel::CommitTitleRole).toString();
    if (title.isEmpty())
        title = index.data(PipelinesModel::NameRole).toString();
    if (title.isEmpty())
        title = index.data(PipelinesModel::ShaRole).toString().left(8);
    // A commit title is one line; a hostile one must not break the row.
    title.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return title;
}

QString timesText(const QModelIndex &index, const QDateTime &now)
{
    QStringList parts;
    const QString duration = TimeText::duration(index.data(PipelinesModel::DurationRole));
    if (!duration.isEmpty())
        parts.append(duration);
    const QString age = TimeText::age(index.data(PipelinesModel::CreatedAtRole).toDateTime(), now);
    if (!age.isEmpty())
        parts.append(age);
    return parts.join(QStringLiteral("  ·  "));
}

} // namespace

PipelineItemDelegate::PipelineItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QSize PipelineItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(small);
    // Narrow: the row takes the list's width and elides its texts, it never scrolls sideways.
    return {kMinimumWidth, kMargin * 2 + metrics.height() + kLineGap + smallMetrics.height()};
}

// Line 1: status icon, commit title, stage strip. Line 2: status label, id, ref, source and
// user, then duration and age. The status label takes only its own width (short in Japanese,
// long for "Waiting for resource"), so the title keeps most of a narrow list.
PipelineItemDelegate::Geometry PipelineItemDelegate::layout(const QStyleOptionViewItem &option,
                                                            const QModelIndex &index) const
{
    Geometry g;
    const QRect r = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFontMetrics metrics(option.font);
    const int line1 = metrics.height();
    g.icon = QRect(r.left(), r.top() + (line1 - kIconSize) / 2, kIconSize, kIconSize);
    const int textLeft = g.icon.right() + 1 + kIconGap;
    const auto strip = index.data(PipelinesModel::StagesRole).value<models::StageStrip>();
    const int stripWidth = StageStripPainter::width(strip);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(small);
    const int timesWidth = smallMetrics.horizontalAdvance(timesText(index, m_now)) + 2;
    // The right column never takes more than 40 % of the row.
    const int rightWidth = std::min(std::max(stripWidth, timesWidth), r.width() * 2 / 5);
    g.strip = QRect(r.right() - rightWidth + 1, r.top(), rightWidth, line1);
    g.title = QRect(textLeft, r.top(), std::max(0, g.strip.left() - textLeft - kMargin), line1);
    const int line2Top = r.top() + line1 + kLineGap;
    g.times = QRect(r.right() - rightWidth + 1, line2Top, rightWidth, smallMetrics.height());
    const int metaRight = g.times.left() - kMargin;
    const int statusWidth = std::min(smallMetrics.horizontalAdvance(statusLabel(index)) + 1,
                                     std::max(0, (metaRight - textLeft) / 2));
    g.status = QRect(textLeft, line2Top, statusWidth, smallMetrics.height());
    const int metaLeft = g.status.right() + 1 + kMargin;
    g.meta = QRect(metaLeft, line2Top, std::max(0, metaRight - metaLeft), smallMetrics.height());
    return g;
}

void PipelineItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const Geometry g = layout(option, index);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.68f);

    painter->save();
    const gitlab::CiStatus status = statusOf(index);
    StatusStyle::icon(status).paint(painter, g.icon);

    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    painter->setFont(titleFont);
    painter->setPen(text);
    const QFontMetrics titleMetrics(titleFont);
    painter->drawText(g.title, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(titleText(index), Qt::ElideRight, g.title.width()));

    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    const QFontMetrics smallMetrics(small);
    painter->setPen(selected ? text : StatusStyle::textColor(status, palette));
    painter->drawText(
        g.status, Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(statusLabel(index), Qt::ElideRight, g.status.width()));
    painter->setPen(muted);
    painter->drawText(g.meta, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(metaText(index), Qt::ElideRight, g.meta.width()));
    painter->drawText(
        g.times, Qt::AlignRight | Qt::AlignVCenter,
        smallMetrics.elidedText(timesText(index, m_now), Qt::ElideLeft, g.times.width()));

    const auto strip = index.data(PipelinesModel::StagesRole).value<models::StageStrip>();
    const int stripWidth = StageStripPainter::width(strip);
    QRect stripRect = g.strip;
    stripRect.setLeft(g.strip.right() - stripWidth + 1);
    StageStripPainter::paint(painter, stripRect, strip, muted);
    painter->restore();
}

bool PipelineItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Geometry g = layout(option, index);
    const auto strip = index.data(PipelinesModel::StagesRole).value<models::StageStrip>();
    QRect stripRect = g.strip;
    stripRect.setLeft(g.strip.right() - StageStripPainter::width(strip) + 1);
    QString tip;
    const int stage = StageStripPainter::stageAt(stripRect, strip, event->pos());
    if (stage >= 0) {
        const models::StageStatus &s = strip.at(stage);
        tip = tr("Stage %1: %2").arg(s.name, StatusStyle::label(s.status));
    } else if (g.times.contains(event->pos())) {
        tip = tr("Created %1")
                  .arg(TimeText::exact(index.data(PipelinesModel::CreatedAtRole).toDateTime()));
    } else {
        tip = titleText(index);
    }
    QToolTip::showText(event->globalPos(), plainToolTip(tip), view);
    return true;
}

QString PipelineItemDelegate::summaryText(const QModelIndex &index)
{
    return statusLabel(index) + QStringLiteral("  ") + titleText(index) + QStringLiteral("  ") +
           metaText(index);
}

} // namespace pipedeck
