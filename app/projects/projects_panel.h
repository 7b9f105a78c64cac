#pragma once

#include "gitlab/types/project.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QTabBar;

namespace pipedeck {

namespace models {
class ProjectsModel;
}

// The left-hand list of one account's projects: search, and tabs for all of the user's
// projects, starred ones and recently opened ones. Shows the model's loading, stale and
// error state; the model keeps its rows when a refresh fails.
class ProjectsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectsPanel(QWidget *parent = nullptr);

    // Not owned; may be null (no account).
    void setModel(models::ProjectsModel *model);
    models::ProjectsModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }

Q_SIGNALS:
    void projectActivated(const pipedeck::gitlab::Project &project);

private:
    void updateState();

    models::ProjectsModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTabBar *m_scopes = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_state = nullptr;
    QMetaObject::Connection m_stateConnection;
};

} // namespace pipedeck
