#pragma once

#include "gitlab/net/status.h"
#include "gitlab/requests/project_ref.h"

#include <QObject>
#include <QPointer>

namespace pipedeck::gitlab {
class Connection;
class Request;
} // namespace pipedeck::gitlab

namespace pipedeck::triggers {

class TriggersModel;

//! Feeds a TriggersModel from GET /projects/:id/triggers (every page). A failure keeps the
//! rows and marks the model stale; a 403 says what is missing: the Maintainer role.
class TriggersLoader : public QObject
{
    Q_OBJECT
public:
    TriggersLoader(gitlab::Connection *connection, const gitlab::ProjectRef &project,
                   TriggersModel *model, QObject *parent = nullptr);
    ~TriggersLoader() override;

    //! Fetches now; a refresh still under way is dropped for this one.
    void refresh();
    bool isBusy() const { return !m_request.isNull(); }

    //! What a 403 on the trigger token routes means.
    static QString maintainerRoleText();
    //! The text for a failed list: maintainerRoleText() for a 403, GitLab's otherwise.
    static QString errorText(const gitlab::Status &status);

Q_SIGNALS:
    void refreshed(bool ok, const pipedeck::gitlab::Status &status);

private:
    QPointer<gitlab::Connection> m_connection;
    gitlab::ProjectRef m_project;
    QPointer<TriggersModel> m_model;
    QPointer<gitlab::Request> m_request;
    quint64 m_generation = 0;
};

} // namespace pipedeck::triggers
