#pragma once

#include "log/logscanner.h"
#include "log/logstyle.h"

#include <QList>
#include <QString>

namespace pipedeck::log {

struct StyleRun
{
    qsizetype from = 0; // UTF-16 offsets into RenderedLine::text
    qsizetype to = 0;
    Style style;
    friend bool operator==(const StyleRun &, const StyleRun &) = default;
};

// One display line as a person sees it.
struct RenderedLine
{
    QString text;
    // Runs of text with a non-default style, in order, never overlapping.
    QList<StyleRun> runs;
    // The runner's FF_TIMESTAMPS timestamp ("2024-05-14T11:19:19.899359Z"), or empty.
    QString timestamp;
    // The style in force after the line (it carries over to the next one).
    Style endStyle;
};

// Renders the raw bytes of one display line [begin, end), as delimited by the
// line index, the way GitLab does: escapes removed and SGR applied, section
// markers removed, a bare '\r' clears the line so far ("\r\n" and "\r\r\n" are
// plain newlines), FF_TIMESTAMPS prefixes removed (at the line start and after a
// clearing '\r'; the last one is the line's timestamp) and continuation lines
// joined, invalid UTF-8 shown as U+FFFD. `entryTimestamp` is the timestamp in force
// where a line starts inside a raw line (after a section marker there), else empty.
// This is the byte-by-byte reference for what LogScanner does at SIMD speed.
RenderedLine renderLine(const char *begin, const char *end, const Style &entryStyle,
                        TimestampMode timestamps, const QString &entryTimestamp = {});

// Only the style after the line: what renderLine().endStyle gives, without
// building any text.
Style advanceStyle(const char *begin, const char *end, const Style &entryStyle,
                   TimestampMode timestamps);

// The displayed text of the line as UTF-8 (invalid bytes left as they are),
// without styles: what search scans. Reuses `out`'s storage.
void displayedBytes(const char *begin, const char *end, TimestampMode timestamps, QByteArray &out);

} // namespace pipedeck::log
