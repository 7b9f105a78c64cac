#include "models/loaders/refs_loader.h"

#include "gitlab/requests/project_requests.h"
#include "models/loaders/launch.h"
#include "models/refs/refs_model.h"

namespace pipedeck::models {

RefsLoader::RefsLoader(gitlab::Connection *connection, const gitlab::ProjectRef &project,
                       QString defaultBranch, RefsModel *model, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_project(project)
    , m_defaultBranch(std::move(defaultBranch))
    , m_model(model)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &RefsLoader::refresh);
    connect(model, &RefsModel::searchTextChanged, &m_debounce, qOverload<>(&QTimer::start));
}

void RefsLoader::refresh()
{
    m_debounce.stop();
    if (!m_model || !m_connection)
        return;
    const quint64 generation = ++m_generation;
    for (const QPointer<gitlab::Request> &request : std::as_const(m_requests)) {
        if (request)
            request->abort();
    }
    m_requests.clear();
    m_searchText = m_model->searchText().trimmed();
    m_branches.clear();
    m_tags.clear();
    m_default.reset();
    m_truncated = false;
    m_error.clear();
    m_pending = 0;
    m_model->setLoading(true);

    const auto failed = [this](const gitlab::Request &done) {
        if (m_error.isEmpty())
            m_error = done.status().userText();
    };
    auto *branches = new gitlab::ListBranches(m_project, m_searchText);
    branches->setAllPages(false);
    ++m_pending;
    m_requests.append(launch(m_connection.data(), branches, this, gitlab::Priority::Interactive,
                             [this, generation, failed](const gitlab::ListBranches &done) {
                                 if (generation != m_generation)
                                     return;
                                 if (done.status().ok()) {
                                     m_branches = done.branches();
                                     m_truncated = m_truncated || done.hasMore();
                                 } else {
                                     failed(done);
                                 }
                                 finishIfDone(generation);
                             }));
    auto *tags = new gitlab::ListTags(m_project, m_searchText);
    tags->setAllPages(false);
    ++m_pending;
    m_requests.append(launch(m_connection.data(), tags, this, gitlab::Priority::Interactive,
                             [this, generation, failed](const gitlab::ListTags &done) {
                                 if (generation != m_generation)
                                     return;
                                 if (done.status().ok()) {
                                     m_tags = done.tags();
                                     m_truncated = m_truncated || done.hasMore();
                                 } else {
                                     failed(done);
                                 }
                                 finishIfDone(generation);
                             }));
    if (m_searchText.isEmpty() && !m_defaultBranch.isEmpty()) {
        ++m_pending;
        // Not finding it is no failure of the search: the list is still right without it.
        m_requests.append(launch(
            m_connection.data(), new gitlab::GetBranch(m_project, m_defaultBranch), this,
            gitlab::Priority::Interactive, [this, generation](const gitlab::GetBranch &done) {
                if (generation != m_generation)
                    return;
                if (done.status().ok())
                    m_default = done.branch();
                finishIfDone(generation);
            }));
    }
}

void RefsLoader::finishIfDone(quint64 generation)
{
    if (generation != m_generation || --m_pending > 0 || !m_model)
        return;
    m_requests.clear();
    if (!m_error.isEmpty()) {
        m_model->markStale(m_error);
        Q_EMIT refreshed(false, m_searchText);
        return;
    }
    if (m_default) {
        m_default->isDefault = true;
        const auto same = [this](const gitlab::Branch &b) { return b.name == m_default->name; };
        m_branches.erase(std::remove_if(m_branches.begin(), m_branches.end(), same),
                         m_branches.end());
        m_branches.prepend(*m_default);
    }
    for (gitlab::Branch &branch : m_branches) {
        if (branch.name == m_defaultBranch)
            branch.isDefault = true;
    }
    m_model->applySnapshot(m_branches, m_tags, m_truncated);
    Q_EMIT refreshed(true, m_searchText);
}

} // namespace pipedeck::models
