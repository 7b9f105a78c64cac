#pragma once

#include "gitlab/net/http_headers.h"
#include "gitlab/net/request_gate.h"
#include "gitlab/net/status.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace pipedeck::gitlab {

//! One HTTP exchange with the API, as the request types describe it to the Connection.
struct ApiCall
{
    QByteArray method = "GET";
    //! Below the API root, percent-encoded per segment: "/projects/12/pipelines".
    QString path;
    QUrlQuery query;
    //! Instead of path + query: a server-supplied link (next page). Sent only if it has the
    //! account's origin and lies under its API root; otherwise the call fails UntrustedLink.
    QUrl link;
    QByteArray body;
    QByteArray contentType; //!< e.g. "application/json"
    QByteArray accept = "application/json";
    Priority priority = Priority::Background;
    bool sendToken = true; //!< false for the trigger endpoint: its credential is in the body
    QByteArray ifNoneMatch;
    //! Keep the parsed result for conditional re-fetches (off for traces: the log engine
    //! keeps those bytes on disk and passes its own ETag in ifNoneMatch).
    bool useEtagCache = true;
    std::optional<int> deadlineMs; //!< overrides the connection's overall deadline
    //! Attempts for a GET; 0: the connection's RetryPolicy. A reachability probe sets 1: it
    //! runs again on its own schedule, and retrying inside it would only hide the answer.
    int maxAttempts = 0;
    //! Values to scrub from any text built from this call (e.g. a trigger token).
    QStringList secrets;

    //! Only GET/HEAD are retried by the app; POST, PUT and DELETE are sent once.
    bool isRetryable() const { return method == "GET" || method == "HEAD"; }
};

//! What an exchange reports while its reply arrives; every member is optional.
struct TransferHooks
{
    //! Bytes of the body received so far, and the total (-1 when the server did not say).
    std::function<void(qint64 received, qint64 total)> progress;
    //! When set, a 2xx body is handed over in pieces as it arrives and ApiReply::body stays
    //! empty: a job trace can be far bigger than what belongs in memory. Other replies (304,
    //! errors carrying GitLab's message) are held and delivered as usual.
    std::function<void(const QByteArray &piece)> bodyPiece;
    //! A GET whose body had begun to arrive is being tried again from its first byte.
    std::function<void()> bodyRestarted;
};

struct ApiReply
{
    Status status;
    int httpStatus = 0;
    QByteArray body;
    HttpHeaders headers;
    QUrl url;         //!< what was requested (never shown raw: it is not sanitized)
    int attempts = 0; //!< 1 unless a GET was retried
    bool notModified() const { return httpStatus == 304; }
};

} // namespace pipedeck::gitlab
