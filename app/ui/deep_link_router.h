#pragma once

#include "accounts/deep_link.h"
#include "ui/launch_target.h"

#include <QObject>
#include <QUrl>

#include <optional>

namespace pipedeck {

class SessionManager;

// Opens the address given on the command line once an account can serve it. Tokens come from
// the keychain and the demo or GITLAB_TOKEN account signs in asynchronously, so the link waits
// until its account is Ready, or until every account has settled and none serves the address.
// Then it says why (once); it keeps waiting, so an account added for that host still opens it.
class DeepLinkRouter : public QObject
{
    Q_OBJECT
public:
    explicit DeepLinkRouter(SessionManager &sessions, QObject *parent = nullptr);

    // A WebUrl or ProjectPath target; replaces the one waiting.
    void open(const LaunchTarget &target);
    bool isPending() const { return m_pending.has_value(); }

    // The demo or GITLAB_TOKEN account is being checked: no account is "missing" before that.
    void setSignInRunning(bool running);
    // Where "group/project" goes: the account signed in for this run (else the first one).
    void setDefaultAccount(const QString &accountId);

Q_SIGNALS:
    void linkReady(const pipedeck::DeepLink &link);
    // Why the target cannot be opened (translated); `addAccountFor` is an instance worth
    // adding an account for, or empty.
    void problem(const QString &text, const QUrl &addAccountFor);

private:
    void tryResolve();
    bool settled() const;
    QUrl targetUrl(bool *wait);
    void report(const QString &text, const QUrl &addAccountFor = {});

    SessionManager &m_sessions;
    std::optional<LaunchTarget> m_pending;
    bool m_signInRunning = false;
    QString m_defaultAccount;
    QString m_reported;
};

} // namespace pipedeck
