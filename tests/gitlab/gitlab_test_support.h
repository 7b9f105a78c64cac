#pragma once

// Shared set-up for the API library's integration tests: a pipedeck-sim server on loopback
// (in-process, simulated time standing still) and a Connection signed in to it.
#include "gitlab/net/connection.h"
#include "gitlab/requests/request.h"
#include "sim/server.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace gltest {

inline const QString kDemoToken = QStringLiteral("glpat-CANARY-3f1c9e2ad4b74f0e9d1a");
inline const QString kReaderToken = QStringLiteral("glpat-reader-readapi-000111");
inline const QString kAliceToken = QStringLiteral("glpat-alice-api-222333444");

inline pipedeck::sim::ServerOptions simOptions()
{
    using namespace pipedeck::sim;
    ServerOptions options;
    options.seed = 11;
    options.clockRunning = false;
    options.bigLog = false;
    options.startTime = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    options.tokens = {
        TokenGrant{kDemoToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}},
        TokenGrant{kReaderToken, QStringLiteral("reader"), {QStringLiteral("read_api")}, {}},
        TokenGrant{kAliceToken, QStringLiteral("alice"), {QStringLiteral("api")}, {}},
    };
    return options;
}

inline std::unique_ptr<pipedeck::sim::Server> startSim()
{
    auto server = std::make_unique<pipedeck::sim::Server>(simOptions());
    if (!server->listen())
        qFatal("pipedeck-sim did not listen");
    return server;
}

//! Fast timings so fault tests finish quickly; the rules are the same as in production.
inline pipedeck::gitlab::ConnectionOptions fastOptions()
{
    pipedeck::gitlab::ConnectionOptions options;
    options.retry.baseDelayMs = 20;
    options.retry.maxDelayMs = 200;
    options.transferTimeoutMs = 5000;
    options.deadlineMs = 20000;
    options.gate.requestsPerMinute = 100000; // integration tests are not about the budget
    return options;
}

//! Starts `request` and waits until it finished (exactly once).
template<class R>
bool runToEnd(R &request, pipedeck::gitlab::Connection &connection, int timeoutMs = 20000)
{
    QSignalSpy spy(&request, &pipedeck::gitlab::Request::finished);
    request.start(&connection);
    if (!spy.wait(timeoutMs) && spy.isEmpty())
        return false;
    QTest::qWait(0);
    return spy.count() == 1 && request.isFinished();
}

inline QByteArray header(const pipedeck::sim::RecordedRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

inline int countRequests(const pipedeck::sim::Server &server, const QByteArray &method,
                         const QByteArray &pathPart)
{
    int count = 0;
    const auto requests = server.requests();
    for (const auto &request : requests) {
        if (request.method == method && request.target.contains(pathPart))
            ++count;
    }
    return count;
}

} // namespace gltest
