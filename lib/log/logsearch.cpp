#include "log/logsearch.h"

#include "core/logging.h"
#include "log/logengine.h"
#include "log/logsyntax.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define PIPEDECK_SEARCH_SSE2 1
#endif

namespace pipedeck::log {

namespace {

constexpr qint64 kPieceBytes = qint64(2) << 20;
constexpr qint64 kMaxPieceLines = 32768;

inline char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}
inline bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// The displayed bytes of a line whose only specials are complete CSI sequences
// (the usual coloured line): its bytes with those sequences cut out. Returns
// false when the line has anything else ('\r', a joined continuation, another
// escape), which the renderer must handle.
bool csiOnlyDisplayedBytes(const char *p, const char *end, QByteArray &out)
{
    out.resize(0);
    if (end > p && end[-1] == '\n')
        --end;
    if (end > p && end[-1] == '\r')
        --end;
    if (std::memchr(p, '\r', size_t(end - p)) || std::memchr(p, '\n', size_t(end - p)))
        return false;
    for (;;) {
        const char *esc = static_cast<const char *>(std::memchr(p, 0x1b, size_t(end - p)));
        const char *stop = esc ? esc : end;
        out.append(p, stop - p);
        if (!esc)
            return true;
        const char *q = esc + 1;
        if (q >= end || *q != '[')
            return false;
        for (++q; q < end && ((*q >= '0' && *q <= '9') || *q == ';' || *q == ':'); ++q) {
        }
        if (q >= end || uchar(*q) < 0x40 || uchar(*q) > 0x7e)
            return false;
        p = q + 1;
    }
}

// UTF-16 text of many lines joined by '\n', for one multi-line regex match over a
// whole piece instead of one match (and one QString) per line. Reused between pieces.
class JoinedLines
{
public:
    void clear()
    {
        m_size = 0;
        m_starts.clear();
        m_valid = true;
    }
    void startLine() { m_starts.push_back(m_size); }
    void endLine() { appendChar(u'\n'); }
    // Widens ASCII bytes; false (nothing appended) when there is a byte >= 0x80.
    bool appendAscii(const char *p, qsizetype n)
    {
        reserve(m_size + n);
        char16_t *out = m_data.get() + m_size;
        qsizetype i = 0;
#ifdef PIPEDECK_SEARCH_SSE2
        const __m128i zero = _mm_setzero_si128();
        for (; i + 16 <= n; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            if (_mm_movemask_epi8(v))
                return false;
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_unpacklo_epi8(v, zero));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 8), _mm_unpackhi_epi8(v, zero));
        }
#endif
        for (; i < n; ++i) {
            if (uchar(p[i]) >= 0x80)
                return false;
            out[i] = char16_t(uchar(p[i]));
        }
        m_size += n;
        return true;
    }
    // The displayed bytes of a line whose only specials are complete CSI sequences (what
    // csiOnlyDisplayedBytes() gives), widened; false (nothing appended) for any other
    // line or a byte >= 0x80.
    bool appendCsiOnlyAscii(const char *p, const char *end)
    {
        const qsizetype before = m_size;
        if (end > p && end[-1] == '\n')
            --end;
        if (end > p && end[-1] == '\r')
            --end;
        for (;;) {
            const char *esc = static_cast<const char *>(std::memchr(p, 0x1b, size_t(end - p)));
            const char *stop = esc ? esc : end;
            if (std::memchr(p, '\r', size_t(stop - p)) || std::memchr(p, '\n', size_t(stop - p)) ||
                !appendAscii(p, stop - p)) {
                m_size = before;
                return false;
            }
            if (!esc)
                return true;
            const char *q = esc + 1;
            if (q >= end || *q != '[') {
                m_size = before;
                return false;
            }
            for (++q; q < end && ((*q >= '0' && *q <= '9') || *q == ';' || *q == ':'); ++q) {
            }
            if (q >= end || uchar(*q) < 0x40 || uchar(*q) > 0x7e) {
                m_size = before;
                return false;
            }
            p = q + 1;
        }
    }
    void append(QStringView text)
    {
        if (text.isEmpty())
            return;
        // Widened ASCII is valid UTF-16; only text decoded elsewhere needs a look.
        m_valid = m_valid && text.isValidUtf16();
        reserve(m_size + text.size());
        std::memcpy(m_data.get() + m_size, text.utf16(), size_t(text.size()) * sizeof(char16_t));
        m_size += text.size();
    }
    QStringView text() const
    {
        return QStringView(m_data.get(), m_size);
    }
    bool isValidUtf16() const
    {
        return m_valid;
    }
    qsizetype lineCount() const
    {
        return qsizetype(m_starts.size());
    }
    qsizetype lineStart(qsizetype i) const
    {
        return m_starts[size_t(i)];
    }
    // The line's text without its '\n'.
    QStringView line(qsizetype i) const
    {
        const qsizetype end = i + 1 < lineCount() ? m_starts[size_t(i + 1)] : m_size;
        return text().sliced(m_starts[size_t(i)], end - 1 - m_starts[size_t(i)]);
    }
    // The line holding position `at` of text() (its '\n' belongs to it).
    qsizetype lineAt(qsizetype at, qsizetype from) const
    {
        return qsizetype(std::upper_bound(m_starts.begin() + from, m_starts.end(), at) -
                         m_starts.begin()) -
               1;
    }

