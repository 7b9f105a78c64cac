#include "gitlab/net/connection.h"

#include "core/logging.h"
#include "gitlab/net/clock.h"
#include "gitlab/net/one_shot_body.h"
#include "gitlab/net/origin.h"
#include "gitlab/net/redact.h"
#include "gitlab/net/reply_classifier.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#if defined(PIPEDECK_GITLAB_HAVE_SECRETS)
#include "secrets/redaction.h"
#endif

#ifndef PIPEDECK_VERSION
#define PIPEDECK_VERSION "0"
#endif

namespace pipedeck::gitlab {

namespace {

constexpr QLatin1StringView kRedacted{"[redacted]"};
constexpr qint64 kStreamBufferBytes = 1024 * 1024;

QUrl normalizedInstance(QUrl url)
{
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1StringView("/api/v4")))
        path.chop(7);
    url.setPath(path);
    return url;
}

QString displayUrl(const QUrl &url)
{
    return redactSecrets(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

void registerSecrets(const QStringList &secrets)
{
#if defined(PIPEDECK_GITLAB_HAVE_SECRETS)
    for (const QString &secret : secrets)
        pipedeck::registerSecret(secret);
#else
    Q_UNUSED(secrets);
#endif
}

void unregisterSecrets(const QStringList &secrets)
{
#if defined(PIPEDECK_GITLAB_HAVE_SECRETS)
    for (const QString &secret : secrets)
        pipedeck::unregisterSecret(secret);
#else
    Q_UNUSED(secrets);
#endif
}

} // namespace

struct Connection::Pending
{
    ApiCall call;
    QUrl url;
    QPointer<QObject> context;
    Callback done;
    TransferHooks hooks;
    //! This attempt's 2xx body goes to hooks.bodyPiece as it arrives.
    bool streaming = false;
    bool streamedBefore = false; //!< an earlier attempt already handed over pieces
    bool bodyPaused = false;
    qint64 streamedBytes = 0;
    RequestGate::Ticket ticket = 0;
    QPointer<QNetworkReply> reply;
    int attempts = 0;
    bool deadlineHit = false;
    bool tooLarge = false; //!< aborted: the whole-read reply passed maxReplyBytes
    bool canceled = false;
    QList<QSslError> sslErrors; //!< this attempt's verification errors (never ignored)
    QList<QSslCertificate> peerChain;
};

Connection::Connection(const QUrl &instanceUrl, ConnectionOptions options, QObject *parent)
    : QObject(parent)
    , m_instanceUrl(normalizedInstance(instanceUrl))
    , m_options(options)
    , m_cache(options.cacheBytes)
{
    m_apiRoot = m_instanceUrl;
    m_apiRoot.setPath(m_instanceUrl.path() + QLatin1StringView("/api/v4"));
    if (m_options.clock) {
        m_clock = m_options.clock;
    } else {
        m_ownedClock = std::make_unique<SystemClock>();
        m_clock = m_ownedClock.get();
    }
    m_random = [] { return QRandomGenerator::global()->generateDouble(); };
    m_gate = new RequestGate(m_options.gate, m_clock, this);
    // Belt and braces: every request also sets ManualRedirectPolicy itself.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network.setStrictTransportSecurityEnabled(true);
    m_network.setAutoDeleteReplies(false);
}

Connection::~Connection()
{
    // Replies die with m_network; make sure none calls back into a half-destroyed object.
    for (auto &[id, pending] : m_pending) {
        if (pending->reply) {
            pending->reply->disconnect(this);
            pending->reply->abort();
        }
        unregisterSecrets(pending->call.secrets);
    }
    m_pending.clear();
    unregisterSecrets({m_token});
}

void Connection::setToken(const QString &token)
{
    if (token == m_token)
        return;
    unregisterSecrets({m_token});
    m_token = token;
    registerSecrets({m_token});
    // A new identity must not see the old one's cached results.
    m_cache.clear();
}

void Connection::setTlsTrust(const tls::TlsTrust &trust)
{
    if (trust == m_tlsTrust && (m_tlsConfiguration || trust.isEmpty()))
        return;
    m_tlsTrust = trust;
    if (trust.isEmpty())
        m_tlsConfiguration.reset();
    else
        m_tlsConfiguration = trust.configuration();
    // A kept-alive connection was verified against the old trust; Qt does not key its pool
    // on the TLS configuration.
    m_network.clearConnectionCache();
    qCInfo(lcNet) << "TLS trust for" << sanitizedOrigin(m_instanceUrl) << "now"
                  << trust.certificates().size() << "extra certificate(s)";
}

void Connection::setRandomSource(std::function<double()> random01)
{
    m_random = std::move(random01);
}

QUrl Connection::urlFor(const ApiCall &call) const
{
    if (call.link.isValid() || !call.link.isEmpty()) {
        const QString rootPath = m_apiRoot.path() + QLatin1Char('/');
        if (!isSameOrigin(call.link, m_apiRoot) || !call.link.path().startsWith(rootPath))
            return {};
        return call.link;
    }
    QUrl url = m_apiRoot;
    url.setPath(m_apiRoot.path(QUrl::FullyEncoded) + call.path, QUrl::TolerantMode);
    if (!call.query.isEmpty())
        url.setQuery(call.query);
    return url;
}

QNetworkRequest Connection::buildRequest(const ApiCall &call, const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", QByteArrayLiteral("Pipedeck/") + PIPEDECK_VERSION);
    request.setRawHeader("Accept", call.accept);
    if (call.sendToken && !m_token.isEmpty())
        request.setRawHeader("PRIVATE-TOKEN", m_token.toUtf8());
    if (!call.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    if (!call.ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", call.ifNoneMatch);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    if (m_tlsConfiguration)
        request.setSslConfiguration(*m_tlsConfiguration);
    return request;
}

Connection::CallId Connection::send(ApiCall call, QObject *context, Callback done,
                                    TransferHooks hooks)
{
    const CallId id = m_nextId++;
    auto pending = std::make_unique<Pending>();
    pending->call = std::move(call);
    pending->context = context;
    pending->done = std::move(done);
    pending->hooks = std::move(hooks);
    pending->url = urlFor(pending->call);
    registerSecrets(pending->call.secrets);
    Pending &p = *pending;
    m_pending.emplace(id, std::move(pending));

    if (!p.url.isValid()) {
        Status status(Status::UntrustedLink);
        status.setOrigin(sanitizedOrigin(p.call.link));
        status.setDetail(QStringLiteral("link outside the API root refused"));
        deliverLater(id, status);
        return id;
    }
    const QString scheme = p.url.scheme().toLower();
    if (scheme != QLatin1StringView("https") &&
        !(scheme == QLatin1StringView("http") &&
          (isLoopbackHost(p.url) || m_options.allowInsecureHttp))) {
        Status status(Status::InsecureTransport);
        status.setDetail(QStringLiteral("refused to send credentials to ") +
                         sanitizedOrigin(p.url));
        deliverLater(id, status);
        return id;
    }
    if (!p.call.isRetryable() && m_gate->isHeld()) {
        // An action during a 429 hold fails at once (the caller keeps its form) instead of
        // waiting silently or being sent into the limit.
        Status status(Status::TooManyRequests, 429);
        status.setRetryAt(QDateTime::fromMSecsSinceEpoch(m_gate->heldUntilMs(), Qt::UTC));
        status.setDetail(QStringLiteral("account on hold after 429"));
        deliverLater(id, status);
        return id;
    }
    p.ticket = m_gate->enqueue(p.call.priority, 0, [this, id] { startAttempt(id); });
    return id;
}

void Connection::cancel(CallId id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    std::unique_ptr<Pending> pending = std::move(it->second);
    m_pending.erase(it);
    unregisterSecrets(pending->call.secrets);
    if (pending->reply) {
        pending->reply->disconnect(this);
        pending->reply->abort();
        pending->reply->deleteLater();
    }
    m_gate->cancel(pending->ticket);
}

void Connection::startAttempt(CallId id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending &p = *it->second;
    ++p.attempts;
    p.deadlineHit = false;
    p.tooLarge = false;
    p.streamedBefore = p.streamedBefore || p.streaming;
    p.streaming = false;
    p.streamedBytes = 0;
    p.sslErrors.clear();
    p.peerChain.clear();
    const QNetworkRequest request = buildRequest(p.call, p.url);
    const QByteArray &method = p.call.method;
    QNetworkReply *reply = nullptr;
    if (method == "GET") {
        reply = m_network.get(request);
    } else if (!p.call.isRetryable() && (method == "POST" || method == "PUT")) {
        // An action: Qt must not re-send it on its own after a dropped connection. An empty
        // body would give Qt nothing to rewind, so an action always carries one ("{}" is what
        // GitLab reads as no parameters).
        QNetworkRequest actionRequest = request;
        QByteArray body = p.call.body;
        if (body.isEmpty()) {
            body = QByteArrayLiteral("{}");
            actionRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                    QByteArrayLiteral("application/json"));
        }
        actionRequest.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        auto *device = new OneShotBody(body);
        reply = m_network.sendCustomRequest(actionRequest, method, device);
        device->setParent(reply);
    } else if (method == "POST") {
        reply = m_network.post(request, p.call.body);
    } else if (method == "PUT") {
        reply = m_network.put(request, p.call.body);
    } else if (method == "DELETE" && p.call.body.isEmpty()) {
        reply = m_network.deleteResource(request);
    } else {
        reply = m_network.sendCustomRequest(request, method, p.call.body);
    }
    p.reply = reply;
    qCDebug(lcNet).noquote() << method << displayUrl(p.url) << "attempt" << p.attempts;

    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    const int deadlineMs = p.call.deadlineMs.value_or(m_options.deadlineMs);
    connect(deadline, &QTimer::timeout, this, [this, id] {
        const auto found = m_pending.find(id);
        if (found == m_pending.end() || !found->second->reply)
            return;
        found->second->deadlineHit = true;
        found->second->reply->abort();
    });
    deadline->start(deadlineMs);
    if (!p.hooks.bodyPiece) {
        // Read whole at the end: bounded, so a reply without end cannot fill the memory.
        connect(reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 received, qint64) {
            const auto found = m_pending.find(id);
            if (found == m_pending.end() || !found->second->reply ||
                received <= m_options.maxReplyBytes || found->second->tooLarge)
                return;
            found->second->tooLarge = true;
            found->second->reply->abort();
        });
    }
    if (p.hooks.progress) {
        connect(reply, &QNetworkReply::downloadProgress, this,
                [this, id](qint64 received, qint64 total) {
                    const auto found = m_pending.find(id);
                    if (found != m_pending.end() && found->second->context)
                        found->second->hooks.progress(received, total);
                });
    }
    if (p.hooks.bodyPiece) {
        // Bounded, so that a paused body waits on the server's side, not in our memory.
        reply->setReadBufferSize(kStreamBufferBytes);
        connect(reply, &QNetworkReply::readyRead, this, [this, id] { passBodyOn(id); });
    }
    // Recorded for the user, never ignored: Qt then fails the reply with
    // SslHandshakeFailedError before anything (the token included) is sent.
    connect(reply, &QNetworkReply::sslErrors, this, [this, id](const QList<QSslError> &errors) {
        const auto found = m_pending.find(id);
        if (found == m_pending.end() || !found->second->reply)
            return;
        found->second->sslErrors = errors;
        found->second->peerChain = found->second->reply->sslConfiguration().peerCertificateChain();
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
}

void Connection::setBodyPaused(CallId id, bool paused)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end() || it->second->bodyPaused == paused)
        return;
    it->second->bodyPaused = paused;
    // What arrived while paused is buffered and brings no new readyRead.
    if (!paused)
        QTimer::singleShot(0, this, [this, id] { passBodyOn(id); });
}

void Connection::passBodyOn(CallId id, bool finishing)
{
    constexpr qint64 kPieceBytes = 256 * 1024;
    for (;;) {
        // Looked up again each time round: a hook may cancel the call (or delete its owner).
        const auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        Pending &p = *it->second;
        QNetworkReply *reply = p.reply;
        if (!reply || !reply->isOpen() || !p.context)
            return;
        if (!p.streaming) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            // Held and read when finished, like any other reply: errors carry GitLab's
            // message, and an HTML page (a proxy's login form) is refused, not passed on.
            const QByteArray type = reply->rawHeader("Content-Type").toLower();
            if (status < 200 || status > 299 || type.contains("text/html"))
                return;
            p.streaming = true;
            if (p.streamedBefore && p.hooks.bodyRestarted) {
                p.hooks.bodyRestarted();
                continue;
            }
        }
        // At the end the rest (at most the read buffer) goes, paused or not.
        if (reply->bytesAvailable() <= 0 || (p.bodyPaused && !finishing))
            return;
        const QByteArray piece = reply->read(kPieceBytes);
        p.streamedBytes += piece.size();
        p.hooks.bodyPiece(piece);
    }
}

