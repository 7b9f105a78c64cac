#include "gitlab/net/status.h"

#include "gitlab/net/redact.h"

#include <QLocale>

namespace pipedeck::gitlab {

Status Status::fromHttpStatus(int httpStatus, QString gitlabMessage)
{
    Code code = Success;
    if (httpStatus == 401)
        code = Unauthorized;
    else if (httpStatus == 403)
        code = Forbidden;
    else if (httpStatus == 404)
        code = NotFound;
    else if (httpStatus == 400 || httpStatus == 422)
        code = BadRequest;
    else if (httpStatus == 409 || httpStatus == 412)
        code = Conflict;
    else if (httpStatus == 429)
        code = TooManyRequests;
    else if (httpStatus >= 500)
        code = ServerError;
    else if (httpStatus >= 300 && httpStatus < 400)
        code = Redirected;
    else if (httpStatus >= 400)
        code = ClientError;
    else if (httpStatus < 200)
        code = BadReply;
    return Status(code, httpStatus, std::move(gitlabMessage));
}

QString Status::userText() const
{
    QString text;
    switch (m_code) {
    case Success:
        text = tr("Done.");
        break;
    case NetworkError:
        text = tr("Could not reach the GitLab server.");
        break;
    case Timeout:
        text = tr("The GitLab server did not answer in time.");
        break;
    case Unauthorized:
        text = tr("GitLab did not accept the access token. It may be wrong, expired or revoked.");
        break;
    case Forbidden:
        text = tr("GitLab refused this: your role or the token's scope does not allow it.");
        break;
    case NotFound:
        text = tr("Not found on GitLab. It may have been deleted, or you may not have access.");
        break;
    case BadRequest:
        text = tr("GitLab rejected the request.");
        break;
    case Conflict:
        text = tr("GitLab cannot do this right now because of a conflicting change. Try again.");
        break;
    case ClientError:
        text = tr("GitLab rejected the request (HTTP %1).").arg(m_httpStatus);
        break;
    case TooManyRequests:
        text = m_retryAt.isValid() ? rateLimitText(m_retryAt)
                                   : tr("GitLab's rate limit was reached. Try again later.");
        break;
    case ServerError:
        text = tr("The GitLab server had an error (HTTP %1).").arg(m_httpStatus);
        break;
    case BadReply:
        text = tr("The server's reply was incomplete or not a GitLab API reply.");
        break;
    case Redirected:
        text = m_origin.isEmpty()
                   ? tr("The GitLab instance redirected the request. Check the account's URL.")
                   : tr("The GitLab instance moved to %1. Check the account's URL.").arg(m_origin);
        break;
    case UntrustedLink:
        text = tr("The server pointed the next page to another site (%1); the list is incomplete.")
                   .arg(m_origin);
        break;
    case InsecureTransport:
        text = tr("Refusing to send the access token over an unencrypted (http) connection. "
                  "Use https, or allow it explicitly for this account.");
        break;
    case TlsError:
        text = tr("The secure connection failed: the server's certificate could not be verified.");
        if (m_certificateProblem && !m_certificateProblem->reasons.isEmpty())
            text += QLatin1Char(' ') + m_certificateProblem->reasons.join(QLatin1Char(' '));
        break;
    case OutcomeUnknown:
        text =
            tr("The connection was lost after the request was sent, so it is not known "
               "whether it took effect. Checking the current state instead of sending it again.");
        break;
    case Canceled:
        text = tr("Canceled.");
        break;
    }
    if (!m_gitlabMessage.isEmpty() && m_code != Success)
        text = tr("%1 GitLab says: %2").arg(text, m_gitlabMessage);
    return redactSecrets(text);
}

QString Status::rateLimitText(const QDateTime &until)
{
    return tr("GitLab asked Pipedeck to wait until %1 (rate limit).")
        .arg(QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat));
}

QString Status::codeName(Code code)
{
    switch (code) {
    case Success:
        return QStringLiteral("Success");
    case NetworkError:
        return QStringLiteral("NetworkError");
    case Timeout:
        return QStringLiteral("Timeout");
    case Unauthorized:
        return QStringLiteral("Unauthorized");
    case Forbidden:
        return QStringLiteral("Forbidden");
    case NotFound:
        return QStringLiteral("NotFound");
    case BadRequest:
        return QStringLiteral("BadRequest");
    case Conflict:
        return QStringLiteral("Conflict");
    case ClientError:
        return QStringLiteral("ClientError");
    case TooManyRequests:
        return QStringLiteral("TooManyRequests");
    case ServerError:
        return QStringLiteral("ServerError");
    case BadReply:
        return QStringLiteral("BadReply");
    case Redirected:
        return QStringLiteral("Redirected");
    case UntrustedLink:
        return QStringLiteral("UntrustedLink");
    case InsecureTransport:
        return QStringLiteral("InsecureTransport");
    case TlsError:
        return QStringLiteral("TlsError");
    case OutcomeUnknown:
        return QStringLiteral("OutcomeUnknown");
    case Canceled:
        return QStringLiteral("Canceled");
    }
    return QStringLiteral("Unknown");
}

} // namespace pipedeck::gitlab
