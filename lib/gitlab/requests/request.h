#pragma once

#include "gitlab/net/api_call.h"
#include "gitlab/net/connection.h"
#include "gitlab/net/pagination.h"
#include "gitlab/net/status.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <any>
#include <functional>

namespace pipedeck::gitlab {

//! What a body parser produces: a value (std::any of the endpoint's result type) or an error.
struct ParseOutcome
{
    std::any value;
    QString error; //!< empty on success; English, for the log
    bool ok() const { return error.isEmpty(); }
};
//! Pure: runs on a worker thread for big bodies.
using BodyParser = ParseOutcome (*)(const QByteArray &body);

//! Base of every endpoint type (one class per endpoint, libQuotient-style).
//!
//! Contract: start() once; finished() is emitted exactly once (never from inside start()),
//! after which status() and the typed accessors of the subclass are final. abort() finishes
//! at once with Status::Canceled. Destroying a running request cancels it silently.
//! A reply counts as success only when it is complete, 2xx (or a 304 answered from the
//! ETag cache, see notModified()) and parses into the endpoint's shape.
class Request : public QObject
{
    Q_OBJECT
public:
    ~Request() override;

    void start(Connection *connection);
    void abort();

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    const Status &status() const { return m_status; }
    //! Every page came back 304: the result is the cached one, unchanged since last time.
    bool notModified() const { return m_notModified; }
    //! The body was big enough to be parsed on a worker thread.
    bool parsedOffThread() const { return m_parsedOffThread; }
    Priority priority() const { return m_priority; }
    void setPriority(Priority priority) { m_priority = priority; }
    //! For a streamed body (see TransferHooks::bodyPiece): hold it back while the receiver
    //! cannot take more.
    void setBodyPaused(bool paused);

Q_SIGNALS:
    void finished();
    //! Bytes of the reply's body so far; `total` is -1 when the server did not say. Starts
    //! again from 0 when a GET is retried.
    void downloadProgress(qint64 received, qint64 total);

protected:
    explicit Request(Priority priority, QObject *parent);

    //! Subclasses begin their exchange(s) here (usually one sendExchange()).
    virtual void run() = 0;

    struct Exchange
    {
        Status status;
        std::any value;
        HttpHeaders headers;
        QUrl url;
        bool notModified = false;
        int httpStatus = 0;
    };
    using ExchangeDone = std::function<void(Exchange)>;

    //! One HTTP exchange: ETag lookup, send through the connection, parse (on a worker thread
    //! when big), cache. `parser` may be null for bodiless replies (204). `bodyHooks` may take
    //! a 2xx body in pieces (see TransferHooks); progress is reported by downloadProgress().
    void sendExchange(ApiCall call, BodyParser parser, ExchangeDone done,
                      TransferHooks bodyHooks = {});
    void cancelExchanges();

    void finish(Status status, bool notModified = false);
    Connection *connection() const { return m_connection; }

private:
    TransferHooks withProgress(TransferHooks hooks);
    void parseThenDeliver(const ApiReply &reply, bool isAction, BodyParser parser,
                          const QString &cacheKey, ExchangeDone done);

    QPointer<Connection> m_connection;
    Priority m_priority;
    Status m_status;
    bool m_running = false;
    bool m_finished = false;
    bool m_notModified = false;
    bool m_parsedOffThread = false;
    QList<quint64> m_callIds;
};

//! A request with one typed result, produced by a pure parser from a JSON body.
template<class T> class ResultRequest : public Request
{
public:
    const T &result() const { return m_result; }

protected:
    ResultRequest(ApiCall call, BodyParser parser, QObject *parent)
        : Request(call.priority, parent)
        , m_call(std::move(call))
        , m_parser(parser)
    {}
    void run() override
    {
        m_call.priority = priority();
        sendExchange(m_call, m_parser, [this](Exchange exchange) {
            if (exchange.status.ok() && exchange.value.has_value())
                m_result = std::any_cast<T>(std::move(exchange.value));
            finish(exchange.status, exchange.notModified);
        });
    }
    ApiCall m_call;

private:
    BodyParser m_parser;
    T m_result{};
};

//! A request whose success has no body (DELETE -> 204).
class EmptyRequest : public Request
{
    Q_OBJECT
protected:
    EmptyRequest(ApiCall call, QObject *parent);
    void run() override;
    ApiCall m_call;
};

} // namespace pipedeck::gitlab
