#include "secrets/secret_migration.h"

#include "core/logging.h"

#include <QPointer>

namespace pipedeck {

namespace {

struct Migration
{
    QPointer<SecretStore> from;
    QString fromKey;
    QPointer<SecretStore> to;
    QString toKey;
    QPointer<QObject> context;
    bool hasContext = false;
    std::function<void(const MigrationResult &)> done;
    QByteArray secret;

    void finish(MigrationResult result)
    {
        result.cause.secret.clear();
        qCInfo(lcSecrets).noquote()
            << "migration" << fromKey << "->" << toKey << (result.migrated ? "done" : "stopped")
            << (result.oldRemoved ? "(old entry removed)" : "(old entry kept)")
            << secretStatusName(result.cause.status);
        secret.fill('\0');
        if (done)
            done(result);
    }

    static MigrationResult failed(MigrationResult::Step step, const SecretResult &cause)
    {
        MigrationResult result;
        result.failedAt = step;
        result.cause = cause;
        return result;
    }
};

void removeOld(const std::shared_ptr<Migration> &migration)
{
    if (!migration->from)
        return;
    migration->from->remove(
        migration->fromKey, migration->context, [migration](const SecretResult &removed) {
            MigrationResult result;
            result.migrated = true;
            result.cause = removed;
            result.oldRemoved =
                removed.status == SecretStatus::Ok || removed.status == SecretStatus::NotFound;
            result.failedAt =
                result.oldRemoved ? MigrationResult::Step::Done : MigrationResult::Step::RemoveOld;
            migration->finish(result);
        });
}

void verifyNew(const std::shared_ptr<Migration> &migration)
{
    if (!migration->to)
        return;
    migration->to->read(
        migration->toKey, migration->context, [migration](const SecretResult &readBack) {
            if (!readBack.ok())
                return migration->finish(
                    Migration::failed(MigrationResult::Step::VerifyNew, readBack));
            if (readBack.secret != migration->secret) {
                return migration->finish(Migration::failed(
                    MigrationResult::Step::VerifyNew,
                    {SecretStatus::OtherError,
                     {},
                     QStringLiteral("the new entry reads back different from the old one")}));
            }
            removeOld(migration);
        });
}

void writeNew(const std::shared_ptr<Migration> &migration)
{
    if (!migration->to)
        return;
    migration->to->write(migration->toKey, migration->secret, migration->context,
                         [migration](const SecretResult &written) {
                             if (!written.ok())
                                 return migration->finish(
                                     Migration::failed(MigrationResult::Step::WriteNew, written));
                             verifyNew(migration);
                         });
}

} // namespace

void migrateSecret(SecretStore &from, const QString &fromKey, SecretStore &to, const QString &toKey,
                   QObject *context, std::function<void(const MigrationResult &)> done)
{
    auto migration = std::make_shared<Migration>();
    migration->from = &from;
    migration->fromKey = fromKey;
    migration->to = &to;
    migration->toKey = toKey;
    migration->context = context;
    migration->hasContext = context != nullptr;
    migration->done = std::move(done);

    if (&from == &to && fromKey == toKey) {
        // Copy, verify, delete old would delete the only copy.
        QMetaObject::invokeMethod(
            &from,
            [migration] {
                if (!migration->hasContext || migration->context)
                    migration->finish(Migration::failed(
                        MigrationResult::Step::ReadOld,
                        {SecretStatus::Rejected,
                         {},
                         QStringLiteral("source and destination are the same entry")}));
            },
            Qt::QueuedConnection);
        return;
    }

    from.read(fromKey, context, [migration](const SecretResult &old) {
        if (old.status == SecretStatus::NotFound) {
            MigrationResult result;
            result.nothingToMigrate = true;
            result.cause = old;
            return migration->finish(result);
        }
        if (!old.ok())
            return migration->finish(Migration::failed(MigrationResult::Step::ReadOld, old));
        migration->secret = old.secret;
        writeNew(migration);
    });
}

} // namespace pipedeck
