#include "log/logscanner.h"

#include "log/logsyntax.h"

#include <cstring>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define PIPEDECK_LOG_SSE2 1
#endif

namespace pipedeck::log {

namespace {

constexpr char kEsc = 0x1b;

inline bool isSpecial(char c)
{
    return c == '\n' || c == '\r' || c == kEsc;
}
constexpr quint32 kSpecialBits = 1u << '\n' | 1u << '\r' | 1u << kEsc;

#ifdef PIPEDECK_LOG_SSE2
// Every byte <= ESC (0x1b): '\n', '\r' and ESC plus the rarer other control
// bytes (tab, ...), which the caller skips. One min and one compare per 16
// bytes instead of three compares and two ORs.
inline quint64 specialMask64(const char *p)
{
    const __m128i limit = _mm_set1_epi8(kEsc);
    auto block = [&](int i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * i));
        return quint64(quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, limit), v))));
    };
    return block(0) | block(1) << 16 | block(2) << 32 | block(3) << 48;
}
#else
inline quint64 specialMask64(const char *p)
{
    quint64 mask = 0;
    for (int i = 0; i < 64; ++i)
        mask |= quint64(isSpecial(p[i])) << i;
    return mask;
}
#endif

inline int lowestBit(quint64 v)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(v);
#else
    int n = 0;
    while (!(v & 1)) {
        v >>= 1;
        ++n;
    }
    return n;
#endif
}

// Yields the positions of special bytes in increasing order, computing each
// 64-byte mask once.
class SpecialFinder
{
public:
    SpecialFinder(const char *data, qint64 end)
        : m_data(data)
        , m_end(end)
    {}

    qint64 next(qint64 from)
    {
        for (;;) {
            if (from >= m_blockStart && from < m_blockStart + 64) {
                quint64 bits = m_mask & (~quint64(0) << (from - m_blockStart));
                while (bits) {
                    const qint64 at = m_blockStart + lowestBit(bits);
                    // The mask holds bytes <= ESC only: one shift tells the three apart from
                    // the other control bytes.
                    if ((kSpecialBits >> uchar(m_data[at])) & 1)
                        return at;
                    bits &= bits - 1;
                }
                from = m_blockStart + 64;
            }
            if (m_end - from >= 64) {
                m_blockStart = from;
                m_mask = specialMask64(m_data + from);
                continue;
            }
            for (; from < m_end; ++from) {
                if (isSpecial(m_data[from]))
                    return from;
            }
            return m_end;
        }
    }

private:
    const char *m_data;
    qint64 m_end;
    qint64 m_blockStart = -128;
    quint64 m_mask = 0;
};

// Whether [p, end), with no special byte in it, may be the start of a section marker whose
// '\r' has not arrived: its bytes are not text yet.
bool mayBeMarker(const char *p, const char *end)
{
    const qint64 n = end - p;
    if (n > syntax::kMaxMarkerLength)
        return false;
    for (const char *kind : {"section_start:", "section_end:"}) {
        const qint64 length = qint64(std::strlen(kind));
        if (std::memcmp(p, kind, size_t(qMin(n, length))) != 0)
            continue;
        for (const char *q = p + qMin(n, length); q < end; ++q) {
            const char c = *q;
            const bool allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                 (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '-' ||
                                 c == ':' || c == '[' || c == ']' || c == '=' || c == ',' ||
                                 c == ' ';
            if (!allowed)
                return false;
        }
        return true;
    }
    return false;
}

} // namespace

LogScanner::Wait LogScanner::decideTimestamps(const char *data, qint64 available, bool final)
{
    if (available >= syntax::kTimestampPrefixLength) {
        m_timestamps = syntax::isTimestampPrefixStrict(data, available) ? TimestampMode::On
                                                                        : TimestampMode::Off;
        return Wait::None;
    }
    if (final || std::memchr(data, '\n', size_t(available))) {
        m_timestamps = TimestampMode::Off;
        return Wait::None;
    }
    return Wait::MoreBytes;
}

void LogScanner::endLine(qint64 newlinePos)
{
    m_index.appendLine(newlinePos + 1 - m_lineStart, m_lineComplex);
    m_lineComplex = false;
    m_lineStart = newlinePos + 1;
    m_lineStartStyle = m_style;
    m_timestampAt = -1;
    const qint64 line = m_index.lineCount();
    if ((line & (LineIndex::kBlockLines - 1)) == 0)
        m_index.setBlockStyle(line >> LineIndex::kBlockShift, m_style);
}

void LogScanner::breakLine(qint64 at, const Style &style, qint64 timestampAt)
{
    m_index.appendLine(at - m_lineStart, m_lineComplex);
    // Its timestamp comes from before its start, so it is never a plain slice of its bytes.
    m_lineComplex = true;
    m_lineStart = at;
    m_lineStartStyle = style;
    m_pendingBreak = -1;
    const qint64 line = m_index.lineCount();
    if ((line & (LineIndex::kBlockLines - 1)) == 0)
        m_index.setBlockStyle(line >> LineIndex::kBlockShift, style);
    if (timestampAt >= 0)
        m_index.setEntryTimestamp(line, timestampAt);
}

