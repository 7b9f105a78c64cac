#pragma once

#include "sim/fault_rule.h"
#include "sim/recorded_request.h"
#include "sim/server_options.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace pipedeck::sim {

class World;
class HttpConnection;
struct HttpRequest;

// A GitLab REST API v4 server on loopback (HTTP/1.1, keep-alive), serving a World that lives in
// simulated time. It runs in the thread that owns it.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerOptions options = {}, QObject *parent = nullptr);
    ~Server() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port> (https with options.tls; no /api/v4)

    void addFault(const FaultRule &rule);
    void clearFaults();

    QList<RecordedRequest> requests() const; // every request received, in order
    void clearRequests();

    void advance(double simulatedSeconds); // move simulated time (jobs progress, traces grow)
    World &world();                        // the living state, for tests that set things up

Q_SIGNALS:
    void requestHandled(const pipedeck::sim::RecordedRequest &request);

private:
    void handle(HttpConnection *connection, const HttpRequest &request);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace pipedeck::sim
