#pragma once

#include "secrets/secret_store.h"

#include <functional>

namespace pipedeck {

struct MigrationResult
{
    enum class Step { ReadOld, WriteNew, VerifyNew, RemoveOld, Done };

    bool migrated = false;         // the new entry exists and read back equal to the old one
    bool nothingToMigrate = false; // the old entry was not there
    bool oldRemoved = false;
    Step failedAt = Step::Done; // where it stopped when not migrated (or RemoveOld when migrated
                                // but the old entry could not be removed)
    SecretResult cause;         // the failing step's result (the secret field is always empty)
};

// Moves a secret to a new place: copy -> read back and compare -> only then remove the old
// entry. The old entry is never touched unless the new one was verified, so a failure at any
// step before leaves it intact. `from` and `to` may be the same store (a key rename) or two
// (another service name, another backend).
void migrateSecret(SecretStore &from, const QString &fromKey, SecretStore &to, const QString &toKey,
                   QObject *context, std::function<void(const MigrationResult &)> done);

} // namespace pipedeck
