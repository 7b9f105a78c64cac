#include "models/loaders/projects_loader.h"

#include "gitlab/requests/project_requests.h"
#include "models/loaders/launch.h"
#include "models/projects/projects_model.h"
#include "models/projects/recent_projects.h"

namespace pipedeck::models {

ProjectsLoader::ProjectsLoader(gitlab::Connection *connection, ProjectsModel *model,
                               RecentProjects *recent, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_model(model)
    , m_recent(recent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ProjectsLoader::refresh);
    connect(model, &ProjectsModel::queryChanged, &m_debounce, qOverload<>(&QTimer::start));
}

void ProjectsLoader::refresh()
{
    m_debounce.stop();
    if (!m_model)
        return;
    const quint64 generation = ++m_generation;
    if (m_request)
        m_request->abort();
    if (m_model->scope() == ProjectsModel::Scope::Recent) {
        m_model->applySnapshot(m_recent
                                   ? filterProjects(m_recent->projects(), m_model->searchText())
                                   : QList<gitlab::Project>());
        Q_EMIT refreshed(true);
        return;
    }
    if (!m_connection)
        return;
    gitlab::ProjectQuery query;
    query.starred = m_model->scope() == ProjectsModel::Scope::Starred;
    query.search = m_model->searchText().trimmed();
    auto *request = new gitlab::ListProjects(query);
    request->setMaxPages(kMaxPages);
    m_model->setLoading(true);
    m_request = launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                       [this, generation](const gitlab::ListProjects &done) {
                           if (generation != m_generation || !m_model)
                               return;
                           if (!done.status().ok()) {
                               m_model->markStale(done.status().userText());
                               Q_EMIT refreshed(false);
                               return;
                           }
                           m_model->applySnapshot(done.projects());
                           Q_EMIT refreshed(true);
                       });
}

void ProjectsLoader::rememberOpened(const gitlab::Project &project)
{
    if (!m_recent)
        return;
    m_recent->remember(project);
    if (m_model && m_model->scope() == ProjectsModel::Scope::Recent)
        refresh();
}

} // namespace pipedeck::models
