#pragma once

#include "gitlab/net/http_headers.h"
#include "gitlab/net/status.h"

#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

namespace pipedeck::gitlab {

//! Everything known about a finished QNetworkReply, so that deciding what it means is a pure
//! function (and testable without a network).
struct ReplyFacts
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int httpStatus = 0;
    HttpHeaders headers;
    QByteArray body;
    qint64 streamedBytes = 0; //!< body bytes handed over in pieces as they came (not in body)
    QUrl requestUrl;
    bool isAction = false; //!< POST/PUT/DELETE: may have taken effect even if the reply is lost
    bool canceledByCaller = false;
    bool deadlineHit = false; //!< our overall deadline fired
    bool tooLarge = false;    //!< aborted by us: bigger than ConnectionOptions::maxReplyBytes
    //! What QNetworkReply::sslErrors reported (never ignored), with the server's chain.
    QList<QSslError> sslErrors;
    QList<QSslCertificate> peerChain;
};

struct ReplyClassification
{
    Status status;
    bool transient = false; //!< worth another attempt if the method allows retries
    //! Nothing reached the instance (refused, DNS, network down): the account may be offline.
    bool unreachable = false;
};

//! Success needs NoError, a 2xx (or 304), a complete body and no HTML. Qt reports its own
//! transfer timeout as OperationCanceledError; unless the caller aborted, that is a Timeout.
//! An action whose reply was lost after sending is OutcomeUnknown.
ReplyClassification classifyReply(const ReplyFacts &facts);

} // namespace pipedeck::gitlab
