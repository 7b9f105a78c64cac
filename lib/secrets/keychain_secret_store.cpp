#include "secrets/keychain_secret_store.h"

#include "core/logging.h"

#include <array>

namespace pipedeck {

namespace {

bool mentionsAny(const QString &text, const auto &needles)
{
    for (const auto &needle : needles) {
        if (text.contains(QLatin1StringView(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Texts measured with qtkeychain 0.13.2 on Debian 12, plus the macOS and KWallet ones
// that mean the same: the keychain exists but cannot be reached or is locked.
constexpr std::array unreachableTexts{
    "org.freedesktop.secrets",       // "...was not provided by any .service files"
    "Could not connect",             // bus address points nowhere
    "autolaunch D-Bus",              // no bus and no X11 display
    "D-Bus",                         //
    "DBus",                          //
    "ServiceUnknown",                //
    "kwalletd",                      //
    "No keychain service available", // QtKeychain's own NoBackendAvailable text
};

constexpr std::array lockedTexts{
    "locked",                     // "Cannot create an item in a locked collection"
    "interaction is not allowed", // macOS errSecInteractionNotAllowed: keychain locked
};

} // namespace

SecretStatus secretStatusFromKeychain(QKeychain::Error error, const QString &errorString)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStatus::Ok;
    case QKeychain::EntryNotFound:
        return SecretStatus::NotFound;
    case QKeychain::AccessDeniedByUser:
        return SecretStatus::AccessDenied;
    case QKeychain::AccessDenied:
        return mentionsAny(errorString, lockedTexts) ? SecretStatus::Unavailable
                                                     : SecretStatus::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStatus::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return SecretStatus::OtherError;
    case QKeychain::OtherError:
        return mentionsAny(errorString, unreachableTexts) || mentionsAny(errorString, lockedTexts)
                   ? SecretStatus::Unavailable
                   : SecretStatus::OtherError;
    }
    return SecretStatus::OtherError;
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(defaultService(), parent)
{}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

void KeychainSecretStore::run(QKeychain::Job *job, const QString &key, Completion done)
{
    job->setKey(key);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    // Context `this`: if the store goes away first, only our own connection is dropped and
    // the job still finishes and deletes itself inside QtKeychain's queue.
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        SecretResult result;
        result.status = secretStatusFromKeychain(finished->error(), finished->errorString());
        if (result.status != SecretStatus::Ok)
            result.detail = finished->errorString();
        if (result.ok()) {
            if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.secret = reader->binaryData();
        }
        done.finish(std::move(result));
    });
    job->start();
}

void KeychainSecretStore::startWrite(const QString &key, const QByteArray &secret, Completion done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(secret);
    run(job, key, std::move(done));
}

void KeychainSecretStore::startRead(const QString &key, Completion done)
{
    run(new QKeychain::ReadPasswordJob(m_service), key, std::move(done));
}

void KeychainSecretStore::startRemove(const QString &key, Completion done)
{
    run(new QKeychain::DeletePasswordJob(m_service), key, std::move(done));
}

} // namespace pipedeck
