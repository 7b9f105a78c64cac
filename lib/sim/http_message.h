#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace pipedeck::sim {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray target;  // as received: path + query
    QByteArray version; // "HTTP/1.1"
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    QByteArray path() const;                         // target without the query
    QByteArray query() const;                        // after '?', without it
    bool keepAlive() const;
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QByteArray serializeHead(bool closeAfter) const; // status line + headers + blank line

    static HttpResponse json(int status, const QByteArray &body);
    static HttpResponse message(int status, const QString &message); // {"message":"..."}
    static HttpResponse error(int status, const QString &error);     // {"error":"..."}
};

QByteArray reasonPhrase(int status);

} // namespace pipedeck::sim