private:
    void appendChar(char16_t c)
    {
        reserve(m_size + 1);
        m_data[size_t(m_size++)] = c;
    }
    void reserve(qsizetype n)
    {
        if (n <= m_capacity)
            return;
        const qsizetype capacity = qMax<qsizetype>(n, m_capacity * 2);
        auto data = std::make_unique_for_overwrite<char16_t[]>(size_t(capacity));
        if (m_size > 0)
            std::memcpy(data.get(), m_data.get(), size_t(m_size) * sizeof(char16_t));
        m_data = std::move(data);
        m_capacity = capacity;
    }

    std::unique_ptr<char16_t[]> m_data;
    qsizetype m_capacity = 0;
    qsizetype m_size = 0;
    std::vector<qsizetype> m_starts;
    bool m_valid = true;
};

// `checked`: the subject is known to be valid UTF-16, so PCRE2 need not check all of it
// again on every call (which made each call cost the whole piece).
QRegularExpressionMatch matchAt(const QRegularExpression &regex, QStringView subject,
                                qsizetype offset, bool checked)
{
    const QRegularExpression::MatchOptions options =
        checked ? QRegularExpression::DontCheckSubjectStringMatchOption
                : QRegularExpression::NoMatchOption;
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return regex.matchView(subject, offset, QRegularExpression::NormalMatch, options);
#else
    return regex.match(subject, offset, QRegularExpression::NormalMatch, options);
#endif
}

// The batch match relies on '\n' being PCRE2's newline ("." does not match it, "$"
// matches before it in multi-line mode), the default of every build we know; checked
// once rather than assumed.
bool newlineIsLineFeed()
{
    static const bool lf = [] {
        const QRegularExpression end(QStringLiteral("^b$"), QRegularExpression::MultilineOption);
        const QRegularExpression dot(QStringLiteral("a.b"));
        return end.match(QStringLiteral("a\nb\nc")).hasMatch() &&
               !dot.match(QStringLiteral("a\nb")).hasMatch();
    }();
    return lf;
}

} // namespace

RawFinder::RawFinder(const QByteArray &needle, bool ignoreAsciiCase)
    : m_needle(needle)
    , m_fold(ignoreAsciiCase)
{
    if (m_fold) {
        for (char &c : m_needle)
            c = asciiLower(c);
    }
}

bool RawFinder::matchesAt(const char *p) const
{
    const qsizetype n = m_needle.size();
    if (!m_fold)
        return std::memcmp(p, m_needle.constData(), size_t(n)) == 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (asciiLower(p[i]) != m_needle[i])
            return false;
    }
    return true;
}

const char *RawFinder::find(const char *p, const char *end) const
{
    const qsizetype n = m_needle.size();
    if (n == 0)
        return p;
    if (end - p < n)
        return end;
    const char first = m_needle.front();
    const char last = m_needle.back();
#ifdef PIPEDECK_SEARCH_SSE2
    const __m128i firstV = _mm_set1_epi8(first);
    const __m128i lastV = _mm_set1_epi8(last);
    // OR-ing 0x20 lowercases letters; other bytes may collide and are rejected by matchesAt().
    const __m128i foldFirst = _mm_set1_epi8(m_fold && isAsciiLetter(first) ? 0x20 : 0);
    const __m128i foldLast = _mm_set1_epi8(m_fold && isAsciiLetter(last) ? 0x20 : 0);
    while (end - p >= n - 1 + 16) {
        const __m128i a =
            _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)), foldFirst);
        const __m128i b =
            _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + n - 1)), foldLast);
        unsigned mask = unsigned(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, firstV), _mm_cmpeq_epi8(b, lastV))));
        while (mask) {
            const int bit = __builtin_ctz(mask);
            if (matchesAt(p + bit))
                return p + bit;
            mask &= mask - 1;
        }
        p += 16;
    }
