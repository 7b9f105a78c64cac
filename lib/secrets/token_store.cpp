#include "secrets/token_store.h"

#include "core/logging.h"
#include "secrets/redaction.h"
#include "secrets/secret_migration.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSettings>

namespace pipedeck {

namespace {

// The user's context is checked here; the store itself is the context given to SecretStore,
// so no callback outlives this TokenStore.
template<typename Handler> auto guarded(QObject *context, Handler handler)
{
    return [guard = QPointer<QObject>(context), hasContext = context != nullptr,
            handler = std::move(handler)](const auto &result) {
        if (hasContext && !guard)
            return;
        handler(result);
    };
}

TokenResult rejected(const QString &message)
{
    TokenResult result;
    result.outcome = TokenOutcome::Rejected;
    result.keychainStatus = SecretStatus::Rejected;
    result.message = message;
    return result;
}

void call(const TokenStore::Callback &done, const TokenResult &result)
{
    if (done)
        done(result);
}

} // namespace

bool TokenResult::needsRetry() const
{
    switch (outcome) {
    case TokenOutcome::KeychainUnavailable:
    case TokenOutcome::AccessDenied:
    case TokenOutcome::TimedOut:
    case TokenOutcome::KeychainError:
        return true;
    case TokenOutcome::Saved:
    case TokenOutcome::SessionOnly:
    case TokenOutcome::Found:
    case TokenOutcome::NotStored:
    case TokenOutcome::Removed:
    case TokenOutcome::Rejected:
        return false;
    }
    return false;
}

TokenStore::TokenStore(SecretStore &store, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_index(settings)
{}

TokenStore::~TokenStore()
{
    for (QByteArray &token : m_sessionTokens)
        token.fill('\0');
}

QString TokenStore::validationError(const QByteArray &token)
{
    if (token.isEmpty())
        return tr("The token is empty.");
    if (token.size() > SecretStore::maxSecretBytes) {
        return tr("The token is too long: %1 bytes (at most %2).")
            .arg(token.size())
            .arg(SecretStore::maxSecretBytes);
    }
    for (char c : token) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return tr("The token contains line breaks or other control characters.");
    }
    return {};
}

TokenResult TokenStore::failure(SecretStatus status, bool recordedButMissing)
{
    TokenResult result;
    result.keychainStatus = status;
    switch (status) {
    case SecretStatus::NotFound:
        if (recordedButMissing) {
            // gnome-keyring answers a read on a locked collection with "not found" (measured).
            result.outcome = TokenOutcome::KeychainUnavailable;
            result.message =
                tr("The keychain is locked, or the token was removed outside Pipedeck — retry.");
        } else {
            result.outcome = TokenOutcome::NotStored;
            result.message = tr("No token is stored for this account.");
        }
        break;
    case SecretStatus::Unavailable:
        result.outcome = TokenOutcome::KeychainUnavailable;
        result.message = tr("The keychain is locked or unavailable — retry.");
        break;
    case SecretStatus::AccessDenied:
        result.outcome = TokenOutcome::AccessDenied;
        result.message =
            tr("Pipedeck was not allowed to use the keychain — allow access and retry.");
        break;
    case SecretStatus::Timeout:
        result.outcome = TokenOutcome::TimedOut;
        result.message = tr("The keychain did not answer in time — retry.");
        break;
    case SecretStatus::Rejected:
        result.outcome = TokenOutcome::Rejected;
        result.message = tr("The token cannot be stored.");
        break;
    case SecretStatus::Ok:
    case SecretStatus::OtherError:
        result.outcome = TokenOutcome::KeychainError;
        result.message = tr("The keychain reported an error — retry.");
        break;
    }
    return result;
}

TokenResult TokenStore::unusableKey()
{
    return rejected(tr("The account has no usable instance address or user name, so its token "
                       "cannot be stored."));
}

void TokenStore::deliverLater(QObject *context, Callback done, TokenResult result)
{
    QPointer<QObject> guard = context;
    QMetaObject::invokeMethod(
        this,
        [guard, hasContext = context != nullptr, done = std::move(done),
         result = std::move(result)] {
            if (hasContext && !guard)
                return;
            call(done, result);
        },
        Qt::QueuedConnection);
}

void TokenStore::rememberForRedaction(const QByteArray &token)
{
    if (!m_redacted.contains(token) && registerSecret(token))
        m_redacted.insert(token);
}

void TokenStore::save(const TokenKey &key, const QByteArray &token, QObject *context, Callback done)
{
    const QString storageKey = key.storageKey();
    if (storageKey.isEmpty()) {
        return deliverLater(context, std::move(done), unusableKey());
    }
    if (const QString error = validationError(token); !error.isEmpty())
        return deliverLater(context, std::move(done), rejected(error));

    rememberForRedaction(token);
    m_store.write(
        storageKey, token, this,
        guarded(context, [this, key, storageKey, token, done](const SecretResult &written) {
            if (written.ok()) {
                // Only now: the index must never claim a token the keychain does not hold.
                m_index.record(key);
                m_sessionTokens.remove(storageKey);
                Q_EMIT recordsChanged();
                TokenResult result;
                result.outcome = TokenOutcome::Saved;
                return call(done, result);
            }
            m_sessionTokens.insert(storageKey, token);
            Q_EMIT recordsChanged();
            qCWarning(lcSecrets).noquote()
                << "keychain did not take the token for" << storageKey
                << "- keeping it for this session only:" << secretStatusName(written.status);
            TokenResult result;
            result.outcome = TokenOutcome::SessionOnly;
            result.keychainStatus = written.status;
            result.message = tr("Not saved — kept for this session only.");
            result.reason = failure(written.status, false).message;
            call(done, result);
        }));
}

void TokenStore::load(const TokenKey &key, QObject *context, Callback done)
{
    const QString storageKey = key.storageKey();
    if (storageKey.isEmpty()) {
        return deliverLater(context, std::move(done), unusableKey());
    }
    if (auto it = m_sessionTokens.constFind(storageKey); it != m_sessionTokens.constEnd()) {
        TokenResult result;
        result.outcome = TokenOutcome::Found;
        result.token = it.value();
        result.fromSession = true;
        return deliverLater(context, std::move(done), std::move(result));
    }
    m_store.read(storageKey, this,
                 guarded(context, [this, key, storageKey, done](const SecretResult &read) {
                     if (read.ok()) {
                         rememberForRedaction(read.secret);
                         // Stored by an earlier run whose index write was lost, or by a
                         // write that answered after its deadline: record it now.
                         if (!m_index.contains(storageKey)) {
                             m_index.record(key);
                             Q_EMIT recordsChanged();
                         }
                         TokenResult result;
                         result.outcome = TokenOutcome::Found;
                         result.token = read.secret;
                         result.keychainStatus = read.status;
                         return call(done, result);
                     }
                     // Nothing is written or deleted on a failed read: the token may be
                     // fine behind a locked keychain.
                     TokenResult result = failure(read.status, m_index.contains(storageKey));
                     call(done, result);
                 }));
}

void TokenStore::remove(const TokenKey &key, QObject *context, Callback done)
{
    const QString storageKey = key.storageKey();
    if (storageKey.isEmpty()) {
        return deliverLater(context, std::move(done), unusableKey());
    }
    if (auto it = m_sessionTokens.find(storageKey); it != m_sessionTokens.end()) {
        it->fill('\0');
        m_sessionTokens.erase(it);
        Q_EMIT recordsChanged();
    }
    // gnome-keyring answers a delete on a locked collection with success and deletes nothing
    // (measured). A write cannot be faked that way, so a throw-away write first tells a
    // locked keychain apart; only then is the delete trusted.
    QByteArray probeValue(16, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(probeValue.data()), 4);
    m_store.write(writableProbeKey(), probeValue.toHex(), this,
                  guarded(context, [this, storageKey, done, guard = QPointer<QObject>(context),
                                    hasContext = context != nullptr](const SecretResult &probe) {
                      if (!probe.ok()) {
                          // Nothing removed; the index keeps the entry so that a retry can remove
                          // it.
                          return call(done, failure(probe.status, true));
                      }
                      m_store.remove(storageKey, this, [=, this](const SecretResult &removed) {
                          m_store.remove(writableProbeKey(), this, {});
                          if (hasContext && !guard)
                              return;
                          if (removed.ok() || removed.status == SecretStatus::NotFound) {
                              m_index.forget(storageKey);
                              Q_EMIT recordsChanged();
                              TokenResult result;
                              result.outcome = TokenOutcome::Removed;
                              result.keychainStatus = removed.status;
                              return call(done, result);
                          }
                          call(done, failure(removed.status, true));
                      });
                  }));
}

void TokenStore::migrate(SecretStore &legacyStore, const QString &legacyKey, const TokenKey &key,
                         QObject *context, Callback done)
{
    const QString storageKey = key.storageKey();
    if (storageKey.isEmpty()) {
        return deliverLater(context, std::move(done), unusableKey());
    }
    migrateSecret(legacyStore, legacyKey, m_store, storageKey, this,
                  guarded(context, [this, key, done](const MigrationResult &migration) {
                      TokenResult result;
                      if (migration.migrated) {
                          m_index.record(key);
                          Q_EMIT recordsChanged();
                          result.outcome = TokenOutcome::Saved;
                          result.keychainStatus = migration.cause.status;
                      } else if (migration.nothingToMigrate) {
                          result.outcome = TokenOutcome::NotStored;
                          result.keychainStatus = SecretStatus::NotFound;
                      } else {
                          result = failure(migration.cause.status, true);
                      }
                      call(done, result);
                  }));
}

bool TokenStore::isRecorded(const TokenKey &key) const
{
    return m_index.contains(key.storageKey());
}

bool TokenStore::hasSessionToken(const TokenKey &key) const
{
    return m_sessionTokens.contains(key.storageKey());
}

} // namespace pipedeck
