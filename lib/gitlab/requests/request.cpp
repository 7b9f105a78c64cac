#include "gitlab/requests/request.h"

#include "core/logging.h"
#include "gitlab/net/connection.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace pipedeck::gitlab {

Request::Request(Priority priority, QObject *parent)
    : QObject(parent)
    , m_priority(priority)
{}

Request::~Request()
{
    cancelExchanges();
}

void Request::start(Connection *connection)
{
    Q_ASSERT(connection);
    if (m_running || m_finished) {
        qCWarning(lcNet) << "a request was started twice; ignored";
        return;
    }
    m_connection = connection;
    m_running = true;
    run();
}

void Request::abort()
{
    if (!m_running)
        return;
    cancelExchanges();
    finish(Status(Status::Canceled));
}

void Request::cancelExchanges()
{
    if (m_connection) {
        for (const quint64 id : std::as_const(m_callIds))
            m_connection->cancel(id);
    }
    m_callIds.clear();
    // Parses in flight: their watchers are children of this object.
    const auto watchers = findChildren<QFutureWatcherBase *>(QString(), Qt::FindDirectChildrenOnly);
    for (QFutureWatcherBase *watcher : watchers) {
        watcher->disconnect(this);
        watcher->deleteLater();
    }
}

void Request::finish(Status status, bool notModified)
{
    if (m_finished)
        return;
    m_running = false;
    m_finished = true;
    m_status = std::move(status);
    m_notModified = notModified && m_status.ok();
    Q_EMIT finished();
}

void Request::sendExchange(ApiCall call, BodyParser parser, ExchangeDone done,
                           TransferHooks bodyHooks)
{
    Connection *connection = m_connection;
    if (!connection) {
        Exchange exchange;
        exchange.status = Status(Status::Canceled);
        QTimer::singleShot(0, this, [done, exchange] { done(exchange); });
        return;
    }
    const bool isAction = !call.isRetryable();
    const bool cacheable =
        call.method == "GET" && parser && call.useEtagCache && call.ifNoneMatch.isEmpty();
    QString cacheKey;
    std::optional<EtagCache::Entry> cached;
    if (cacheable) {
        cacheKey = QString::fromUtf8(connection->urlFor(call).toEncoded());
        cached = connection->etagCache().find(cacheKey);
        if (cached)
            call.ifNoneMatch = cached->etag;
    }
    const quint64 id = connection->send(
        std::move(call), this,
        [this, parser, isAction, cacheKey, cached, done](const ApiReply &reply) {
            if (reply.status.ok() && reply.notModified()) {
                Exchange exchange;
                exchange.status = Status(Status::Success, 304);
                exchange.notModified = true;
                exchange.url = reply.url;
                exchange.httpStatus = 304;
                if (cached) {
                    exchange.value = cached->value;
                    exchange.headers = cached->headers;
                } else {
                    exchange.headers = reply.headers;
                }
                done(std::move(exchange));
                return;
            }
            if (!reply.status.ok()) {
                Exchange exchange;
                exchange.status = reply.status;
                exchange.headers = reply.headers;
                exchange.url = reply.url;
                exchange.httpStatus = reply.httpStatus;
                done(std::move(exchange));
                return;
            }
            parseThenDeliver(reply, isAction, parser, cacheKey, done);
        },
        withProgress(std::move(bodyHooks)));
    m_callIds.append(id);
}

void Request::setBodyPaused(bool paused)
{
    if (m_connection) {
        for (const quint64 id : std::as_const(m_callIds))
            m_connection->setBodyPaused(id, paused);
    }
}

TransferHooks Request::withProgress(TransferHooks hooks)
{
    // The connection calls hooks only while their context (this request) is alive.
    hooks.progress = [this](qint64 received, qint64 total) {
        Q_EMIT downloadProgress(received, total);
    };
    return hooks;
}

void Request::parseThenDeliver(const ApiReply &reply, bool isAction, BodyParser parser,
                               const QString &cacheKey, ExchangeDone done)
{
    auto complete = [this, reply, isAction, cacheKey, done](ParseOutcome outcome) {
        Exchange exchange;
        exchange.headers = reply.headers;
        exchange.url = reply.url;
        exchange.httpStatus = reply.httpStatus;
        if (!outcome.ok()) {
            // The server answered 2xx with something we cannot read. For an action nobody
            // knows what it did: the caller must re-read, as after a lost reply.
            exchange.status =
                Status(isAction ? Status::OutcomeUnknown : Status::BadReply, reply.httpStatus);
            exchange.status.setDetail(outcome.error);
            qCInfo(lcNet) << "unreadable reply:" << outcome.error;
            done(std::move(exchange));
            return;
        }
        exchange.status = Status(Status::Success, reply.httpStatus);
        exchange.value = std::move(outcome.value);
        const QByteArray etag = reply.headers.value("ETag");
        if (!cacheKey.isEmpty() && m_connection) {
            if (etag.isEmpty())
                m_connection->etagCache().remove(cacheKey);
            else
                m_connection->etagCache().store(cacheKey, {etag, exchange.value, reply.headers},
                                                reply.body.size());
        }
        done(std::move(exchange));
    };

    if (!parser) {
        complete(ParseOutcome{});
        return;
    }
    const qsizetype threshold = m_connection ? m_connection->options().offThreadParseBytes
                                             : std::numeric_limits<qsizetype>::max();
    if (reply.body.size() <= threshold) {
        complete(parser(reply.body));
        return;
    }
    m_parsedOffThread = true;
    auto *watcher = new QFutureWatcher<ParseOutcome>(this);
    connect(watcher, &QFutureWatcher<ParseOutcome>::finished, this, [watcher, complete] {
        watcher->deleteLater();
        complete(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(parser, reply.body));
}

EmptyRequest::EmptyRequest(ApiCall call, QObject *parent)
    : Request(call.priority, parent)
    , m_call(std::move(call))
{}

void EmptyRequest::run()
{
    m_call.priority = priority();
    sendExchange(m_call, nullptr, [this](Exchange exchange) { finish(exchange.status); });
}

} // namespace pipedeck::gitlab
