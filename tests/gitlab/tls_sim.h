#pragma once

// pipedeck-sim over https with a chain of tls_test_chain.h: an empty instance (users only)
// that accepts `tokens`.
#include "gitlab/tls_test_chain.h"
#include "sim/server.h"

#include <memory>

namespace tlstest {

inline std::unique_ptr<pipedeck::sim::Server>
startTlsSim(const Chain &chain, const QList<pipedeck::sim::TokenGrant> &tokens, bool sendCa = false)
{
    pipedeck::sim::ServerOptions options;
    options.bigLog = false;
    options.demoData = false;
    options.tokens = tokens;
    options.tls = chain.serverConfiguration(sendCa);
    auto server = std::make_unique<pipedeck::sim::Server>(options);
    if (!server->listen())
        qFatal("the TLS pipedeck-sim did not listen");
    return server;
}

//! One token with the api scope for the user "demo".
inline QList<pipedeck::sim::TokenGrant> apiToken(const QString &token)
{
    return {{token, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
}

} // namespace tlstest
