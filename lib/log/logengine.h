#pragma once

#include "log/bytesource.h"
#include "log/lineindex.h"
#include "log/linerenderer.h"
#include "log/logscanner.h"
#include "log/sectiontree.h"

#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <vector>

namespace pipedeck::log {

struct LogStats
{
    qint64 bytes = 0;
    qint64 lines = 0;
    qint64 sections = 0;
    size_t indexBytes = 0; // line index, style checkpoints, search flags and sections
    bool timestamps = false;
    qint64 droppedMarkers = 0;
};

// A job log: its raw bytes (a mapped file or a growing cache file, never a heap
// copy), the compact line index, the section tree and everything needed to
// render any line on demand. Thread-safe: one thread indexes (indexSome) while
// others read lines, sections or search; readers only see fully indexed lines.
//
// Line numbers are 0-based. Every raw line is a display line, except that a
// FF_TIMESTAMPS continuation ('+') joins the line before it, and that a section
// marker in the middle of a raw line starts a new line as in GitLab (a start
// marker after text; what follows an end marker that closed a section). Empty
// lines are kept (GitLab's JSON view drops them) so that numbers match the raw log.
class LogEngine
{
public:
    LogEngine();
    ~LogEngine();
    LogEngine(const LogEngine &) = delete;
    LogEngine &operator=(const LogEngine &) = delete;

    // --- Where the bytes come from (each call starts a new, empty log) ---
    // A file on disk, mapped. It is complete unless setComplete(false) is called
    // (a file that someone else is still writing; see refreshFile()).
    bool openFile(const QString &path, QString *error);
    // A trace that arrives in pieces, kept in a cache file at `cachePath`.
    bool startCache(const QString &cachePath, QString *error);
    // Bytes kept in memory: for tests and the fuzzer only.
    void startInMemory();
    // Adds bytes to a cache or in-memory log. The result never depends on how
    // a log was split into appends.
    bool append(QByteArrayView bytes, QString *error = nullptr);
    // No more bytes will come (or, with false, more may come). A log that
    // grows again after it was marked complete is re-indexed from scratch.
    void setComplete(bool complete = true);
    bool isComplete() const;

    enum class FileChange { None, Grew, Reset };
    // Checks a mapped file again: new bytes are indexed by the next indexSome();
    // a file that shrank or changed underneath is indexed again from the start.
    FileChange refreshFile();
    // Counts resets (a shrunk file, growth after completion); readers use it to
    // notice that line numbers they hold are stale.
    quint64 generation() const { return m_generation.load(); }

    // --- Indexing (one thread at a time) ---
    // Scans up to `maxBytes` new bytes; returns true while unscanned bytes remain.
    bool indexSome(qint64 maxBytes = kDefaultSlab);
    void indexAll();
    qint64 indexedBytes() const;

    // --- Reading (any thread) ---
    qint64 lineCount() const;
    qint64 byteSize() const;
    bool hasTimestamps() const;
    RenderedLine line(qint64 line) const;
    QList<RenderedLine> lines(qint64 first, qint64 count) const;
    // Raw bytes of a line as stored (escapes, markers and prefixes included).
    QByteArray rawLine(qint64 line) const;
    std::vector<Section> sections() const;
    qsizetype sectionCount() const;
    // Index into sections() of the innermost section containing `line`, or -1.
    int innermostSection(qint64 line) const;
    LogStats stats() const;
    // Gives back the mapped pages of the indexed log (a reader maps again what it touches
    // next): after a search has read all of it, so that the log does not stay resident.
    void releaseMappedPages() const;

    static constexpr qint64 kDefaultSlab = qint64(8) << 20;
    // The indexer holds the lock for at most this many bytes at a time and lets
    // waiting readers in between, so a reader (the GUI thread painting the first
    // screen) waits for one step (~1 ms), not for a whole slab.
    static constexpr qint64 kLockStep = qint64(1) << 20;
    // How far before a step the indexer releases mapped pages again (a large folio).
    static constexpr qint64 kReleaseMargin = qint64(4) << 20;

private:
    friend class LogSearcher;

    // Shared access for a reader. A reader that has to wait says so, and the
    // indexer does not take the lock again before it got in: without that, the
    // indexer, still running, would win the lock back before the woken reader
    // runs, step after step.
    class ReadLock
    {
    public:
        explicit ReadLock(const LogEngine &engine);
        ~ReadLock();
        ReadLock(const ReadLock &) = delete;
        ReadLock &operator=(const ReadLock &) = delete;

    private:
        const LogEngine &m_engine;
    };
    void letWaitingReadersIn() const;

    void resetIndexLocked();
    qint64 lineCountLocked() const;
    // [start, end) of a display line; the caller holds the lock.
    std::pair<qint64, qint64> lineRangeLocked(qint64 line) const;
    Style styleAtLocked(qint64 line) const;
    TimestampMode renderTimestampsLocked() const;
    bool needsRenderLocked(qint64 line) const;

    mutable std::shared_mutex m_lock;
    mutable std::atomic<int> m_readersWaiting{0};
    std::unique_ptr<ByteSource> m_source;
    LineIndex m_index;
    SectionTree m_sections;
    std::unique_ptr<LogScanner> m_scanner;
    // One bit per line: the line has escapes, '\r', or a joined continuation, so
    // its displayed text is not a plain slice of the raw bytes (search renders it).
    std::vector<quint64> m_complexLines;
    qint64 m_scannedSize = 0;
    bool m_complete = true;
    bool m_finalScanned = false;
    std::atomic<quint64> m_generation{0};
};

} // namespace pipedeck::log
