#pragma once

#include "sim/http_message.h"

#include <optional>

namespace pipedeck::sim {

// Incremental HTTP/1.1 request parser with hard limits, so a client cannot make the server hold
// unbounded memory. Feed bytes; take complete requests; a malformed request is an error status.
class HttpRequestParser
{
public:
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr int kMaxHeaders = 100;
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

    enum class State { NeedMore, Complete, Error };

    void feed(const QByteArray &bytes);
    // Parses from the buffered bytes. On Complete, request() holds it (and the bytes are consumed);
    // on Error, errorStatus() says what to answer (400, 413, 431, 501, 505) and the connection
    // must close.
    State parse();
    const HttpRequest &request() const { return m_request; }
    int errorStatus() const { return m_errorStatus; }
    qsizetype buffered() const { return m_buffer.size(); }

private:
    State fail(int status);
    bool parseHead(qsizetype headEnd);
    State parseChunked();

    QByteArray m_buffer;
    HttpRequest m_request;
    bool m_haveHead = false;
    bool m_chunked = false;
    qsizetype m_contentLength = 0;
    qsizetype m_chunkCursor = 0; // for chunked bodies: where the next chunk-size line starts
    int m_errorStatus = 0;
};

} // namespace pipedeck::sim
