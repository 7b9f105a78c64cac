#include "log/linerenderer.h"

#include "log/escapeparser.h"
#include "log/logsyntax.h"

#include <cstring>

namespace pipedeck::log {

namespace {

constexpr char kEsc = 0x1b;

enum class Output { Text, Bytes, StyleOnly };

// Collects what render() produces: text with style runs, the displayed UTF-8
// bytes only (for search), or nothing but the style.
// Bytes at the end of `bytes` that begin a multi-byte UTF-8 character and may go on: 0-3.
// A character cut by an escape that changes the style is then decoded whole (with the style
// after it), as if the escape were not there, so that the text of a line never depends on
// the style it starts with: search renders lines from the default style.
qsizetype incompleteUtf8Tail(const QByteArray &bytes)
{
    const qsizetype n = bytes.size();
    for (qsizetype back = 1; back <= qMin<qsizetype>(3, n); ++back) {
        const uchar c = uchar(bytes[n - back]);
        if ((c & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for its lead
        const qsizetype length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

template<Output Mode> class LineBuilder
{
public:
    explicit LineBuilder(const Style &entry, QByteArray *bytes = nullptr)
        : m_style(entry)
        , m_bytes(bytes)
    {}

    void appendBytes(const char *p, qsizetype n)
    {
        if constexpr (Mode == Output::Text)
            m_pending.append(p, n);
        else if constexpr (Mode == Output::Bytes)
            m_bytes->append(p, n);
    }
    void setStyle(const Style &style)
    {
        if (style == m_style)
            return;
        flush();
        m_style = style;
    }
    Style &style() { return m_style; }
    void clear()
    {
        if constexpr (Mode == Output::Text) {
            m_pending.clear();
            m_line.text.clear();
            m_line.runs.clear();
        } else if constexpr (Mode == Output::Bytes) {
            m_bytes->resize(0); // keeps the allocation for the next line
        }
    }
    // Decodes the text so far in the current style. `whole`: the line ends, else the bytes of
    // a character cut by a style change wait for the rest (see incompleteUtf8Tail).
    void flush(bool whole = false)
    {
        if constexpr (Mode == Output::Text) {
            if (m_pending.isEmpty())
                return;
            const qsizetype keep = whole ? 0 : incompleteUtf8Tail(m_pending);
            const qsizetype from = m_line.text.size();
            m_line.text.append(QString::fromUtf8(m_pending.constData(), m_pending.size() - keep));
            m_pending.remove(0, m_pending.size() - keep);
            if (m_line.text.size() == from)
                return;
            if (!m_style.isDefault()) {
                if (!m_line.runs.isEmpty() && m_line.runs.back().to == from &&
                    m_line.runs.back().style == m_style)
                    m_line.runs.back().to = m_line.text.size();
                else
                    m_line.runs.append({from, m_line.text.size(), m_style});
            }
        }
    }
    void setTimestamp(const char *p)
    {
        if constexpr (Mode == Output::Text)
            m_line.timestamp = QString::fromLatin1(p, syntax::kTimestampLength);
        else
            Q_UNUSED(p);
    }
    RenderedLine &line() { return m_line; }

private:
    RenderedLine m_line;
    QByteArray m_pending;
    Style m_style;
    QByteArray *m_bytes;
};

// A '\n' at `p` that joins a FF_TIMESTAMPS continuation line: skip it and the prefix.
inline bool isJoin(const char *p, const char *end, TimestampMode timestamps)
{
    return timestamps == TimestampMode::On && end - (p + 1) >= syntax::kTimestampPrefixLength &&
           syntax::isContinuationPrefix(p + 1);
}

struct SpecialBytes
{
    bool table[256] = {};
    constexpr SpecialBytes()
    {
        table[uchar('\n')] = table[uchar('\r')] = table[uchar(kEsc)] = table[uchar('s')] = true;
    }
};
constexpr SpecialBytes kSpecial;

template<Output Mode>
void render(const char *p, const char *end, TimestampMode timestamps, LineBuilder<Mode> &out)
{
    // A prefix is the line's timestamp (the last one wins) where GitLab is still at the
    // start of its line: where the display line starts and right after a '\r' that clears
    // it. Anywhere else it is text.
    const char *prefixAt = p;
    auto takePrefix = [&] {
        if (timestamps == TimestampMode::On && p == prefixAt &&
            end - p >= syntax::kTimestampPrefixLength && syntax::isTimestampPrefix(p)) {
            out.setTimestamp(p);
            p += syntax::kTimestampPrefixLength;
        }
    };
    takePrefix();
    EscapeParser escape;
    const char *textStart = p;
    auto flushText = [&](const char *upTo) {
        if (upTo > textStart)
            out.appendBytes(textStart, upTo - textStart);
    };
    while (p < end) {
        if (escape.active()) {
            const char c = *p;
            if (c == '\n') {
                if (!isJoin(p, end, timestamps))
                    break;
                p += 1 + syntax::kTimestampPrefixLength;
                continue;
            }
            switch (escape.feed(uchar(c))) {
            case EscapeParser::Step::More:
                ++p;
                break;
            case EscapeParser::Step::Finished:
                ++p;
                if (escape.isSgr()) {
                    Style next = out.style();
                    applySgr(next, escape.params(), escape.paramCount());
                    out.setStyle(next);
                }
                break;
            case EscapeParser::Step::Aborted:
                break;
            }
            textStart = p;
            continue;
        }
        while (p < end && !kSpecial.table[uchar(*p)])
            ++p;
        if (p == end)
            break;
        const char c = *p;
        if (c == kEsc) {
            flushText(p);
            escape.begin();
            ++p;
            continue;
        }
        if (c == '\n') {
            flushText(p);
            textStart = p;
            if (!isJoin(p, end, timestamps))
                break;
            p += 1 + syntax::kTimestampPrefixLength;
            textStart = p;
            continue;
        }
        if (c == '\r') {
            flushText(p);
            const char *q = p;
            while (q < end && *q == '\r')
                ++q;
            p = q;
            // "\r*\n" is a newline, and so are trailing '\r's at the end of the data.
            if (!(q == end || (*q == '\n' && !isJoin(q, end, timestamps)))) {
                out.clear();
                prefixAt = p;
                takePrefix();
            }
            textStart = p;
            continue;
        }
        // 's': perhaps a section marker.
        if (end - p > 1 && p[1] == 'e') {
            if (const auto marker =
                    syntax::parseSectionMarker(p, end, timestamps == TimestampMode::On)) {
                flushText(p);
                p += marker->length;
                textStart = p;
                continue;
            }
        }
        ++p;
    }
    if (!escape.active())
        flushText(p);
    out.flush(true);
}

} // namespace

RenderedLine renderLine(const char *begin, const char *end, const Style &entryStyle,
                        TimestampMode timestamps, const QString &entryTimestamp)
{
    LineBuilder<Output::Text> builder(entryStyle);
    builder.line().timestamp = entryTimestamp;
    render(begin, end, timestamps, builder);
    builder.line().endStyle = builder.style();
    return std::move(builder.line());
}

Style advanceStyle(const char *begin, const char *end, const Style &entryStyle,
                   TimestampMode timestamps)
{
    LineBuilder<Output::StyleOnly> builder(entryStyle);
    render(begin, end, timestamps, builder);
    return builder.style();
}

void displayedBytes(const char *begin, const char *end, TimestampMode timestamps, QByteArray &out)
{
    out.resize(0);
    LineBuilder<Output::Bytes> builder(Style(), &out);
    render(begin, end, timestamps, builder);
}

} // namespace pipedeck::log
