#include "triggers/triggers_loader.h"

#include "core/logging.h"
#include "gitlab/requests/trigger_requests.h"
#include "models/loaders/launch.h"
#include "triggers/triggers_model.h"

#include <QCoreApplication>

namespace pipedeck::triggers {

TriggersLoader::TriggersLoader(gitlab::Connection *connection, const gitlab::ProjectRef &project,
                               TriggersModel *model, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_project(project)
    , m_model(model)
{}

// A list still under way is of no use to anyone now; its answer must not reach the model.
TriggersLoader::~TriggersLoader()
{
    ++m_generation;
    if (m_request)
        m_request->abort();
}

QString TriggersLoader::maintainerRoleText()
{
    return QCoreApplication::translate("TriggersLoader",
                                       "Managing trigger tokens needs the Maintainer role.");
}

QString TriggersLoader::errorText(const gitlab::Status &status)
{
    return status.code() == gitlab::Status::Forbidden ? maintainerRoleText() : status.userText();
}

void TriggersLoader::refresh()
{
    if (!m_model || !m_connection)
        return;
    // First the generation: abort() answers at once, and that answer is not this refresh's.
    const quint64 generation = ++m_generation;
    if (m_request)
        m_request->abort();
    m_model->setLoading(true);
    auto *request = new gitlab::ListTriggers(m_project);
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this, generation](const gitlab::ListTriggers &done) {
                                   if (generation != m_generation || !m_model)
                                       return;
                                   if (done.status().ok()) {
                                       m_model->applySnapshot(done.triggers());
                                   } else {
                                       qCInfo(lcNet)
                                           << "trigger tokens not listed:"
                                           << gitlab::Status::codeName(done.status().code());
                                       m_model->markStale(errorText(done.status()));
                                   }
                                   Q_EMIT refreshed(done.status().ok(), done.status());
                               });
}

} // namespace pipedeck::triggers
