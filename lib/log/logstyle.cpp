#include "log/logstyle.h"

namespace pipedeck::log {

namespace {

constexpr int kStandardColours = 8;

// 38;5;N / 38;2;R;G;B (and 48;...). Returns how many extra params were used,
// or -1 when the introducer is not followed by a colour form GitLab or we know.
int parseExtendedColour(const quint32 *params, int count, int i, LogColor &out)
{
    if (i + 1 >= count)
        return -1;
    const quint32 mode = params[i + 1];
    if (mode == 5) {
        if (i + 2 >= count)
            return -1;
        if (params[i + 2] > 255)
            return 2; // consumed but invalid: no colour change
        out = LogColor::palette(int(params[i + 2]));
        return 2;
    }
    if (mode == 2) {
        if (i + 4 >= count)
            return -1;
        const quint32 r = params[i + 2], g = params[i + 3], b = params[i + 4];
        if (r <= 255 && g <= 255 && b <= 255)
            out = LogColor::rgb(int(r), int(g), int(b));
        return 4;
    }
    return -1;
}

} // namespace

void applySgr(Style &style, const quint32 *params, int count)
{
    if (count == 0) {
        style = Style();
        return;
    }
    for (int i = 0; i < count; ++i) {
        const quint32 code = params[i];
        switch (code) {
        case 0:
            style = Style();
            break;
        case 1:
            style.flags |= Bold;
            break;
        case 21:
        case 22:
            style.flags &= quint8(~Bold);
            break;
        case 3:
            style.flags |= Italic;
            break;
        case 23:
            style.flags &= quint8(~Italic);
            break;
        case 4:
            style.flags |= Underline;
            break;
        case 24:
            style.flags &= quint8(~Underline);
            break;
        case 8:
            style.flags |= Conceal;
            break;
        case 28:
            style.flags &= quint8(~Conceal);
            break;
        case 9:
            style.flags |= Strike;
            break;
        case 29:
            style.flags &= quint8(~Strike);
            break;
        case 39:
        case 99:
            style.fg = LogColor();
            break;
        case 49:
        case 109:
            style.bg = LogColor();
            break;
        case 38:
        case 48: {
            LogColor colour = code == 38 ? style.fg : style.bg;
            const int used = parseExtendedColour(params, count, i, colour);
            // Like GitLab, a 38/48 not followed by a known form is ignored and the
            // following numbers are read as ordinary codes ("38;1" is bold).
            if (used >= 0) {
                (code == 38 ? style.fg : style.bg) = colour;
                i += used;
            }
            break;
        }
        default:
            if (code >= 30 && code <= 37)
                style.fg = LogColor::palette(int(code - 30));
            else if (code >= 40 && code <= 47)
                style.bg = LogColor::palette(int(code - 40));
            else if (code >= 90 && code <= 97)
                style.fg = LogColor::palette(int(code - 90 + kStandardColours));
            else if (code >= 100 && code <= 107)
                style.bg = LogColor::palette(int(code - 100 + kStandardColours));
            // Anything else (blink, inverse, fonts, ...) GitLab ignores, and so do we.
            break;
        }
    }
    // GitLab's v1 renderer: a bold standard foreground becomes its light
    // variant, whichever order the codes came in, and stays light after 22.
    if (style.has(Bold) && style.fg.kind() == LogColor::Kind::Palette &&
        style.fg.paletteIndex() < kStandardColours)
        style.fg = LogColor::palette(style.fg.paletteIndex() + kStandardColours);
}

} // namespace pipedeck::log
