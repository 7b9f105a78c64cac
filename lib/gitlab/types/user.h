#pragma once

#include <QString>
#include <QUrl>

namespace pipedeck::gitlab {

//! GitLab's UserBasic: the fields Pipedeck shows for a person.
struct User
{
    qint64 id = 0;
    QString username;
    QString name;
    QString state;
    QUrl avatarUrl;
    QUrl webUrl;

    friend bool operator==(const User &, const User &) = default;
};

} // namespace pipedeck::gitlab
