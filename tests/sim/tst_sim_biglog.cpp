// The 50 MB demo log: generated once into a file (not onto the heap), served whole, with an
// ETag and 304.
#include "sim_test_client.h"

#include "sim/demo_data.h"
#include "sim/world.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

qint64 rssAnonKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').front().toLongLong();
    }
    return -1;
}

} // namespace

using namespace pipedeck::sim;
using namespace simtest;

class TestSimBigLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesFiftyMegabytes()
    {
        ServerOptions options = testOptions();
        options.bigLog = true;
        Server server(options);
        QVERIFY(server.listen());
        Client client(server.baseUrl());
        const QString path = QStringLiteral("/projects/5/jobs/%1/trace").arg(demo::kBigLogJobId);
        const Reply reply = client.get(path);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.size() >= demo::kBigLogBytes);
        QVERIFY(reply.body.size() < demo::kBigLogBytes + 1024 * 1024);
        QCOMPARE(reply.header("Content-Length").toLongLong(), reply.body.size());
        QVERIFY(reply.body.contains("section_start:"));
        QVERIFY(reply.body.contains("[collapsed=true]\r\033[0K"));
        QVERIFY(reply.body.endsWith("Job succeeded\033[0;m\n"));
        const QByteArray etag = reply.header("ETag");
        QVERIFY(etag.startsWith("W/\""));
        const Reply again = client.get(path, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
    }

    void keptInAFileNotOnTheHeap()
    {
        QTemporaryDir tmp;
        const bool hadTmpDir = qEnvironmentVariableIsSet("TMPDIR");
        const QByteArray tmpBefore = qgetenv("TMPDIR");
        qputenv("TMPDIR", QFile::encodeName(tmp.path()));
        ServerOptions options = testOptions();
        options.bigLog = true;
        Server server(options);
        World &world = server.world();
        const qint64 anonBefore = rssAnonKb();
        const QByteArray served = world.trace(demo::kBigLogJobId);
        const qint64 anonAfter = rssAnonKb();
        if (hadTmpDir)
            qputenv("TMPDIR", tmpBefore);
        else
            qunsetenv("TMPDIR");
        QVERIFY(served.size() >= demo::kBigLogBytes);
#if defined(Q_OS_UNIX)
        // Unlinked while still open and mapped: a demo ended by a signal leaves no 50 MB file.
        QVERIFY(QDir(tmp.path()).isEmpty());
#endif
        if (anonBefore >= 0) { // Linux: the bytes are a file mapping, not anonymous memory
            QVERIFY2(
                anonAfter - anonBefore < 16 * 1024,
                qPrintable(QStringLiteral("RssAnon grew by %1 KiB").arg(anonAfter - anonBefore)));
        }
        // Written in slices, the same bytes as made in one piece.
        const Job *job = world.job(demo::kBigLogJobId);
        QVERIFY(served == generateBigLog(demo::kBigLogBytes, options.seed, job->startedAtMs));
    }
};

QTEST_GUILESS_MAIN(TestSimBigLog)
#include "tst_sim_biglog.moc"
