#include "gitlab/requests/instance_requests.h"

#include "gitlab/parse/json_parsers.h"
#include "gitlab/requests/body_parsers.h"

namespace pipedeck::gitlab {

namespace {
ApiCall get(const QString &path)
{
    ApiCall call;
    call.path = path;
    return call;
}
} // namespace

GetVersion::GetVersion(QObject *parent)
    : ResultRequest(get(QStringLiteral("/version")), parseObjectBody<Version, parseVersion>, parent)
{}

GetCurrentUser::GetCurrentUser(QObject *parent)
    : ResultRequest(get(QStringLiteral("/user")), parseObjectBody<User, parseUser>, parent)
{}

GetPersonalAccessTokenSelf::GetPersonalAccessTokenSelf(QObject *parent)
    : ResultRequest(get(QStringLiteral("/personal_access_tokens/self")),
                    parseObjectBody<PersonalAccessTokenInfo, parseTokenInfo>, parent)
{}

} // namespace pipedeck::gitlab
