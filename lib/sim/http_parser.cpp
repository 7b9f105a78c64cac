#include "sim/http_parser.h"

namespace pipedeck::sim {

namespace {
bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 32 || u >= 127 || c == '(' || c == ')' || c == ',' || c == '/' || c == ':' ||
            c == ';' || c == '<' || c == '=' || c == '>' || c == '?' || c == '@' || c == '[' ||
            c == '\\' || c == ']' || c == '{' || c == '}' || c == '"')
            return false;
    }
    return true;
}
} // namespace

void HttpRequestParser::feed(const QByteArray &bytes)
{
    m_buffer += bytes;
}

HttpRequestParser::State HttpRequestParser::fail(int status)
{
    m_errorStatus = status;
    m_buffer.clear();
    return State::Error;
}

namespace {

// Where the head ends: at its first empty line, "\n\n" or "\n\r\n" (lines may end in a bare
// LF). Not "the first CRLF CRLF, else LF LF": that finds a later end in a buffer holding more
// than one request, so what is parsed would depend on how the bytes arrived.
qsizetype findHeadEnd(const QByteArray &buffer, qsizetype *separator)
{
    for (qsizetype at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n', at + 1)) {
        if (at + 1 < buffer.size() && buffer.at(at + 1) == '\n') {
            *separator = 2;
            return at;
        }
        if (at + 2 < buffer.size() && buffer.at(at + 1) == '\r' && buffer.at(at + 2) == '\n') {
            *separator = 3;
            return at;
        }
    }
    return -1;
}

} // namespace

bool HttpRequestParser::parseHead(qsizetype headEnd)
{
    const QByteArray head = m_buffer.left(headEnd);
    const QList<QByteArray> lines = head.split('\n');
    QByteArray requestLine = lines.value(0);
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty()) {
        m_errorStatus = 400;
        return false;
    }
    if (!parts[2].startsWith("HTTP/1.")) {
        m_errorStatus = parts[2].startsWith("HTTP/") ? 505 : 400;
        return false;
    }
    if (!parts[1].startsWith('/')) {
        m_errorStatus = 400;
        return false;
    }
    for (const char c : parts[1]) {
        if (static_cast<unsigned char>(c) <= 32 || c == 127) {
            m_errorStatus = 400;
            return false;
        }
    }
    m_request = {};
    m_request.method = parts[0];
    m_request.target = parts[1];
    m_request.version = parts[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            m_errorStatus = 400;
            return false;
        }
        if (m_request.headers.size() >= kMaxHeaders) {
            m_errorStatus = 431;
            return false;
        }
        m_request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    const QByteArray transferEncoding = m_request.header("Transfer-Encoding").toLower();
    m_chunked = false;
    m_contentLength = 0;
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding != "chunked") {
            m_errorStatus = 501;
            return false;
        }
        m_chunked = true;
    } else if (const QByteArray length = m_request.header("Content-Length"); !length.isEmpty()) {
        bool ok = false;
        const qlonglong value = length.toLongLong(&ok);
        if (!ok || value < 0) {
            m_errorStatus = 400;
            return false;
        }
        if (value > kMaxBodyBytes) {
            m_errorStatus = 413;
            return false;
        }
        m_contentLength = qsizetype(value);
    }
    return true;
}

HttpRequestParser::State HttpRequestParser::parseChunked()
{
    // m_buffer holds only the body part; decode in place into m_request.body.
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", m_chunkCursor);
        if (lineEnd < 0)
            return m_buffer.size() - m_chunkCursor > 1024 ? fail(400) : State::NeedMore;
        QByteArray sizeText = m_buffer.mid(m_chunkCursor, lineEnd - m_chunkCursor);
        if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
            sizeText.truncate(semi);
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return fail(400);
        // Compared with the room left: size may be anything a client writes, up to 2^63.
        if (size > qlonglong(kMaxBodyBytes) - qlonglong(m_request.body.size()))
            return fail(413);
        if (size == 0) {
            // Trailers (ignored) end with an empty line.
            const qsizetype end = m_buffer.indexOf("\r\n\r\n", lineEnd);
            const qsizetype simpleEnd = lineEnd + 2;
            if (m_buffer.size() >= simpleEnd + 2 && m_buffer.mid(simpleEnd, 2) == "\r\n") {
                m_buffer.remove(0, simpleEnd + 2);
            } else if (end >= 0) {
                m_buffer.remove(0, end + 4);
            } else {
                return State::NeedMore;
            }
            m_chunkCursor = 0;
            m_haveHead = false;
            return State::Complete;
        }
        const qsizetype dataStart = lineEnd + 2;
        if (m_buffer.size() < dataStart + size + 2)
            return State::NeedMore;
        if (m_buffer.mid(dataStart + size, 2) != "\r\n")
            return fail(400);
        m_request.body += m_buffer.mid(dataStart, size);
        m_chunkCursor = dataStart + size + 2;
    }
}

HttpRequestParser::State HttpRequestParser::parse()
{
    if (m_errorStatus)
        return State::Error;
    if (!m_haveHead) {
        // Tolerate empty lines between requests (RFC 9112 2.2).
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        qsizetype separator = 0;
        const qsizetype headEnd = findHeadEnd(m_buffer, &separator);
        if (headEnd < 0)
            return m_buffer.size() > kMaxHeaderBytes ? fail(431) : State::NeedMore;
        if (headEnd > kMaxHeaderBytes)
            return fail(431);
        if (!parseHead(headEnd))
            return fail(m_errorStatus);
        m_buffer.remove(0, headEnd + separator);
        m_haveHead = true;
        m_chunkCursor = 0;
    }
    if (m_chunked)
        return parseChunked();
    if (m_buffer.size() < m_contentLength)
        return State::NeedMore;
    m_request.body = m_buffer.left(m_contentLength);
    m_buffer.remove(0, m_contentLength);
    m_haveHead = false;
    return State::Complete;
}

} // namespace pipedeck::sim
