#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>
#include <QUrl>

namespace pipedeck::sim {

enum class FaultKind {
    Delay,                // answer normally after delayMs
    TooManyRequests,      // 429 with Retry-After: retryAfter (omitted when empty)
    ServerError,          // status (default 500) with {"message":"500 Internal Server Error"}
    TruncatedBody,        // Content-Length says N, fewer bytes are sent, then the connection closes
    MalformedJson,        // 200 with a body that is not valid JSON
    HtmlPage,             // 200, Content-Type text/html, an HTML login page
    RedirectTo,           // `status` (default 302) with Location: redirectTarget
    CloseAfterProcessing, // the request is processed (state changes!), then the connection closes
    Stall,                // headers sent, then nothing (tests inactivity timeouts)
    Trickle,              // body sent one byte every delayMs
    OverrideHeader,       // processed; `header` set to `headerValue` (a misbehaving proxy)
};

struct FaultRule
{
    QByteArray method;       // empty = any
    QRegularExpression path; // matched against the path without query
    FaultKind kind = FaultKind::ServerError;
    int times = 1;          // how many matching requests it applies to; -1 = forever
    int status = 0;         // for ServerError / RedirectTo
    int delayMs = 0;        // for Delay / Trickle
    QString retryAfter;     // for TooManyRequests
    QUrl redirectTarget;    // for RedirectTo
    QByteArray header;      // for OverrideHeader
    QByteArray headerValue; // for OverrideHeader
    //! Matched against the query string ("page=2&per_page=100"); empty: any. Last, so that
    //! rules written as positional initialisers stay valid.
    QRegularExpression query;
};

} // namespace pipedeck::sim
