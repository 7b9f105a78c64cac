#include "widgets/stage_strip_painter.h"

#include "widgets/status_style.h"

#include <QPainter>

namespace pipedeck {

int StageStripPainter::width(const models::StageStrip &strip)
{
    if (strip.isEmpty())
        return 0;
    return static_cast<int>(strip.size()) * (kIconSize + kGap) - kGap;
}

void StageStripPainter::paint(QPainter *painter, const QRect &rect, const models::StageStrip &strip,
                              const QColor &lineColor)
{
    if (strip.isEmpty())
        return;
    painter->save();
    painter->setClipRect(rect);
    const int top = rect.top() + (rect.height() - kIconSize) / 2;
    const int centreY = top + kIconSize / 2;
    if (strip.size() > 1) {
        painter->setPen(QPen(lineColor, 1));
        painter->drawLine(rect.left() + kIconSize / 2, centreY,
                          rect.left() + width(strip) - kIconSize / 2, centreY);
    }
    int x = rect.left();
    for (const models::StageStatus &stage : strip) {
        StatusStyle::icon(stage.status).paint(painter, QRect(x, top, kIconSize, kIconSize));
        x += kIconSize + kGap;
    }
    painter->restore();
}

int StageStripPainter::stageAt(const QRect &rect, const models::StageStrip &strip,
                               const QPoint &point)
{
    if (point.x() < rect.left() || !rect.contains(point))
        return -1;
    const int index = (point.x() - rect.left()) / (kIconSize + kGap);
    return index < strip.size() ? index : -1;
}

} // namespace pipedeck
