#pragma once

#include "sim/http_message.h"
#include "sim/server_options.h"

#include <QStringList>

namespace pipedeck::sim {

class World;
class RequestParams;

// Who is calling: a personal access token (PRIVATE-TOKEN, Authorization: Bearer, ?private_token=)
// or a CI job token (JOB-TOKEN, ?job_token=, or Bearer with a running job's token).
struct Identity
{
    enum class Kind { Anonymous, PersonalToken, JobToken };
    Kind kind = Kind::Anonymous;
    qint64 userId = 0;
    int grantIndex = -1;
    qint64 jobId = 0;
    QStringList scopes;

    bool canRead() const;  // api or read_api
    bool canWrite() const; // api
};

enum class AuthFailure { None, Missing, Unknown, Expired };

struct AuthResult
{
    Identity identity;
    AuthFailure failure = AuthFailure::None;
};

class Authenticator
{
public:
    Authenticator(const QList<TokenGrant> &grants, const World &world);
    AuthResult authenticate(const HttpRequest &request, const RequestParams &params) const;
    const TokenGrant *grant(int index) const;

private:
    QList<TokenGrant> m_grants;
    const World &m_world;
};

// GitLab's answers for authentication and authorisation failures.
HttpResponse unauthorizedResponse();                             // {"message":"401 Unauthorized"}
HttpResponse expiredTokenResponse();                             // invalid_token, expired
HttpResponse insufficientScopeResponse(const QString &required); // 403 insufficient_scope
HttpResponse forbiddenResponse(const QString &reason = {});      // {"message":"403 Forbidden"}

} // namespace pipedeck::sim
