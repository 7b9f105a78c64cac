#pragma once

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QRegularExpression>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace pipedeck::log {

class LogEngine;

struct SearchQuery
{
    enum class Kind { Plain, Regex };
    QString pattern;
    Kind kind = Kind::Plain;
    Qt::CaseSensitivity caseSensitivity = Qt::CaseSensitive;
};

// A match in the displayed text of a line (UTF-16 offsets, as in RenderedLine::text).
struct SearchHit
{
    qint64 line = 0;
    qsizetype from = 0;
    qsizetype length = 0;
    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

// Finds a byte string in raw bytes at memchr-like speed (SSE2, first and last
// byte compared 16 positions at a time), optionally ignoring ASCII case.
class RawFinder
{
public:
    RawFinder() = default;
    RawFinder(const QByteArray &needle, bool ignoreAsciiCase);
    const char *find(const char *p, const char *end) const;
    bool isEmpty() const { return m_needle.isEmpty(); }

private:
    bool matchesAt(const char *p) const;
    QByteArray m_needle; // lowercased when ignoring case
    bool m_fold = false;
};

// Searches the displayed text of a log (escapes, markers and timestamp prefixes
// removed, '\r' overwrites applied), never only the raw bytes: lines whose
// displayed text is a plain slice of their bytes are prefiltered on the raw
// bytes at GB/s; the others are reduced to their displayed bytes first. A
// regular expression is prefiltered by a literal every match must contain,
// when one can be found; otherwise every line is matched.
class LogSearcher
{
public:
    explicit LogSearcher(const SearchQuery &query);

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // The literal used to prefilter lines (UTF-8), empty when every line is matched.
    QByteArray prefilterLiteral() const { return m_literal; }

    using HitsCallback = std::function<void(const QList<SearchHit> &)>;
    // How much of the range a run searched: a cancelled run stops taking pieces.
    struct Progress
    {
        qint64 pieces = 0;
        qint64 searched = 0;
    };
    // Searches lines [firstLine, lastLine) (lastLine < 0: every line indexed now)
    // on `threads` threads. `onHits` gets the hits in line order, one call at a
    // time. Returns the number of hits, or -1 when cancelled or when the log was
    // reset underneath.
    qint64 run(const LogEngine &engine, qint64 firstLine, qint64 lastLine, int threads,
               const std::atomic<bool> &cancel, const HitsCallback &onHits,
               Progress *progress = nullptr) const;

    // The matches in one line's displayed text.
    void matchText(QStringView text, qint64 line, QList<SearchHit> &out) const;

private:
    bool searchPiece(const LogEngine &engine, quint64 generation, qint64 first, qint64 last,
                     QList<SearchHit> &out) const;

    SearchQuery m_query;
    QRegularExpression m_regex;
    // The same expression in multi-line mode, matched once over many lines joined by '\n'
    // to find the lines worth matching one by one (invalid when the pattern could tell
    // the joined text from single lines; see matchesLineByLine()).
    QRegularExpression m_batchRegex;
    bool m_batch = false;
    QByteArray m_literal;
    RawFinder m_finder;
    bool m_matchAllLines = false;
    bool m_impossible = false;
    bool m_asciiFold = false;
    QString m_error;
};

// The literal text every match of `pattern` must contain, or empty when none
// can be proven (alternation, inline options, ...). Conservative by design.
QString requiredRegexLiteral(const QString &pattern);

// Whether `pattern`, matched in multi-line mode over lines joined by '\n', finds a
// match touching every line that has a match of its own: true unless it can look
// beyond its own text or at the subject's ends (lookarounds, verbs "(*", \A, \z, \Z,
// \G). Conservative by design.
bool matchesLineByLine(const QString &pattern);

// A search in background threads for a viewer: hits stream in with a running
// count; a new start() or cancel() stops the one running.
class LogSearch : public QObject
{
    Q_OBJECT
public:
    explicit LogSearch(QObject *parent = nullptr);
    ~LogSearch() override;

    void start(std::shared_ptr<const LogEngine> engine, const SearchQuery &query,
               qint64 firstLine = 0, int threads = 2);
    void cancel();
    bool isRunning() const;
    qint64 hitCount() const { return m_count; }

Q_SIGNALS:
    void hitsFound(const QList<pipedeck::log::SearchHit> &hits, qint64 runningCount);
    void finished(qint64 totalHits, bool cancelled);
    void failed(const QString &error);

private:
    void wait();

    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
    quint64 m_searchId = 0;
    qint64 m_count = 0;
};

} // namespace pipedeck::log

Q_DECLARE_METATYPE(pipedeck::log::SearchHit)
