#pragma once

#include "accounts/account.h"
#include "secrets/account_secrets.h"

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>

namespace pipedeck::gitlab {
class Connection;
struct ConnectionOptions;
} // namespace pipedeck::gitlab

namespace pipedeck {

class AccountRegistry;
class TokenStore;
struct TokenResult;

// One account's live state: its connection (when the token is at hand) and, when it
// is not, why — so that a locked keychain reads as "locked, retry", never as "signed out".
struct AccountSession
{
    enum class State {
        LoadingToken,           // asking the keychain
        Ready,                  // connection has the token
        CredentialsUnavailable, // keychain locked, missing or failing: account kept, Retry offered
        NeedsToken,             // nothing stored for it (or the user removed it): sign in again
    };
    Account account;
    State state = State::LoadingToken;
    QString message;          // translated: why it is not Ready, or a note (session only)
    bool sessionOnly = false; // the token lives in memory for this run only
    gitlab::Connection *connection = nullptr; // owned by the manager; null unless Ready
};

// Owns every account's connection and keeps the registry and the keychain in step.
class SessionManager : public QObject
{
    Q_OBJECT
public:
    SessionManager(AccountRegistry &registry, TokenStore &tokens,
                   const gitlab::ConnectionOptions &options, QObject *parent = nullptr);
    ~SessionManager() override;

    // Loads the token of every saved account from the keychain (asynchronously).
    void restoreSavedAccounts();
    // Tries the keychain again for an account in CredentialsUnavailable.
    void retryCredentials(const QString &accountId);

    // A checked sign-in: saved accounts get their token written to the keychain; when
    // that fails the token is kept for this run only and notice() says so.
    void addSignedIn(const Account &account, std::unique_ptr<gitlab::Connection> connection,
                     const QByteArray &token);
    // Called once the keychain answered for a signed-in saved account (Saved, SessionOnly or
    // a failure), so that the sign-in dialog can say where the token went.
    using TokenSaved = std::function<void(const TokenResult &)>;
    void addSignedIn(const Account &account, std::unique_ptr<gitlab::Connection> connection,
                     const QByteArray &token, QObject *context, TokenSaved saved);
    // Replaces the certificates the account trusts beyond the system's (empty: none), in
    // settings and on its live connection; its next request is verified against them.
    void setTlsTrust(const QString &accountId, const tls::TlsTrust &trust);
    // Forgets the account and deletes its token from the keychain.
    void signOut(const QString &accountId);
    // What removeAccount() removes from the keychain: the personal access token, trigger
    // tokens and preset values recorded for the account (for its confirmation).
    QList<TokenKey> secretsOf(const QString &accountId) const;
    // Removes every secret of secretsOf(), then the account. A locked keychain removes nothing
    // and keeps the account; `done` (exactly once, later, unless `context` is gone) says why.
    void removeAccount(const QString &accountId, QObject *context,
                       std::function<void(const SecretsRemoval &)> done);

    QList<QString> accountIds() const;
    const AccountSession *session(const QString &accountId) const;
    gitlab::Connection *connection(const QString &accountId) const;
    const gitlab::ConnectionOptions &connectionOptions() const;

Q_SIGNALS:
    void sessionChanged(const QString &accountId);
    void sessionRemoved(const QString &accountId);
    // Something the user should read (translated), e.g. "not saved — session only".
    void notice(const QString &accountId, const QString &text);

private:
    struct Entry;
    void loadToken(const QString &accountId);
    void applyLoadedToken(const QString &accountId, const TokenResult &result);
    Entry *entry(const QString &accountId) const;
    // Drops the account from the registry and this manager; the keychain is not touched.
    void forget(const QString &accountId);

    AccountRegistry &m_registry;
    TokenStore &m_tokens;
    std::unique_ptr<gitlab::ConnectionOptions> m_options;
    std::map<QString, std::unique_ptr<Entry>> m_entries;
    QList<QString> m_order;
};

} // namespace pipedeck
