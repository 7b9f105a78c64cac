#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <memory>

namespace pipedeck::log {

// Where the raw bytes of a log live. The log itself is never copied to the
// heap: a file is memory-mapped, and a downloaded or streamed trace is written
// to a cache file that is mapped as it grows.
class ByteSource
{
public:
    enum class Change { None, Grew, Shrank };

    virtual ~ByteSource() = default;
    virtual const char *data() const = 0;
    virtual qint64 size() const = 0;
    virtual bool append(QByteArrayView bytes, QString *error);
    // For a file someone else writes: looks at its size again and maps what is new.
    virtual Change refresh() { return Change::None; }
    // False once the file underneath became shorter than what is mapped; reading
    // the lost pages would fault, so callers stop reading.
    virtual bool isIntact() const { return true; }
    // A hint that [offset, offset + length) will not be read again soon: a
    // mapped file drops those pages from this process (they stay in the page
    // cache), so resident memory stays small after a big log was indexed.
    virtual void release(qint64 offset, qint64 length)
    {
        Q_UNUSED(offset)
        Q_UNUSED(length)
    }
    // A hint that [offset, offset + length) is about to be read sequentially:
    // a mapped file maps those pages in one call instead of one fault at a time.
    virtual void prefetch(qint64 offset, qint64 length)
    {
        Q_UNUSED(offset)
        Q_UNUSED(length)
    }
};

// A file opened read-only and mapped (QFile::map), e.g. a saved job log.
class MappedFile final : public ByteSource
{
public:
    static std::unique_ptr<MappedFile> open(const QString &path, QString *error);
    ~MappedFile() override;

    const char *data() const override { return m_data; }
    qint64 size() const override { return m_size; }
    Change refresh() override;
    bool isIntact() const override;
    void release(qint64 offset, qint64 length) override;
    void prefetch(qint64 offset, qint64 length) override;

private:
    bool mapWhole(QString *error);

    QFile m_file;
    const char *m_data = nullptr;
    qint64 m_size = 0;
};

// A cache file that grows by appends: the file is extended in doubling steps
// and mapped read-write, so an append is one memcpy and what was written never
// moves on disk. close() trims the file to its real length.
class GrowingCacheFile final : public ByteSource
{
public:
    static std::unique_ptr<GrowingCacheFile> create(const QString &path, QString *error);
    ~GrowingCacheFile() override;

    const char *data() const override { return m_data; }
    qint64 size() const override { return m_size; }
    bool append(QByteArrayView bytes, QString *error) override;
    void close();
    QString path() const { return m_file.fileName(); }

private:
    bool reserve(qint64 capacity, QString *error);

    QFile m_file;
    char *m_data = nullptr;
    qint64 m_size = 0;
    qint64 m_capacity = 0;
    bool m_writable = false;
};

// Bytes held in memory; for tests and the fuzzer, not for real logs.
class MemoryBuffer final : public ByteSource
{
public:
    const char *data() const override { return m_bytes.constData(); }
    qint64 size() const override { return m_bytes.size(); }
    bool append(QByteArrayView bytes, QString *error) override;

private:
    QByteArray m_bytes;
};

} // namespace pipedeck::log
