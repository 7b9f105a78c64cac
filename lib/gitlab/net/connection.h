#pragma once

#include "gitlab/net/api_call.h"
#include "gitlab/net/etag_cache.h"
#include "gitlab/net/request_gate.h"
#include "gitlab/net/retry_policy.h"
#include "tls/tls_trust.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace pipedeck::gitlab {

class Clock;

struct ConnectionOptions
{
    //! Send the token over plain http to a host that is not loopback (a per-account opt-in
    //! the UI must show as a warning).
    bool allowInsecureHttp = false;
    int transferTimeoutMs = 30'000; //!< no byte for this long: timed out
    int deadlineMs = 120'000;       //!< whole exchange, however slowly bytes trickle
    RequestGate::Options gate;
    RetryPolicy retry;
    qsizetype offThreadParseBytes = 256 * 1024; //!< bigger bodies are parsed on a worker thread
    qsizetype cacheBytes = 32 * 1024 * 1024;
    //! A reply read whole (not streamed to a body hook) bigger than this is aborted and
    //! reported as a bad reply: no GitLab JSON answer comes near it, a broken proxy might.
    qint64 maxReplyBytes = 64LL * 1024 * 1024;
    Clock *clock = nullptr; //!< null: the system clock
};

//! One GitLab account on one instance: the only object that talks HTTP.
//!
//! It owns the account's QNetworkAccessManager (so TLS trust and pooled connections never mix
//! between accounts), holds the token in memory only, builds every QNetworkRequest in one
//! place (buildRequest), and runs every exchange through the account's RequestGate with the
//! retry rules: GETs are retried on 429/5xx/transport errors with capped, jittered backoff;
//! POST, PUT and DELETE are sent exactly once, also by Qt's HTTP layer (an action's body is a
//! OneShotBody); an action whose reply is lost ends as OutcomeUnknown.
//! Redirects are never followed: Qt 6.4 would re-send PRIVATE-TOKEN to the new origin.
class Connection : public QObject
{
    Q_OBJECT
public:
    explicit Connection(const QUrl &instanceUrl, ConnectionOptions options = {},
                        QObject *parent = nullptr);
    ~Connection() override;

    QUrl instanceUrl() const { return m_instanceUrl; }
    QUrl apiRoot() const { return m_apiRoot; }
    const ConnectionOptions &options() const { return m_options; }

    //! Kept in memory only; never logged, never put in a URL.
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }

    //! The certificates this account trusts beyond the system's (its internal CA). Pooled
    //! connections are dropped, so the next request is verified against the new trust.
    void setTlsTrust(const tls::TlsTrust &trust);
    const tls::TlsTrust &tlsTrust() const { return m_tlsTrust; }

    //! For tests of the backoff: returns values in [0, 1).
    void setRandomSource(std::function<double()> random01);

    RequestGate &gate() { return *m_gate; }
    EtagCache &etagCache() { return m_cache; }
    Clock &clock() const { return *m_clock; }
    QNetworkAccessManager &network() { return m_network; }

    using CallId = quint64;
    using Callback = std::function<void(const ApiReply &)>;
    //! Runs one exchange (with retries for GETs). `done` is called exactly once, later, from
    //! the event loop, unless `context` is destroyed or cancel() is called first; so are the
    //! `hooks`, which only ever run before `done`.
    CallId send(ApiCall call, QObject *context, Callback done, TransferHooks hooks = {});
    void cancel(CallId id);
    //! Stops (or resumes) handing over a streamed body. The reply's buffer then fills and Qt
    //! stops reading from the socket, so a consumer that cannot keep up holds the sender back
    //! instead of the body piling up in memory.
    void setBodyPaused(CallId id, bool paused);
    //! The URL `call` goes to, or an invalid URL if it may not be sent.
    QUrl urlFor(const ApiCall &call) const;
    //! The one place a QNetworkRequest is built.
    QNetworkRequest buildRequest(const ApiCall &call, const QUrl &url) const;

    //! Starts a request type (GetPipeline, ListJobs, ...) that deletes itself after finished().
    template<class R, class... Args> R *call(Args &&...args)
    {
        auto *request = new R(std::forward<Args>(args)...);
        request->setParent(this);
        QObject::connect(request, &R::finished, request, &QObject::deleteLater);
        request->start(this);
        return request;
    }

Q_SIGNALS:
    //! A 429 holds every request of this account until `until`.
    void rateLimited(const QDateTime &until);
    //! A GET gave up without ever reaching the instance (refused, DNS failure, network down),
    //! after its retries: the account is probably offline.
    void unreachable(const pipedeck::gitlab::Status &status);
    //! A reply with an HTTP status came back (whatever the status): the instance is there.
    void reached();

private:
    struct Pending;

    void startAttempt(CallId id);
    void passBodyOn(CallId id, bool finishing = false);
    void onFinished(CallId id);
    void deliver(CallId id, ApiReply reply);
    void deliverLater(CallId id, Status status);
    QString scrub(QString text, const QStringList &secrets) const;

    QUrl m_instanceUrl;
    QUrl m_apiRoot;
    ConnectionOptions m_options;
    QString m_token;
    tls::TlsTrust m_tlsTrust;
    std::optional<QSslConfiguration> m_tlsConfiguration; //!< null: Qt's default (the system's)
    std::unique_ptr<Clock> m_ownedClock;
    Clock *m_clock = nullptr;
    std::function<double()> m_random;
    QNetworkAccessManager m_network;
    RequestGate *m_gate = nullptr;
    EtagCache m_cache;
    std::map<CallId, std::unique_ptr<Pending>> m_pending;
    CallId m_nextId = 1;
};

} // namespace pipedeck::gitlab
