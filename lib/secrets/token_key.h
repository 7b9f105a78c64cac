#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace pipedeck {

enum class TokenKind {
    PersonalAccessToken, // "pat"
    TriggerToken,        // "trigger"
};

QString tokenKindName(TokenKind kind);
std::optional<TokenKind> tokenKindFromName(const QString &name);

// Where one token lives in the keychain (service "pipedeck"):
//   <kind>/<host>:<port>[<path>]/<account>[/<qualifier>]
//   pat/gitlab.example.com:443/jdoe
//   trigger/gitlab.example.com:443/jdoe/42%2F7
// The host is lower-case ASCII (IDN in punycode); the port is explicit (443 for https, 80 for
// http when the URL has none), so the same server never gets two keys. A relative-URL path
// (GitLab under /gitlab) is kept, percent-encoded. Account and qualifier are percent-encoded,
// so no value can forge another key.
struct TokenKey
{
    TokenKind kind = TokenKind::PersonalAccessToken;
    QUrl instance;     // base URL of the GitLab instance
    QString account;   // GitLab username
    QString qualifier; // trigger tokens: which one ("<project id>/<trigger id>"); empty for PATs

    bool isValid() const { return !storageKey().isEmpty(); }
    QString storageKey() const; // empty when instance or account is unusable

    friend bool operator==(const TokenKey &, const TokenKey &) = default;
};

// "<host>:<port>[<encoded path>]" as used in storage keys; empty for a URL without a host
// or a known port.
QString instanceKeyPart(const QUrl &instance);

} // namespace pipedeck
