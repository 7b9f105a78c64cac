#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace pipedeck {

enum class TokenKind {
    PersonalAccessToken, // "pat"
    TriggerToken,        // "trigger"
    PresetValue,         // "preset": a sensitive variable value saved in a preset
};

QString tokenKindName(TokenKind kind);
std::optional<TokenKind> tokenKindFromName(const QString &name);

// Where one token lives in the keychain (service "pipedeck"):
//   <kind>/<host>:<port>[<path>]/<account>[/<qualifier>]
//   pat/gitlab.example.com:443/jdoe
//   trigger/gitlab.example.com:443/jdoe/42%2F7
//   preset/gitlab.example.com:443/jdoe/42%2FRelease%2FDEPLOY_KEY
// The host is lower-case ASCII (IDN in punycode); the port is explicit (443 for https, 80 for
// http when the URL has none), so the same server never gets two keys. A relative-URL path
// (GitLab under /gitlab) is kept, percent-encoded. Account and qualifier are percent-encoded,
// so no value can forge another key.
struct TokenKey
{
    TokenKind kind = TokenKind::PersonalAccessToken;
    QUrl instance;     // base URL of the GitLab instance
    QString account;   // GitLab username
    // Trigger tokens: which one ("<project id>/<trigger id>"); preset values: which one
    // (presetQualifier()); empty for PATs. Required for triggers and preset values.
    QString qualifier;

    bool isValid() const { return !storageKey().isEmpty(); }
    QString storageKey() const; // empty when instance or account is unusable

    friend bool operator==(const TokenKey &, const TokenKey &) = default;
};

//! The qualifier of a sensitive preset value: "<project id>/<preset name>/<variable key>", with
//! the name and the key percent-encoded first, so that a '/' in a preset name cannot make two
//! presets share a key ("a/b" + "c" and "a" + "b/c" differ).
QString presetQualifier(qint64 projectId, const QString &presetName, const QString &variableKey);

// "<host>:<port>[<encoded path>]" as used in storage keys; empty for a URL without a host
// or a known port.
QString instanceKeyPart(const QUrl &instance);

} // namespace pipedeck