#endif
    for (; end - p >= n; ++p) {
        if ((m_fold ? asciiLower(*p) : *p) == first && matchesAt(p))
            return p;
    }
    return end;
}

QString requiredRegexLiteral(const QString &pattern)
{
    if (pattern.contains(QLatin1Char('|')) || pattern.contains(u"(?"))
        return {};
    QString best;
    QString run;
    auto endRun = [&] {
        if (run.size() > best.size())
            best = run;
        run.clear();
    };
    const qsizetype n = pattern.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = pattern[i];
        // A quantifier that makes the previous atom optional takes it out of the run.
        const QChar next = i + 1 < n ? pattern[i + 1] : QChar();
        const bool optionalNext = next == u'?' || next == u'*' || next == u'{';
        if (c == u'\\') {
            if (i + 1 >= n)
                break;
            const QChar escaped = pattern[i + 1];
            if (escaped.isLetterOrNumber()) // \d, \w, \x41, \p{..}, back references...
                break;
            const QChar after = i + 2 < n ? pattern[i + 2] : QChar();
            ++i;
            if (after == u'?' || after == u'*' || after == u'{') {
                endRun();
                continue;
            }
            run += escaped;
            continue;
        }
        if (c == u'(' || c == u'[') {
            // Skip a group or class whole: it breaks the run.
            endRun();
            int depth = 0;
            const QChar open = c, close = c == u'(' ? u')' : u']';
            for (; i < n; ++i) {
                if (pattern[i] == u'\\') {
                    ++i;
                    continue;
                }
                if (pattern[i] == open && (open == u'(' || depth == 0))
                    ++depth;
                else if (pattern[i] == close && --depth == 0)
                    break;
            }
            continue;
        }
        if (c == u'.' || c == u'^' || c == u'$' || c == u')' || c == u']' || c == u'}' ||
            c == u'?' || c == u'*' || c == u'+' || c == u'{') {
            if (c == u'{') { // skip the {n,m} counter
                while (i < n && pattern[i] != u'}')
                    ++i;
            }
            endRun();
            continue;
        }
        if (optionalNext) {
            endRun();
            continue;
        }
        run += c;
        if (next == u'+')
            endRun(); // "a+" needs one 'a', but what follows may repeat it
    }
    endRun();
    return best;
}

bool matchesLineByLine(const QString &pattern)
{
    // Lookarounds (also PCRE2's non-atomic ones) see past the match; verbs may change
    // what a newline is. Other groups, "(?:", "(?i)", "(?<name>", are harmless.
    for (const char16_t *lookaround : {u"(?=", u"(?!", u"(?<=", u"(?<!", u"(?*", u"(?<*", u"(*"}) {
        if (pattern.contains(QStringView(lookaround)))
            return false;
    }
    for (qsizetype i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern[i] != u'\\')
            continue;
        const QChar escaped = pattern[++i];
        // The subject's ends and the start offset.
        if (escaped == u'A' || escaped == u'z' || escaped == u'Z' || escaped == u'G')
            return false;
    }
    return true;
}

