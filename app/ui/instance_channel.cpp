#include "ui/instance_channel.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>

namespace pipedeck {

namespace {

// A target is an address or a path: anything longer is not from `pipedeck`.
constexpr qint64 kMaxMessageBytes = 64 * 1024;

} // namespace

InstanceChannel::InstanceChannel(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_lock(std::make_unique<QLockFile>(lockPathFor(m_name)))
{
    // Only a dead owner makes a lock stale, never its age: a Pipedeck may run for weeks.
    m_lock->setStaleLockTime(0);
}

InstanceChannel::~InstanceChannel() = default;

QString InstanceChannel::lockPathFor(const QString &name)
{
#ifdef Q_OS_WIN
    // A pipe name is no path: the lock goes to the user's own temporary folder, not to
    // whatever folder Pipedeck was started in.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
        .filePath(name + QStringLiteral(".lock"));
#else
    return name + QStringLiteral(".lock");
#endif
}

QString InstanceChannel::defaultName()
{
#ifdef Q_OS_WIN
    return QStringLiteral("pipedeck-") + qEnvironmentVariable("USERNAME");
#else
    // Qt's runtime folder is the user's own (it checks owner and 0700); never a shared /tmp
    // path where another user could take the name first.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        return {};
    return QDir(runtime).filePath(QStringLiteral("pipedeck.socket"));
#endif
}

bool InstanceChannel::forward(const QString &target, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(target.toUtf8() + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The answer says it was taken; without it, start normally rather than lose the target.
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool InstanceChannel::acquire()
{
    if (m_lock->isLocked())
        return true;
    if (m_lock->tryLock(0))
        return true;
    if (m_lock->error() != QLockFile::LockFailedError)
        qCWarning(lcUi) << "cannot take the single-instance lock" << m_lock->fileName() << ":"
                        << int(m_lock->error());
    return false;
}

bool InstanceChannel::holdsLock() const
{
    return m_lock->isLocked();
}

bool InstanceChannel::handOver(const QString &target, int waitMs)
{
    const QDeadlineTimer deadline(waitMs);
    for (;;) {
        if (forward(target, 500))
            return true;
        // It ended (or crashed) before it listened: this one takes over.
        if (acquire())
            return false;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(100); // before the event loop: nothing else waits on this thread
    }
}

bool InstanceChannel::listen()
{
    if (m_server)
        return m_server->isListening();
    if (!holdsLock()) {
        qCWarning(lcUi) << "not the session's Pipedeck: the single-instance socket stays theirs";
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &InstanceChannel::onConnection);
    // With the lock held, a socket file here is what a crashed owner left.
    QLocalServer::removeServer(m_name);
    if (m_server->listen(m_name))
        return true;
    qCWarning(lcUi) << "cannot take the single-instance socket:" << m_server->errorString();
    return false;
}

bool InstanceChannel::isListening() const
{
    return m_server && m_server->isListening();
}

void InstanceChannel::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxMessageBytes) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QString target = QString::fromUtf8(socket->readLine()).trimmed();
            socket->write("ok\n");
            socket->flush();
            Q_EMIT targetReceived(target);
        });
    }
}

} // namespace pipedeck
