#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdio>
#include <ctime>
#include <initializer_list>
#include <utility>

namespace pipedeck::bench {

struct Memory
{
    qint64 rssKb = 0;
    qint64 anonKb = 0;
    qint64 fileKb = 0;
    qint64 peakKb = 0;
};

// Reads "Key:   123 kB" lines of a /proc file.
inline void readProcKb(const QString &path,
                       const std::initializer_list<std::pair<const char *, qint64 *>> &keys)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        for (const auto &[key, out] : keys) {
            if (line.startsWith(key))
                *out = line.mid(qstrlen(key)).trimmed().split(' ').front().toLongLong();
        }
    }
}

// Of this process, or of another one with `procDir` = "/proc/<pid>" (Linux). Resident memory
// comes from smaps_rollup, which walks the page tables (the counters in status are per-CPU
// approximations); the peak from status.
inline Memory memory(const QString &procDir = QStringLiteral("/proc/self"))
{
    Memory m;
    readProcKb(procDir + QStringLiteral("/status"), {{"VmHWM:", &m.peakKb}});
    readProcKb(procDir + QStringLiteral("/smaps_rollup"),
               {{"Rss:", &m.rssKb}, {"Anonymous:", &m.anonKb}});
    m.fileKb = m.rssKb - m.anonKb;
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