LogSearcher::LogSearcher(const SearchQuery &query)
    : m_query(query)
{
    if (query.pattern.isEmpty()) {
        m_error = QCoreApplication::translate("pipedeck::log::LogSearch", "Nothing to search for.");
        return;
    }
    const bool insensitive = query.caseSensitivity == Qt::CaseInsensitive;
    QString literal;
    if (query.kind == SearchQuery::Kind::Regex) {
        QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
        if (insensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        m_regex = QRegularExpression(query.pattern, options);
        if (!m_regex.isValid()) {
            m_error = QCoreApplication::translate("pipedeck::log::LogSearch",
                                                  "Invalid regular expression: %1")
                          .arg(m_regex.errorString());
            return;
        }
        m_regex.optimize();
        literal = requiredRegexLiteral(query.pattern);
        // PIPEDECK_LOG_REGEX_LINE_BY_LINE: for benchmarks, the old way, for comparison.
        if (matchesLineByLine(query.pattern) && newlineIsLineFeed() &&
            !qEnvironmentVariableIsSet("PIPEDECK_LOG_REGEX_LINE_BY_LINE")) {
            m_batchRegex =
                QRegularExpression(query.pattern, options | QRegularExpression::MultilineOption);
            m_batchRegex.optimize();
            m_batch = m_batchRegex.isValid();
        }
    } else {
        literal = query.pattern;
        // A displayed line never contains a line break.
        m_impossible = literal.contains(QLatin1Char('\n')) || literal.contains(QLatin1Char('\r'));
    }
    // The raw prefilter is exact for ASCII case folding only, cannot see U+FFFD
    // (which stands for invalid bytes), and needs a literal with a UTF-8 form
    // (not half a surrogate pair); otherwise every line is matched.
    const bool usable = !literal.isEmpty() && QStringView(literal).isValidUtf16() &&
                        !literal.contains(QChar::ReplacementCharacter) &&
                        (!insensitive || isAscii(literal));
    m_asciiFold = insensitive && isAscii(query.pattern);
    if (usable) {
        m_literal = literal.toUtf8();
        m_finder = RawFinder(m_literal, insensitive);
    } else {
        m_matchAllLines = true;
    }
}

void LogSearcher::matchText(QStringView text, qint64 line, QList<SearchHit> &out) const
{
    if (m_query.kind == SearchQuery::Kind::Regex) {
        auto it = m_regex.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength() > 0)
                out.append({line, match.capturedStart(), match.capturedLength()});
        }
        return;
    }
    const QStringView needle(m_query.pattern);
    const qsizetype n = needle.size();
    if (m_asciiFold) {
        // ASCII folding only, exactly what the raw prefilter folds.
        for (qsizetype at = 0; at + n <= text.size();) {
            qsizetype i = 0;
            while (i < n) {
                char16_t a = text[at + i].unicode(), b = needle[i].unicode();
                if (a >= u'A' && a <= u'Z')
                    a = char16_t(a + 32);
                if (b >= u'A' && b <= u'Z')
                    b = char16_t(b + 32);
                if (a != b)
                    break;
                ++i;
            }
            if (i == n) {
                out.append({line, at, n});
                at += n;
            } else {
                ++at;
            }
        }
        return;
    }
    for (qsizetype at = text.indexOf(needle, 0, m_query.caseSensitivity); at >= 0;
         at = text.indexOf(needle, at + n, m_query.caseSensitivity))
        out.append({line, at, n});
}