void LogScanner::noteGap(const char *data, qint64 from, qint64 to)
{
    if (from >= to)
        return;
    const qint64 timestampBefore = m_timestampAt;
    bool content = false;
    // The gap holds no '\n', '\r' or ESC, so the shape is all that is left to check.
    if ((from == m_lineStart || from == m_prefixAt) && m_timestamps == TimestampMode::On &&
        to - from >= syntax::kTimestampPrefixLength &&
        syntax::hasTimestampPrefixShape(data + from)) {
        m_timestampAt = from;
        from += syntax::kTimestampPrefixLength;
        content = true;
    }
    const bool text = from < to;
    // A prefix after a section end belongs to the next line, as in GitLab, where it is
    // read at the start of a new line.
    if ((content || text) && breakPending())
        breakLine(m_pendingBreak, m_pendingStyle, timestampBefore);
    if (text)
        m_textLine = m_lineStart;
}

void LogScanner::handleMarker(const SectionMarker &marker, qint64 start, qint64 end)
{
    if (marker.kind == SectionMarker::Kind::Start) {
        // GitLab makes a new line for a new section, unless the line has no text yet. Right
        // after an end marker on a line of its own (the runner writes end and start together),
        // the header shares that line: GitLab's empty footer line is not shown here.
        if (breakPending()) {
            if (m_pendingAfterText)
                breakLine(m_pendingBreak, m_pendingStyle, m_timestampAt);
            m_pendingBreak = -1;
        } else if (hasText()) {
            breakLine(start, m_style, m_timestampAt);
        }
        m_sections.apply(marker, m_index.lineCount());
        m_textLine = -1;
        m_prefixAt = -1;
        return;
    }
    // The line of the end marker is the section's last one; what follows on the same raw
    // line starts a new line outside the section, once it shows something.
    if (m_sections.apply(marker, m_index.lineCount())) {
        m_pendingBreak = end;
        m_pendingStyle = m_style;
        m_pendingAfterText = hasText();
        m_textLine = -1;
        m_prefixAt = end;
    }
}

qint64 LogScanner::fastCsi(const char *data, qint64 esc, qint64 available)
{
    // The common case, "ESC [ digits ; ... final" complete in the data, parsed
    // inline exactly as EscapeParser would; anything else takes the slow path.
    qint64 q = esc + 1;
    if (q >= available || data[q] != '[')
        return 0;
    ++q;
    quint32 params[EscapeParser::kMaxParams];
    int count = 0;
    quint32 current = 0;
    bool digits = false;
    const qint64 limit = qMin(available, esc + 64);
    for (; q < limit; ++q) {
        const uchar b = uchar(data[q]);
        if (b >= '0' && b <= '9') {
            current = qMin<quint32>(current * 10 + quint32(b - '0'), EscapeParser::kParamLimit);
            digits = true;
        } else if (b == ';' || b == ':') {
            if (count < EscapeParser::kMaxParams)
                params[count++] = current;
            current = 0;
            digits = false;
        } else if (b >= 0x40 && b <= 0x7e) {
            if (b == 'm') {
                if ((digits || count > 0) && count < EscapeParser::kMaxParams)
                    params[count++] = current;
                applySgr(m_style, params, count);
            }
            return q + 1;
        } else {
            return 0;
        }
    }
    return 0;
}

LogScanner::Wait LogScanner::handleNewline(const char *data, qint64 p, qint64 available, bool final)
{
    bool continuation = false;
    if (m_timestamps == TimestampMode::On) {
        const qint64 next = p + 1;
        if (available - next >= syntax::kTimestampPrefixLength) {
            // A prefix never holds a line end: the answer is the one given below when fewer
            // bytes have arrived and a '\n' is among them, whatever the split (found by the
            // fuzzer).
            continuation = syntax::isContinuationPrefix(data + next);
        } else if (!final && !std::memchr(data + next, '\n', size_t(available - next))) {
            m_pos = p;
            return Wait::MoreBytes;
        }
    }
    if (continuation) {
        if (!m_escape.active())
            noteGapIfNeeded(data, m_markerFloor, p);
        m_lineComplex = true;
        // "\r" before a joined continuation clears the line (its '\r' saw the '\n' next).
        if (p > 0 && data[p - 1] == '\r') {
            m_textLine = -1;
            m_prefixAt = -1;
        }
        m_pos = p + 1 + syntax::kTimestampPrefixLength;
        m_markerFloor = m_pos;
        return Wait::None;
    }
    // Whether the line has text matters only for a break after a section end.
    if (breakPending() && !m_escape.active())
        noteGap(data, m_markerFloor, p);
    m_escape.reset();
    endLine(p);
    m_pos = p + 1;
    m_markerFloor = m_pos;
    return Wait::None;
}

bool LogScanner::mustWaitAtCarriageReturn(const char *data, qint64 p, qint64 available) const
{
    const qint64 left = available - p;
    if (left < syntax::kMarkerSuffixLength)
        return true;
    // With timestamps, "\r\n" may be a marker suffix cut by a continuation record: wait for
    // its 38 bytes unless a '\n' among those there says it is not one.
    return m_timestamps == TimestampMode::On && data[p + 1] == '\n' &&
           !std::memchr(data + p + 2, '\n', size_t(left - 2));
}

