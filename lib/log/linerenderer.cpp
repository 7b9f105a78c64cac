#include "log/linerenderer.h"

#include "log/escapeparser.h"
#include "log/logsyntax.h"

#include <cstring>

namespace pipedeck::log {

namespace {

constexpr char kEsc = 0x1b;

// Builds the text and runs; with BuildText == false only the style is tracked.
template<bool BuildText> class LineBuilder
{
public:
    explicit LineBuilder(const Style &entry)
        : m_style(entry)
    {}

    void appendBytes(const char *p, qsizetype n)
    {
        if constexpr (BuildText)
            m_pending.append(p, n);
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
        if constexpr (BuildText) {
            m_pending.clear();
            m_line.text.clear();
            m_line.runs.clear();
        }
    }
    void flush()
    {
        if constexpr (BuildText) {
            if (m_pending.isEmpty())
                return;
            const qsizetype from = m_line.text.size();
            m_line.text.append(QString::fromUtf8(m_pending));
            m_pending.clear();
            if (!m_style.isDefault()) {
                if (!m_line.runs.isEmpty() && m_line.runs.back().to == from &&
                    m_line.runs.back().style == m_style)
                    m_line.runs.back().to = m_line.text.size();
                else
                    m_line.runs.append({from, m_line.text.size(), m_style});
            }
        }
    }
    RenderedLine &line() { return m_line; }

private:
    RenderedLine m_line;
    QByteArray m_pending;
    Style m_style;
};

// A '\n' at `p` that joins a FF_TIMESTAMPS continuation line: skip it and the prefix.
inline bool isJoin(const char *p, const char *end, TimestampMode timestamps)
{
    return timestamps == TimestampMode::On && end - (p + 1) >= syntax::kTimestampPrefixLength &&
           syntax::isContinuationPrefix(p + 1);
}

template<bool BuildText>
void render(const char *p, const char *end, TimestampMode timestamps, LineBuilder<BuildText> &out)
{
    if (timestamps == TimestampMode::On && end - p >= syntax::kTimestampPrefixLength &&
        syntax::isTimestampPrefix(p)) {
        if constexpr (BuildText)
            out.line().timestamp = QString::fromLatin1(p, syntax::kTimestampLength);
        p += syntax::kTimestampPrefixLength;
    }
    EscapeParser escape;
    const char *textStart = p;
    auto flushText = [&](const char *upTo) {
        if (upTo > textStart)
            out.appendBytes(textStart, upTo - textStart);
    };
    while (p < end) {
        const char c = *p;
        if (escape.active()) {
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
            // "\r*\n" is a newline, and so are trailing '\r's at the end of the data.
            if (q == end || (*q == '\n' && !isJoin(q, end, timestamps))) {
                p = q;
                textStart = p;
                continue; // the '\n' (if any) ends the loop next
            }
            out.clear();
            p = q;
            textStart = p;
            continue;
        }
        if (c == 's') {
            if (const auto marker = syntax::parseSectionMarker(p, end)) {
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
    out.flush();
}

} // namespace

RenderedLine renderLine(const char *begin, const char *end, const Style &entryStyle,
                        TimestampMode timestamps)
{
    LineBuilder<true> builder(entryStyle);
    render(begin, end, timestamps, builder);
    builder.line().endStyle = builder.style();
    return std::move(builder.line());
}

Style advanceStyle(const char *begin, const char *end, const Style &entryStyle,
                   TimestampMode timestamps)
{
    LineBuilder<false> builder(entryStyle);
    render(begin, end, timestamps, builder);
    return builder.style();
}

} // namespace pipedeck::log
