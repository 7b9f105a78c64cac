#include "sim/auth.h"

#include "sim/request_params.h"
#include "sim/world.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pipedeck::sim {

bool Identity::canRead() const
{
    if (kind == Kind::JobToken)
        return true;
    return scopes.contains(QLatin1String("api")) || scopes.contains(QLatin1String("read_api"));
}

bool Identity::canWrite() const
{
    return kind == Kind::PersonalToken && scopes.contains(QLatin1String("api"));
}

Authenticator::Authenticator(const QList<TokenGrant> &grants, const World &world)
    : m_grants(grants)
    , m_world(world)
{}

const TokenGrant *Authenticator::grant(int index) const
{
    return index >= 0 && index < m_grants.size() ? &m_grants[index] : nullptr;
}

AuthResult Authenticator::authenticate(const HttpRequest &request,
                                       const RequestParams &params) const
{
    AuthResult result;
    QByteArray personal = request.header("PRIVATE-TOKEN");
    QByteArray jobToken = request.header("JOB-TOKEN");
    const QByteArray authorization = request.header("Authorization");
    QByteArray bearer;
    if (authorization.size() > 7 &&
        authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        bearer = authorization.mid(7).trimmed();
    if (personal.isEmpty() && params.has(QStringLiteral("private_token")))
        personal = params.string(QStringLiteral("private_token")).toUtf8();
    if (bearer.isEmpty() && params.has(QStringLiteral("access_token")))
        bearer = params.string(QStringLiteral("access_token")).toUtf8();
    if (jobToken.isEmpty() && params.has(QStringLiteral("job_token")))
        jobToken = params.string(QStringLiteral("job_token")).toUtf8();

    if (!jobToken.isEmpty() || (!bearer.isEmpty() && m_world.jobByToken(bearer))) {
        const Job *job = m_world.jobByToken(jobToken.isEmpty() ? bearer : jobToken);
        if (!job) {
            result.failure = AuthFailure::Unknown;
            return result;
        }
        result.identity.kind = Identity::Kind::JobToken;
        result.identity.jobId = job->id;
        result.identity.userId = job->userId;
        return result;
    }
    const QByteArray token = personal.isEmpty() ? bearer : personal;
    if (token.isEmpty()) {
        result.failure = AuthFailure::Missing;
        return result;
    }
    for (int i = 0; i < m_grants.size(); ++i) {
        if (m_grants[i].token.toUtf8() != token)
            continue;
        const User *user = m_world.userByUsername(m_grants[i].username);
        if (!user) {
            result.failure = AuthFailure::Unknown;
            return result;
        }
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_world.nowMs(), Qt::UTC).date();
        if (m_grants[i].expiresAt.isValid() && m_grants[i].expiresAt <= today) {
            result.failure = AuthFailure::Expired;
            return result;
        }
        result.identity.kind = Identity::Kind::PersonalToken;
        result.identity.userId = user->id;
        result.identity.grantIndex = i;
        result.identity.scopes = m_grants[i].scopes;
        return result;
    }
    result.failure = AuthFailure::Unknown;
    return result;
}

HttpResponse unauthorizedResponse()
{
    return HttpResponse::message(401, QStringLiteral("401 Unauthorized"));
}

HttpResponse expiredTokenResponse()
{
    HttpResponse response = HttpResponse::json(
        401, QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_token")},
                                       {QStringLiteral("error_description"),
                                        QStringLiteral("Token is expired. You can either do "
                                                       "re-authorization or token refresh.")}})
                 .toJson(QJsonDocument::Compact));
    response.setHeader("WWW-Authenticate",
                       "Bearer realm=\"Protected by OAuth 2.0\", error=\"invalid_token\", "
                       "error_description=\"Token is expired. You can either do "
                       "re-authorization or token refresh.\"");
    return response;
}

HttpResponse insufficientScopeResponse(const QString &required)
{
    const QString description =
        QStringLiteral("The request requires higher privileges than provided by the access token.");
    HttpResponse response = HttpResponse::json(
        403,
        QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("insufficient_scope")},
                                  {QStringLiteral("error_description"), description},
                                  {QStringLiteral("scope"), required}})
            .toJson(QJsonDocument::Compact));
    response.setHeader("WWW-Authenticate",
                       "Bearer realm=\"Protected by OAuth 2.0\", error=\"insufficient_scope\", "
                       "error_description=\"" +
                           description.toUtf8() + "\", scope=\"" + required.toUtf8() + '"');
    return response;
}

HttpResponse forbiddenResponse(const QString &reason)
{
    return HttpResponse::message(403, reason.isEmpty()
                                          ? QStringLiteral("403 Forbidden")
                                          : QStringLiteral("403 Forbidden - ") + reason);
}

} // namespace pipedeck::sim
