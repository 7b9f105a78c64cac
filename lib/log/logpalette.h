#pragma once

#include "log/logstyle.h"

namespace pipedeck::log {

// RGB (0xRRGGBB) for a palette index 0..255: the 16 ANSI colours as GitLab's
// dark job-log theme shows them, then the xterm 6x6x6 cube and grey ramp.
quint32 paletteRgb(int index);
// The colour to paint, or `fallback` for the default colour.
quint32 resolveRgb(LogColor colour, quint32 fallback);

} // namespace pipedeck::log
