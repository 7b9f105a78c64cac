#pragma once

#include "tls/certificate_problem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace pipedeck::gitlab {

//! The one outcome type of every GitLab request.
//!
//! `gitlabMessage` is GitLab's own text ({"message":...} or {"error":...}), server text shown
//! as plain text. `detail` is an English line for the log. Neither ever holds a token: the
//! connection scrubs its secrets before building a Status, and userText() runs everything
//! through redactSecrets() again.
class Status
{
    Q_DECLARE_TR_FUNCTIONS(GitLabStatus)
public:
    enum Code {
        Success,
        NetworkError,      //!< nothing usable came back (refused, reset, DNS); GETs are retried
        Timeout,           //!< inactivity timeout or overall deadline; never "canceled"
        Unauthorized,      //!< 401: token wrong, expired or revoked
        Forbidden,         //!< 403: role or token scope (read_api on a write)
        NotFound,          //!< 404 (GitLab also answers this for things you cannot see)
        BadRequest,        //!< 400 / 422
        Conflict,          //!< 409 / 412
        ClientError,       //!< another 4xx
        TooManyRequests,   //!< 429; retryAt says until when the account is held
        ServerError,       //!< 5xx
        BadReply,          //!< 2xx but incomplete, malformed, HTML, or not the expected shape
        Redirected,        //!< 3xx: never followed; `origin` is where it pointed
        UntrustedLink,     //!< a pagination link to another origin; the list is incomplete
        InsecureTransport, //!< refused to send the token over plain http
        TlsError,          //!< certificate or handshake failure; never ignored
        OutcomeUnknown,    //!< an action was sent and its reply lost: re-read, never re-send
        Canceled,          //!< abort() by the caller
    };

    Status() = default;
    explicit Status(Code code, int httpStatus = 0, QString gitlabMessage = {})
        : m_code(code)
        , m_httpStatus(httpStatus)
        , m_gitlabMessage(std::move(gitlabMessage))
    {}
    //! 4xx/5xx -> code (2xx -> Success).
    static Status fromHttpStatus(int httpStatus, QString gitlabMessage = {});

    Code code() const { return m_code; }
    bool ok() const { return m_code == Success; }
    int httpStatus() const { return m_httpStatus; }
    const QString &gitlabMessage() const { return m_gitlabMessage; }

    //! Redirected / UntrustedLink: the sanitized origin (scheme://host:port) it pointed to.
    const QString &origin() const { return m_origin; }
    void setOrigin(const QString &origin) { m_origin = origin; }
    //! TooManyRequests: when the account may send again (null if unknown).
    const QDateTime &retryAt() const { return m_retryAt; }
    void setRetryAt(const QDateTime &when) { m_retryAt = when; }
    const QString &detail() const { return m_detail; }
    void setDetail(const QString &detail) { m_detail = detail; }
    //! TlsError: the certificate the server presented and why it was refused (null when the
    //! handshake failed without a certificate verdict).
    const tls::CertificateProblem *certificateProblem() const
    {
        return m_certificateProblem ? &*m_certificateProblem : nullptr;
    }
    void setCertificateProblem(const tls::CertificateProblem &problem)
    {
        m_certificateProblem = problem;
    }

    //! After this outcome the caller must re-read the job or pipeline before doing anything
    //! else: the action may or may not have happened.
    bool needsReconcile() const { return m_code == OutcomeUnknown; }

    //! One or two translated sentences for the user, with GitLab's message when it has one.
    //! Never contains a token or a token-bearing URL.
    QString userText() const;

    static QString codeName(Code code); //!< "NotFound": for logs and test failure messages
    //! "GitLab asked Pipedeck to wait until 14:05 (rate limit)." in local time: the one wording
    //! of a 429 hold, shared by failed actions and the account's status line.
    static QString rateLimitText(const QDateTime &until);

    friend bool operator==(const Status &, const Status &) = default;

private:
    Code m_code = Success;
    int m_httpStatus = 0;
    QString m_gitlabMessage;
    QString m_origin;
    QDateTime m_retryAt;
    QString m_detail;
    std::optional<tls::CertificateProblem> m_certificateProblem;
};

} // namespace pipedeck::gitlab
