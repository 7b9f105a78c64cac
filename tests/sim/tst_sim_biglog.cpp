// The 50 MB demo log: generated once, served whole, with an ETag and 304.
#include "sim_test_client.h"

#include "sim/demo_data.h"

#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestSimBigLog)
#include "tst_sim_biglog.moc"
