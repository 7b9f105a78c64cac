#pragma once

#include "log/escapeparser.h"
#include "log/lineindex.h"
#include "log/logstyle.h"
#include "log/sectiontree.h"

namespace pipedeck::log {

enum class TimestampMode : quint8 { Undecided, Off, On };

// The indexing pass: one sequential scan over the raw bytes that finds display
// lines, section markers and the SGR style at each block start. It jumps from
// one interesting byte ('\n', '\r', ESC) to the next with SIMD, so plain text
// costs a few instructions per 64 bytes. Everything it needs to resume lives in
// its members: scanning a log in one call or in any number of appended pieces
// gives the same result. The same rules are applied, byte by byte, by
// renderLine(); the tests and the fuzzer check that both agree.
class LogScanner
{
public:
    LogScanner(LineIndex &index, SectionTree &sections)
        : m_index(index)
        , m_sections(sections)
    {}

    // Scans what is new in data[0, available). With `final`, no more bytes will
    // come, so decisions that wait for following bytes are taken now.
    void scan(const char *data, qint64 available, bool final);

    // Start of the line still being read (== available when none is open).
    qint64 openLineStart() const { return m_lineStart; }
    qint64 scannedUpTo() const { return m_pos; }
    TimestampMode timestampMode() const { return m_timestamps; }
    // Style in force at openLineStart() (valid once the line before it ended).
    const Style &lineStartStyle() const { return m_lineStartStyle; }
    // Whether the open line is complex in the sense of LineIndex::appendLine.
    bool openLineComplex() const { return m_lineComplex; }

private:
    enum class Wait { None, MoreBytes };

    Wait decideTimestamps(const char *data, qint64 available, bool final);
    // The '\n' at `p`: a line end, or a FF_TIMESTAMPS continuation to join.
    Wait handleNewline(const char *data, qint64 p, qint64 available, bool final);
    Q_ALWAYS_INLINE void endLine(qint64 newlinePos);
    // Rare, and kept out of line so that the scan loop stays small.
    // Ends the display line at `at`, inside a raw line: a section marker there starts a new
    // line, as in GitLab. `style` and `timestampAt` are what is in force at `at`.
    Q_NEVER_INLINE void breakLine(qint64 at, const Style &style, qint64 timestampAt);
    // Bytes [from, to) between two special bytes, seen while the line has no text yet or a
    // break after a section end is pending: a timestamp prefix or text.
    Q_NEVER_INLINE void noteGap(const char *data, qint64 from, qint64 to);
    void noteGapIfNeeded(const char *data, qint64 from, qint64 to)
    {
        if (from >= to || (hasText() && !breakPending()))
            return;
        if (breakPending()) {
            noteGap(data, from, to);
            return;
        }
        // What noteGap() does without a pending break, inline: it runs on most lines.
        if ((from == m_lineStart || from == m_prefixAt) && m_timestamps == TimestampMode::On &&
            to - from >= syntax::kTimestampPrefixLength &&
            syntax::hasTimestampPrefixShape(data + from)) {
            m_timestampAt = from;
            from += syntax::kTimestampPrefixLength;
        }
        if (from < to)
            m_textLine = m_lineStart;
    }
    // Both are kept relative to the line start, so that ending a line costs no stores.
    bool hasText() const { return m_textLine == m_lineStart; }
    bool breakPending() const { return m_pendingBreak >= m_lineStart; }
    Q_NEVER_INLINE void handleMarker(const SectionMarker &marker, qint64 start, qint64 end);
    // At a '\r' near the end of the data: whether the bytes still to come decide if it ends
    // a marker.
    Q_NEVER_INLINE bool mustWaitAtCarriageReturn(const char *data, qint64 p,
                                                 qint64 available) const;
    // The marker whose suffix starts at the '\r' `p`, if there is one: applied and skipped.
    Q_NEVER_INLINE bool takeMarkerEndingAt(const char *data, qint64 p, qint64 available);
    // End of a complete CSI sequence starting at the ESC `esc` that needs no
    // resumable parsing (applied already), or 0 to use EscapeParser.
    qint64 fastCsi(const char *data, qint64 esc, qint64 available);

    LineIndex &m_index;
    SectionTree &m_sections;
    EscapeParser m_escape;
    Style m_style;
    Style m_lineStartStyle;
    qint64 m_pos = 0;
    qint64 m_lineStart = 0;
    // A marker can only start after the last escape, control byte or prefix.
    qint64 m_markerFloor = 0;
    TimestampMode m_timestamps = TimestampMode::Undecided;
    bool m_lineComplex = false;
    // The start of the display line if it shows text since it started or since a '\r'
    // cleared it, else -1. A section start marker after text starts a new line.
    qint64 m_textLine = -1;
    // Where a FF_TIMESTAMPS prefix counts as the line's timestamp, not as text: the start
    // of a line, and this position, right after a '\r' that clears the line or after a
    // section end (-1: none).
    qint64 m_prefixAt = 0;
    // The prefix of the timestamp in force on this raw line, -1 for none.
    qint64 m_timestampAt = -1;
    // After a section end marker that closed a section: where the next line starts if
    // anything but escapes follows before the line end (none when before the line start),
    // and the style there.
    qint64 m_pendingBreak = -1;
    Style m_pendingStyle;
    // Whether the line of that end marker shows text.
    bool m_pendingAfterText = false;
};

} // namespace pipedeck::log
