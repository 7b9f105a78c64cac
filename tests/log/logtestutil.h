#pragma once

#include "log/logengine.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pipedeck::log::test {

// A compact, readable form of rendered lines for expectations:
// "{fg:bg:flags|text}" for a styled run (fg/bg as palette index or #rrggbb,
// flags as letters B I U C S), "@timestamp@" before a line with a timestamp,
// lines joined with '\n'.
inline QString colourText(LogColor c)
{
    switch (c.kind()) {
    case LogColor::Kind::Default:
        return {};
    case LogColor::Kind::Palette:
        return QString::number(c.paletteIndex());
    case LogColor::Kind::Rgb:
        return QStringLiteral("#%1").arg(c.rgbValue(), 6, 16, QLatin1Char('0'));
    }
    return {};
}

inline QString flagsText(quint8 flags)
{
    QString out;
    if (flags & Bold)
        out += QLatin1Char('B');
    if (flags & Italic)
        out += QLatin1Char('I');
    if (flags & Underline)
        out += QLatin1Char('U');
    if (flags & Conceal)
        out += QLatin1Char('C');
    if (flags & Strike)
        out += QLatin1Char('S');
    return out;
}

inline QString describeLine(const RenderedLine &line)
{
    QString out;
    if (!line.timestamp.isEmpty())
        out += QLatin1Char('@') + line.timestamp + QLatin1Char('@');
    qsizetype at = 0;
    for (const StyleRun &run : line.runs) {
        out += line.text.mid(at, run.from - at);
        out += QLatin1Char('{') + colourText(run.style.fg) + QLatin1Char(':') +
               colourText(run.style.bg) + QLatin1Char(':') + flagsText(run.style.flags) +
               QLatin1Char('|') + line.text.mid(run.from, run.to - run.from) + QLatin1Char('}');
        at = run.to;
    }
    out += line.text.mid(at);
    return out;
}

inline QString describeLines(const QList<RenderedLine> &lines)
{
    QStringList parts;
    for (const RenderedLine &line : lines)
        parts.append(describeLine(line));
    return parts.join(QLatin1Char('\n'));
}

inline QString describeSections(const std::vector<Section> &sections)
{
    QStringList parts;
    for (const Section &s : sections) {
        parts.append(QStringLiteral("%1 %2-%3 d%4%5 %6s")
                         .arg(s.name)
                         .arg(s.startLine)
                         .arg(s.endLine)
                         .arg(s.depth)
                         .arg(s.collapsed ? QStringLiteral(" collapsed") : QString())
                         .arg(s.durationSeconds()));
    }
    return parts.join(QStringLiteral("; "));
}

// Everything the engine says about a log, for comparing two ways of feeding it.
inline QString describeEngine(const LogEngine &engine)
{
    return describeLines(engine.lines(0, engine.lineCount())) + QStringLiteral("\n--\n") +
           describeSections(engine.sections());
}

// Feeds `input` in pieces cut at `cuts` (ascending byte positions), indexing
// after every piece as a live log would, then marks it complete.
inline void feed(LogEngine &engine, const QByteArray &input, const QList<qsizetype> &cuts)
{
    engine.startInMemory();
    qsizetype at = 0;
    for (qsizetype cut : cuts) {
        engine.append(QByteArrayView(input).sliced(at, cut - at));
        engine.indexAll();
        at = cut;
    }
    engine.append(QByteArrayView(input).sliced(at));
    engine.indexAll();
    engine.setComplete();
    engine.indexAll();
}

inline void feedInChunks(LogEngine &engine, const QByteArray &input, qsizetype chunk)
{
    QList<qsizetype> cuts;
    for (qsizetype at = chunk; at < input.size(); at += chunk)
        cuts.append(at);
    feed(engine, input, cuts);
}

} // namespace pipedeck::log::test
