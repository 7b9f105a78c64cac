#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

namespace pipedeck {

// One Pipedeck per user session: a later `pipedeck URL` (or FILE, or nothing) hands its
// target to the running one over a local socket that only this user can open, and exits,
// instead of starting a second app that would poll the same accounts again.
//
// A message is one line of UTF-8, the target (empty: just come to the front); the running
// instance answers "ok" once it has taken it.
//
// Who is the running one is decided by a lock file beside the socket, taken before anything
// else: the socket alone cannot tell a live instance that is still starting (not listening
// yet) from a crashed one, and replacing or removing a live one's socket splits the session
// in two. A lock whose process is gone (kill -9) is stale and taken over.
class InstanceChannel : public QObject
{
    Q_OBJECT
public:
    // `name`: a socket path (Unix) or pipe name (Windows); see defaultName().
    explicit InstanceChannel(QString name, QObject *parent = nullptr);
    ~InstanceChannel() override;

    // In the user's runtime folder (Unix) or a per-user pipe name (Windows); empty (no
    // single-instance channel) where there is no private place for it.
    static QString defaultName();
    // Where the QLockFile of the channel `name` lives: beside the socket on Unix; in the user's
    // temporary folder on Windows, where the name is a pipe's.
    static QString lockPathFor(const QString &name);

    // Makes this process the session's Pipedeck; false while another live process is.
    bool acquire();
    bool holdsLock() const;
    // Another instance holds the lock: hands `target` over, waiting up to `waitMs` for it while
    // it is still starting. False when it did not take it; if it ended meanwhile, this process
    // took the lock instead (holdsLock()).
    bool handOver(const QString &target, int waitMs = 10'000);

    // Gives `target` to the running instance; true when one took it within `timeoutMs`.
    bool forward(const QString &target, int timeoutMs = 2000) const;
    // Listens as the running instance; only with the lock (acquire()), which makes any socket
    // file already there a crashed owner's, so it is replaced.
    bool listen();
    bool isListening() const;

Q_SIGNALS:
    void targetReceived(const QString &target);

private:
    void onConnection();

    QString m_name;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace pipedeck
