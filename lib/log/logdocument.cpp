#include "log/logdocument.h"

#include "core/logging.h"

#include <QElapsedTimer>
#include <QTimer>

#include <utility>

namespace pipedeck::log {

namespace {
// Small first slab: the first screen needs only the first lines.
constexpr qint64 kFirstSlab = qint64(256) << 10;
constexpr qint64 kPublishEveryNs = 30'000'000;

qint64 monotonicNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}
} // namespace

LogDocument::LogDocument(QObject *parent)
    : QObject(parent)
    , m_engine(std::make_shared<LogEngine>())
{
    m_worker = std::thread([this] { workerLoop(); });
}

LogDocument::~LogDocument()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_worker.join();
}

bool LogDocument::openFile(const QString &path, QString *error)
{
    m_openStartedNs = monotonicNs();
    if (!m_engine->openFile(path, error))
        return false;
    m_publishedGeneration = m_engine->generation();
    Q_EMIT reset();
    // The first lines are indexed here, not by the worker: waking a thread and
    // hearing back from it costs milliseconds on a busy machine, scanning the
    // first slab well under one.
    m_engine->indexSome(kFirstSlab);
    qCDebug(lcPerf) << "first lines ready" << msSinceOpened() << "ms after opening";
    const qint64 lines = m_engine->lineCount();
    if (lines > 0)
        Q_EMIT linesAdded(lines);
    if (const qsizetype sections = m_engine->sectionCount(); sections > 0)
        Q_EMIT sectionsChanged(sections);
    Q_EMIT progress(m_engine->indexedBytes(), m_engine->byteSize());
    // The worker publishes the whole log at least once, so that indexingFinished comes.
    requestIndexing();
    return true;
}

bool LogDocument::startCache(const QString &cachePath, QString *error)
{
    m_openStartedNs = monotonicNs();
    if (!m_engine->startCache(cachePath, error))
        return false;
    Q_EMIT reset();
    return true;
}

bool LogDocument::append(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return true;
    bool room = true;
    {
        std::lock_guard lock(m_mutex);
        m_queue.append(bytes.toByteArray());
        m_queuedBytes += bytes.size();
        m_pending = true;
        room = m_queuedBytes <= kQueueLimit;
        m_appendHeldBack = m_appendHeldBack || !room;
    }
    m_wake.notify_one();
    return room;
}

void LogDocument::setComplete()
{
    {
        std::lock_guard lock(m_mutex);
        m_completeQueued = true;
        m_pending = true;
    }
    m_wake.notify_one();
}

void LogDocument::refreshFile()
{
    if (m_engine->refreshFile() != LogEngine::FileChange::None)
        requestIndexing();
}

double LogDocument::msSinceOpened() const
{
    const qint64 started = m_openStartedNs.load();
    return started >= 0 ? (monotonicNs() - started) / 1e6 : -1;
}

bool LogDocument::isIndexing() const
{
    std::lock_guard lock(m_mutex);
    return m_pending || m_busy;
}

void LogDocument::waitForIndexed()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_pending && !m_busy && m_queue.isEmpty(); });
}

void LogDocument::releasePagesWhenIdle(int idleMs)
{
    if (!m_releaseTimer) {
        m_releaseTimer = new QTimer(this);
        m_releaseTimer->setSingleShot(true);
        connect(m_releaseTimer, &QTimer::timeout, this, [this] { m_engine->releaseMappedPages(); });
    }
    m_releaseTimer->start(idleMs);
}

void LogDocument::requestIndexing()
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void LogDocument::publish(bool finished)
{
    const qint64 lines = m_engine->lineCount();
    const qsizetype sections = m_engine->sectionCount();
    const quint64 generation = m_engine->generation();
    const qint64 indexed = m_engine->indexedBytes();
    const qint64 total = m_engine->byteSize();
    const bool wasReset = generation != m_publishedGeneration;
    const bool linesChanged = lines != m_publishedLines || wasReset;
    const bool sectionsChanged = sections != m_publishedSections || wasReset;
    m_publishedGeneration = generation;
    m_publishedLines = lines;
    m_publishedSections = sections;
    QMetaObject::invokeMethod(
        this,
        [=, this] {
            if (wasReset) {
                m_openStartedNs = monotonicNs();
                Q_EMIT reset();
            }
            // A line that grew without new lines still needs a repaint.
            Q_EMIT linesAdded(lines);
            if (sectionsChanged)
                Q_EMIT this->sectionsChanged(sections);
            Q_EMIT progress(indexed, total);
            if (finished)
                Q_EMIT indexingFinished(lines);
        },
        Qt::QueuedConnection);
    Q_UNUSED(linesChanged);
}

bool LogDocument::drainQueue()
{
    QList<QByteArray> queue;
    bool complete = false;
    bool heldBack = false;
    {
        std::lock_guard lock(m_mutex);
        queue.swap(m_queue);
        m_queuedBytes = 0;
        complete = m_completeQueued;
        m_completeQueued = false;
        heldBack = std::exchange(m_appendHeldBack, false);
    }
    if (heldBack) {
        // Up to one queue's worth is still in `queue` while it is written; the next one
        // may fill meanwhile.
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT roomToAppend(); }, Qt::QueuedConnection);
    }
    for (const QByteArray &bytes : queue) {
        QString error;
        if (!m_engine->append(bytes, &error)) {
            qCWarning(lcLog) << "cannot cache the trace:" << error;
            QMetaObject::invokeMethod(
                this, [this, error] { Q_EMIT cacheFailed(error); }, Qt::QueuedConnection);
            break;
        }
    }
    if (complete)
        m_engine->setComplete();
    return !queue.isEmpty() || complete;
}

void LogDocument::workerLoop()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending || m_stop; });
            if (m_stop)
                return;
            m_pending = false;
            m_busy = true;
        }
        drainQueue();
        const qint64 startNs = monotonicNs();
        const qint64 startBytes = m_engine->indexedBytes();
        qint64 lastPublishNs = startNs;
        bool firstSlab = startBytes == 0;
        bool more = true;
        while (more) {
            more = m_engine->indexSome(firstSlab ? kFirstSlab : LogEngine::kDefaultSlab);
            // Bytes that arrived meanwhile are indexed in the same pass.
            if (!more && drainQueue())
                more = true;
            const qint64 now = monotonicNs();
            if (firstSlab && m_openStartedNs.load() >= 0) {
                qCDebug(lcPerf) << "first lines ready" << (now - m_openStartedNs.load()) / 1e6
                                << "ms after opening";
            }
            if (firstSlab || now - lastPublishNs > kPublishEveryNs) {
                publish(false);
                lastPublishNs = now;
            }
            firstSlab = false;
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return;
        }
        const qint64 elapsedNs = monotonicNs() - startNs;
        const qint64 bytes = m_engine->indexedBytes() - startBytes;
        if (bytes > (1 << 20)) {
            qCInfo(lcPerf).nospace() << "indexed " << bytes << " bytes in " << elapsedNs / 1e6
                                     << " ms (" << (elapsedNs ? bytes / (elapsedNs / 1e9) / 1e9 : 0)
                                     << " GB/s), " << m_engine->lineCount() << " lines";
        }
        publish(true);
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
        }
        m_idle.notify_all();
    }
}

} // namespace pipedeck::log
