#include "runs/run_pipeline_controller.h"

#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/pipeline_requests.h"
#include "models/loaders/launch.h"
#include "runs/created_pipeline_lookup.h"
#include "variables/variable_rules.h"

namespace pipedeck::runs {

using gitlab::Status;

RunPipelineController::RunPipelineController(gitlab::Connection *connection, QString username,
                                             QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_username(std::move(username))
{
    m_lookup = new CreatedPipelineLookup(connection, this);
}

// A request in flight finishes on its own: a run that was sent is not aborted by closing the
// dialog, it is only no longer reported here.
RunPipelineController::~RunPipelineController() = default;

void RunPipelineController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

namespace {

gitlab::PipelineQuery ownApiPipelines(const QString &ref, const QString &username)
{
    gitlab::PipelineQuery query;
    query.ref = ref;
    query.username = username;
    query.source = QStringLiteral("api");
    return query;
}

} // namespace

bool RunPipelineController::submit(const RunPipelineInput &input)
{
    if (!m_connection || isBusy() || input.ref.trimmed().isEmpty() || input.projectId <= 0)
        return false;
    // The dialog shows GitLab's rules at the row; nothing that breaks them is sent.
    if (!variables::canSend(input.rows, variables::VariableRules{}))
        return false;
    m_input = input;
    m_status = {};
    setState(State::Sending);
    m_lookup->noteNewestBefore(input.projectId, ownApiPipelines(input.ref, m_username),
                               [this] { send(); });
    return true;
}

void RunPipelineController::send()
{
    if (!m_connection)
        return;
    m_sentAt = QDateTime::currentDateTimeUtc();
    auto *request =
        new gitlab::CreatePipeline(gitlab::ProjectRef(m_input.projectId), m_input.ref,
                                   variables::toApiVariables(m_input.rows), m_input.inputs);
    qCInfo(lcNet) << "run pipeline on a ref of project" << m_input.projectId;
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this](const gitlab::CreatePipeline &done) {
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

bool RunPipelineController::checkAgain()
{
    if (!m_connection || m_state != State::Unknown)
        return false;
    lookUp();
    return true;
}

void RunPipelineController::lookUp()
{
    qCInfo(lcNet) << "run pipeline lost its reply; looking for the pipeline instead of sending "
                     "again";
    setState(State::Checking);
    m_lookup->find(m_input.projectId, ownApiPipelines(m_input.ref, m_username), m_sentAt,
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

} // namespace pipedeck::runs
