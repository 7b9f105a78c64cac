#include "logview/log_view_theme.h"

#include "log/logpalette.h"

#include <QPalette>

namespace pipedeck {

namespace {
// ANSI 0..15 for a white background: the hues of GitLab's palette, dark enough for a 4.5:1
// contrast; "white" and "bright white" become greys, or they would vanish.
constexpr quint32 kLightAnsi[16] = {
    0x1f1f1f, 0xc91c00, 0x1f7a3e, 0x8a5a00, 0x1f5fb0, 0x8b3fa8, 0x00717b, 0x6b6b6b,
    0x5e5e5e, 0xdd2b0e, 0x108548, 0xa36a00, 0x1068bf, 0xa34ec2, 0x0a8a95, 0x3a3a3a,
};
} // namespace

LogViewTheme LogViewTheme::darkTheme()
{
    LogViewTheme t;
    t.dark = true;
    t.background = QColor(0x1f, 0x1f, 0x22);
    t.text = QColor(0xe6, 0xe6, 0xe6);
    t.gutterBackground = QColor(0x18, 0x18, 0x1b);
    t.gutterText = QColor(0x86, 0x86, 0x8f);
    t.headerBackground = QColor(0x2b, 0x2b, 0x31);
    t.headerText = QColor(0xf0, 0xf0, 0xf0);
    t.durationText = QColor(0xa8, 0xa8, 0xb0);
    t.currentLine = QColor(0x33, 0x33, 0x3d);
    t.selection = QColor(0x26, 0x4f, 0x78);
    t.selectionText = QColor(0xff, 0xff, 0xff);
    t.hit = QColor(0x6b, 0x55, 0x10);
    t.currentHit = QColor(0xe9, 0xa0, 0x20);
    t.foldMarker = QColor(0xa8, 0xa8, 0xb0);
    t.timestampText = QColor(0x8f, 0x8f, 0x99);
    return t;
}

LogViewTheme LogViewTheme::light()
{
    LogViewTheme t;
    t.dark = false;
    t.background = QColor(0xff, 0xff, 0xff);
    t.text = QColor(0x1f, 0x1f, 0x1f);
    t.gutterBackground = QColor(0xf4, 0xf4, 0xf6);
    t.gutterText = QColor(0x89, 0x89, 0x8f);
    t.headerBackground = QColor(0xec, 0xec, 0xef);
    t.headerText = QColor(0x1f, 0x1f, 0x1f);
    t.durationText = QColor(0x5e, 0x5e, 0x66);
    t.currentLine = QColor(0xf0, 0xf4, 0xfa);
    t.selection = QColor(0xb4, 0xd5, 0xfe);
    t.selectionText = QColor(0x1f, 0x1f, 0x1f);
    t.hit = QColor(0xff, 0xe8, 0x99);
    t.currentHit = QColor(0xff, 0xa9, 0x2e);
    t.foldMarker = QColor(0x5e, 0x5e, 0x66);
    t.timestampText = QColor(0x73, 0x73, 0x7a);
    return t;
}

LogViewTheme LogViewTheme::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? darkTheme() : light();
}

QColor LogViewTheme::resolve(log::LogColor colour, const QColor &fallback) const
{
    switch (colour.kind()) {
    case log::LogColor::Kind::Default:
        return fallback;
    case log::LogColor::Kind::Palette:
        if (!dark && colour.paletteIndex() < 16)
            return QColor::fromRgb(kLightAnsi[colour.paletteIndex()]);
        return QColor::fromRgb(log::paletteRgb(colour.paletteIndex()));
    case log::LogColor::Kind::Rgb:
        return QColor::fromRgb(colour.rgbValue());
    }
    return fallback;
}

} // namespace pipedeck
