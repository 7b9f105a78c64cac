#pragma once

#include <QByteArray>
#include <QString>

#include <cstring>
#include <optional>

namespace pipedeck::log {

// The fixed pieces of GitLab's job-log syntax that are not escape sequences:
// section markers and the runner's FF_TIMESTAMPS line prefix.

// `section_start:<ts>:<name>[k=v,...]\r\e[0K` / `section_end:<ts>:<name>\r\e[0K`,
// the grammar of lib/gitlab/regex.rb#build_trace_section_regex.
struct SectionMarker
{
    enum class Kind { Start, End };
    Kind kind = Kind::Start;
    qint64 timestamp = 0;
    QByteArray name;    // as written, before normalisation
    QByteArray options; // the text between the brackets, empty without options
    int length = 0;     // bytes from 's' up to and including "\r\e[0K" (see markerSuffixLength)
};

namespace syntax {

inline constexpr int kMaxMarkerName = 1024;
inline constexpr int kMaxMarkerDigits = 20;
inline constexpr int kMaxMarkerOptions = 1024;
// Longest possible marker: what a backward search from '\r' must look at.
inline constexpr int kMaxMarkerLength =
    14 + kMaxMarkerDigits + 1 + kMaxMarkerName + kMaxMarkerOptions + 2 + 5;

// Parses a marker that starts exactly at `p`. Needs the whole marker including its suffix
// inside [p, end); returns nothing otherwise. `joinedSuffix`: FF_TIMESTAMPS are on, so the
// suffix may be cut by a continuation record (markerSuffixLength).
std::optional<SectionMarker> parseSectionMarker(const char *p, const char *end,
                                                bool joinedSuffix = false);

// Given a '\r' at `cr` that starts a marker suffix, finds where a marker ending at `cr`
// would start, not before `lowerBound`. Returns nullptr when there is none.
const char *findSectionMarkerBefore(const char *lowerBound, const char *cr, const char *end,
                                    bool joinedSuffix = false);

// GitLab: lowercased, everything outside [a-z0-9] becomes '-'.
QString normalizeSectionName(const QByteArray &name);

// Options "k=v,k2=v2" -> value of `key` (empty when absent).
QByteArray sectionOption(const QByteArray &options, const QByteArray &key);

// MM:SS, or HH:MM:SS from one hour on (hours may exceed 24). From a calendar month on, the
// minutes and seconds are GitLab's: ActiveSupport splits a duration into years and months of
// 365.2425 and 30.436875 days first, and GitLab prints the remainder's minutes and seconds.
QString formatSectionDuration(qint64 seconds);
// End minus start, clamped to 0 .. one (ActiveSupport) year like GitLab.
qint64 clampedSectionDuration(qint64 startSeconds, qint64 endSeconds);
inline constexpr qint64 kSecondsPerYear = 31556952;
inline constexpr qint64 kSecondsPerMonth = 2629746;

// FF_TIMESTAMPS: "2024-05-14T11:19:19.899359Z 00O " (32 bytes, the last byte is ' '
// for a new line or '+' for a continuation).
inline constexpr int kTimestampPrefixLength = 32;
inline constexpr int kTimestampLength = 27;
// The full check GitLab applies to the first line to switch timestamps on.
bool isTimestampPrefixStrict(const char *p, qint64 available);
// The cheap check GitLab applies once timestamps are on, on the fixed characters only. Needs
// 32 bytes. Enough where the caller knows the bytes hold no '\n', '\r' or ESC.
inline bool hasTimestampPrefixShape(const char *p)
{
    return p[26] == 'Z' && p[4] == '-' && p[7] == '-' && p[10] == 'T' && p[13] == ':' &&
           p[27] == ' ' && (p[31] == ' ' || p[31] == '+');
}
// The shape, and no '\n', '\r' or ESC among the 32 bytes: a prefix never holds a line end or
// the start of an escape, so the scanner, which only stops at those bytes, and the renderer
// agree on where a prefix is (GitLab would skip 32 bytes whatever they hold).
bool isTimestampPrefix(const char *p);
inline bool isContinuationPrefix(const char *p)
{
    return p[31] == '+' && isTimestampPrefix(p);
}

// The bytes of a marker suffix at the '\r' `cr`, 0 if there is none: "\r\e[0K", or with
// `joined` (FF_TIMESTAMPS on) "\r\n", a `+` prefix and "\e[0K". The runner flushes a write at
// its '\r' and puts the rest in a continuation record; runners before the fix of
// TestCarriageReturnDoesNotSplitWrite did so with every marker they wrote, and a script's
// marker can be read in two pieces. GitLab joins the records before it reads the marker.
inline constexpr int kMarkerSuffixLength = 5;
inline constexpr int kJoinedMarkerSuffixLength = 2 + kTimestampPrefixLength + 4;
// The cut form only, out of line: the scanner meets '\r' often.
int joinedMarkerSuffixLength(const char *cr, const char *end);
inline int markerSuffixLength(const char *cr, const char *end, bool joined)
{
    if (end - cr >= kMarkerSuffixLength && std::memcmp(cr, "\r\x1b[0K", kMarkerSuffixLength) == 0)
        return kMarkerSuffixLength;
    return joined ? joinedMarkerSuffixLength(cr, end) : 0;
}

} // namespace syntax
} // namespace pipedeck::log
