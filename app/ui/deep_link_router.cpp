#include "ui/deep_link_router.h"

#include "accounts/instance_url.h"
#include "accounts/session_manager.h"
#include "ui/account_label.h"

namespace pipedeck {

namespace {

// For messages: no user info, query or fragment (a pasted address may carry a token there).
QString shown(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace

DeepLinkRouter::DeepLinkRouter(SessionManager &sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
{
    connect(&m_sessions, &SessionManager::sessionChanged, this, &DeepLinkRouter::tryResolve);
    connect(&m_sessions, &SessionManager::sessionRemoved, this, &DeepLinkRouter::tryResolve);
}

void DeepLinkRouter::open(const LaunchTarget &target)
{
    if (target.kind != LaunchTarget::Kind::WebUrl && target.kind != LaunchTarget::Kind::ProjectPath)
        return;
    m_pending = target;
    m_reported.clear();
    tryResolve();
}

void DeepLinkRouter::setSignInRunning(bool running)
{
    m_signInRunning = running;
    if (!running)
        tryResolve();
}

void DeepLinkRouter::setDefaultAccount(const QString &accountId)
{
    m_defaultAccount = accountId;
}

bool DeepLinkRouter::settled() const
{
    if (m_signInRunning)
        return false;
    const QList<QString> ids = m_sessions.accountIds();
    for (const QString &id : ids) {
        if (m_sessions.session(id)->state == AccountSession::State::LoadingToken)
            return false;
    }
    return true;
}

QUrl DeepLinkRouter::targetUrl(bool *wait)
{
    *wait = false;
    if (m_pending->kind == LaunchTarget::Kind::WebUrl)
        return QUrl(m_pending->text, QUrl::TolerantMode);

    // "group/project": on the account of this run, or the first one.
    if (m_signInRunning) {
        *wait = true;
        return {};
    }
    const QList<QString> ids = m_sessions.accountIds();
    const QString accountId =
        m_sessions.session(m_defaultAccount) ? m_defaultAccount : ids.value(0);
    const AccountSession *session = m_sessions.session(accountId);
    if (!session) {
        if (!settled())
            *wait = true;
        else
            report(tr("Add an account to open the project %1.").arg(m_pending->text));
        return {};
    }
    QUrl url = session->account.instance;
    QString root = url.path();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    // "group/project/-/pipelines/new?ref=…" keeps its query (GitLab's prefill form).
    const qsizetype query = m_pending->text.indexOf(QLatin1Char('?'));
    url.setPath(root + QLatin1Char('/') + m_pending->text.left(query));
    if (query >= 0)
        url.setQuery(m_pending->text.mid(query + 1));
    return url;
}

void DeepLinkRouter::tryResolve()
{
    if (!m_pending)
        return;
    bool wait = false;
    const QUrl url = targetUrl(&wait);
    if (wait || !url.isValid())
        return;

    QList<Account> accounts;
    const QList<QString> ids = m_sessions.accountIds();
    for (const QString &id : ids)
        accounts.append(m_sessions.session(id)->account);
    const std::optional<DeepLink> link = resolveDeepLink(url, accounts);
    if (!link) {
        if (!settled())
            return;
        const QString origin = originOf(url);
        bool hostKnown = false;
        for (const Account &account : std::as_const(accounts))
            hostKnown = hostKnown || originOf(account.instance) == origin;
        if (hostKnown) {
            m_pending.reset(); // no account added later makes this a project page
            report(
                tr("%1 is not the address of a GitLab project, pipeline or job.").arg(shown(url)));
        } else {
            QUrl instance;
            instance.setScheme(url.scheme());
            instance.setHost(url.host());
            instance.setPort(url.port());
            report(tr("No account here is signed in to %1, so %2 cannot be opened. Add an "
                      "account for %1 to open it.")
                       .arg(hostLabel(instance), shown(url)),
                   instance);
        }
        return;
    }

    const AccountSession *session = m_sessions.session(link->accountId);
    switch (session->state) {
    case AccountSession::State::Ready:
        m_pending.reset();
        m_reported.clear();
        Q_EMIT linkReady(*link);
        return;
    case AccountSession::State::LoadingToken:
        return;
    case AccountSession::State::CredentialsUnavailable:
    case AccountSession::State::NeedsToken:
        report(tr("The account %1 cannot open %2 yet: %3")
                   .arg(accountLabel(session->account), shown(url), session->message));
        return;
    }
}

void DeepLinkRouter::report(const QString &text, const QUrl &addAccountFor)
{
    if (text == m_reported)
        return;
    m_reported = text;
    Q_EMIT problem(text, addAccountFor);
}

} // namespace pipedeck
