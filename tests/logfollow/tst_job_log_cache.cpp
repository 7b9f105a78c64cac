// The job-log cache across processes: each run caches into its own folder, held by a lock
// file; what a killed run left (CI logs may hold secrets) is removed by the next start, a
// running one's is never touched; the total size is capped, oldest unused files first.
// The other runs are real processes (this binary started with --hold-cache), killed with
// SIGKILL as a crash would.
#include "gitlab/gitlab_test_support.h"
#include "log/logdocument.h"
#include "logfollow/job_log_cache.h"
#include "logfollow/trace_follower.h"
#include "sim/demo_data.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using pipedeck::logfollow::JobLogCache;

namespace {

// The other process: opens a cache in `root`, writes a "log" into it, says where, and
// waits to be killed.
int holdCache(const QString &root)
{
    JobLogCache cache(root);
    QString error;
    const QString path = cache.createFile(QStringLiteral("job-7"), &error);
    if (path.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("export TOKEN=secret\n") <= 0)
        return 3;
    file.close();
    std::printf("%s\n", qPrintable(path));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

bool writeBytes(const QString &path, qint64 size)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray(size, 'x')) == size;
}

} // namespace

class TestJobLogCache : public QObject
{
    Q_OBJECT
private:
    struct Holder
    {
        std::unique_ptr<QProcess> process;
        QString file;
    };

    static Holder startHolder(const QString &root)
    {
        Holder holder;
        holder.process = std::make_unique<QProcess>();
        holder.process->start(QCoreApplication::applicationFilePath(),
                              {QStringLiteral("--hold-cache"), root});
        if (!holder.process->waitForStarted(10000) || !holder.process->waitForReadyRead(10000))
            qFatal("the cache-holding process did not start: %s",
                   holder.process->readAllStandardError().constData());
        holder.file = QString::fromLocal8Bit(holder.process->readLine()).trimmed();
        return holder;
    }

