#include "log/bytesource.h"

#include "core/logging.h"

#include <QCoreApplication>

#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace pipedeck::log {

namespace {
constexpr qint64 kMinimumCacheCapacity = 1 << 20;

} // namespace

bool ByteSource::append(QByteArrayView, QString *error)
{
    if (error)
        *error = QCoreApplication::translate("pipedeck::log::ByteSource", "This log cannot grow.");
    return false;
}

std::unique_ptr<MappedFile> MappedFile::open(const QString &path, QString *error)
{
    std::unique_ptr<MappedFile> source(new MappedFile);
    source->m_file.setFileName(path);
    if (!source->m_file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("pipedeck::log::ByteSource", "Cannot open %1: %2")
                         .arg(path, source->m_file.errorString());
        return nullptr;
    }
    if (!source->mapWhole(error))
        return nullptr;
    return source;
}

MappedFile::~MappedFile()
{
    if (m_data)
        m_file.unmap(reinterpret_cast<uchar *>(const_cast<char *>(m_data)));
}

bool MappedFile::mapWhole(QString *error)
{
    if (m_data) {
        m_file.unmap(reinterpret_cast<uchar *>(const_cast<char *>(m_data)));
        m_data = nullptr;
        m_size = 0;
    }
    const qint64 size = m_file.size();
    if (size == 0)
        return true;
    uchar *mapped = m_file.map(0, size);
    if (!mapped) {
        if (error)
            *error = QCoreApplication::translate("pipedeck::log::ByteSource", "Cannot map %1: %2")
                         .arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_data = reinterpret_cast<const char *>(mapped);
    m_size = size;
    return true;
}

ByteSource::Change MappedFile::refresh()
{
    const qint64 size = m_file.size();
    if (size == m_size)
        return Change::None;
    const Change change = size > m_size ? Change::Grew : Change::Shrank;
    QString error;
    if (!mapWhole(&error))
        qCWarning(lcLog) << "remapping failed:" << error;
    return change;
}

bool MappedFile::isIntact() const
{
    return m_file.size() >= m_size;
}

void MappedFile::release(qint64 offset, qint64 length)
{
#ifdef Q_OS_LINUX
    static const qint64 page = sysconf(_SC_PAGESIZE);
    const qint64 begin = (offset + page - 1) / page * page;
    const qint64 end = qMin(offset + length, m_size) / page * page;
    if (m_data && end > begin && !qEnvironmentVariableIsSet("PIPEDECK_LOG_NO_RELEASE"))
        madvise(const_cast<char *>(m_data) + begin, size_t(end - begin), MADV_DONTNEED);
#else
    Q_UNUSED(offset)
    Q_UNUSED(length)
#endif
}

void MappedFile::prefetch(qint64 offset, qint64 length)
{
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_READ)
    static const qint64 page = sysconf(_SC_PAGESIZE);
    const qint64 begin = offset / page * page;
    const qint64 end = qMin(offset + length, m_size);
    // Older kernels answer EINVAL; then pages simply fault in as usual.
    if (m_data && end > begin && !qEnvironmentVariableIsSet("PIPEDECK_LOG_NO_PREFETCH"))
        madvise(const_cast<char *>(m_data) + begin, size_t(end - begin), MADV_POPULATE_READ);
#else
    Q_UNUSED(offset)
    Q_UNUSED(length)
#endif
}

std::unique_ptr<GrowingCacheFile> GrowingCacheFile::create(const QString &path, QString *error)
{
    std::unique_ptr<GrowingCacheFile> cache(new GrowingCacheFile);
    cache->m_file.setFileName(path);
    if (!cache->m_file.open(QIODevice::ReadWrite | QIODevice::Truncate)) {
        if (error)
            *error = QCoreApplication::translate("pipedeck::log::ByteSource",
                                                 "Cannot create the log cache %1: %2")
                         .arg(path, cache->m_file.errorString());
        return nullptr;
    }
    cache->m_writable = true;
    return cache;
}

GrowingCacheFile::~GrowingCacheFile()
{
    close();
}

bool GrowingCacheFile::reserve(qint64 capacity, QString *error)
{
    if (m_data) {
        m_file.unmap(reinterpret_cast<uchar *>(m_data));
        m_data = nullptr;
    }
    uchar *mapped = nullptr;
    // Reopening drops QFile's cached size, which map() checks against.
    if (m_file.resize(capacity)) {
        m_file.close();
        if (m_file.open(QIODevice::ReadWrite))
            mapped = m_file.map(0, capacity);
    }
    if (!mapped) {
        if (error)
            *error = QCoreApplication::translate("pipedeck::log::ByteSource",
                                                 "Cannot extend the log cache %1: %2")
                         .arg(m_file.fileName(), m_file.errorString());
        // Keep what was already written readable.
        if (m_capacity > 0 && m_file.resize(m_capacity))
            m_data = reinterpret_cast<char *>(m_file.map(0, m_capacity));
        if (!m_data)
            m_size = 0;
        return false;
    }
    m_data = reinterpret_cast<char *>(mapped);
    m_capacity = capacity;
    return true;
}

bool GrowingCacheFile::append(QByteArrayView bytes, QString *error)
{
    if (bytes.isEmpty())
        return true;
    if (!m_writable) {
        if (error)
            *error = QCoreApplication::translate("pipedeck::log::ByteSource",
                                                 "The log cache is closed.");
        return false;
    }
    const qint64 needed = m_size + bytes.size();
    if (needed > m_capacity) {
        const qint64 capacity = qMax(qMax(needed, m_capacity * 2), kMinimumCacheCapacity);
        if (!reserve(capacity, error))
            return false;
    }
    std::memcpy(m_data + m_size, bytes.data(), size_t(bytes.size()));
    m_size = needed;
    return true;
}

void GrowingCacheFile::close()
{
    if (!m_writable)
        return;
    m_writable = false;
    if (m_data) {
        m_file.unmap(reinterpret_cast<uchar *>(m_data));
        m_data = nullptr;
    }
    m_file.resize(m_size);
    m_file.close();
    // Keep the bytes readable after closing: map the final file read-only.
    if (m_size > 0 && m_file.open(QIODevice::ReadOnly))
        m_data = reinterpret_cast<char *>(m_file.map(0, m_size));
}

bool MemoryBuffer::append(QByteArrayView bytes, QString *)
{
    m_bytes.append(bytes);
    return true;
}

} // namespace pipedeck::log
