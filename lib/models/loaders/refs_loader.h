#pragma once

#include "gitlab/requests/project_ref.h"
#include "gitlab/types/repository_ref.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace pipedeck::gitlab {
class Connection;
class Request;
} // namespace pipedeck::gitlab

namespace pipedeck::models {

class RefsModel;

//! Feeds a RefsModel from GitLab's server-side search: one page of branches and one of tags
//! matching the search text (GitLab's `search`: substring, `^prefix`, `suffix$`), so a project
//! with 10,000 branches costs two small requests per pause in typing, never the whole list.
//! With no search text the default branch is fetched by name as well, so it is first even when
//! it is not on the first page. Typing is debounced; a newer search makes older replies moot.
class RefsLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 200;

    RefsLoader(gitlab::Connection *connection, const gitlab::ProjectRef &project,
               QString defaultBranch, RefsModel *model, QObject *parent = nullptr);

    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    //! Fetches for the model's current search text now.
    void refresh();
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    //! The model shows the matches for `searchText` (or kept the last ones, on failure).
    void refreshed(bool ok, const QString &searchText);

private:
    void finishIfDone(quint64 generation);

    QPointer<gitlab::Connection> m_connection;
    gitlab::ProjectRef m_project;
    QString m_defaultBranch;
    QPointer<RefsModel> m_model;
    QTimer m_debounce;
    quint64 m_generation = 0;
    int m_pending = 0;
    QList<QPointer<gitlab::Request>> m_requests;
    QString m_searchText;
    QList<gitlab::Branch> m_branches;
    QList<gitlab::Tag> m_tags;
    std::optional<gitlab::Branch> m_default;
    bool m_truncated = false;
    QString m_error;
};

} // namespace pipedeck::models