bool LogScanner::takeMarkerEndingAt(const char *data, qint64 p, qint64 available)
{
    const bool timestamps = m_timestamps == TimestampMode::On;
    const int suffix = syntax::markerSuffixLength(data + p, data + available, timestamps);
    if (suffix == 0)
        return false;
    const char *floor = data + qMax(m_markerFloor, m_lineStart);
    const char *start =
        syntax::findSectionMarkerBefore(floor, data + p, data + available, timestamps);
    if (!start)
        return false;
    noteGapIfNeeded(data, m_markerFloor, start - data);
    if (const auto marker = syntax::parseSectionMarker(start, data + available, timestamps))
        handleMarker(*marker, start - data, p + suffix);
    // A suffix cut by a continuation joins it: the line goes on.
    if (suffix != syntax::kMarkerSuffixLength)
        m_lineComplex = true;
    m_pos = p + suffix;
    m_markerFloor = m_pos;
    return true;
}

void LogScanner::scan(const char *data, qint64 available, bool final)
{
    if (m_timestamps == TimestampMode::Undecided &&
        decideTimestamps(data, available, final) == Wait::MoreBytes)
        return;

    SpecialFinder finder(data, available);
    while (m_pos < available) {
        if (m_escape.active()) {
            const uchar byte = uchar(data[m_pos]);
            if (byte == '\n') {
                if (handleNewline(data, m_pos, available, final) == Wait::MoreBytes)
                    return;
                continue;
            }
            switch (m_escape.feed(byte)) {
            case EscapeParser::Step::More:
                ++m_pos;
                break;
            case EscapeParser::Step::Finished:
                ++m_pos;
                if (m_escape.isSgr())
                    applySgr(m_style, m_escape.params(), m_escape.paramCount());
                m_markerFloor = m_pos;
                break;
            case EscapeParser::Step::Aborted:
                m_markerFloor = m_pos;
                break;
            }
            continue;
        }

        const qint64 p = finder.next(m_pos);
        if (p >= available) {
            m_pos = available;
            break;
        }
        const char c = data[p];
        if (c == '\n') {
            // The common line end, inline: no break pending, and no continuation (whose prefix
            // has '+' as its last byte) to look for.
            const bool noContinuation =
                m_timestamps != TimestampMode::On ||
                (available - p > syntax::kTimestampPrefixLength && data[p + 32] != '+');
            if (noContinuation && !breakPending()) {
                m_escape.reset();
                endLine(p);
                m_pos = p + 1;
                m_markerFloor = m_pos;
            } else if (handleNewline(data, p, available, final) == Wait::MoreBytes) {
                return;
            }
        } else if (c == kEsc) {
            m_lineComplex = true;
            noteGapIfNeeded(data, m_markerFloor, p);
            const qint64 end = fastCsi(data, p, available);
            if (end > 0) {
                m_pos = end;
                m_markerFloor = end;
            } else {
                m_escape.begin();
                m_pos = p + 1;
            }
        } else { // '\r'
            // A lone "\r\n" ending is still a plain slice of the raw bytes.
            if (available - p < 2 || data[p + 1] != '\n')
                m_lineComplex = true;
            const qint64 left = available - p;
            if (left < syntax::kJoinedMarkerSuffixLength && !final &&
                mustWaitAtCarriageReturn(data, p, available)) {
                m_pos = p;
                return;
            }
            // Only what may start a marker suffix goes out of line: "\r\e[0K", or with
            // timestamps "\r\n" and a continuation prefix (its last byte '+').
            const bool maySuffix =
                left >= syntax::kMarkerSuffixLength &&
                (data[p + 1] == kEsc ||
                 (data[p + 1] == '\n' && m_timestamps == TimestampMode::On &&
                  left >= syntax::kJoinedMarkerSuffixLength && data[p + 33] == '+'));
            if (maySuffix && takeMarkerEndingAt(data, p, available))
                continue;
            noteGapIfNeeded(data, m_markerFloor, p);
            // A '\r' clears the line unless a line end follows (after more '\r's); one before
            // a joined continuation is handled at its '\n'.
            if (p + 1 < available && data[p + 1] != '\r' && data[p + 1] != '\n') {
                m_textLine = -1;
                m_prefixAt = p + 1;
            }
            m_pos = p + 1;
            m_markerFloor = m_pos;
        }
    }
    // Text after a section end shows on a line of its own at once, not only when its line
    // ends; bytes that may still become a timestamp prefix wait for more.
    if (breakPending() && !m_escape.active() && m_markerFloor < available) {
        const bool mayBePrefix = (m_markerFloor == m_lineStart || m_markerFloor == m_prefixAt) &&
                                 m_timestamps == TimestampMode::On &&
                                 available - m_markerFloor < syntax::kTimestampPrefixLength;
        if (final || !(mayBePrefix || mayBeMarker(data + m_markerFloor, data + available)))
            noteGap(data, m_markerFloor, available);
    }
}

} // namespace pipedeck::log
