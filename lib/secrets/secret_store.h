#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace pipedeck {

// What a keychain operation came to. Callers decide on these, never on backend text.
enum class SecretStatus {
    Ok,
    // The keychain answered that it holds nothing under the key. On Linux a locked
    // Secret Service collection answers a read the same way (measured), so a caller
    // that knows a secret was stored must not read this as "no secret".
    NotFound,
    // Locked keychain, no Secret Service, no session bus, no keychain on this platform:
    // the secret may well exist; retry later.
    Unavailable,
    AccessDenied, // the user or the system refused Pipedeck access
    Timeout,      // no answer before the deadline; whatever the backend says later is ignored
    Rejected,     // refused before any keychain call (empty key, empty or oversized secret)
    OtherError,
};

enum class SecretOperation { Write, Read, Remove };

// Stable English names for logs and test diagnostics (not for the UI).
QString secretStatusName(SecretStatus status);
QString secretOperationName(SecretOperation operation);

struct SecretResult
{
    SecretStatus status = SecretStatus::OtherError;
    QByteArray secret; // set only for a successful read
    QString detail;    // backend or deadline text for logs, already redacted; never for the UI

    bool ok() const { return status == SecretStatus::Ok; }
};

// An asynchronous keychain with a deadline on every operation.
//
// Every write/read/remove calls its callback exactly once, later (never from inside the
// call), on the store's thread: with the backend's answer, or with Timeout when the
// deadline passes first. A backend answer that arrives after the deadline is dropped.
// No callback runs once `context` (when given) or the store itself is destroyed.
// Nothing here waits: the GUI thread is never blocked by a keychain.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    // Windows Credential Manager in QtKeychain <= 0.14 holds 2,560 bytes; tokens are
    // far below. Checked before any backend call.
    static constexpr qsizetype maxSecretBytes = 2000;
    static constexpr std::chrono::milliseconds defaultDeadline{30000};

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    void setDeadline(std::chrono::milliseconds deadline);
    std::chrono::milliseconds deadline() const { return m_deadline; }

    void write(const QString &key, const QByteArray &secret, QObject *context, Callback done);
    void read(const QString &key, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

    // Operations whose callback is still due (answered ones and timed-out ones are not).
    int pendingOperations() const { return m_pending; }

protected:
    struct PendingOperation;

    // Handed to a backend with each operation; finish() may be called any number of times
    // and at any time on the store's thread: only the first call before the deadline counts.
    class Completion
    {
    public:
        explicit Completion(std::shared_ptr<PendingOperation> operation);
        void finish(SecretResult result) const;
        bool isFinished() const;

    private:
        std::shared_ptr<PendingOperation> m_operation;
    };

    virtual void startWrite(const QString &key, const QByteArray &secret, Completion done) = 0;
    virtual void startRead(const QString &key, Completion done) = 0;
    virtual void startRemove(const QString &key, Completion done) = 0;

private:
    std::shared_ptr<PendingOperation> begin(SecretOperation operation, const QString &key,
                                            QObject *context, Callback done);
    void rejectLater(const std::shared_ptr<PendingOperation> &operation, const QString &why);
    void deliver(const std::shared_ptr<PendingOperation> &operation, SecretResult result);

    std::chrono::milliseconds m_deadline = defaultDeadline;
    int m_pending = 0;
};

} // namespace pipedeck
