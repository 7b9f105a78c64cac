#pragma once

#include "sim/http_message.h"
#include "sim/http_parser.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace pipedeck::sim {

// One client connection: parses requests one at a time (keep-alive, pipelining in order), hands
// each to the server, and writes the reply the way the server asks (normally, streamed in slices
// so a 50 MB body is never copied into the socket buffer at once, or faulty on purpose).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using RequestHandler = std::function<void(HttpConnection *, const HttpRequest &)>;

    HttpConnection(QTcpSocket *socket, RequestHandler handler, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Exactly one of these answers the current request.
    void send(const HttpResponse &response, bool headOnly);
    void sendTruncated(const HttpResponse &response);             // half the body, then close
    void sendStalled(const HttpResponse &response);               // headers, then nothing more
    void sendTrickled(const HttpResponse &response, int delayMs); // a byte every delayMs
    void closeWithoutReply();

    bool isOpen() const;

Q_SIGNALS:
    void closed();

private:
    void onReadyRead();
    void processNext();
    void writeMore();
    void finishResponse();
    void trickleOne();

    QTcpSocket *m_socket;
    RequestHandler m_handler;
    HttpRequestParser m_parser;
    bool m_busy = false;
    bool m_keepAlive = true;
    bool m_closeAfter = false;
    QByteArray m_body;
    qsizetype m_offset = 0;
    qsizetype m_bodyLimit = 0; // bytes of m_body to send (less than its size when truncating)
    QTimer m_trickle;
};

} // namespace pipedeck::sim
