#pragma once

#include "log/logstyle.h"

#include <QColor>

class QPalette;

namespace pipedeck {

// The colours of the log view for one palette: the dark theme uses GitLab's job-log colours
// (lib/log/logpalette.h); the light theme darkens the 16 ANSI colours so that yellow, cyan and
// white text stay readable on a white page, as light terminal themes do.
struct LogViewTheme
{
    bool dark = true;
    QColor background;
    QColor text;
    QColor gutterBackground;
    QColor gutterText;
    QColor headerBackground;
    QColor headerText;
    QColor durationText;
    QColor currentLine;
    QColor selection;
    QColor selectionText;
    QColor hit;
    QColor currentHit;
    QColor foldMarker;
    QColor timestampText;

    static LogViewTheme forPalette(const QPalette &palette);
    static LogViewTheme light();
    static LogViewTheme darkTheme();

    // The colour to paint for a log colour; `fallback` for the default colour.
    QColor resolve(log::LogColor colour, const QColor &fallback) const;
};

} // namespace pipedeck
