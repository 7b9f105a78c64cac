#pragma once

#include <QSet>
#include <QString>

#include <memory>

class QLockFile;

namespace pipedeck::logfollow {

// The folder job logs are cached in while they are followed. CI logs may hold secrets, so
// nothing may stay behind a crash: each process caches into its own subfolder, held by a
// QLockFile next to it; opening the cache removes every subfolder whose lock no running
// process holds (a crashed or killed Pipedeck's), and the process's own folder goes when the
// cache is destroyed. The total size is capped: a new file first makes room by removing the
// oldest files no log uses, and is refused (with a message) when the logs in use already
// fill the cap.
class JobLogCache
{
public:
    static constexpr qint64 kDefaultMaxBytes = 2LL * 1024 * 1024 * 1024;

    // `root`: the shared folder (several processes' subfolders live in it).
    explicit JobLogCache(QString root, qint64 maxBytes = kDefaultMaxBytes);
    ~JobLogCache();
    JobLogCache(const JobLogCache &) = delete;
    JobLogCache &operator=(const JobLogCache &) = delete;

    // Takes this process's subfolder and removes the ones no running process owns. Later
    // calls do nothing. False (with a translated error) when the folder cannot be made.
    bool open(QString *error = nullptr);
    bool isOpen() const { return m_lock != nullptr; }

    QString root() const { return m_root; }
    QString directory() const { return m_directory; } // this process's subfolder
    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 maxBytes) { m_maxBytes = maxBytes; }

    // A new, empty file in this process's subfolder, in use until release(). Opens the cache
    // first if needed. Empty (with a translated error) when it cannot be made or the cap is
    // reached by files in use.
    QString createFile(const QString &namePrefix, QString *error = nullptr);
    // Removes the file; one that cannot be removed yet (mapped on Windows) is removed later,
    // when room is needed or with the folder.
    void release(const QString &path);
    bool isInUse(const QString &path) const { return m_inUse.contains(path); }

    // Of every file under the root, every process's.
    qint64 totalBytes() const;
    // Subfolders (and stray files) removed by open(): crash leftovers.
    int removedAtOpen() const { return m_removedAtOpen; }

    // The process's cache under QStandardPaths::CacheLocation + "/job-logs".
    static JobLogCache &shared();

private:
    void removeUnowned();
    void makeRoom(qint64 totalLimit);

    QString m_root;
    QString m_directory;
    qint64 m_maxBytes;
    std::unique_ptr<QLockFile> m_lock;
    QSet<QString> m_inUse;
    int m_removedAtOpen = 0;
};

} // namespace pipedeck::logfollow
