#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace pipedeck::gitlab {

//! A project as GET /projects (simple=true) and GET /projects/:id return it.
struct Project
{
    qint64 id = 0;
    QString name;
    QString path;
    QString pathWithNamespace;
    QString nameWithNamespace;
    QString description;
    QUrl webUrl;
    QUrl avatarUrl;
    QString defaultBranch;
    QDateTime createdAt;
    QDateTime lastActivityAt;
    int starCount = 0;

    friend bool operator==(const Project &, const Project &) = default;
};

} // namespace pipedeck::gitlab
