#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdio>
#include <ctime>

namespace pipedeck::bench {

struct Memory
{
    qint64 rssKb = 0;
    qint64 anonKb = 0;
    qint64 fileKb = 0;
    qint64 peakKb = 0;
};

// From /proc/self/status, or another process's /proc/<pid>/status (Linux).
inline Memory memory(const QString &statusPath = QStringLiteral("/proc/self/status"))
{
    Memory m;
    QFile status(statusPath);
    if (!status.open(QIODevice::ReadOnly))
        return m;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        auto value = [&](const char *key, qint64 &out) {
            if (line.startsWith(key))
                out = line.mid(qstrlen(key)).trimmed().split(' ').front().toLongLong();
        };
        value("VmRSS:", m.rssKb);
        value("RssAnon:", m.anonKb);
        value("RssFile:", m.fileKb);
        value("VmHWM:", m.peakKb);
    }
    return m;
}

// CPU time used so far by this thread / this process, in nanoseconds. On a
// loaded machine these show what the work costs, apart from waiting for a CPU.
inline qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
inline qint64 processCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Reads a file once so that timings are "warm" (in the page cache).
inline void warmPageCache(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QByteArray buffer(4 << 20, Qt::Uninitialized);
    while (file.read(buffer.data(), buffer.size()) > 0) {
    }
}

} // namespace pipedeck::bench
