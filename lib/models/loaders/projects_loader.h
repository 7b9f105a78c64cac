#pragma once

#include "gitlab/requests/request.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace pipedeck::gitlab {
class Connection;
struct Project;
} // namespace pipedeck::gitlab

namespace pipedeck::models {

class ProjectsModel;
class RecentProjects;

//! Feeds a ProjectsModel: the user's (or starred) projects from GET /projects with the search
//! text, or the recently opened ones from RecentProjects (no request). Typing is debounced; a
//! newer query cancels the older request.
class ProjectsLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPages = 5; //!< 500 projects; narrower lists come from searching
    static constexpr int kDebounceMs = 250;

    ProjectsLoader(gitlab::Connection *connection, ProjectsModel *model,
                   RecentProjects *recent = nullptr, QObject *parent = nullptr);

    void refresh();
    //! Remember a project the user opened (for the Recent scope).
    void rememberOpened(const gitlab::Project &project);
    bool isBusy() const { return !m_request.isNull(); }

Q_SIGNALS:
    void refreshed(bool ok);

private:
    QPointer<gitlab::Connection> m_connection;
    QPointer<ProjectsModel> m_model;
    RecentProjects *m_recent;
    QPointer<gitlab::Request> m_request;
    QTimer m_debounce;
    quint64 m_generation = 0;
};

} // namespace pipedeck::models
