#include "watching/watching.h"

#include "accounts/account_net_state.h"
#include "actions/action_controller.h"
#include "gitlab/net/connection.h"
#include "watch/notification_center.h"
#include "watch/watch_overview.h"
#include "watch/watch_store.h"
#include "watch/watcher.h"

#include <algorithm>

namespace pipedeck {

Watching::Watching(std::unique_ptr<watch::WatchStore> store, watch::Notifier *notifier,
                   gitlab::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_notifier(notifier)
    , m_center(std::make_unique<watch::NotificationCenter>(notifier, clock))
    , m_overview(std::make_unique<watch::WatchOverview>(&m_store->watches()))
{
    connect(m_store.get(), &watch::WatchStore::rulesChanged, this, &Watching::applyRules);
}

Watching::~Watching()
{
    // The watchers post to the centre and the overview: they go first.
    const QStringList ids = [this] {
        QStringList list;
        for (const auto &[id, account] : m_accounts)
            list.append(id);
        return list;
    }();
    for (const QString &id : ids)
        removeAccount(id);
}

watch::WatchList &Watching::watches() const
{
    return m_store->watches();
}

void Watching::addAccount(const QString &accountId, gitlab::Connection *connection,
                          const QString &username, bool canWrite, AccountNetState *netState)
{
    removeAccount(accountId);
    Account account;
    account.actions = std::make_unique<actions::ActionController>(connection);
    account.watcher =
        std::make_unique<watch::Watcher>(connection, accountId, username, &m_store->watches());
    m_center->addAccount(accountId, connection, account.actions.get(), canWrite);
    m_center->follow(account.watcher.get());
    m_overview->follow(account.watcher.get());
    if (netState) {
        // Offline, the watcher waits with the window's views; back online it looks at once.
        netState->addScheduler(&account.watcher->scheduler());
        connect(netState, &AccountNetState::stateChanged, account.watcher.get(),
                [watcher = account.watcher.get()](AccountNetState::State state) {
                    if (state == AccountNetState::State::Online)
                        watcher->pollAllNow();
                });
    }
    m_accounts.emplace(accountId, std::move(account));
    applyRules(accountId);
}

void Watching::removeAccount(const QString &accountId)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end())
        return;
    m_center->removeAccount(accountId);
    m_accounts.erase(it);
}

void Watching::forgetAccount(const QString &accountId)
{
    removeAccount(accountId);
    const QList<watch::PipelineWatch> watches = m_store->watches().watchesOf(accountId);
    for (const watch::PipelineWatch &watch : watches)
        m_store->watches().remove(accountId, watch.pipelineId);
    m_store->removeRules(accountId);
}

bool Watching::hasAccount(const QString &accountId) const
{
    return m_accounts.contains(accountId);
}

watch::Watcher *Watching::watcher(const QString &accountId) const
{
    const auto it = m_accounts.find(accountId);
    return it == m_accounts.end() ? nullptr : it->second.watcher.get();
}

void Watching::addOpenProject(const QString &accountId, qint64 projectId)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end() || projectId <= 0 || it->second.openProjects.contains(projectId))
        return;
    it->second.openProjects.insert(projectId);
    applyRules(accountId);
}

bool Watching::isActive() const
{
    if (m_store->watches().size() > 0)
        return true;
    return std::any_of(m_accounts.cbegin(), m_accounts.cend(),
                       [this](const auto &entry) { return m_store->rules(entry.first).enabled; });
}

void Watching::applyRules(const QString &accountId)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end())
        return;
    watch::WatchRules rules = m_store->rules(accountId);
    for (const qint64 projectId : std::as_const(it->second.openProjects)) {
        if (!rules.projects.contains(projectId))
            rules.projects.append(projectId);
    }
    std::sort(rules.projects.begin(), rules.projects.end());
    it->second.watcher->setRules(rules);
}

} // namespace pipedeck
