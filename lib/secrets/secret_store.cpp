#include "secrets/secret_store.h"

#include "core/logging.h"
#include "secrets/redaction.h"

#include <QTimer>

namespace pipedeck {

QString secretStatusName(SecretStatus status)
{
    switch (status) {
    case SecretStatus::Ok:
        return QStringLiteral("Ok");
    case SecretStatus::NotFound:
        return QStringLiteral("NotFound");
    case SecretStatus::Unavailable:
        return QStringLiteral("Unavailable");
    case SecretStatus::AccessDenied:
        return QStringLiteral("AccessDenied");
    case SecretStatus::Timeout:
        return QStringLiteral("Timeout");
    case SecretStatus::Rejected:
        return QStringLiteral("Rejected");
    case SecretStatus::OtherError:
        return QStringLiteral("OtherError");
    }
    return QStringLiteral("?");
}

QString secretOperationName(SecretOperation operation)
{
    switch (operation) {
    case SecretOperation::Write:
        return QStringLiteral("write");
    case SecretOperation::Read:
        return QStringLiteral("read");
    case SecretOperation::Remove:
        return QStringLiteral("remove");
    }
    return QStringLiteral("?");
}

struct SecretStore::PendingOperation
{
    SecretOperation operation = SecretOperation::Read;
    QString key;
    QPointer<SecretStore> store;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    QPointer<QTimer> deadlineTimer;
    bool finished = false;
};

SecretStore::Completion::Completion(std::shared_ptr<PendingOperation> operation)
    : m_operation(std::move(operation))
{}

void SecretStore::Completion::finish(SecretResult result) const
{
    PendingOperation &operation = *m_operation;
    if (operation.finished) {
        qCDebug(lcSecrets).noquote()
            << "ignored a late keychain answer to" << secretOperationName(operation.operation)
            << operation.key << "(" << secretStatusName(result.status) << ")";
        return;
    }
    if (!operation.store) {
        operation.finished = true;
        return;
    }
    operation.store->deliver(m_operation, std::move(result));
}

bool SecretStore::Completion::isFinished() const
{
    return m_operation->finished;
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

SecretStore::~SecretStore() = default;

void SecretStore::setDeadline(std::chrono::milliseconds deadline)
{
    m_deadline = deadline > std::chrono::milliseconds::zero() ? deadline : defaultDeadline;
}

std::shared_ptr<SecretStore::PendingOperation>
SecretStore::begin(SecretOperation operation, const QString &key, QObject *context, Callback done)
{
    auto pending = std::make_shared<PendingOperation>();
    pending->operation = operation;
    pending->key = key;
    pending->store = this;
    pending->context = context;
    pending->hasContext = context != nullptr;
    pending->callback = std::move(done);
    ++m_pending;

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(m_deadline);
    // The timer holds the operation alive until it fires or the store goes away.
    connect(timer, &QTimer::timeout, this, [pending, deadline = m_deadline] {
        qCWarning(lcSecrets).noquote()
            << "keychain" << secretOperationName(pending->operation) << pending->key
            << "gave no answer within" << deadline.count() << "ms";
        Completion(pending).finish(
            {SecretStatus::Timeout,
             {},
             QStringLiteral("no answer from the keychain within %1 ms").arg(deadline.count())});
    });
    pending->deadlineTimer = timer;
    timer->start();
    return pending;
}

void SecretStore::rejectLater(const std::shared_ptr<PendingOperation> &operation,
                              const QString &why)
{
    qCWarning(lcSecrets).noquote()
        << "refused keychain" << secretOperationName(operation->operation) << operation->key << ":"
        << why;
    deliver(operation, {SecretStatus::Rejected, {}, why});
}

void SecretStore::deliver(const std::shared_ptr<PendingOperation> &operation, SecretResult result)
{
    operation->finished = true;
    --m_pending;
    if (operation->deadlineTimer) {
        operation->deadlineTimer->stop();
        operation->deadlineTimer->deleteLater();
    }
    result.detail = redactSecrets(result.detail);
    if (result.status == SecretStatus::NotFound) {
        qCDebug(lcSecrets).noquote() << "keychain" << secretOperationName(operation->operation)
                                     << operation->key << "-> NotFound";
    } else if (result.status != SecretStatus::Ok) {
        qCInfo(lcSecrets).noquote()
            << "keychain" << secretOperationName(operation->operation) << operation->key << "->"
            << secretStatusName(result.status) << result.detail;
    }
    // Always later: a caller never sees its callback run inside write/read/remove.
    QMetaObject::invokeMethod(
        this,
        [operation, result = std::move(result)] {
            Callback callback = std::move(operation->callback);
            operation->callback = nullptr;
            if (operation->hasContext && !operation->context)
                return;
            if (callback)
                callback(result);
        },
        Qt::QueuedConnection);
}

void SecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                        Callback done)
{
    auto operation = begin(SecretOperation::Write, key, context, std::move(done));
    if (key.isEmpty())
        return rejectLater(operation, QStringLiteral("empty key"));
    if (secret.isEmpty())
        return rejectLater(operation, QStringLiteral("empty secret"));
    if (secret.size() > maxSecretBytes) {
        return rejectLater(operation, QStringLiteral("secret of %1 bytes exceeds %2 bytes")
                                          .arg(secret.size())
                                          .arg(maxSecretBytes));
    }
    startWrite(key, secret, Completion(operation));
}

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    auto operation = begin(SecretOperation::Read, key, context, std::move(done));
    if (key.isEmpty())
        return rejectLater(operation, QStringLiteral("empty key"));
    startRead(key, Completion(operation));
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    auto operation = begin(SecretOperation::Remove, key, context, std::move(done));
    if (key.isEmpty())
        return rejectLater(operation, QStringLiteral("empty key"));
    startRemove(key, Completion(operation));
}

} // namespace pipedeck
