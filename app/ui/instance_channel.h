#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace pipedeck {

// One Pipedeck per user session: a later `pipedeck URL` (or FILE, or nothing) hands its
// target to the running one over a local socket that only this user can open, and exits,
// instead of starting a second app that would poll the same accounts again.
//
// A message is one line of UTF-8, the target (empty: just come to the front); the running
// instance answers "ok" once it has taken it.
class InstanceChannel : public QObject
{
    Q_OBJECT
public:
    // `name`: a socket path (Unix) or pipe name (Windows); see defaultName().
    explicit InstanceChannel(QString name, QObject *parent = nullptr);
    ~InstanceChannel() override;

    // In the user's runtime folder (Unix) or a per-user pipe name (Windows).
    static QString defaultName();

    // Gives `target` to the running instance; true when one took it within `timeoutMs`.
    bool forward(const QString &target, int timeoutMs = 2000) const;
    // Becomes the running instance (a stale socket of one that crashed is replaced).
    bool listen();
    bool isListening() const;

Q_SIGNALS:
    void targetReceived(const QString &target);

private:
    void onConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace pipedeck
