#pragma once

#include "gitlab/types/user.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace pipedeck::gitlab {

//! A pipeline trigger token. GitLab shows the full token only to its owner; everyone else
//! gets its first 4 characters, so a short token is a label, never a credential.
struct Trigger
{
    qint64 id = 0;
    QString description;
    QString token;
    std::optional<User> owner;
    QDateTime lastUsed;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDate expiresAt;

    bool tokenIsShortened() const { return token.size() <= 4; }

    friend bool operator==(const Trigger &, const Trigger &) = default;
};

} // namespace pipedeck::gitlab
