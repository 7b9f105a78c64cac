#include "log/logsyntax.h"

#include <QList>

#include <cstring>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define PIPEDECK_LOG_SSE2 1
#endif

namespace pipedeck::log::syntax {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isWord(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isNameChar(char c)
{
    return isWord(c) || c == '.' || c == '-';
}
bool isOptionChar(char c)
{
    return isWord(c) || c == '=' || c == ',' || c == ' ';
}

constexpr char kSuffix[] = "\r\x1b[0K";

// "k=v(, ?k=v)*" as in the regex.
bool validOptions(const char *p, const char *end)
{
    bool first = true;
    while (p < end) {
        if (!first) {
            if (*p != ',')
                return false;
            ++p;
            if (p < end && *p == ' ')
                ++p;
        }
        first = false;
        const char *keyStart = p;
        while (p < end && isWord(*p))
            ++p;
        if (p == keyStart || p >= end || *p != '=')
            return false;
        ++p;
        const char *valueStart = p;
        while (p < end && isWord(*p))
            ++p;
        if (p == valueStart)
            return false;
    }
    return !first;
}

} // namespace

int joinedMarkerSuffixLength(const char *cr, const char *end)
{
    constexpr int kClearAt = 2 + kTimestampPrefixLength;
    if (end - cr >= kJoinedMarkerSuffixLength && cr[0] == '\r' && cr[1] == '\n' &&
        isContinuationPrefix(cr + 2) && std::memcmp(cr + kClearAt, kSuffix + 1, 4) == 0)
        return kJoinedMarkerSuffixLength;
    return 0;
}

std::optional<SectionMarker> parseSectionMarker(const char *p, const char *end, bool joinedSuffix)
{
    static constexpr char kStart[] = "section_start:";
    static constexpr char kEnd[] = "section_end:";
    SectionMarker marker;
    const char *q = p;
    if (end - q >= 14 && std::memcmp(q, kStart, 14) == 0) {
        marker.kind = SectionMarker::Kind::Start;
        q += 14;
    } else if (end - q >= 12 && std::memcmp(q, kEnd, 12) == 0) {
        marker.kind = SectionMarker::Kind::End;
        q += 12;
    } else {
        return std::nullopt;
    }
    const char *digits = q;
    qint64 ts = 0;
    while (q < end && isDigit(*q) && q - digits < kMaxMarkerDigits) {
        ts = ts < (Q_INT64_C(1) << 58) ? ts * 10 + (*q - '0') : ts;
        ++q;
    }
    if (q == digits || q >= end || *q != ':')
        return std::nullopt;
    ++q;
    const char *name = q;
    while (q < end && isNameChar(*q) && q - name < kMaxMarkerName)
        ++q;
    if (q == name || q >= end)
        return std::nullopt;
    const char *nameEnd = q;
    const char *options = nullptr;
    const char *optionsEnd = nullptr;
    if (*q == '[') {
        options = ++q;
        while (q < end && isOptionChar(*q) && q - options < kMaxMarkerOptions)
            ++q;
        if (q >= end || *q != ']' || !validOptions(options, q))
            return std::nullopt;
        optionsEnd = q++;
    }
    const int suffix = markerSuffixLength(q, end, joinedSuffix);
    if (suffix == 0)
        return std::nullopt;
    marker.timestamp = ts;
    marker.name = QByteArray(name, nameEnd - name);
    if (options)
        marker.options = QByteArray(options, optionsEnd - options);
    marker.length = int(q + suffix - p);
    return marker;
}

const char *findSectionMarkerBefore(const char *lowerBound, const char *cr, const char *end,
                                    bool joinedSuffix)
{
    if (lowerBound < cr - kMaxMarkerLength)
        lowerBound = cr - kMaxMarkerLength;
    const char *q = cr;
    if (q > lowerBound && q[-1] == ']') {
        --q;
        while (q > lowerBound && q[-1] != '[' && isOptionChar(q[-1]))
            --q;
        if (q <= lowerBound || q[-1] != '[')
            return nullptr;
        --q;
    }
    while (q > lowerBound && isNameChar(q[-1]))
        --q;
    if (q <= lowerBound || q[-1] != ':')
        return nullptr;
    --q;
    const char *digitsEnd = q;
    while (q > lowerBound && isDigit(q[-1]))
        --q;
    if (q == digitsEnd || q <= lowerBound || q[-1] != ':')
        return nullptr;
    --q;
    const char *candidate = nullptr;
    if (q - lowerBound >= 13 && std::memcmp(q - 13, "section_start", 13) == 0)
        candidate = q - 13;
    else if (q - lowerBound >= 11 && std::memcmp(q - 11, "section_end", 11) == 0)
        candidate = q - 11;
    if (!candidate)
        return nullptr;
    // The forward parser is the one definition of the grammar; the backward walk
    // only finds where to run it.
    const auto marker = parseSectionMarker(candidate, end, joinedSuffix);
    if (!marker || candidate + marker->length != cr + markerSuffixLength(cr, end, joinedSuffix))
        return nullptr;
    return candidate;
}

QString normalizeSectionName(const QByteArray &name)
{
    QString out;
    out.reserve(name.size());
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || isDigit(c);
        out.append(QLatin1Char(keep ? c : '-'));
    }
    return out;
}

