#pragma once

#include "sim/server.h"

#include <QDateTime>
#include <QString>

namespace apptest {

//! A deterministic pipedeck-sim with a stopped clock and no 50 MB log, where `envToken` is the
//! demo user's api token (the GITLAB_TOKEN of the test).
inline pipedeck::sim::ServerOptions quietServerOptions(const QString &envToken)
{
    pipedeck::sim::ServerOptions options;
    options.seed = 11;
    options.clockRunning = false;
    options.bigLog = false;
    options.startTime = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    options.tokens = {{envToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
    return options;
}

} // namespace apptest
