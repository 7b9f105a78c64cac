#pragma once

#include "tls/tls_trust.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace pipedeck {

// A signed-in GitLab identity on one instance. Holds no secret: the token lives in
// the keychain (or, for a session-only account, in memory of the Session).
struct Account
{
    enum class Origin {
        Saved,       // added in the sign-in dialog; listed in settings, token in the keychain
        Environment, // GITLAB_HOST / GITLAB_TOKEN for this run; nothing stored
        Demo,        // the built-in simulator of `pipedeck --demo`; nothing stored
    };

    QString id;    // stable key: origin of the instance + "/" + username
    QUrl instance; // base URL of the GitLab instance
    QString username;
    QString displayName;
    QStringList scopes;   // of the token, as GitLab reported at sign-in
    QDate tokenExpiresAt; // null when the token does not expire
    Origin origin = Origin::Saved;
    // Certificates this account trusts beyond the system's (an internal CA), added by the
    // user after a refused certificate; public, so kept in settings as PEM.
    tls::TlsTrust tlsTrust;

    bool canWrite() const { return scopes.contains(QStringLiteral("api")); }
    friend bool operator==(const Account &, const Account &) = default;
};

QString accountId(const QUrl &instance, const QString &username);

} // namespace pipedeck
