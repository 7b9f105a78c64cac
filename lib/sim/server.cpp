#include "sim/server.h"

#include "core/logging.h"
#include "sim/auth.h"
#include "sim/demo_data.h"
#include "sim/fault_injector.h"
#include "sim/http_connection.h"
#include "sim/router.h"
#include "sim/world.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

namespace pipedeck::sim {

namespace {

constexpr qsizetype kEtagCacheMinBytes = 1024 * 1024;
// The demo runs the server inside the app: the big log waits until the app has started.
constexpr int kBigLogDelayMs = 3000;

const QByteArray kHtmlLoginPage =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>Sign in \xc2\xb7 GitLab</title>\n</head>\n<body class=\"login-page\">\n"
    "<h1>GitLab</h1>\n<form action=\"/users/sign_in\" method=\"post\">\n"
    "<input type=\"text\" name=\"user[login]\"><input type=\"password\" name=\"user[password]\">\n"
    "<button type=\"submit\">Sign in</button>\n</form>\n</body>\n</html>\n";

bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.trimmed() == "*")
        return true;
    const QByteArray opaque = etag.startsWith("W/") ? etag.mid(2) : etag;
    const QList<QByteArray> candidates = ifNoneMatch.split(',');
    for (QByteArray candidate : candidates) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == opaque)
            return true;
    }
    return false;
}

} // namespace

struct Server::Private
{
    explicit Private(const ServerOptions &o)
        : options(o)
        , clock(o.startTime, o.speed, o.clockRunning)
        , world(clock, o.seed)
        , auth(o.tokens, world)
    {
        if (o.tls.isNull()) {
            tcp = std::make_unique<QTcpServer>();
        } else {
            auto ssl = std::make_unique<QSslServer>();
            ssl->setSslConfiguration(o.tls);
            tcp = std::move(ssl);
        }
    }

    ServerOptions options;
    SimClock clock;
    World world;
    Authenticator auth;
    Router router;
    FaultInjector faults;
    std::unique_ptr<QTcpServer> tcp; //!< a QSslServer when options.tls is set
    QList<RecordedRequest> requests;
    QString baseUrl;
    QByteArray etagCacheBody; // kept alive so its data pointer identifies it
    QByteArray etagCacheValue;
    QTimer liveliness; // moves a running clock's world forward between requests
    qint64 nextDemoPushMs = 0;

    QByteArray etagFor(const QByteArray &body)
    {
        if (body.size() >= kEtagCacheMinBytes && body.constData() == etagCacheBody.constData() &&
            body.size() == etagCacheBody.size())
            return etagCacheValue;
        const QByteArray etag =
            "W/\"" + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex() + '"';
        if (body.size() >= kEtagCacheMinBytes) {
            etagCacheBody = body;
            etagCacheValue = etag;
        }
        return etag;
    }
};

Server::Server(ServerOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(options))
{
    qRegisterMetaType<pipedeck::sim::RecordedRequest>();
    d->world.setBigLogEnabled(options.bigLog);
    d->world.setActsOnTriggerJobs(options.triggerJobActions);
    d->world.setAcceptsPipelineInputs(options.pipelineInputs);
    if (options.demoData)
        populateDemoData(d->world, options.bigLog);
    if (options.demoData && options.manyBranches) {
        if (Project *tools = d->world.project(demo::kDeployToolsProjectId))
            addManyBranches(d->world, *tools, demo::kManyBranches);
    }
    for (const TokenGrant &grant : std::as_const(options.tokens)) {
        if (!d->world.userByUsername(grant.username))
            d->world.addUser(grant.username, grant.username);
    }
    d->world.update();
    if (options.bigLog)
        QTimer::singleShot(kBigLogDelayMs, this, [this] { d->world.prepareBigLog(); });
    addInstanceRoutes(d->router);
    addProjectRoutes(d->router);
    addPipelineRoutes(d->router);
    addJobRoutes(d->router);
    addTriggerRoutes(d->router);

    if (options.clockRunning) {
        d->liveliness.setInterval(1000);
        connect(&d->liveliness, &QTimer::timeout, this, [this] {
            if (d->options.demoData)
                runDemoActivity(d->world, &d->nextDemoPushMs);
            d->world.update();
        });
        d->liveliness.start();
    }

    const auto acceptConnections = [this] {
        while (QTcpSocket *socket = d->tcp->nextPendingConnection()) {
            auto *connection = new HttpConnection(
                socket,
                [this](HttpConnection *c, const HttpRequest &request) { handle(c, request); },
                this);
            connect(connection, &HttpConnection::closed, connection, &QObject::deleteLater);
        }
    };
    // A QSslServer queues a socket once its handshake is done, and says so with
    // pendingConnectionAvailable (newConnection comes before the handshake).
    if (d->options.tls.isNull())
        connect(d->tcp.get(), &QTcpServer::newConnection, this, acceptConnections);
    else
        connect(d->tcp.get(), &QTcpServer::pendingConnectionAvailable, this, acceptConnections);
}

Server::~Server() = default;

bool Server::listen(const QHostAddress &address, quint16 port)
{
    if (!d->tcp->listen(address, port)) {
        qCWarning(lcSim) << "cannot listen:" << d->tcp->errorString();
        return false;
    }
    QHostAddress host = d->tcp->serverAddress();
    QString hostText = host.toString();
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        hostText = QLatin1Char('[') + hostText + QLatin1Char(']');
    d->baseUrl =
        (d->options.tls.isNull() ? QStringLiteral("http://") : QStringLiteral("https://")) +
        hostText + QLatin1Char(':') + QString::number(d->tcp->serverPort());
    return true;
}

