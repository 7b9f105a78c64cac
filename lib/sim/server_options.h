#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace pipedeck::sim {

// A personal access token the simulator accepts. The token text is never logged.
struct TokenGrant
{
    QString token;
    QString username;   // "demo" (owner of most demo things), "reader", "alice", ...
    QStringList scopes; // {"api"} or {"read_api"}; read_api -> 403 on writes
    QDate expiresAt;    // may be null
};

struct ServerOptions
{
    quint64 seed = 1;         // deterministic demo data and timing
    double speed = 1.0;       // simulated seconds per wall second
    bool clockRunning = true; // false: time moves only through Server::advance()
    QList<TokenGrant> tokens; // tokens[0] is the demo user's api token
    bool demoData = true;     // false: an empty instance (users only) that tests fill
    bool bigLog = true;       // the 50 MB job log (off for fast unit tests)
    // Current GitLab retries and plays trigger jobs through POST /jobs/:id/retry and /play
    // (retry since 17.1); older versions answered 404 for them, which false emulates.
    bool triggerJobActions = true;
    // GitLab 17.10 added `inputs` to POST /projects/:id/pipeline. An older GitLab does not declare
    // the parameter and Grape drops undeclared parameters: the pipeline is created as if no
    // inputs were sent (no error). false emulates that.
    bool pipelineInputs = true;
    // platform/deploy-tools gets 10,000 more branches (feature/JIRA-1234-short-description ...,
    // deterministic from the seed) for the ref-picker benchmark.
    bool manyBranches = false;
    QDateTime startTime; // simulated "now" at start; null = the wall clock's now
    // Set (with a local certificate and key): the server speaks https only. Null: plain http.
    QSslConfiguration tls;
};

} // namespace pipedeck::sim
