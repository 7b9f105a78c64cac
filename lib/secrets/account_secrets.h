#pragma once

#include "secrets/token_index.h"
#include "secrets/token_key.h"

#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace pipedeck {

class TokenStore;

// The key an index entry was recorded under.
TokenKey tokenKeyOf(const TokenIndexEntry &entry);

// What the keychain holds for one account (its personal access token, trigger tokens and
// preset values), the personal access token last: an interrupted removal leaves the account
// able to sign in and finish it.
QList<TokenKey> secretsOfAccount(const QList<TokenIndexEntry> &recorded, const QUrl &instance,
                                 const QString &account);

struct SecretsRemoval
{
    bool complete = false; // every key is gone from the keychain and the index
    int removed = 0;
    int remaining = 0;
    QString message; // translated; empty when complete
};

// Removes the keys one after another and stops at the first failure. TokenStore::remove
// first proves the keychain takes writes, so a locked keychain stops it before anything is
// removed. `done` is called exactly once, later, unless `context` is destroyed first.
void removeSecrets(TokenStore &store, const QList<TokenKey> &keys, QObject *context,
                   std::function<void(const SecretsRemoval &)> done);

} // namespace pipedeck