void Connection::onFinished(CallId id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    if (it->second->hooks.bodyPiece)
        passBodyOn(id, true); // what arrived with the end of the reply
    const auto found = m_pending.find(id);
    if (found == m_pending.end())
        return;
    Pending &p = *found->second;
    QNetworkReply *reply = p.reply;
    p.reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();

    ReplyFacts facts;
    facts.error = reply->error();
    facts.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        facts.headers.items.append({name, value});
    // An aborted reply (timeout, deadline) is closed: reading it only produces warnings.
    facts.body = reply->isOpen() && !p.streaming ? reply->readAll() : QByteArray();
    facts.streamedBytes = p.streamedBytes;
    facts.requestUrl = p.url;
    facts.isAction = !p.call.isRetryable();
    facts.deadlineHit = p.deadlineHit;
    facts.tooLarge = p.tooLarge;
    facts.sslErrors = p.sslErrors;
    facts.peerChain = p.peerChain;
    ReplyClassification result = classifyReply(facts);

    const qint64 now = m_clock->nowMs();
    bool remainingOk = false;
    bool limitOk = false;
    const qint64 remaining = facts.headers.value("RateLimit-Remaining").toLongLong(&remainingOk);
    const qint64 limit = facts.headers.value("RateLimit-Limit").toLongLong(&limitOk);
    const qint64 resetSeconds = facts.headers.value("RateLimit-Reset").toLongLong();
    if (remainingOk && limitOk)
        m_gate->observeRateLimit(remaining, limit, resetSeconds * 1000);

    const RetryPolicy &policy = m_options.retry;
    const int maxAttempts = p.call.maxAttempts > 0 ? p.call.maxAttempts : policy.maxAttempts;
    const bool mayRetry = p.call.isRetryable() && result.transient && p.attempts < maxAttempts;
    qint64 retryAt = 0;
    if (facts.httpStatus == 429) {
        std::optional<qint64> wait =
            parseRetryAfterMs(facts.headers.value("Retry-After"), now, policy.maxRetryAfterMs);
        if (!wait && resetSeconds > 0)
            wait = std::clamp<qint64>(resetSeconds * 1000 - now, 0, policy.maxRetryAfterMs);
        if (!wait)
            wait = std::max<qint64>(1, backoffDelayMs(policy, p.attempts, m_random));
        retryAt = now + *wait;
        m_gate->holdUntil(retryAt);
        result.status.setRetryAt(QDateTime::fromMSecsSinceEpoch(retryAt, Qt::UTC));
        Q_EMIT rateLimited(result.status.retryAt());
    } else if (mayRetry) {
        retryAt = now + backoffDelayMs(policy, p.attempts, m_random);
    }

    qCDebug(lcNet).noquote() << p.call.method << displayUrl(p.url) << "->" << facts.httpStatus
                             << Status::codeName(result.status.code())
                             << redactSecrets(scrub(result.status.detail(), p.call.secrets));

    if (mayRetry) {
        m_gate->finished(p.ticket);
        p.ticket = m_gate->enqueue(p.call.priority, retryAt, [this, id] { startAttempt(id); });
        if (facts.httpStatus > 0)
            Q_EMIT reached();
        return;
    }

    ApiReply apiReply;
    apiReply.httpStatus = facts.httpStatus;
    apiReply.body = std::move(facts.body);
    apiReply.headers = std::move(facts.headers);
    apiReply.url = p.url;
    apiReply.attempts = p.attempts;
    Status status = result.status;
    Status scrubbed(status.code(), status.httpStatus(),
                    scrub(status.gitlabMessage(), p.call.secrets));
    scrubbed.setOrigin(status.origin());
    scrubbed.setRetryAt(status.retryAt());
    scrubbed.setDetail(scrub(status.detail(), p.call.secrets));
    if (const tls::CertificateProblem *problem = status.certificateProblem())
        scrubbed.setCertificateProblem(*problem);
    apiReply.status = scrubbed;
    m_gate->finished(p.ticket);
    // Before the caller hears of it, so that a view showing the failure already sees the
    // account as offline (or back).
    if (facts.httpStatus > 0)
        Q_EMIT reached();
    else if (result.unreachable && p.call.isRetryable())
        Q_EMIT unreachable(apiReply.status);
    deliver(id, std::move(apiReply));
}

void Connection::deliver(CallId id, ApiReply reply)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    std::unique_ptr<Pending> pending = std::move(it->second);
    m_pending.erase(it);
    unregisterSecrets(pending->call.secrets);
    if (pending->context && pending->done)
        pending->done(reply);
}

void Connection::deliverLater(CallId id, Status status)
{
    QTimer::singleShot(0, this, [this, id, status] {
        const auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        ApiReply reply;
        reply.status = status;
        reply.url = it->second->url;
        deliver(id, std::move(reply));
    });
}

QString Connection::scrub(QString text, const QStringList &secrets) const
{
    if (!m_token.isEmpty())
        text.replace(m_token, kRedacted);
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            text.replace(secret, kRedacted);
    }
    return text;
}

} // namespace pipedeck::gitlab
