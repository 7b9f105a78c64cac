#pragma once

#include "models/pipelines/stage_strip.h"

#include <QRect>

class QPainter;

namespace pipedeck {

//! The small per-stage status strip of a pipeline row: one status icon per stage, joined by a
//! thin line, as GitLab's mini pipeline graph.
class StageStripPainter
{
public:
    static constexpr int kIconSize = 14;
    static constexpr int kGap = 6;

    static int width(const models::StageStrip &strip);
    //! Paints vertically centred in `rect`, from its left edge; clipped to it.
    static void paint(QPainter *painter, const QRect &rect, const models::StageStrip &strip,
                      const QColor &lineColor);
    //! The stage under `point` (painted in `rect`), or -1.
    static int stageAt(const QRect &rect, const models::StageStrip &strip, const QPoint &point);
};

} // namespace pipedeck
