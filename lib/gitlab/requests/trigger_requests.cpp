#include "gitlab/requests/trigger_requests.h"

#include "gitlab/parse/json_parsers.h"
#include "gitlab/requests/action_call.h"
#include "gitlab/requests/body_parsers.h"

namespace pipedeck::gitlab {

namespace {

constexpr auto parseTriggerBody = parseObjectBody<Trigger, parseTrigger>;

QString triggersPath(const ProjectRef &project)
{
    return project.projectPath() + QStringLiteral("/triggers");
}

QString triggerPath(const ProjectRef &project, qint64 triggerId)
{
    return triggersPath(project) + QLatin1Char('/') + QString::number(triggerId);
}

QJsonObject createBody(const QString &description, const QDate &expiresAt)
{
    QJsonObject body{{QStringLiteral("description"), description}};
    if (expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"), expiresAt.toString(Qt::ISODate));
    return body;
}

ApiCall triggerCall(const ProjectRef &project, const QString &token, const QString &ref,
                    const QMap<QString, QString> &variables, const QJsonObject &inputs)
{
    QJsonObject body{{QStringLiteral("token"), token}, {QStringLiteral("ref"), ref}};
    if (!variables.isEmpty()) {
        QJsonObject map;
        for (auto it = variables.begin(); it != variables.end(); ++it)
            map.insert(it.key(), it.value());
        body.insert(QStringLiteral("variables"), map);
    }
    if (!inputs.isEmpty())
        body.insert(QStringLiteral("inputs"), inputs);
    ApiCall call =
        actionCall("POST", project.projectPath() + QStringLiteral("/trigger/pipeline"), body);
    call.sendToken = false;
    call.secrets = {token};
    return call;
}

} // namespace

ListTriggers::ListTriggers(const ProjectRef &project, QObject *parent)
    : ListRequest(triggersPath(project), {}, parseArrayBody<Trigger, parseTriggers>, parent)
{}

GetTrigger::GetTrigger(const ProjectRef &project, qint64 triggerId, QObject *parent)
    : ResultRequest(getCall(triggerPath(project, triggerId)), parseTriggerBody, parent)
{}

CreateTrigger::CreateTrigger(const ProjectRef &project, const QString &description,
                             const QDate &expiresAt, QObject *parent)
    : ResultRequest(actionCall("POST", triggersPath(project), createBody(description, expiresAt)),
                    parseTriggerBody, parent)
{}

UpdateTrigger::UpdateTrigger(const ProjectRef &project, qint64 triggerId,
                             const QString &description, QObject *parent)
    : ResultRequest(actionCall("PUT", triggerPath(project, triggerId),
                               {{QStringLiteral("description"), description}}),
                    parseTriggerBody, parent)
{}

DeleteTrigger::DeleteTrigger(const ProjectRef &project, qint64 triggerId, QObject *parent)
    : EmptyRequest(actionCall("DELETE", triggerPath(project, triggerId)), parent)
{}

TriggerPipeline::TriggerPipeline(const ProjectRef &project, const QString &triggerToken,
                                 const QString &ref, const QMap<QString, QString> &variables,
                                 const QJsonObject &inputs, QObject *parent)
    : ResultRequest(triggerCall(project, triggerToken, ref, variables, inputs),
                    parseObjectBody<Pipeline, parsePipeline>, parent)
{}

} // namespace pipedeck::gitlab
