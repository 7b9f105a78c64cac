#pragma once

#include "secrets/secret_store.h"
#include "secrets/token_index.h"
#include "secrets/token_key.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QSettings;

namespace pipedeck {

enum class TokenOutcome {
    Saved,               // in the keychain, and recorded in the index
    SessionOnly,         // the keychain failed: kept in memory for this run only, nothing on disk
    Found,               // the token, from the keychain or from this run's memory
    NotStored,           // nothing was ever stored under this key: the user has to sign in
    Removed,             // gone from the keychain and the index
    KeychainUnavailable, // locked, no Secret Service, no bus, or stored but unreadable: retry
    AccessDenied,        // the user or the system refused: retry after allowing access
    TimedOut,            // the keychain did not answer before the deadline: retry
    KeychainError,       // anything else the keychain reported: retry
    Rejected,            // empty, too long or malformed token, or an unusable key: nothing called
};

struct TokenResult
{
    TokenOutcome outcome = TokenOutcome::KeychainError;
    QByteArray token;                               // Found only
    bool fromSession = false;                       // Found: the token came from this run's memory
    SecretStatus keychainStatus = SecretStatus::Ok; // what the keychain answered, if asked
    QString message; // translated, for the user; empty for Saved, Found and Removed
    QString reason;  // SessionOnly: translated, why the keychain could not keep it

    // The keychain is the problem, not the account: keep the account, offer "Retry", and do
    // not ask for a new token unless the user wants to.
    bool needsRetry() const;
};

// Tokens in the OS keychain under namespaced keys (see TokenKey), with an index of what was
// stored in settings. Never a plaintext fallback: when the keychain cannot take a token, it
// is kept in memory for this run only and the caller is told so.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const TokenResult &)>;

    // Neither is owned; both must outlive the TokenStore.
    TokenStore(SecretStore &store, QSettings &settings, QObject *parent = nullptr);
    ~TokenStore() override;

    // Each calls `done` exactly once, later, unless `context` (when given) or this store is
    // destroyed first.
    void save(const TokenKey &key, const QByteArray &token, QObject *context, Callback done);
    void load(const TokenKey &key, QObject *context, Callback done);
    // Removed only when the keychain takes writes (a locked Secret Service collection
    // "succeeds" at deleting without deleting anything); otherwise a failure, index kept.
    void remove(const TokenKey &key, QObject *context, Callback done);
    // Moves a token stored by an older layout (another key, or another store/service) to `key`
    // by copy -> verify -> delete; the old entry stays unless the copy read back equal.
    // Saved when moved, NotStored when there was nothing to move.
    void migrate(SecretStore &legacyStore, const QString &legacyKey, const TokenKey &key,
                 QObject *context, Callback done);

    bool isRecorded(const TokenKey &key) const;
    bool hasSessionToken(const TokenKey &key) const;
    QList<TokenIndexEntry> recordedTokens() const { return m_index.entries(); }

    // Written and deleted again by remove() to learn whether the keychain takes writes.
    static QString writableProbeKey() { return QStringLiteral("probe/keychain-writable"); }

    // Translated text for a token the user typed; empty when it may be stored.
    static QString validationError(const QByteArray &token);

Q_SIGNALS:
    // What recordedTokens() or hasSessionToken() answer changed (a save, a session copy, a
    // removal), whoever asked for it: lists of stored secrets follow this one signal.
    void recordsChanged();

private:
    void deliverLater(QObject *context, Callback done, TokenResult result);
    void rememberForRedaction(const QByteArray &token);
    static TokenResult failure(SecretStatus status, bool recordedButMissing);
    static TokenResult unusableKey();

    SecretStore &m_store;
    TokenIndex m_index;
    QHash<QString, QByteArray> m_sessionTokens;
    QSet<QByteArray> m_redacted;
};

} // namespace pipedeck
