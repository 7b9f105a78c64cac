#pragma once

#include "sim/server_options.h"
#include "sim/world.h"

#include <QJsonObject>
#include <QJsonValue>

namespace pipedeck::sim {

// What the JSON serialisers need besides the entity: the instance's URL, the clock and who is
// asking (trigger tokens are shown in full only to their owner).
struct EntityContext
{
    const World &world;
    QString baseUrl; // http://127.0.0.1:port
    qint64 nowMs = 0;
    qint64 viewerId = 0;
};

// Pure serialisers: GitLab's Grape entities, field for field (lib/api/entities/...).
QJsonValue isoTime(qint64 ms); // null for 0
QJsonObject userBasicJson(const User &user, const EntityContext &ctx);
QJsonObject userJson(const User &user, const EntityContext &ctx);        // as in Job.user
QJsonObject currentUserJson(const User &user, const EntityContext &ctx); // GET /user
QJsonObject namespaceJson(const Namespace &ns, const EntityContext &ctx);
QJsonObject projectJson(const Project &project, const EntityContext &ctx, bool simple);
QJsonObject commitJson(const Commit &commit, const Project &project, const EntityContext &ctx);
QJsonObject pipelineBasicJson(const Pipeline &pipeline, const EntityContext &ctx); // in lists
QJsonObject pipelineJson(const Pipeline &pipeline, const EntityContext &ctx);      // with metadata
QJsonObject pipelineOfJobJson(const Pipeline &pipeline, const EntityContext &ctx);
QJsonObject detailedStatusJson(const QString &status, const QString &detailsPath);
QJsonObject jobJson(const Job &job, const EntityContext &ctx);
QJsonObject bridgeJson(const Job &bridge, const EntityContext &ctx);
QJsonObject triggerJson(const Trigger &trigger, const EntityContext &ctx);
QJsonObject variableJson(const Variable &variable);
QJsonObject branchJson(const Branch &branch, const Project &project, const EntityContext &ctx);
QJsonObject tagJson(const Tag &tag, const Project &project, const EntityContext &ctx);
QJsonObject personalAccessTokenJson(const TokenGrant &grant, qint64 tokenId, qint64 userId,
                                    const EntityContext &ctx);
QJsonObject versionJson();
QString projectWebUrl(const Project &project, const EntityContext &ctx);

} // namespace pipedeck::sim
