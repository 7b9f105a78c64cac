#include "gitlab/net/reply_classifier.h"

#include "gitlab/net/origin.h"
#include "gitlab/parse/json_parsers.h"

namespace pipedeck::gitlab {

namespace {

bool nothingWasSent(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::ProtocolUnknownError:
        return true;
    default:
        return false;
    }
}

bool isTlsError(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::SslHandshakeFailedError;
}

bool bodyIsShort(const ReplyFacts &facts)
{
    if (facts.headers.contains("Content-Encoding"))
        return false; // Qt decodes; the length header describes the encoded body
    bool ok = false;
    const qint64 declared = facts.headers.value("Content-Length").trimmed().toLongLong(&ok);
    return ok && declared > facts.body.size() + facts.streamedBytes;
}

bool isHtml(const ReplyFacts &facts)
{
    return facts.headers.value("Content-Type").toLower().contains("text/html");
}

Status lostAfterSending(const ReplyFacts &facts, Status::Code otherwise, const QString &detail)
{
    Status status(facts.isAction ? Status::OutcomeUnknown : otherwise, facts.httpStatus);
    status.setDetail(detail);
    return status;
}

} // namespace

ReplyClassification classifyReply(const ReplyFacts &facts)
{
    if (facts.canceledByCaller)
        return {Status(Status::Canceled), false};

    if (facts.tooLarge) {
        // Deterministic: the same request would bring the same oversized answer.
        return {lostAfterSending(facts, Status::BadReply, QStringLiteral("reply too large")),
                false};
    }
    if (facts.deadlineHit) {
        return {lostAfterSending(facts, Status::Timeout, QStringLiteral("overall deadline")), true};
    }
    if (facts.error == QNetworkReply::OperationCanceledError) {
        // Not our abort: Qt's transfer (inactivity) timeout.
        return {lostAfterSending(facts, Status::Timeout, QStringLiteral("inactivity timeout")),
                true};
    }
    if (isTlsError(facts.error) || !facts.sslErrors.isEmpty()) {
        Status status(Status::TlsError);
        QString detail = QStringLiteral("TLS handshake failed");
        if (!facts.sslErrors.isEmpty() || !facts.peerChain.isEmpty()) {
            const auto problem =
                tls::CertificateProblem::fromErrors(facts.sslErrors, facts.peerChain);
            status.setCertificateProblem(problem);
            QStringList errors;
            for (const QSslError &error : facts.sslErrors)
                errors.append(error.errorString());
            detail += QStringLiteral(": ") + errors.join(QStringLiteral("; ")) +
                      QStringLiteral(" (SHA-256 ") + problem.sha256 + QLatin1Char(')');
        }
        status.setDetail(detail);
        return {status, false};
    }
    if (facts.httpStatus >= 300 && facts.httpStatus < 400 && facts.httpStatus != 304) {
        Status status(Status::Redirected, facts.httpStatus);
        const QUrl target = facts.requestUrl.resolved(
            QUrl::fromEncoded(facts.headers.value("Location").trimmed(), QUrl::StrictMode));
        status.setOrigin(sanitizedOrigin(target));
        status.setDetail(QStringLiteral("redirect to ") + status.origin());
        return {status, false};
    }
    if (facts.httpStatus >= 400) {
        Status status = Status::fromHttpStatus(facts.httpStatus, parseErrorMessage(facts.body));
        const bool transient = facts.httpStatus == 429 || facts.httpStatus == 500 ||
                               facts.httpStatus == 502 || facts.httpStatus == 503 ||
                               facts.httpStatus == 504;
        return {status, transient};
    }
    if (facts.error != QNetworkReply::NoError) {
        if (nothingWasSent(facts.error)) {
            Status status(Status::NetworkError);
            status.setDetail(QStringLiteral("not connected (Qt error %1)").arg(int(facts.error)));
            return {status, true, true};
        }
        // Reset, closed or cut short after the request went out: a GET can simply be asked
        // again; an action may have happened.
        const Status::Code code = facts.httpStatus >= 200 ? Status::BadReply : Status::NetworkError;
        return {lostAfterSending(facts, code,
                                 QStringLiteral("connection lost (Qt error %1, HTTP %2)")
                                     .arg(int(facts.error))
                                     .arg(facts.httpStatus)),
                true};
    }
    if (facts.httpStatus == 0) {
        // Seen over HTTP/2 on GOAWAY: "no error" and no status. Never a success.
        return {lostAfterSending(facts, Status::BadReply, QStringLiteral("no HTTP status")), true};
    }
    if (facts.httpStatus == 304)
        return {Status(Status::Success, 304), false};
    if (facts.httpStatus < 200) {
        Status status(Status::BadReply, facts.httpStatus);
        status.setDetail(QStringLiteral("unexpected informational status"));
        return {status, false};
    }
    if (bodyIsShort(facts))
        return {lostAfterSending(facts, Status::BadReply,
                                 QStringLiteral("body shorter than Content-Length")),
                true};
    if (isHtml(facts)) {
        // A proxy's login page, or GitLab's web UI: for an action nobody can tell whether it
        // reached GitLab.
        Status status(facts.isAction ? Status::OutcomeUnknown : Status::BadReply, facts.httpStatus);
        status.setDetail(QStringLiteral("HTML page instead of an API reply"));
        return {status, false};
    }
    return {Status(Status::Success, facts.httpStatus), false};
}

} // namespace pipedeck::gitlab
