#pragma once

#include <QtGlobal>

#include <array>
#include <cstdint>

namespace pipedeck::log {

// A colour as the log asks for it: the terminal default, one of the 256 xterm
// palette entries, or a 24-bit RGB value (our extension over GitLab).
// Packed in 32 bits so a Style stays small enough to keep one per index block.
class LogColor
{
public:
    enum class Kind : quint8 { Default = 0, Palette = 1, Rgb = 2 };

    constexpr LogColor() = default;
    static constexpr LogColor palette(int index)
    {
        return LogColor((quint32(Kind::Palette) << 24) | quint32(index & 0xff));
    }
    static constexpr LogColor rgb(int r, int g, int b)
    {
        return LogColor((quint32(Kind::Rgb) << 24) | (quint32(r & 0xff) << 16) |
                        (quint32(g & 0xff) << 8) | quint32(b & 0xff));
    }

    constexpr Kind kind() const { return Kind(m_packed >> 24); }
    constexpr bool isDefault() const { return kind() == Kind::Default; }
    constexpr int paletteIndex() const { return int(m_packed & 0xff); }
    constexpr quint32 rgbValue() const { return m_packed & 0xffffff; }
    constexpr quint32 packed() const { return m_packed; }

    friend constexpr bool operator==(LogColor, LogColor) = default;

private:
    constexpr explicit LogColor(quint32 packed)
        : m_packed(packed)
    {}
    quint32 m_packed = 0;
};

// The text attributes GitLab renders (term-bold, term-italic, ...).
enum StyleFlag : quint8 {
    Bold = 0x01,
    Italic = 0x02,
    Underline = 0x04,
    Conceal = 0x08,
    Strike = 0x10,
};

struct Style
{
    LogColor fg;
    LogColor bg;
    quint8 flags = 0;

    bool isDefault() const { return fg.isDefault() && bg.isDefault() && flags == 0; }
    bool has(StyleFlag f) const { return (flags & f) != 0; }
    friend bool operator==(const Style &, const Style &) = default;
};

// Applies the parameters of one complete SGR sequence (ESC [ params m) the way
// GitLab's server-side renderer does, including its "bold brightens" rule for
// the eight standard foreground colours. Params are already split on ';' / ':';
// an empty parameter list means reset.
void applySgr(Style &style, const quint32 *params, int count);

} // namespace pipedeck::log