bool LogSearcher::searchPiece(const LogEngine &engine, quint64 generation, qint64 first,
                              qint64 last, QList<SearchHit> &out) const
{
    LogEngine::ReadLock lock(engine);
    if (engine.m_generation.load() != generation || !engine.m_source->isIntact())
        return false;
    const char *data = engine.m_source->data();
    const TimestampMode ts = engine.renderTimestampsLocked();
    const qint64 indexed = engine.m_index.lineCount();
    const qint64 indexedLast = qMin(last, indexed);

    auto lineRange = [&](qint64 line, const std::vector<qint64> &starts) {
        if (line < indexed)
            return std::pair(starts[size_t(line - first)], starts[size_t(line - first + 1)]);
        return std::pair(engine.m_scanner->openLineStart(), engine.m_scannedSize);
    };
    auto isComplex = [&](qint64 line) {
        return line < indexed ? engine.m_index.isComplex(line)
                              : engine.m_scanner->openLineComplex();
    };

    std::vector<qint64> starts(size_t(qMax<qint64>(indexedLast - first, 0) + 1));
    if (indexedLast > first)
        engine.m_index.lineStarts(first, indexedLast - first, starts.data());

    // Lines that may match, in order.
    std::vector<qint64> candidates;
    if (m_matchAllLines) {
        for (qint64 l = first; l < last; ++l)
            candidates.push_back(l);
    } else {
        // Plain lines: one pass over the raw bytes.
        if (indexedLast > first) {
            const char *p = data + starts.front();
            const char *end = data + starts.back();
            for (;;) {
                const char *hit = m_finder.find(p, end);
                if (hit >= end)
                    break;
                const qint64 offset = hit - data;
                const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
                const qint64 line = first + (it - starts.begin()) - 1;
                if (!engine.m_index.isComplex(line))
                    candidates.push_back(line);
                p = data + *it;
            }
        }
        // Lines with escapes, '\r' or joins: scan what they display.
        std::vector<qint64> complexCandidates;
        QByteArray shown;
        auto scanComplex = [&](qint64 line) {
            const auto [start, end] = lineRange(line, starts);
            qint64 content = start;
            if (ts == TimestampMode::On && end - start >= syntax::kTimestampPrefixLength &&
                syntax::isTimestampPrefix(data + start))
                content += syntax::kTimestampPrefixLength;
            if (!csiOnlyDisplayedBytes(data + content, data + end, shown))
                displayedBytes(data + start, data + end, ts, shown);
            if (m_finder.find(shown.constData(), shown.constData() + shown.size()) <
                shown.constData() + shown.size())
                complexCandidates.push_back(line);
        };
        for (qint64 l = engine.m_index.nextComplex(first, indexedLast); l < indexedLast;
             l = engine.m_index.nextComplex(l + 1, indexedLast))
            scanComplex(l);
        if (last > indexed && isComplex(indexed))
            scanComplex(indexed);
        else if (last > indexed) {
            const auto [start, end] = lineRange(indexed, starts);
            if (m_finder.find(data + start, data + end) < data + end)
                candidates.push_back(indexed);
        }
        std::vector<qint64> merged(candidates.size() + complexCandidates.size());
        std::merge(candidates.begin(), candidates.end(), complexCandidates.begin(),
                   complexCandidates.end(), merged.begin());
        candidates.swap(merged);
    }

    // The displayed text of a line, without the timestamp prefix and the line end.
    auto contentRange = [&](qint64 line) {
        auto [from, to] = lineRange(line, starts);
        if (ts == TimestampMode::On && to - from >= syntax::kTimestampPrefixLength &&
            syntax::isTimestampPrefix(data + from))
            from += syntax::kTimestampPrefixLength;
        if (to > from && data[to - 1] == '\n')
            --to;
        if (to > from && data[to - 1] == '\r')
            --to;
        return std::pair(from, to);
    };

    if (m_batch && !candidates.empty()) {
        // One multi-line match over all candidates finds the lines that have a match (and
        // perhaps a few more, where a match ran across a line end); only those are matched
        // line by line, on the same text. Decoding and PCRE2's set-up then cost once per
        // piece, not once per line.
        thread_local JoinedLines joined;
        joined.clear();
        for (qint64 line : candidates) {
            joined.startLine();
            const auto [from, to] = contentRange(line);
            if (!isComplex(line)) {
                if (!joined.appendAscii(data + from, to - from))
                    joined.append(QString::fromUtf8(data + from, to - from));
            } else {
                const auto [start, end] = lineRange(line, starts);
                if (!joined.appendCsiOnlyAscii(data + from, data + end))
                    joined.append(renderLine(data + start, data + end, Style(), ts).text);
            }
            joined.endLine();
        }
        const QStringView text = joined.text();
        const bool valid = joined.isValidUtf16();
        qsizetype at = 0;
        qsizetype next = 0; // first line not yet matched on its own
        while (at < text.size()) {
            const QRegularExpressionMatch match = matchAt(m_batchRegex, text, at, valid);
            if (!match.hasMatch() || match.capturedStart() >= text.size())
                break;
            const qsizetype firstHit = qMax(next, joined.lineAt(match.capturedStart(), next));
            const qsizetype lastHit =
                joined.lineAt(qMax(match.capturedStart(), match.capturedEnd() - 1), firstHit);
            for (qsizetype i = firstHit; i <= lastHit; ++i)
                matchText(joined.line(i), candidates[size_t(i)], out);
            next = lastHit + 1;
            if (next >= joined.lineCount())
                break;
            at = joined.lineStart(next);
        }
        return true;
    }

    for (qint64 line : candidates) {
        if (isComplex(line)) {
            const auto [start, end] = lineRange(line, starts);
            matchText(renderLine(data + start, data + end, Style(), ts).text, line, out);
            continue;
        }
        const auto [from, to] = contentRange(line);
        matchText(QString::fromUtf8(data + from, to - from), line, out);
    }
    return true;
}

