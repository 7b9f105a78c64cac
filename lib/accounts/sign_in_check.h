#pragma once

#include "accounts/account.h"
#include "tls/certificate_problem.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace pipedeck::gitlab {
class Connection;
class Status;
struct ConnectionOptions;
} // namespace pipedeck::gitlab

namespace pipedeck {

// Checks an instance address and a personal access token the way the sign-in dialog
// needs: GET /user and GET /personal_access_tokens/self, in parallel. On success the
// connection it used is handed to the caller, so the account starts without a second
// handshake. Texts are translated and never contain the token.
class SignInCheck : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        Account account;      // ok: username, display name, scopes, expiry filled in
        QString error;        // !ok: what went wrong, for the user
        QStringList warnings; // ok: things to know (read_api only, expiry soon, ...)
        // !ok because the server's certificate was refused: what it is and why, so the user
        // can decide to trust its CA for this account.
        std::optional<tls::CertificateProblem> certificateProblem;
    };

    explicit SignInCheck(QObject *parent = nullptr);
    ~SignInCheck() override;

    // Starts a check; finished() follows exactly once (also for bad input, from the
    // event loop). A check already running is abandoned. The token's form is checked before
    // anything is sent (the token store's rules). `trust`: certificates to trust beyond the
    // system's; a successful result's account carries them.
    void start(const QString &instanceText, const QString &token, Account::Origin origin,
               const gitlab::ConnectionOptions &options, const tls::TlsTrust &trust = {});
    bool isRunning() const { return m_running; }

    // After a successful finished(): the connection, with the token set.
    std::unique_ptr<gitlab::Connection> takeConnection();

    // Sign-in wording for a failed GET /user (public for the tests).
    static QString describeFailure(const gitlab::Status &status, const QUrl &instance);

Q_SIGNALS:
    void finished(const pipedeck::SignInCheck::Result &result);

private:
    void finishWhenBothDone();
    void fail(const QString &error);

    std::unique_ptr<gitlab::Connection> m_connection;
    Result m_result;
    std::optional<tls::CertificateProblem> m_certificateProblem;
    bool m_running = false;
    int m_outstanding = 0;
    bool m_userOk = false;
    QString m_userError;
    quint64 m_generation = 0;
};

} // namespace pipedeck

Q_DECLARE_METATYPE(pipedeck::SignInCheck::Result)
