#pragma once

#include <QByteArray>
#include <QString>

namespace pipedeck {

// Masks secrets in text bound for logs, error messages and the UI:
// - GitLab tokens by prefix (glpat-, glptt-, gldt-, glrt-, glcbt-, gloas-, glsoat-, glft-,
//   glimt-, glagent-, glffct-, and runner registration tokens GR1348941...): the prefix
//   stays, the rest becomes "[redacted]";
// - every secret registered below, exactly and in its URL-encoded, form-encoded and
//   JSON-escaped forms, becomes "[redacted]". This is the main defence: self-managed
//   GitLab may use custom token prefixes, and trigger tokens or variable values have none.
// Thread-safe and cheap when there is nothing to mask (returns the input, shared).
QString redactSecrets(const QString &text);
QByteArray redactSecrets(const QByteArray &text);

inline constexpr QLatin1StringView redactedMarker{"[redacted]"};

// Values shorter than this are refused: masking them would shred ordinary text.
inline constexpr qsizetype minimumRegisteredSecretLength = 6;

// Known secret values, counted: a value registered twice stays masked until unregistered
// twice. Returns false (and registers nothing) for values that are too short.
bool registerSecret(const QString &secret);
bool registerSecret(const QByteArray &secret);
void unregisterSecret(const QString &secret);
void unregisterSecret(const QByteArray &secret);
int registeredSecretCount();

// Puts redactSecrets() in front of the current Qt message handler, so that every
// qDebug/qCWarning/... line is masked before anything prints or stores it. Idempotent.
void installRedactingMessageHandler();
// Restores the handler that was current before installRedactingMessageHandler().
void uninstallRedactingMessageHandler();

} // namespace pipedeck
