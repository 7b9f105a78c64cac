#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace pipedeck {

// Copies a secret so that clipboard managers and password managers know not to keep it
// (x-kde-passwordManagerHint: secret; the Windows and macOS equivalents on those systems),
// and clears it after a while, but only while the clipboard still holds what we put there:
// whatever the user copied since is left alone. Needs a QGuiApplication.
class SecretClipboard : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds defaultClearAfter{30000};
    static QString passwordManagerHintFormat()
    {
        return QStringLiteral("x-kde-passwordManagerHint");
    }
    // Marks which copy is ours; holds a random value, never the secret.
    static QString ownerFormat() { return QStringLiteral("application/x-pipedeck-secret-copy"); }

    explicit SecretClipboard(QObject *parent = nullptr);
    // Clears the clipboard if it still holds our copy: a secret should not outlive the app there.
    ~SecretClipboard() override;

    void copy(const QString &secret, std::chrono::milliseconds clearAfter = defaultClearAfter);
    bool holdsOurCopy() const;
    bool clearPending() const { return m_clearTimer.isActive(); }

Q_SIGNALS:
    // After the timeout: `clearedOurs` is false when someone else's data was there and was kept.
    void expired(bool clearedOurs);

private:
    void clearIfOurs();

    QTimer m_clearTimer;
    QByteArray m_copyId;
};

} // namespace pipedeck