quint16 Server::port() const
{
    return d->tcp->serverPort();
}

QUrl Server::baseUrl() const
{
    return QUrl(d->baseUrl);
}

void Server::addFault(const FaultRule &rule)
{
    d->faults.add(rule);
}

void Server::clearFaults()
{
    d->faults.clear();
}

QList<RecordedRequest> Server::requests() const
{
    return d->requests;
}

void Server::clearRequests()
{
    d->requests.clear();
}

void Server::advance(double simulatedSeconds)
{
    d->clock.advance(simulatedSeconds);
    d->world.update();
}

World &Server::world()
{
    return d->world;
}

void Server::handle(HttpConnection *connection, const HttpRequest &request)
{
    RecordedRequest recorded{request.method, request.target, request.headers, request.body, 0};
    const QString path = QString::fromUtf8(request.path());
    const bool headOnly = request.method == "HEAD";
    auto finish = [this, &recorded](int status) {
        recorded.status = status;
        d->requests.append(recorded);
        Q_EMIT requestHandled(recorded);
    };

    d->world.update();
    const std::optional<FaultRule> fault =
        d->faults.take(request.method, path, QString::fromUtf8(request.query()));
    if (fault) {
        HttpResponse faulty;
        faulty.status = 0; // stays 0 for faults that answer after processing
        switch (fault->kind) {
        case FaultKind::TooManyRequests:
            faulty.status = 429;
            faulty.setHeader("Content-Type", "text/plain");
            if (!fault->retryAfter.isEmpty())
                faulty.setHeader("Retry-After", fault->retryAfter.toUtf8());
            faulty.body = "Retry later\n";
            break;
        case FaultKind::ServerError: {
            const int status = fault->status ? fault->status : 500;
            faulty = HttpResponse::message(status, QString::number(status) + QLatin1Char(' ') +
                                                       QString::fromLatin1(reasonPhrase(status)));
            break;
        }
        case FaultKind::MalformedJson:
            faulty = HttpResponse::json(200, "{\"id\": 1, \"status\": \"runn");
            break;
        case FaultKind::HtmlPage:
            faulty.status = 200;
            faulty.setHeader("Content-Type", "text/html; charset=utf-8");
            faulty.body = kHtmlLoginPage;
            break;
        case FaultKind::RedirectTo:
            faulty.status = fault->status ? fault->status : 302;
            faulty.setHeader("Location", fault->redirectTarget.toEncoded());
            faulty.setHeader("Content-Type", "text/html; charset=utf-8");
            faulty.body = "<html><body>You are being <a href=\"" +
                          fault->redirectTarget.toEncoded() + "\">redirected</a>.</body></html>";
            break;
        case FaultKind::Delay:
        case FaultKind::TruncatedBody:
        case FaultKind::CloseAfterProcessing:
        case FaultKind::Stall:
        case FaultKind::Trickle:
        case FaultKind::OverrideHeader:
            break;
        }
        if (faulty.status) {
            qCDebug(lcSim) << "fault" << int(fault->kind) << "on" << request.method << path;
            finish(faulty.status);
            connection->send(faulty, headOnly);
            return;
        }
    }

    HttpResponse response = d->router.dispatch(d->world, d->auth, request, d->baseUrl);
    response.setHeader("Vary", "Origin");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    const bool cacheable =
        (response.status == 200 || response.status == 201) && !response.body.isEmpty();
    if (cacheable) {
        const QByteArray etag = d->etagFor(response.body);
        response.setHeader("ETag", etag);
        if (!response.hasHeader("Cache-Control"))
            response.setHeader("Cache-Control", "max-age=0, private, must-revalidate");
        const QByteArray ifNoneMatch = request.header("If-None-Match");
        const bool safe = request.method == "GET" || headOnly;
        if (safe && response.status == 200 && !ifNoneMatch.isEmpty() &&
            etagMatches(ifNoneMatch, etag)) {
            HttpResponse notModified;
            notModified.status = 304;
            notModified.setHeader("ETag", etag);
            notModified.setHeader("Cache-Control", "max-age=0, private, must-revalidate");
            response = notModified;
        }
    } else if (response.status == 200) {
        response.setHeader("Cache-Control", "no-cache");
    }

    if (!fault) {
        finish(response.status);
        connection->send(response, headOnly);
        return;
    }
    switch (fault->kind) {
    case FaultKind::Delay: {
        finish(response.status);
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(std::max(0, fault->delayMs), this, [guard, response, headOnly] {
            if (guard)
                guard->send(response, headOnly);
        });
        return;
    }
    case FaultKind::TruncatedBody:
        finish(response.status);
        connection->sendTruncated(response);
        return;
    case FaultKind::CloseAfterProcessing:
        finish(0);
        connection->closeWithoutReply();
        return;
    case FaultKind::Stall:
        finish(response.status);
        connection->sendStalled(response);
        return;
    case FaultKind::Trickle:
        finish(response.status);
        connection->sendTrickled(response, fault->delayMs);
        return;
    case FaultKind::OverrideHeader:
        response.setHeader(fault->header, fault->headerValue);
        break;
    case FaultKind::TooManyRequests:
    case FaultKind::ServerError:
    case FaultKind::MalformedJson:
    case FaultKind::HtmlPage:
    case FaultKind::RedirectTo:
        break;
    }
    finish(response.status);
    connection->send(response, headOnly);
}

} // namespace pipedeck::sim
