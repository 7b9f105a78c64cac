// /version, /user, /personal_access_tokens/self and /job.
#include "sim/router.h"
#include "sim/world.h"

namespace pipedeck::sim {

void addInstanceRoutes(Router &router)
{
    router.add("GET", QStringLiteral("version"), Access::Read,
               [](ApiCall &) { return jsonResponse(200, versionJson()); });
    router.add("GET", QStringLiteral("metadata"), Access::Read,
               [](ApiCall &) { return jsonResponse(200, versionJson()); });

    router.add("GET", QStringLiteral("user"), Access::ReadUser, [](ApiCall &call) {
        const User *user = call.world.user(call.identity.userId);
        if (!user)
            return unauthorizedResponse();
        return jsonResponse(200, currentUserJson(*user, call.entities()));
    });

    router.add("GET", QStringLiteral("personal_access_tokens/self"), Access::ReadUser,
               [](ApiCall &call) -> HttpResponse {
                   const TokenGrant *grant = call.auth.grant(call.identity.grantIndex);
                   if (call.identity.kind != Identity::Kind::PersonalToken || !grant)
                       return unauthorizedResponse();
                   return jsonResponse(
                       200, personalAccessTokenJson(*grant, call.identity.grantIndex + 1,
                                                    call.identity.userId, call.entities()));
               });

    router.add("GET", QStringLiteral("job"), Access::JobOnly, [](ApiCall &call) {
        const Job *job = call.world.job(call.identity.jobId);
        if (!job)
            return unauthorizedResponse();
        return jsonResponse(200, jobJson(*job, call.entities()));
    });
}

} // namespace pipedeck::sim
