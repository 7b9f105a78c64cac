#include "log/logpalette.h"

namespace pipedeck::log {

quint32 paletteRgb(int index)
{
    static constexpr quint32 kAnsi[16] = {
        0x000000, 0xe24329, 0x2da160, 0xc17d10, 0x428fdc, 0xac6ac9, 0x0a9aa5, 0xd5d5d5,
        0x737278, 0xfc9f8f, 0x52b87a, 0xe9be74, 0x7fb6ed, 0xd8a7e8, 0x32c5d2, 0xffffff,
    };
    index &= 0xff;
    if (index < 16)
        return kAnsi[index];
    if (index < 232) {
        const int i = index - 16;
        auto level = [](int v) { return v == 0 ? 0 : 55 + 40 * v; };
        return quint32(level(i / 36) << 16 | level((i / 6) % 6) << 8 | level(i % 6));
    }
    const int grey = 8 + 10 * (index - 232);
    return quint32(grey << 16 | grey << 8 | grey);
}

quint32 resolveRgb(LogColor colour, quint32 fallback)
{
    switch (colour.kind()) {
    case LogColor::Kind::Default:
        return fallback;
    case LogColor::Kind::Palette:
        return paletteRgb(colour.paletteIndex());
    case LogColor::Kind::Rgb:
        return colour.rgbValue();
    }
    return fallback;
}

} // namespace pipedeck::log