    static void crash(Holder &holder)
    {
        holder.process->kill(); // SIGKILL: no destructor runs
        holder.process->waitForFinished(10000);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ownFolderGoesWithTheCache()
    {
        QTemporaryDir root;
        QString path;
        QString folder;
        {
            JobLogCache cache(root.path());
            QVERIFY(cache.open());
            folder = cache.directory();
            QVERIFY(QFileInfo(folder).isDir());
            QVERIFY(folder.startsWith(root.path() + QLatin1Char('/')));
            path = cache.createFile(QStringLiteral("job-1"));
            QVERIFY(!path.isEmpty());
            QVERIFY(path.startsWith(folder + QLatin1Char('/')));
            QVERIFY(cache.isInUse(path));
            QVERIFY(writeBytes(path, 100));
            QCOMPARE(cache.totalBytes(), 100);
            cache.release(path);
            QVERIFY(!QFile::exists(path));
            QVERIFY(!cache.isInUse(path));
            QVERIFY(writeBytes(cache.createFile(QStringLiteral("job-2")), 10));
        }
        QVERIFY(!QFileInfo::exists(folder));
        QCOMPARE(
            QDir(root.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList());
    }

    void aKilledRunsLogsAreRemovedAtStartARunningOnesKept()
    {
        QTemporaryDir root;
        Holder running = startHolder(root.path());
        Holder killed = startHolder(root.path());
        QVERIFY(QFile::exists(running.file));
        QVERIFY(QFile::exists(killed.file));
        crash(killed);
        QVERIFY(QFile::exists(killed.file)); // a crash leaves it behind

        JobLogCache cache(root.path());
        QVERIFY(cache.open());
        QCOMPARE(cache.removedAtOpen(), 1);
        QVERIFY(!QFile::exists(killed.file));
        QVERIFY(!QFileInfo::exists(QFileInfo(killed.file).absolutePath()));
        QVERIFY(
            !QFileInfo::exists(QFileInfo(killed.file).absolutePath() + QStringLiteral(".lock")));
        // The running one's log is its own, however long it has been running.
        QVERIFY(QFile::exists(running.file));

        crash(running);
        JobLogCache next(root.path());
        QVERIFY(next.open());
        QVERIFY(!QFile::exists(running.file));
        const QStringList left =
            QDir(root.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        // Only the two live caches of this process remain (folders and their locks).
        QCOMPARE(left.size(), 4);
        for (const QString &name : left)
            QVERIFY2(name.contains(QString::number(QCoreApplication::applicationPid())),
                     qPrintable(name));
    }

    void filesOfTheOldLayoutAreRemovedAtStart()
    {
        QTemporaryDir root;
        const QString old = root.filePath(QStringLiteral("job-42-AbCdEf.log"));
        QVERIFY(writeBytes(old, 10));
        JobLogCache cache(root.path());
        QVERIFY(cache.open());
        QVERIFY(!QFile::exists(old));
        QCOMPARE(cache.removedAtOpen(), 1);
    }

    void totalSizeIsCappedOldestUnusedFirst()
    {
        QTemporaryDir root;
        JobLogCache cache(root.path(), 1000);
        QVERIFY(cache.open());
        // Left over in this run's folder (a file Windows would not let go of while mapped).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString oldest = QDir(cache.directory()).filePath(QStringLiteral("a.log"));
        const QString newer = QDir(cache.directory()).filePath(QStringLiteral("b.log"));
        QVERIFY(writeBytes(oldest, 400));
        QVERIFY(writeBytes(newer, 400));
        {
            QFile a(oldest), b(newer);
            QVERIFY(a.open(QIODevice::ReadWrite) && b.open(QIODevice::ReadWrite));
            QVERIFY(a.setFileTime(now.addSecs(-3600), QFileDevice::FileModificationTime));
            QVERIFY(b.setFileTime(now.addSecs(-60), QFileDevice::FileModificationTime));
        }
        const QString inUse = cache.createFile(QStringLiteral("job-1"));
        QVERIFY(!inUse.isEmpty());
        QVERIFY(writeBytes(inUse, 300)); // 1,100 bytes now
        const QString next = cache.createFile(QStringLiteral("job-2"));
        QVERIFY(!next.isEmpty());
        QVERIFY(!QFile::exists(oldest)); // the oldest went first ...
        QVERIFY(QFile::exists(newer));   // ... and that was enough
        QVERIFY(QFile::exists(inUse));
        QCOMPARE(cache.totalBytes(), 700);

        QVERIFY(writeBytes(next, 600)); // 1,300 bytes: the other leftover goes too
        const QString third = cache.createFile(QStringLiteral("job-3"));
        QVERIFY(!third.isEmpty());
        QVERIFY(!QFile::exists(newer));
        QCOMPARE(cache.totalBytes(), 900);

        // Filled by logs in use: nothing of theirs is removed, a new one is refused.
        QVERIFY(writeBytes(third, 200));
        QString error;
        QVERIFY(cache.createFile(QStringLiteral("job-4"), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("cache is full")), qPrintable(error));
        QVERIFY(QFile::exists(inUse) && QFile::exists(next) && QFile::exists(third));
        QCOMPARE(cache.totalBytes(), 1100);
        cache.release(next);
        QVERIFY(!cache.createFile(QStringLiteral("job-4")).isEmpty());
    }

    void aFollowedLogIsCachedInTheProcessFolder()
    {
        auto sim = gltest::startSim();
        pipedeck::gitlab::Connection connection(sim->baseUrl(), gltest::fastOptions());
        connection.setToken(gltest::kDemoToken);
        QTemporaryDir root;
        JobLogCache cache(root.path());
        QString path;
        {
            pipedeck::log::LogDocument document;
            pipedeck::logfollow::TraceFollower::Options options;
            options.cache = &cache;
            pipedeck::logfollow::TraceFollower follower(
                connection, pipedeck::sim::demo::kDemoProjectId, pipedeck::sim::demo::kRunningJobId,
                document, options);
            QString error;
            QVERIFY2(follower.start(&error), qPrintable(error));
            path = follower.cachePath();
            QVERIFY(path.startsWith(cache.directory() + QLatin1Char('/')));
            QVERIFY(cache.isInUse(path));
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 10000);
        }
        QVERIFY(!QFile::exists(path));
        QVERIFY(!cache.isInUse(path));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--hold-cache") == 0) {
        QCoreApplication app(argc, argv);
        return holdCache(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestJobLogCache test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_job_log_cache.moc"
