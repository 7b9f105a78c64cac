#include "ui/account_workspace.h"

#include "gitlab/net/connection.h"
#include "models/loaders/projects_loader.h"
#include "models/projects/projects_model.h"
#include "models/projects/recent_projects.h"

namespace pipedeck {

AccountWorkspace::AccountWorkspace(const QString &accountId, gitlab::Connection &connection,
                                   QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_connection(connection)
    , m_projects(std::make_unique<models::ProjectsModel>())
    , m_recent(std::make_unique<models::RecentProjects>(settings, accountId))
    , m_loader(
          std::make_unique<models::ProjectsLoader>(&connection, m_projects.get(), m_recent.get()))
{
    m_loader->refresh();
}

AccountWorkspace::~AccountWorkspace() = default;

} // namespace pipedeck
