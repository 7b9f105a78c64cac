#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace pipedeck {

namespace gitlab {
class Connection;
}
namespace models {
class ProjectsLoader;
class ProjectsModel;
class RecentProjects;
} // namespace models

// What one signed-in account shows: its projects model and the loader that feeds it.
// Created when the account becomes Ready; dropped when it signs out.
class AccountWorkspace : public QObject
{
    Q_OBJECT
public:
    AccountWorkspace(const QString &accountId, gitlab::Connection &connection, QSettings &settings,
                     QObject *parent = nullptr);
    ~AccountWorkspace() override;

    const QString &accountId() const { return m_accountId; }
    gitlab::Connection &connection() const { return m_connection; }
    models::ProjectsModel *projects() const { return m_projects.get(); }
    models::ProjectsLoader *projectsLoader() const { return m_loader.get(); }

private:
    QString m_accountId;
    gitlab::Connection &m_connection;
    std::unique_ptr<models::ProjectsModel> m_projects;
    std::unique_ptr<models::RecentProjects> m_recent;
    std::unique_ptr<models::ProjectsLoader> m_loader;
};

} // namespace pipedeck
