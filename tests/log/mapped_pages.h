#pragma once

#include <QFile>
#include <QList>
#include <QString>

namespace pipedeck::log::test {

// Resident kilobytes of this process's mappings of `path` (/proc/self/smaps), or -1.
inline qint64 mappedResidentKb(const QString &path)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray name = QFile::encodeName(path);
    qint64 total = 0;
    bool inside = false;
    const QList<QByteArray> lines = smaps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        // A mapping's header starts with its address in lower-case hex; its fields
        // ("Rss:", ...) start with a capital letter.
        const char first = line.isEmpty() ? ' ' : line.at(0);
        if ((first >= '0' && first <= '9') || (first >= 'a' && first <= 'f')) {
            inside = line.endsWith(name);
        } else if (inside && line.startsWith("Rss:")) {
            total += line.mid(4).trimmed().split(' ').front().toLongLong();
        }
    }
    return total;
}

} // namespace pipedeck::log::test
