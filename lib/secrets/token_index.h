#pragma once

#include "secrets/token_key.h"

#include <QDateTime>
#include <QList>

class QSettings;

namespace pipedeck {

struct TokenIndexEntry
{
    QString storageKey;
    TokenKind kind = TokenKind::PersonalAccessToken;
    QUrl instance; // without user info, query or fragment
    QString account;
    QString qualifier;
    QDateTime storedAt; // UTC
};

// What Pipedeck has stored in the keychain, kept in settings because keychains cannot be
// listed. Holds key metadata only, never a secret. Knowing that a token was stored is what
// tells "keychain locked" apart from "no token" when a read answers NotFound.
class TokenIndex
{
public:
    explicit TokenIndex(QSettings &settings);

    bool contains(const QString &storageKey) const;
    // Only after the keychain confirmed the write.
    void record(const TokenKey &key);
    void forget(const QString &storageKey);
    QList<TokenIndexEntry> entries() const;

    static QString settingsGroup() { return QStringLiteral("secrets/index"); }

private:
    QString groupFor(const QString &storageKey) const;

    QSettings &m_settings;
};

} // namespace pipedeck