QByteArray sectionOption(const QByteArray &options, const QByteArray &key)
{
    for (const QByteArray &pair : options.split(',')) {
        const QByteArray trimmed = pair.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq > 0 && trimmed.left(eq) == key)
            return trimmed.mid(eq + 1);
    }
    return {};
}

QString formatSectionDuration(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 rest = seconds % kSecondsPerYear % kSecondsPerMonth % 3600;
    const qint64 m = rest / 60;
    const qint64 s = rest % 60;
    auto two = [](qint64 v) { return QString::number(v).rightJustified(2, QLatin1Char('0')); };
    if (h > 0)
        return two(h) + QLatin1Char(':') + two(m) + QLatin1Char(':') + two(s);
    return two(m) + QLatin1Char(':') + two(s);
}

qint64 clampedSectionDuration(qint64 startSeconds, qint64 endSeconds)
{
    return qBound<qint64>(0, endSeconds - startSeconds, kSecondsPerYear);
}

bool isTimestampPrefix(const char *p)
{
    if (!hasTimestampPrefixShape(p))
        return false;
#ifdef PIPEDECK_LOG_SSE2
    auto block = [p](int i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                                         _mm_cmpeq_epi8(v, _mm_set1_epi8(0x1b)));
        return _mm_movemask_epi8(hit);
    };
    return (block(0) | block(1)) == 0;
#else
    for (int i = 0; i < kTimestampPrefixLength; ++i) {
        if (p[i] == '\n' || p[i] == '\r' || p[i] == 0x1b)
            return false;
    }
    return true;
#endif
}

bool isTimestampPrefixStrict(const char *p, qint64 available)
{
    if (available < kTimestampPrefixLength)
        return false;
    // \d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{6}Z [0-9a-f]{2}[EO][+ ]
    static constexpr char kShape[] = "dddd-1d-3dT2d:5d:5d.ddddddZ hhS+";
    for (int i = 0; i < kTimestampPrefixLength; ++i) {
        const char c = p[i];
        switch (kShape[i]) {
        case 'd':
            if (!isDigit(c))
                return false;
            break;
        case '1':
            if (c != '0' && c != '1')
                return false;
            break;
        case '2':
            if (c < '0' || c > '2')
                return false;
            break;
        case '3':
            if (c < '0' || c > '3')
                return false;
            break;
        case '5':
            if (c < '0' || c > '5')
                return false;
            break;
        case 'h':
            if (!isDigit(c) && !(c >= 'a' && c <= 'f'))
                return false;
            break;
        case 'S':
            if (c != 'E' && c != 'O')
                return false;
            break;
        case '+':
            if (c != '+' && c != ' ')
                return false;
            break;
        default:
            if (c != kShape[i])
                return false;
            break;
        }
    }
    return true;
}

} // namespace pipedeck::log::syntax
