#pragma once

#include "log/logengine.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

class QTimer;

namespace pipedeck::log {

// A log for a viewer: owns a LogEngine and indexes it in a background thread,
// telling the GUI thread as lines arrive. The first few hundred kilobytes are
// indexed first so that the first screen can be painted at once; then the rest
// follows in slabs, during which the viewer can already read, scroll and search.
class LogDocument : public QObject
{
    Q_OBJECT
public:
    explicit LogDocument(QObject *parent = nullptr);
    ~LogDocument() override;

    // Shared so that searches can keep it alive while they run.
    std::shared_ptr<LogEngine> engine() const { return m_engine; }

    bool openFile(const QString &path, QString *error);
    // A trace that arrives in pieces (a running job), cached in `cachePath`.
    bool startCache(const QString &cachePath, QString *error);
    // Queues bytes of a streamed trace: the worker thread writes them to the
    // cache and indexes them, so the GUI thread never waits for the disk.
    // A failure to write is reported by cacheFailed(). False when more than
    // kQueueLimit bytes wait for the worker: hold further bytes back until
    // roomToAppend(), or they pile up in memory (the network is faster).
    bool append(QByteArrayView bytes);
    static constexpr qint64 kQueueLimit = qint64(4) << 20;
    // The job finished: no more bytes will come.
    void setComplete();
    // Looks at an opened file again (it may have grown, shrunk or changed).
    void refreshFile();

    bool isIndexing() const;
    // Milliseconds since openFile()/startCache() or since the log was indexed again
    // from scratch (for open-to-first-paint figures); -1 before either.
    double msSinceOpened() const;
    // Blocks until everything known now is indexed (for tools and tests).
    void waitForIndexed();
    // A search has read the whole log: give its pages back once nothing has asked for a
    // while (a next search within `idleMs` keeps them; see docs/log-engine.md).
    void releasePagesWhenIdle(int idleMs = 30'000);

Q_SIGNALS:
    // Lines were added (or the last line grew); `lineCount` is the new total.
    void linesAdded(qint64 lineCount);
    void sectionsChanged(qsizetype sectionCount);
    void progress(qint64 indexedBytes, qint64 totalBytes);
    void indexingFinished(qint64 lineCount);
    // The log was indexed again from scratch: line numbers held are stale.
    void reset();
    // Appended bytes could not be written to the cache (disk full, ...).
    void cacheFailed(const QString &error);
    // The worker took the queued bytes after append() had said false.
    void roomToAppend();

private:
    void requestIndexing();
    void workerLoop();
    // Moves queued bytes into the engine; true when there were any (or completion).
    bool drainQueue();
    void publish(bool finished);

    std::shared_ptr<LogEngine> m_engine;
    QTimer *m_releaseTimer = nullptr;
    std::thread m_worker;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    QList<QByteArray> m_queue; // appended bytes not yet in the cache
    qint64 m_queuedBytes = 0;
    bool m_appendHeldBack = false; // append() said false: tell when there is room
    bool m_completeQueued = false;
    bool m_pending = false;
    bool m_busy = false;
    bool m_stop = false;
    // Last values told to the GUI thread (touched by the worker only).
    qint64 m_publishedLines = -1;
    qsizetype m_publishedSections = 0;
    std::atomic<quint64> m_publishedGeneration{0};
    std::atomic<qint64> m_openStartedNs{-1};
};

} // namespace pipedeck::log
