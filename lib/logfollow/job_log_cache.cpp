#include "logfollow/job_log_cache.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <algorithm>

namespace pipedeck::logfollow {

namespace {

constexpr QLatin1StringView kFolderPrefix{"p-"};
constexpr QLatin1StringView kLockSuffix{".lock"};

QString lockPathOf(const QString &folder)
{
    return folder + kLockSuffix;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

JobLogCache::JobLogCache(QString root, qint64 maxBytes)
    : m_root(std::move(root))
    , m_maxBytes(maxBytes)
{}

JobLogCache::~JobLogCache()
{
    if (!m_lock)
        return;
    if (!m_directory.isEmpty())
        QDir(m_directory).removeRecursively();
    m_lock->unlock(); // removes the lock file
}

JobLogCache &JobLogCache::shared()
{
    static JobLogCache cache(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                             QStringLiteral("/job-logs"));
    return cache;
}

bool JobLogCache::open(QString *error)
{
    if (m_lock)
        return true;
    if (!QDir().mkpath(m_root)) {
        if (error)
            *error = QCoreApplication::translate("TraceFollower",
                                                 "Cannot create the folder %1 for job logs.")
                         .arg(QDir::toNativeSeparators(m_root));
        return false;
    }
    // The lock before the folder: a folder without a held lock is always a leftover.
    for (int attempt = 0; attempt < 8 && !m_lock; ++attempt) {
        const QString folder = QDir(m_root).filePath(
            kFolderPrefix + QString::number(QCoreApplication::applicationPid()) + QLatin1Char('-') +
            QString::number(QRandomGenerator::global()->generate(), 36));
        auto lock = std::make_unique<QLockFile>(lockPathOf(folder));
        lock->setStaleLockTime(0); // held for the whole run: never stale by age
        if (lock->tryLock(0) && QDir().mkpath(folder)) {
            m_lock = std::move(lock);
            m_directory = folder;
        }
    }
    if (!m_lock) {
        if (error)
            *error = QCoreApplication::translate("TraceFollower",
                                                 "Cannot create the folder %1 for job logs.")
                         .arg(QDir::toNativeSeparators(m_root));
        return false;
    }
    removeUnowned();
    makeRoom(m_maxBytes);
    return true;
}

void JobLogCache::removeUnowned()
{
    const QFileInfoList entries =
        QDir(m_root).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        const QString path = entry.absoluteFilePath();
        if (path == m_directory || path == lockPathOf(m_directory))
            continue;
        if (entry.isDir() && entry.fileName().startsWith(kFolderPrefix)) {
            QLockFile probe(lockPathOf(path));
            // Only a dead owner (on this host) makes a lock stale, never its age.
            probe.setStaleLockTime(0);
            if (!probe.tryLock(0))
                continue; // a running Pipedeck owns it
            QDir(path).removeRecursively();
            probe.unlock();
            ++m_removedAtOpen;
            qCInfo(lcLog) << "removed the job-log cache a stopped Pipedeck left:"
                          << entry.fileName();
        } else if (entry.isFile() && entry.fileName().endsWith(kLockSuffix)) {
            QLockFile probe(path);
            probe.setStaleLockTime(0);
            if (probe.tryLock(0))
                probe.unlock(); // a lock whose folder is gone
        } else if (entry.isFile()) {
            // Written straight into the root by versions before per-process folders.
            if (QFile::remove(path))
                ++m_removedAtOpen;
        }
    }
}

void JobLogCache::makeRoom(qint64 totalLimit)
{
    qint64 total = totalBytes();
    if (total <= totalLimit)
        return;
    // Only this process's files that no log uses any more: other processes' files are
    // theirs to manage.
    QFileInfoList candidates;
    const QFileInfoList files = QDir(m_directory).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        if (!m_inUse.contains(file.absoluteFilePath()))
            candidates.append(file);
    }
    std::sort(candidates.begin(), candidates.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.lastModified() < b.lastModified();
    });
    for (const QFileInfo &file : std::as_const(candidates)) {
        if (total <= totalLimit)
            break;
        if (QFile::remove(file.absoluteFilePath()))
            total -= file.size();
    }
}

QString JobLogCache::createFile(const QString &namePrefix, QString *error)
{
    if (!open(error))
        return {};
    makeRoom(m_maxBytes);
    const qint64 total = totalBytes();
    if (total >= m_maxBytes) {
        if (error)
            *error = QCoreApplication::translate(
                         "TraceFollower",
                         "The job-log cache is full: %1 of at most %2 is taken by the logs "
                         "that are open. Close some job logs, or raise the limit.")
                         .arg(sizeText(total), sizeText(m_maxBytes));
        return {};
    }
    QTemporaryFile file(QDir(m_directory).filePath(namePrefix + QStringLiteral("-XXXXXX.log")));
    file.setAutoRemove(false);
    if (!file.open()) {
        if (error)
            *error = QCoreApplication::translate("TraceFollower", "Cannot create a file in %1: %2")
                         .arg(QDir::toNativeSeparators(m_directory), file.errorString());
        return {};
    }
    const QString path = QFileInfo(file.fileName()).absoluteFilePath();
    m_inUse.insert(path);
    return path;
}

void JobLogCache::release(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_inUse.remove(absolute);
    QFile::remove(absolute);
}

qint64 JobLogCache::totalBytes() const
{
    qint64 total = 0;
    QDirIterator it(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (!it.fileName().endsWith(kLockSuffix))
            total += it.fileInfo().size();
    }
    return total;
}

} // namespace pipedeck::logfollow
