#include "accounts/session_manager.h"

#include "accounts/account_registry.h"
#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "secrets/token_store.h"

#include <QCoreApplication>
#include <QPointer>

namespace pipedeck {

namespace {
TokenKey tokenKeyFor(const Account &account)
{
    return TokenKey{TokenKind::PersonalAccessToken, account.instance, account.username, {}};
}
} // namespace

struct SessionManager::Entry
{
    AccountSession session;
    std::unique_ptr<gitlab::Connection> connection;

    void setConnection(std::unique_ptr<gitlab::Connection> c)
    {
        connection = std::move(c);
        session.connection = connection.get();
    }
};

SessionManager::SessionManager(AccountRegistry &registry, TokenStore &tokens,
                               const gitlab::ConnectionOptions &options, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_tokens(tokens)
    , m_options(std::make_unique<gitlab::ConnectionOptions>(options))
{}

SessionManager::~SessionManager() = default;

void SessionManager::restoreSavedAccounts()
{
    for (const Account &account : m_registry.accounts()) {
        if (account.origin != Account::Origin::Saved || m_entries.count(account.id))
            continue;
        auto entry = std::make_unique<Entry>();
        entry->session.account = account;
        entry->session.state = AccountSession::State::LoadingToken;
        m_entries.emplace(account.id, std::move(entry));
        m_order.append(account.id);
        Q_EMIT sessionChanged(account.id);
        loadToken(account.id);
    }
}

void SessionManager::retryCredentials(const QString &accountId)
{
    Entry *e = entry(accountId);
    if (!e || e->session.state == AccountSession::State::Ready)
        return;
    e->session.state = AccountSession::State::LoadingToken;
    e->session.message.clear();
    Q_EMIT sessionChanged(accountId);
    loadToken(accountId);
}

void SessionManager::loadToken(const QString &accountId)
{
    const Entry *e = entry(accountId);
    m_tokens.load(
        tokenKeyFor(e->session.account), this,
        [this, accountId](const TokenResult &result) { applyLoadedToken(accountId, result); });
}

void SessionManager::applyLoadedToken(const QString &accountId, const TokenResult &result)
{
    Entry *e = entry(accountId);
    if (!e)
        return; // signed out while the keychain was answering
    AccountSession &session = e->session;
    switch (result.outcome) {
    case TokenOutcome::Found: {
        auto connection =
            std::make_unique<gitlab::Connection>(session.account.instance, *m_options);
        connection->setTlsTrust(session.account.tlsTrust);
        connection->setToken(QString::fromUtf8(result.token));
        e->setConnection(std::move(connection));
        session.state = AccountSession::State::Ready;
        session.sessionOnly = result.fromSession;
        session.message.clear();
        break;
    }
    case TokenOutcome::NotStored:
    case TokenOutcome::Removed:
        session.state = AccountSession::State::NeedsToken;
        session.message = tr("No token is stored for this account. Sign in again.");
        break;
    case TokenOutcome::KeychainUnavailable:
    case TokenOutcome::AccessDenied:
    case TokenOutcome::TimedOut:
    case TokenOutcome::KeychainError:
    case TokenOutcome::Rejected:
    case TokenOutcome::Saved:
    case TokenOutcome::SessionOnly:
        session.state = AccountSession::State::CredentialsUnavailable;
        session.message = result.message.isEmpty()
                              ? tr("The keychain could not give the token. Retry.")
                              : result.message;
        break;
    }
    qCInfo(lcSecrets) << "account" << accountId << "token state" << int(session.state);
    Q_EMIT sessionChanged(accountId);
}

void SessionManager::addSignedIn(const Account &account,
                                 std::unique_ptr<gitlab::Connection> connection,
                                 const QByteArray &token)
{
    addSignedIn(account, std::move(connection), token, nullptr, {});
}

void SessionManager::addSignedIn(const Account &account,
                                 std::unique_ptr<gitlab::Connection> connection,
                                 const QByteArray &token, QObject *context, TokenSaved saved)
{
    const QPointer<QObject> savedContext = context;
    if (m_entries.count(account.id)) {
        Entry *old = entry(account.id);
        if (old->connection)
            old->connection.release()->deleteLater();
    } else {
        m_entries.emplace(account.id, std::make_unique<Entry>());
        m_order.append(account.id);
    }
    Entry *e = entry(account.id);
    connection->setParent(nullptr);
    e->setConnection(std::move(connection));
    e->session.account = account;
    e->session.state = AccountSession::State::Ready;
    e->session.message.clear();
    e->session.sessionOnly = account.origin != Account::Origin::Saved;
    m_registry.upsert(account);
    Q_EMIT sessionChanged(account.id);

    if (account.origin != Account::Origin::Saved)
        return; // environment and demo accounts are never stored
    const QString id = account.id;
    m_tokens.save(tokenKeyFor(account), token, this,
                  [this, id, savedContext, saved = std::move(saved)](const TokenResult &result) {
                      if (saved && savedContext)
                          saved(result);
                      Entry *kept = entry(id);
                      if (!kept)
                          return;
                      if (result.outcome == TokenOutcome::SessionOnly) {
                          kept->session.sessionOnly = true;
                          kept->session.message = result.message;
                          Q_EMIT sessionChanged(id);
                          Q_EMIT notice(id, result.message);
                      } else if (result.outcome != TokenOutcome::Saved) {
                          Q_EMIT notice(id, result.message);
                      }
                  });
}

void SessionManager::setTlsTrust(const QString &accountId, const tls::TlsTrust &trust)
{
    Entry *e = entry(accountId);
    if (!e || e->session.account.tlsTrust == trust)
        return;
    e->session.account.tlsTrust = trust;
    if (e->connection)
        e->connection->setTlsTrust(trust);
    m_registry.upsert(e->session.account);
    qCInfo(lcNet) << "account" << accountId << "trusts" << trust.certificates().size()
                  << "extra certificate(s)";
    Q_EMIT sessionChanged(accountId);
}

void SessionManager::signOut(const QString &accountId)
{
    const Entry *e = entry(accountId);
    if (!e)
        return;
    const Account account = e->session.account;
    forget(accountId);
    if (account.origin == Account::Origin::Saved) {
        m_tokens.remove(tokenKeyFor(account), this, [this, accountId](const TokenResult &result) {
            if (result.outcome != TokenOutcome::Removed &&
                result.outcome != TokenOutcome::NotStored)
                Q_EMIT notice(accountId, result.message);
        });
    }
    Q_EMIT sessionRemoved(accountId);
}

QList<TokenKey> SessionManager::secretsOf(const QString &accountId) const
{
    const Entry *e = entry(accountId);
    if (!e)
        return {};
    return secretsOfAccount(m_tokens.recordedTokens(), e->session.account.instance,
                            e->session.account.username);
}

void SessionManager::removeAccount(const QString &accountId, QObject *context,
                                   std::function<void(const SecretsRemoval &)> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QList<TokenKey> keys = secretsOf(accountId);
    // A token the keychain refused lives in memory only, and the index does not list it.
    if (const Entry *e = entry(accountId); e && e->session.sessionOnly) {
        const TokenKey personal = tokenKeyFor(e->session.account);
        if (!keys.contains(personal))
            keys.append(personal);
    }
    removeSecrets(m_tokens, keys, this,
                  [this, accountId, guard, hasContext, done](const SecretsRemoval &result) {
                      if (result.complete && entry(accountId)) {
                          qCInfo(lcSecrets)
                              << "account removed with" << result.removed << "secret(s)";
                          forget(accountId);
                          Q_EMIT sessionRemoved(accountId);
                      }
                      if (!hasContext || guard)
                          done(result);
                  });
}

void SessionManager::forget(const QString &accountId)
{
    auto it = m_entries.find(accountId);
    if (it == m_entries.end())
        return;
    if (it->second->connection)
        it->second->connection.release()->deleteLater();
    m_entries.erase(it);
    m_order.removeAll(accountId);
    m_registry.remove(accountId);
}

QList<QString> SessionManager::accountIds() const
{
    return m_order;
}

const AccountSession *SessionManager::session(const QString &accountId) const
{
    const Entry *e = entry(accountId);
    return e ? &e->session : nullptr;
}

gitlab::Connection *SessionManager::connection(const QString &accountId) const
{
    const Entry *e = entry(accountId);
    return e ? e->connection.get() : nullptr;
}

const gitlab::ConnectionOptions &SessionManager::connectionOptions() const
{
    return *m_options;
}

SessionManager::Entry *SessionManager::entry(const QString &accountId) const
{
    const auto it = m_entries.find(accountId);
    return it == m_entries.end() ? nullptr : it->second.get();
}

} // namespace pipedeck
