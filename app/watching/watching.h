#pragma once

#include "watch/notifier.h"
#include "watch/watch_list.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <map>
#include <memory>

namespace pipedeck {

class AccountNetState;

namespace actions {
class ActionController;
}
namespace gitlab {
class Clock;
class Connection;
} // namespace gitlab
namespace watch {
class NotificationCenter;
class Notifier;
class WatchOverview;
class WatchStore;
class Watcher;
} // namespace watch

//! The app's watching, across accounts: the store (rules, watches, close-to-tray), one Watcher
//! and one ActionController per signed-in account, the NotificationCenter they post to, and
//! the tray's WatchOverview.
//!
//! The rules look at the projects listed in them and, on top, at the projects the user opened
//! in this run (GitLab has no "my pipelines everywhere" call): those are not saved.
class Watching : public QObject
{
    Q_OBJECT
public:
    //! `notifier` and `clock` are not owned; `notifier` may be null (nothing is shown).
    Watching(std::unique_ptr<watch::WatchStore> store, watch::Notifier *notifier,
             gitlab::Clock *clock, QObject *parent = nullptr);
    ~Watching() override;

    watch::WatchStore &store() const { return *m_store; }
    watch::WatchList &watches() const;
    watch::NotificationCenter &center() const { return *m_center; }
    watch::WatchOverview &overview() const { return *m_overview; }
    watch::Notifier *notifier() const { return m_notifier; }

    //! An account became ready: its watcher starts, paused while `netState` says offline.
    void addAccount(const QString &accountId, gitlab::Connection *connection,
                    const QString &username, bool canWrite, AccountNetState *netState);
    //! Before the account's connection goes away.
    void removeAccount(const QString &accountId);
    //! The account left Pipedeck (signed out, removed): its explicit watches end too.
    void forgetAccount(const QString &accountId);
    bool hasAccount(const QString &accountId) const;
    watch::Watcher *watcher(const QString &accountId) const;
    //! The user opened a project of the account: the rules look at it too.
    void addOpenProject(const QString &accountId, qint64 projectId);

    //! Something is watched: an explicit watch, or an account whose rules are on.
    bool isActive() const;

private:
    struct Account
    {
        std::unique_ptr<actions::ActionController> actions;
        std::unique_ptr<watch::Watcher> watcher;
        QSet<qint64> openProjects;
    };

    void applyRules(const QString &accountId);

    std::unique_ptr<watch::WatchStore> m_store;
    QPointer<watch::Notifier> m_notifier;
    std::unique_ptr<watch::NotificationCenter> m_center;
    std::unique_ptr<watch::WatchOverview> m_overview;
    std::map<QString, Account> m_accounts;
};

} // namespace pipedeck
