#include "log/logengine.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <mutex>

namespace pipedeck::log {

LogEngine::LogEngine()
{
    startInMemory();
}

LogEngine::~LogEngine() = default;

LogEngine::ReadLock::ReadLock(const LogEngine &engine)
    : m_engine(engine)
{
    if (engine.m_lock.try_lock_shared())
        return;
    engine.m_readersWaiting.fetch_add(1, std::memory_order_acq_rel);
    engine.m_lock.lock_shared();
    if (engine.m_readersWaiting.fetch_sub(1, std::memory_order_acq_rel) == 1)
        engine.m_readersWaiting.notify_all();
}

LogEngine::ReadLock::~ReadLock()
{
    m_engine.m_lock.unlock_shared();
}

void LogEngine::letWaitingReadersIn() const
{
    for (int waiting = m_readersWaiting.load(std::memory_order_acquire); waiting > 0;
         waiting = m_readersWaiting.load(std::memory_order_acquire))
        m_readersWaiting.wait(waiting, std::memory_order_acquire);
}

void LogEngine::resetIndexLocked()
{
    m_index.clear();
    m_sections.clear();
    m_scanner = std::make_unique<LogScanner>(m_index, m_sections);
    m_scannedSize = 0;
    m_finalScanned = false;
    m_generation.fetch_add(1);
}

bool LogEngine::openFile(const QString &path, QString *error)
{
    auto file = MappedFile::open(path, error);
    if (!file)
        return false;
    std::unique_lock lock(m_lock);
    m_source = std::move(file);
    m_complete = true;
    resetIndexLocked();
    return true;
}

bool LogEngine::startCache(const QString &cachePath, QString *error)
{
    auto cache = GrowingCacheFile::create(cachePath, error);
    if (!cache)
        return false;
    std::unique_lock lock(m_lock);
    m_source = std::move(cache);
    m_complete = false;
    resetIndexLocked();
    return true;
}

void LogEngine::startInMemory()
{
    std::unique_lock lock(m_lock);
    m_source = std::make_unique<MemoryBuffer>();
    m_complete = false;
    resetIndexLocked();
}

bool LogEngine::append(QByteArrayView bytes, QString *error)
{
    std::unique_lock lock(m_lock);
    if (!m_source->append(bytes, error))
        return false;
    if (m_finalScanned && !bytes.isEmpty()) {
        qCInfo(lcLog) << "log grew after it was complete; indexing it again";
        resetIndexLocked();
    }
    if (!bytes.isEmpty())
        m_complete = false;
    return true;
}

void LogEngine::setComplete(bool complete)
{
    std::unique_lock lock(m_lock);
    m_complete = complete;
    if (!complete && m_finalScanned)
        resetIndexLocked();
}

bool LogEngine::isComplete() const
{
    ReadLock lock(*this);
    return m_complete;
}

LogEngine::FileChange LogEngine::refreshFile()
{
    std::unique_lock lock(m_lock);
    switch (m_source->refresh()) {
    case ByteSource::Change::None:
        return FileChange::None;
    case ByteSource::Change::Grew:
        if (m_finalScanned)
            resetIndexLocked();
        return m_finalScanned ? FileChange::Reset : FileChange::Grew;
    case ByteSource::Change::Shrank:
        qCInfo(lcLog) << "log file shrank underneath; indexing it again";
        resetIndexLocked();
        return FileChange::Reset;
    }
    return FileChange::None;
}

bool LogEngine::indexSome(qint64 maxBytes)
{
    qint64 budget = qMax<qint64>(maxBytes, 1);
    for (;;) {
        letWaitingReadersIn();
        std::unique_lock lock(m_lock);
        if (!m_source->isIntact()) {
            lock.unlock();
            refreshFile();
            return true;
        }
        const qint64 size = m_source->size();
        const qint64 before = m_scanner->scannedUpTo();
        const qint64 end = qMin(size, before + qMin(budget, kLockStep));
        const bool final = m_complete && end == size;
        if (end == m_scannedSize && final == m_finalScanned)
            return false;
        m_source->prefetch(before, end - before);
        m_scanner->scan(m_source->data(), end, final);
        // The open line is read again by the next step; everything before it is done. Pages
        // just before the step are released again: this step's faults can map them anew (the
        // kernel maps page-cache folios and fault-around windows whole). Without it 831 MB of
        // the 1 GiB benchmark log stayed mapped after indexing, with it 8 MB.
        const qint64 releaseFrom = qMax<qint64>(0, before - kReleaseMargin);
        m_source->release(releaseFrom,
                          qMin(m_scanner->scannedUpTo(), m_scanner->openLineStart()) - releaseFrom);
        m_scannedSize = end;
        m_finalScanned = final;
        budget -= end - before;
        const bool more = end < size || (m_complete && !final);
        if (!more || budget <= 0)
            return more;
    }
}

void LogEngine::indexAll()
{
    QElapsedTimer timer;
    timer.start();
    while (indexSome()) {
    }
    qCDebug(lcPerf) << "indexed" << byteSize() << "bytes," << lineCount() << "lines in"
                    << timer.nsecsElapsed() / 1e6 << "ms";
}

qint64 LogEngine::indexedBytes() const
{
    ReadLock lock(*this);
    return m_scannedSize;
}

qint64 LogEngine::lineCountLocked() const
{
    return m_index.lineCount() + (m_scanner->openLineStart() < m_scannedSize ? 1 : 0);
}

qint64 LogEngine::lineCount() const
{
    ReadLock lock(*this);
    return lineCountLocked();
}

qint64 LogEngine::byteSize() const
{
    ReadLock lock(*this);
    return m_source->size();
}

TimestampMode LogEngine::renderTimestampsLocked() const
{
    return m_scanner->timestampMode() == TimestampMode::On ? TimestampMode::On : TimestampMode::Off;
}

bool LogEngine::hasTimestamps() const
{
    ReadLock lock(*this);
    return renderTimestampsLocked() == TimestampMode::On;
}

std::pair<qint64, qint64> LogEngine::lineRangeLocked(qint64 line) const
{
    if (line < m_index.lineCount())
        return {m_index.lineStart(line), m_index.lineStart(line + 1)};
    return {m_scanner->openLineStart(), m_scannedSize};
}

bool LogEngine::needsRenderLocked(qint64 line) const
{
    if (line < m_index.lineCount())
        return m_index.isComplex(line);
    return m_scanner->openLineComplex();
}

Style LogEngine::styleAtLocked(qint64 line) const
{
    if (line >= m_index.lineCount())
        return m_scanner->lineStartStyle();
    const qint64 block = line >> LineIndex::kBlockShift;
    Style style = m_index.blockStyle(block);
    const TimestampMode ts = renderTimestampsLocked();
    const char *data = m_source->data();
    qint64 offset = m_index.lineStart(block << LineIndex::kBlockShift);
    for (qint64 l = block << LineIndex::kBlockShift; l < line; ++l) {
        const qint64 next = m_index.lineStart(l + 1);
        if (m_index.isComplex(l))
            style = advanceStyle(data + offset, data + next, style, ts);
        offset = next;
    }
    return style;
}

RenderedLine LogEngine::line(qint64 index) const
{
    const QList<RenderedLine> one = lines(index, 1);
    return one.isEmpty() ? RenderedLine() : one.front();
}

QList<RenderedLine> LogEngine::lines(qint64 first, qint64 count) const
{
    ReadLock lock(*this);
    QList<RenderedLine> out;
    const qint64 total = lineCountLocked();
    if (first < 0 || first >= total || count <= 0 || !m_source->isIntact())
        return out;
    count = qMin(count, total - first);
    out.reserve(count);
    const TimestampMode ts = renderTimestampsLocked();
    const char *data = m_source->data();
    Style style = styleAtLocked(first);
    QString timestamp;
    if (ts == TimestampMode::On) {
        const qint64 prefix = m_index.entryTimestamp(first);
        if (prefix >= 0)
            timestamp = QString::fromLatin1(data + prefix, syntax::kTimestampLength);
    }
    for (qint64 l = first; l < first + count; ++l) {
        const auto [start, end] = lineRangeLocked(l);
        // A line that starts inside a raw line (at a section marker) keeps the timestamp of
        // the line before it; the index has it only for the first line asked for.
        if (l > first)
            timestamp = start > 0 && data[start - 1] != '\n' ? out.back().timestamp : QString();
        out.append(renderLine(data + start, data + end, style, ts, timestamp));
        style = out.back().endStyle;
    }
    return out;
}

QByteArray LogEngine::rawLine(qint64 index) const
{
    ReadLock lock(*this);
    if (index < 0 || index >= lineCountLocked() || !m_source->isIntact())
        return {};
    const auto [start, end] = lineRangeLocked(index);
    return QByteArray(m_source->data() + start, end - start);
}

std::vector<Section> LogEngine::sections() const
{
    ReadLock lock(*this);
    return m_sections.sections();
}

qsizetype LogEngine::sectionCount() const
{
    ReadLock lock(*this);
    return qsizetype(m_sections.sections().size());
}

int LogEngine::innermostSection(qint64 line) const
{
    ReadLock lock(*this);
    return m_sections.innermostAt(line);
}

void LogEngine::releaseMappedPages() const
{
    ReadLock lock(*this);
    if (m_source && m_source->isIntact())
        m_source->release(0, m_scannedSize);
}

LogStats LogEngine::stats() const
{
    ReadLock lock(*this);
    LogStats stats;
    stats.bytes = m_source->size();
    stats.lines = lineCountLocked();
    stats.sections = qint64(m_sections.sections().size());
    stats.indexBytes = m_index.memoryBytes() + m_sections.sections().capacity() * sizeof(Section);
    stats.timestamps = renderTimestampsLocked() == TimestampMode::On;
    stats.droppedMarkers = m_sections.droppedMarkers();
    return stats;
}

} // namespace pipedeck::log
