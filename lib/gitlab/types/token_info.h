#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace pipedeck::gitlab {

//! GET /personal_access_tokens/self: what the token may do and until when. Never the token.
struct PersonalAccessTokenInfo
{
    qint64 id = 0;
    QString name;
    QStringList scopes;
    QDate expiresAt; //!< null: never expires
    bool active = false;
    bool revoked = false;
    QDateTime createdAt;
    QDateTime lastUsedAt;
    qint64 userId = 0;

    bool hasScope(const QString &scope) const { return scopes.contains(scope); }
    //! "api" is needed for every action (play, retry, cancel, erase, create, trigger tokens).
    bool canWrite() const { return hasScope(QStringLiteral("api")); }

    friend bool operator==(const PersonalAccessTokenInfo &,
                           const PersonalAccessTokenInfo &) = default;
};

} // namespace pipedeck::gitlab
