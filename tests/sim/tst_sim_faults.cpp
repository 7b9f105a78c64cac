// Every fault kind the simulator can inject, as a client sees it.
#include "sim_test_client.h"

#include "sim/demo_data.h"
#include "sim/world.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace pipedeck::sim;
using namespace simtest;

class TestSimFaults : public DemoServerTest
{
    Q_OBJECT

private:
    const QString m_path = QStringLiteral("/projects/1/pipelines/%1").arg(demo::kFailedPipelineId);

    FaultRule rule(FaultKind kind,
                   const QString &pattern = QStringLiteral("^/api/v4/projects/1/pipelines/\\d+$"))
    {
        FaultRule r;
        r.kind = kind;
        r.path = QRegularExpression(pattern);
        return r;
    }

private Q_SLOTS:

    void appliesOnlyAsOftenAsAsked()
    {
        FaultRule r = rule(FaultKind::ServerError);
        r.times = 2;
        m_server->addFault(r);
        QCOMPARE(m_client->get(m_path).status, 500);
        QCOMPARE(m_client->get(QStringLiteral("/version")).status, 200); // other routes untouched
        QCOMPARE(m_client->get(m_path).status, 500);
        QCOMPARE(m_client->get(m_path).status, 200);
        r.times = -1;
        r.method = "POST";
        m_server->addFault(r);
        QCOMPARE(m_client->get(m_path).status, 200); // method does not match
        m_server->clearFaults();
    }

    void serverErrors()
    {
        FaultRule r = rule(FaultKind::ServerError);
        m_server->addFault(r);
        Reply reply = m_client->get(m_path);
        QCOMPARE(reply.status, 500);
        QCOMPARE(reply.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("500 Internal Server Error"));
        r.status = 503;
        m_server->addFault(r);
        QCOMPARE(m_client->get(m_path).status, 503);
    }

    void tooManyRequests()
    {
        FaultRule r = rule(FaultKind::TooManyRequests);
        r.retryAfter = QStringLiteral("7");
        m_server->addFault(r);
        Reply reply = m_client->get(m_path);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.header("Retry-After"), QByteArray("7"));
        r.retryAfter = QStringLiteral("Wed, 21 Oct 2026 07:28:00 GMT");
        m_server->addFault(r);
        QCOMPARE(m_client->get(m_path).header("Retry-After"),
                 QByteArray("Wed, 21 Oct 2026 07:28:00 GMT"));
        r.retryAfter.clear();
        m_server->addFault(r);
        reply = m_client->get(m_path);
        QCOMPARE(reply.status, 429);
        QVERIFY(!reply.hasHeader("Retry-After"));
    }

    void delay()
    {
        FaultRule r = rule(FaultKind::Delay);
        r.delayMs = 300;
        m_server->addFault(r);
        Reply reply = m_client->get(m_path);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.elapsedMs >= 290);
        QCOMPARE(reply.object().value(QStringLiteral("id")).toInt(), int(demo::kFailedPipelineId));
    }

    void truncatedBody()
    {
        m_server->addFault(rule(FaultKind::TruncatedBody));
        Reply reply = m_client->get(m_path);
        QVERIFY(reply.error != QNetworkReply::NoError);
        const Reply full = m_client->get(m_path);
        QVERIFY(reply.body.size() < full.body.size());
    }

    void malformedJsonAndHtml()
    {
        m_server->addFault(rule(FaultKind::MalformedJson));
        Reply reply = m_client->get(m_path);
        QCOMPARE(reply.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(reply.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        m_server->addFault(rule(FaultKind::HtmlPage));
        reply = m_client->get(m_path);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("text/html"));
        QVERIFY(reply.body.contains("<html"));
    }

    void redirectToAnotherOrigin()
    {
        FaultRule r = rule(FaultKind::RedirectTo);
        r.redirectTarget = QUrl(QStringLiteral("http://127.0.0.2:9/steal"));
        m_server->addFault(r);
        Reply reply = m_client->get(m_path);
        QCOMPARE(reply.status, 302);
        QCOMPARE(reply.header("Location"), QByteArray("http://127.0.0.2:9/steal"));
        r.status = 307;
        m_server->addFault(r);
        QCOMPARE(m_client->get(m_path).status, 307);
    }

    void closeAfterProcessing()
    {
        FaultRule r = rule(FaultKind::CloseAfterProcessing, QStringLiteral("/retry$"));
        r.method = "POST";
        m_server->addFault(r);
        m_server->clearRequests();
        // A raw socket: QNetworkAccessManager itself re-sends a request whose connection closes
        // before any reply, which would hide what the server did.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v4/projects/1/jobs/" + QByteArray::number(demo::kFailedJobId) +
                     "/retry HTTP/1.1\r\nHost: x\r\nPRIVATE-TOKEN: " + kDemoToken.toUtf8() +
                     "\r\nContent-Length: 0\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(socket.readAll(), QByteArray());
        QVERIFY(m_server->world().job(demo::kFailedJobId)->retried);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().status, 0);
        QCOMPARE(m_server->requests().first().method, QByteArray("POST"));
    }

    void stall()
    {
        m_server->addFault(rule(FaultKind::Stall));
        Reply reply = m_client->send("GET", m_path, {}, {}, {}, 400);
        QCOMPARE(reply.status, 200);                    // headers came
        QVERIFY(reply.error != QNetworkReply::NoError); // the body never did
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(m_client->get(m_path).status, 200); // a new connection works
    }

    void trickle()
    {
        FaultRule r = rule(FaultKind::Trickle, QStringLiteral("^/api/v4/version$"));
        r.delayMs = 5;
        m_server->addFault(r);
        const Reply slow = m_client->get(QStringLiteral("/version"));
        const Reply normal = m_client->get(QStringLiteral("/version"));
        QCOMPARE(slow.status, 200);
        QCOMPARE(slow.body, normal.body);
        QVERIFY(slow.elapsedMs >= 5 * (normal.body.size() - 1));
    }

    void recordsRequests()
    {
        m_server->clearRequests();
        QSignalSpy spy(m_server.get(), &Server::requestHandled);
        m_client->postForm(QStringLiteral("/projects/1/triggers"), "description=abc");
        QCOMPARE(spy.size(), 1);
        const RecordedRequest recorded = m_server->requests().first();
        QCOMPARE(recorded.method, QByteArray("POST"));
        QCOMPARE(recorded.target, QByteArray("/api/v4/projects/1/triggers"));
        QCOMPARE(recorded.body, QByteArray("description=abc"));
        QCOMPARE(recorded.status, 201);
        bool sawToken = false;
        for (const auto &[key, value] : recorded.headers)
            sawToken = sawToken || key.compare("PRIVATE-TOKEN", Qt::CaseInsensitive) == 0;
        QVERIFY(sawToken);
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_sim_faults.moc"
