#include "secrets/account_secrets.h"

#include "secrets/token_store.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace pipedeck {

TokenKey tokenKeyOf(const TokenIndexEntry &entry)
{
    return TokenKey{entry.kind, entry.instance, entry.account, entry.qualifier};
}

QList<TokenKey> secretsOfAccount(const QList<TokenIndexEntry> &recorded, const QUrl &instance,
                                 const QString &account)
{
    const QString instancePart = instanceKeyPart(instance);
    QList<TokenKey> keys;
    QList<TokenKey> personal;
    for (const TokenIndexEntry &entry : recorded) {
        if (entry.account != account || instanceKeyPart(entry.instance) != instancePart)
            continue;
        const TokenKey key = tokenKeyOf(entry);
        // An entry that does not rebuild its own key was not written by this layout.
        if (key.storageKey() != entry.storageKey)
            continue;
        (entry.kind == TokenKind::PersonalAccessToken ? personal : keys).append(key);
    }
    return keys + personal;
}

namespace {

struct Sweep
{
    TokenStore &store;
    QList<TokenKey> keys;
    QPointer<QObject> context;
    bool hasContext = false;
    std::function<void(const SecretsRemoval &)> done;
    SecretsRemoval result;
};

void finish(const std::shared_ptr<Sweep> &sweep)
{
    if (sweep->hasContext && !sweep->context)
        return;
    sweep->done(sweep->result);
}

void removeNext(const std::shared_ptr<Sweep> &sweep)
{
    if (sweep->result.removed == sweep->keys.size()) {
        sweep->result.complete = true;
        return finish(sweep);
    }
    const TokenKey &key = sweep->keys.at(sweep->result.removed);
    sweep->store.remove(key, nullptr, [sweep](const TokenResult &removed) {
        if (removed.outcome == TokenOutcome::Removed ||
            removed.outcome == TokenOutcome::NotStored) {
            ++sweep->result.removed;
            return removeNext(sweep);
        }
        sweep->result.remaining = int(sweep->keys.size()) - sweep->result.removed;
        sweep->result.message =
            sweep->result.removed == 0
                ? QCoreApplication::translate("AccountSecrets", "Nothing was removed: %1")
                      .arg(removed.message)
                : QCoreApplication::translate("AccountSecrets",
                                              "Secrets left in the keychain: %1. %2")
                      .arg(sweep->result.remaining)
                      .arg(removed.message);
        finish(sweep);
    });
}

} // namespace

void removeSecrets(TokenStore &store, const QList<TokenKey> &keys, QObject *context,
                   std::function<void(const SecretsRemoval &)> done)
{
    auto sweep = std::make_shared<Sweep>(
        Sweep{store, keys, QPointer<QObject>(context), context != nullptr, std::move(done), {}});
    if (keys.isEmpty()) {
        // Later, as every store operation answers.
        QTimer::singleShot(0, &store, [sweep] {
            sweep->result.complete = true;
            finish(sweep);
        });
        return;
    }
    removeNext(sweep);
}

} // namespace pipedeck
