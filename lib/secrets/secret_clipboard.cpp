#include "secrets/secret_clipboard.h"

#include "core/logging.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QRandomGenerator>

namespace pipedeck {

namespace {

QClipboard *clipboard()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance())
               ? QGuiApplication::clipboard()
               : nullptr;
}

} // namespace

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent)
{
    m_clearTimer.setSingleShot(true);
    connect(&m_clearTimer, &QTimer::timeout, this, [this] {
        const bool ours = holdsOurCopy();
        clearIfOurs();
        Q_EMIT expired(ours);
    });
}

SecretClipboard::~SecretClipboard()
{
    clearIfOurs();
}

void SecretClipboard::copy(const QString &secret, std::chrono::milliseconds clearAfter)
{
    QClipboard *board = clipboard();
    if (!board) {
        qCWarning(lcSecrets) << "no clipboard without a QGuiApplication";
        return;
    }
    quint64 nonce[2];
    QRandomGenerator::system()->fillRange(nonce);
    m_copyId = QByteArray(reinterpret_cast<const char *>(nonce), sizeof nonce).toHex();

    auto *data = new QMimeData;
    data->setText(secret);
    data->setData(passwordManagerHintFormat(), QByteArrayLiteral("secret"));
#if defined(Q_OS_WIN)
    data->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"),
                  QByteArrayLiteral("1"));
#elif defined(Q_OS_MACOS)
    data->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), secret.toUtf8());
#endif
    data->setData(ownerFormat(), m_copyId);
    board->setMimeData(data, QClipboard::Clipboard);
    m_clearTimer.start(clearAfter);
}

bool SecretClipboard::holdsOurCopy() const
{
    if (m_copyId.isEmpty())
        return false;
    const QClipboard *board = clipboard();
    const QMimeData *data = board ? board->mimeData(QClipboard::Clipboard) : nullptr;
    return data && data->hasFormat(ownerFormat()) && data->data(ownerFormat()) == m_copyId;
}

void SecretClipboard::clearIfOurs()
{
    m_clearTimer.stop();
    if (holdsOurCopy()) {
        clipboard()->clear(QClipboard::Clipboard);
        qCDebug(lcSecrets) << "cleared the secret from the clipboard";
    }
    m_copyId.clear();
}

} // namespace pipedeck
