#pragma once

// An in-process pipedeck-sim on loopback and a gitlab::Connection signed in to it, for the
// action and page tests. Simulated time moves only through server->advance().
#include "gitlab/net/connection.h"
#include "sim/fault_rule.h"
#include "sim/server.h"

#include <QDateTime>
#include <QList>
#include <QRegularExpression>
#include <memory>

namespace actionstest {

inline const QString kWriterToken = QStringLiteral("actions-test-demo-api");
inline const QString kReaderToken = QStringLiteral("actions-test-demo-read-api");

inline pipedeck::sim::ServerOptions serverOptions()
{
    using namespace pipedeck::sim;
    ServerOptions options;
    options.seed = 11;
    options.clockRunning = false;
    options.bigLog = false;
    options.startTime = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    options.tokens = {
        TokenGrant{kWriterToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}},
        // The demo user (Owner) with a read-only token: only the scope refuses writes.
        TokenGrant{kReaderToken, QStringLiteral("demo"), {QStringLiteral("read_api")}, {}},
    };
    return options;
}

struct SimFixture
{
    std::unique_ptr<pipedeck::sim::Server> server;
    std::unique_ptr<pipedeck::gitlab::Connection> connection;

    bool start(const QString &token = kWriterToken,
               const pipedeck::sim::ServerOptions &options = serverOptions())
    {
        server = std::make_unique<pipedeck::sim::Server>(options);
        if (!server->listen())
            return false;
        connection = std::make_unique<pipedeck::gitlab::Connection>(server->baseUrl());
        connection->setToken(token);
        return true;
    }
    void stop()
    {
        connection.reset();
        server.reset();
    }

    //! Requests whose method is `method` and whose target contains `pathPart`, in order.
    QList<pipedeck::sim::RecordedRequest> requests(const QByteArray &method,
                                                   const QString &pathPart = {}) const
    {
        QList<pipedeck::sim::RecordedRequest> found;
        const QList<pipedeck::sim::RecordedRequest> all = server->requests();
        for (const pipedeck::sim::RecordedRequest &request : all) {
            if (request.method == method &&
                (pathPart.isEmpty() || QString::fromUtf8(request.target).contains(pathPart)))
                found.append(request);
        }
        return found;
    }
    int count(const QByteArray &method, const QString &pathPart = {}) const
    {
        return int(requests(method, pathPart).size());
    }
    int writes() const { return count("POST") + count("PUT") + count("DELETE"); }

    //! GitLab acts on every matching request and the reply is lost (the connection closes).
    //! Forever, so that a transport-level resend (Qt does it for a body-less DELETE) is
    //! swallowed as well.
    void loseRepliesTo(const QByteArray &method, const QString &pathPattern)
    {
        pipedeck::sim::FaultRule fault;
        fault.method = method;
        fault.path = QRegularExpression(pathPattern);
        fault.kind = pipedeck::sim::FaultKind::CloseAfterProcessing;
        fault.times = -1;
        server->addFault(fault);
    }
};

} // namespace actionstest
