#include "triggers/trigger_pipeline_controller.h"

#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/pipeline_requests.h"
#include "gitlab/requests/trigger_requests.h"
#include "models/loaders/launch.h"
#include "runs/created_pipeline_lookup.h"
#include "secrets/redaction.h"
#include "secrets/token_store.h"

namespace pipedeck::triggers {

using gitlab::Status;

namespace {

gitlab::PipelineQuery triggeredPipelines(const QString &ref)
{
    // Not by username: a pipeline started with a token is its owner's, who need not be the
    // signed-in user (a pasted token of a colleague).
    gitlab::PipelineQuery query;
    query.ref = ref;
    query.source = QStringLiteral("trigger");
    return query;
}

QMap<QString, QString> stringVariables(const QList<variables::VariableRow> &rows)
{
    QMap<QString, QString> map;
    for (const gitlab::Variable &variable : variables::toApiVariables(rows))
        map.insert(variable.key, variable.value);
    return map;
}

} // namespace

variables::VariableRules TriggerPipelineController::triggerRules()
{
    variables::VariableRules rules;
    rules.typesAllowed = false;
    return rules;
}

QString TriggerPipelineController::refusalText(const Status &status)
{
    switch (status.code()) {
    case Status::NotFound:
        return tr("GitLab did not accept the trigger token: it was revoked, has expired, or "
                  "belongs to another project.");
    case Status::Forbidden:
        return status.gitlabMessage().isEmpty() || status.gitlabMessage() == u"403 Forbidden"
                   ? tr("GitLab refused to start a pipeline with this trigger token (403): its "
                        "owner may no longer be allowed to run pipelines here.")
                   : status.userText();
    default:
        return status.userText();
    }
}

TriggerPipelineController::TriggerPipelineController(gitlab::Connection *connection,
                                                     QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_lookup = new runs::CreatedPipelineLookup(connection, this);
}

// A request in flight finishes on its own: a pipeline that was triggered is not aborted by
// closing the dialog, it is only no longer reported here.
TriggerPipelineController::~TriggerPipelineController() = default;

void TriggerPipelineController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool TriggerPipelineController::submit(const TriggerRunInput &input)
{
    if (!m_connection || isBusy() || input.ref.trimmed().isEmpty() || input.projectId <= 0)
        return false;
    // Control characters in the token would break the JSON body's meaning for no one's good;
    // the same check the keychain applies.
    if (input.token.isEmpty() || !TokenStore::validationError(input.token).isEmpty())
        return false;
    if (!variables::canSend(input.rows, triggerRules()))
        return false;
    // A pasted token is in no keychain (which registers what it loads): any text that might
    // carry it is masked from now on.
    registerSecret(input.token);
    m_input = input;
    m_status = {};
    setState(State::Sending);
    m_lookup->noteNewestBefore(input.projectId, triggeredPipelines(input.ref), [this] { send(); });
    return true;
}

void TriggerPipelineController::send()
{
    if (!m_connection)
        return;
    m_sentAt = QDateTime::currentDateTimeUtc();
    auto *request = new gitlab::TriggerPipeline(gitlab::ProjectRef(m_input.projectId),
                                                QString::fromUtf8(m_input.token), m_input.ref,
                                                stringVariables(m_input.rows), m_input.inputs);
    qCInfo(lcNet) << "trigger a pipeline on a ref of project" << m_input.projectId;
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this](const gitlab::TriggerPipeline &done) {
                                   m_status = done.status();
                                   if (done.status().ok()) {
                                       setState(State::Done);
                                       Q_EMIT created(done.pipeline(), false);
                                   } else if (done.status().needsReconcile()) {
                                       lookUp();
                                   } else {
                                       setState(State::Refused);
                                       Q_EMIT refused(done.status());
                                   }
                               });
}

bool TriggerPipelineController::checkAgain()
{
    if (!m_connection || m_state != State::Unknown)
        return false;
    lookUp();
    return true;
}

void TriggerPipelineController::lookUp()
{
    qCInfo(lcNet) << "trigger pipeline lost its reply; looking for the pipeline instead of "
                     "sending again";
    setState(State::Checking);
    m_lookup->find(m_input.projectId, triggeredPipelines(m_input.ref), m_sentAt,
                   [this](const gitlab::Pipeline *found, const Status &status) {
                       if (found) {
                           setState(State::Done);
                           Q_EMIT created(*found, true);
                           return;
                       }
                       // The check itself failed, or GitLab has no such pipeline (yet): say so
                       // and let the user ask again; the POST is never repeated.
                       m_status = status.ok() ? Status(Status::OutcomeUnknown) : status;
                       setState(State::Unknown);
                       Q_EMIT outcomeUnknown(m_status);
                   });
}

} // namespace pipedeck::triggers
