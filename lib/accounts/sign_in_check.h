#pragma once

#include "accounts/account.h"

#include <QObject>
#include <QPointer>

#include <memory>

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
    };

    explicit SignInCheck(QObject *parent = nullptr);
    ~SignInCheck() override;

    // Starts a check; finished() follows exactly once (also for bad input, from the
    // event loop). A check already running is abandoned.
    void start(const QString &instanceText, const QString &token, Account::Origin origin,
               const gitlab::ConnectionOptions &options);
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
    bool m_running = false;
    int m_outstanding = 0;
    bool m_userOk = false;
    QString m_userError;
    quint64 m_generation = 0;
};

} // namespace pipedeck

Q_DECLARE_METATYPE(pipedeck::SignInCheck::Result)
