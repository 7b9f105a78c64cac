#include "sim/http_connection.h"

#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pipedeck::sim {

namespace {
constexpr qsizetype kSliceBytes = 256 * 1024;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(HttpRequestParser::kMaxHeaderBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::writeMore);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_trickle.stop();
        Q_EMIT closed();
    });
    m_trickle.setSingleShot(false);
    connect(&m_trickle, &QTimer::timeout, this, &HttpConnection::trickleOne);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::onReadyRead()
{
    // While a reply is in progress, leave further bytes in the socket (bounded by the read
    // buffer size) instead of buffering pipelined requests without limit.
    if (m_busy)
        return;
    m_parser.feed(m_socket->readAll());
    processNext();
}

void HttpConnection::processNext()
{
    while (!m_busy && isOpen()) {
        const auto state = m_parser.parse();
        if (state == HttpRequestParser::State::NeedMore) {
            if (m_socket->bytesAvailable() > 0) {
                m_parser.feed(m_socket->readAll());
                continue;
            }
            return;
        }
        if (state == HttpRequestParser::State::Error) {
            const int status = m_parser.errorStatus();
            qCDebug(lcSim) << "malformed request, answering" << status;
            HttpResponse response =
                HttpResponse::error(status, QString::number(status) + QLatin1Char(' ') +
                                                QString::fromLatin1(reasonPhrase(status)));
            m_busy = true;
            m_keepAlive = false;
            send(response, false);
            return;
        }
        const HttpRequest request = m_parser.request();
        m_busy = true;
        m_keepAlive = request.keepAlive();
        m_handler(this, request);
    }
}

void HttpConnection::send(const HttpResponse &response, bool headOnly)
{
    if (!isOpen())
        return;
    m_closeAfter = !m_keepAlive;
    HttpResponse copy = response;
    if (response.status == 204 || response.status == 304) {
        copy.body.clear();
        m_socket->write(copy.serializeHead(m_closeAfter).replace("Content-Length: 0\r\n", ""));
        finishResponse();
        return;
    }
    m_socket->write(copy.serializeHead(m_closeAfter));
    m_body = headOnly ? QByteArray() : response.body;
    m_offset = 0;
    m_bodyLimit = m_body.size();
    writeMore();
}

void HttpConnection::sendTruncated(const HttpResponse &response)
{
    if (!isOpen())
        return;
    m_closeAfter = true;
    HttpResponse copy = response;
    if (copy.body.size() < 2)
        copy.body = QByteArrayLiteral("{\"message\":\"this body is cut short\"}");
    copy.setHeader("Content-Length", QByteArray::number(copy.body.size()));
    m_socket->write(copy.serializeHead(false));
    m_body = copy.body;
    m_offset = 0;
    m_bodyLimit = copy.body.size() / 2;
    writeMore();
}

void HttpConnection::sendStalled(const HttpResponse &response)
{
    if (!isOpen())
        return;
    m_socket->write(response.serializeHead(false));
    m_socket->flush();
    // Nothing more: the client's inactivity timeout must fire. The connection stays busy.
}

void HttpConnection::sendTrickled(const HttpResponse &response, int delayMs)
{
    if (!isOpen())
        return;
    m_closeAfter = !m_keepAlive;
    m_socket->write(response.serializeHead(m_closeAfter));
    m_body = response.body;
    m_offset = 0;
    m_bodyLimit = m_body.size();
    m_trickle.start(std::max(1, delayMs));
    if (m_body.isEmpty()) {
        m_trickle.stop();
        finishResponse();
    }
}

void HttpConnection::trickleOne()
{
    if (!isOpen() || m_offset >= m_bodyLimit) {
        m_trickle.stop();
        if (isOpen())
            finishResponse();
        return;
    }
    m_socket->write(m_body.constData() + m_offset, 1);
    ++m_offset;
    if (m_offset >= m_bodyLimit) {
        m_trickle.stop();
        finishResponse();
    }
}

void HttpConnection::closeWithoutReply()
{
    m_body.clear();
    m_socket->abort();
}

void HttpConnection::writeMore()
{
    if (!m_busy || m_trickle.isActive() || !isOpen())
        return;
    while (m_offset < m_bodyLimit && m_socket->bytesToWrite() < kSliceBytes) {
        const qsizetype n = std::min(kSliceBytes, m_bodyLimit - m_offset);
        m_socket->write(m_body.constData() + m_offset, n);
        m_offset += n;
    }
    // Everything is queued: the next pipelined request may be handled (its reply queues behind),
    // and a close (disconnectFromHost) still flushes what is queued.
    if (m_offset >= m_bodyLimit)
        finishResponse();
}

void HttpConnection::finishResponse()
{
    const bool truncated = m_bodyLimit < m_body.size();
    m_body.clear();
    m_offset = 0;
    m_bodyLimit = 0;
    m_busy = false;
    if (m_closeAfter || truncated) {
        m_socket->disconnectFromHost();
        return;
    }
    if (m_socket->bytesAvailable() > 0)
        m_parser.feed(m_socket->readAll());
    processNext();
}

} // namespace pipedeck::sim
