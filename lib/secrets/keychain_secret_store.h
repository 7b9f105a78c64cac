#pragma once

#include "secrets/secret_store.h"

#include <qt6keychain/keychain.h>

namespace pipedeck {

// The OS keychain through QtKeychain: Secret Service (gnome-keyring, KWallet, KeePassXC) on
// Linux, Credential Manager on Windows, Keychain on macOS. Never stores anything in
// plaintext (no insecure fallback).
//
// QtKeychain runs one job at a time for the whole process; a job that never answers holds
// up every later one. The deadline of SecretStore turns those into Timeout results. A job
// whose answer is overdue is never deleted (that crashes when the backend calls back): it
// stays alive, unparented, and deletes itself whenever the backend answers.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    static QString defaultService() { return QStringLiteral("pipedeck"); }

    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    QString service() const { return m_service; }

protected:
    void startWrite(const QString &key, const QByteArray &secret, Completion done) override;
    void startRead(const QString &key, Completion done) override;
    void startRemove(const QString &key, Completion done) override;

private:
    void run(QKeychain::Job *job, const QString &key, Completion done);

    QString m_service;
};

// QtKeychain reports "no keychain" in many ways: on Linux a missing bus or Secret Service
// comes back as OtherError with D-Bus text, and a locked collection refuses writes with
// AccessDenied. This maps them to what a caller can act on.
SecretStatus secretStatusFromKeychain(QKeychain::Error error, const QString &errorString);

} // namespace pipedeck