qint64 LogSearcher::run(const LogEngine &engine, qint64 firstLine, qint64 lastLine, int threads,
                        const std::atomic<bool> &cancel, const HitsCallback &onHits,
                        Progress *progress) const
{
    if (!isValid() || m_impossible)
        return 0;
    // Cut the range into pieces of about kPieceBytes.
    std::vector<qint64> bounds;
    quint64 generation = 0;
    {
        LogEngine::ReadLock lock(engine);
        generation = engine.m_generation.load();
        const qint64 total = engine.lineCountLocked();
        if (lastLine < 0 || lastLine > total)
            lastLine = total;
        firstLine = qBound<qint64>(0, firstLine, lastLine);
        const qint64 indexed = engine.m_index.lineCount();
        bounds.push_back(firstLine);
        while (bounds.back() < lastLine) {
            const qint64 from = bounds.back();
            qint64 next = lastLine;
            if (from < indexed) {
                const qint64 target = engine.m_index.lineStart(from) + kPieceBytes;
                next = target < engine.m_index.endOffset() ? engine.m_index.lineAtOffset(target)
                                                           : indexed;
                next = qBound(from + 1, next, qMin(from + kMaxPieceLines, lastLine));
            }
            bounds.push_back(next);
        }
    }
    const size_t pieces = bounds.size() - 1;
    std::vector<std::optional<QList<SearchHit>>> results(pieces);
    std::atomic<size_t> nextPiece{0};
    std::atomic<bool> failed{false};
    std::atomic<qint64> searched{0};
    std::mutex emitMutex;
    size_t nextToEmit = 0;
    qint64 total = 0;

    auto worker = [&] {
        for (;;) {
            if (cancel.load(std::memory_order_relaxed) || failed.load())
                return;
            const size_t piece = nextPiece.fetch_add(1);
            if (piece >= pieces)
                return;
            QList<SearchHit> hits;
            if (!searchPiece(engine, generation, bounds[piece], bounds[piece + 1], hits)) {
                failed = true;
                return;
            }
            ++searched;
            std::lock_guard guard(emitMutex);
            results[piece] = std::move(hits);
            // Hand out finished pieces in order.
            while (nextToEmit < pieces && results[nextToEmit]) {
                if (!results[nextToEmit]->isEmpty() && !cancel.load()) {
                    total += results[nextToEmit]->size();
                    onHits(*results[nextToEmit]);
                }
                results[nextToEmit].reset();
                results[nextToEmit] = QList<SearchHit>(); // keep "done", drop the hits
                ++nextToEmit;
            }
        }
    };
    std::vector<std::thread> helpers;
    for (int i = 1; i < qMax(threads, 1); ++i)
        helpers.emplace_back(worker);
    worker();
    for (std::thread &t : helpers)
        t.join();
    if (progress)
        *progress = Progress{qint64(pieces), searched.load()};
    if (cancel.load() || failed.load())
        return -1;
    return total;
}

LogSearch::LogSearch(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<pipedeck::log::SearchHit>();
}

LogSearch::~LogSearch()
{
    cancel();
    wait();
}

void LogSearch::wait()
{
    if (m_future.isValid())
        m_future.waitForFinished();
}

bool LogSearch::isRunning() const
{
    return m_future.isValid() && !m_future.isFinished();
}

void LogSearch::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_searchId; // late results of the old search are dropped
}

void LogSearch::start(std::shared_ptr<const LogEngine> engine, const SearchQuery &query,
                      qint64 firstLine, int threads)
{
    cancel();
    m_count = 0;
    auto searcher = std::make_shared<LogSearcher>(query);
    if (!searcher->isValid()) {
        Q_EMIT failed(searcher->errorString());
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 id = m_searchId;
    QPointer<LogSearch> self(this);
    auto cancelFlag = m_cancel;
    m_future = QtConcurrent::run([=] {
        QElapsedTimer timer;
        timer.start();
        qint64 firstHitNs = -1;
        const qint64 bytes = engine->byteSize();
        LogSearcher::Progress progress;
        const qint64 total = searcher->run(
            *engine, firstLine, -1, threads, *cancelFlag,
            [&](const QList<SearchHit> &hits) {
                if (firstHitNs < 0)
                    firstHitNs = timer.nsecsElapsed();
                QMetaObject::invokeMethod(
                    self,
                    [self, id, hits] {
                        if (!self || self->m_searchId != id)
                            return;
                        self->m_count += hits.size();
                        Q_EMIT self->hitsFound(hits, self->m_count);
                    },
                    Qt::QueuedConnection);
            },
            &progress);
        const double seconds = timer.nsecsElapsed() / 1e9;
        qCInfo(lcPerf).nospace() << "search " << (total < 0 ? "stopped" : "done") << ": " << total
                                 << " hits in " << seconds * 1e3 << " ms ("
                                 << (seconds > 0 ? bytes / seconds / 1e9 : 0.0)
                                 << " GB/s), first hit after " << firstHitNs / 1e6 << " ms, "
                                 << progress.searched << " of " << progress.pieces
                                 << " pieces searched";
        QMetaObject::invokeMethod(
            self,
            [self, id, total] {
                if (!self || self->m_searchId != id)
                    return;
                Q_EMIT self->finished(total < 0 ? self->m_count : total, total < 0);
            },
            Qt::QueuedConnection);
    });
}

} // namespace pipedeck::log
