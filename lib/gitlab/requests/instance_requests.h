#pragma once

#include "gitlab/requests/request.h"
#include "gitlab/types/token_info.h"
#include "gitlab/types/user.h"
#include "gitlab/types/version.h"

namespace pipedeck::gitlab {

//! GET /version (needs authentication: also a cheap "is this GitLab, is the token good").
class GetVersion : public ResultRequest<Version>
{
public:
    explicit GetVersion(QObject *parent = nullptr);
    const Version &version() const { return result(); }
};

//! GET /user
class GetCurrentUser : public ResultRequest<User>
{
public:
    explicit GetCurrentUser(QObject *parent = nullptr);
    const User &user() const { return result(); }
};

//! GET /personal_access_tokens/self: scopes and expiry of the token in use (GitLab >= 15.5;
//! OAuth and job tokens get 401/403/404 here, which callers treat as "unknown").
class GetPersonalAccessTokenSelf : public ResultRequest<PersonalAccessTokenInfo>
{
public:
    explicit GetPersonalAccessTokenSelf(QObject *parent = nullptr);
    const PersonalAccessTokenInfo &tokenInfo() const { return result(); }
};

} // namespace pipedeck::gitlab
