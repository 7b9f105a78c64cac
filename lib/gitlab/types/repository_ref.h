#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace pipedeck::gitlab {

//! A branch, for the ref picker.
struct Branch
{
    QString name;
    QString commitSha;
    QString commitTitle;
    bool merged = false;
    bool isProtected = false;
    bool isDefault = false;
    QUrl webUrl;

    friend bool operator==(const Branch &, const Branch &) = default;
};

//! A tag, for the ref picker.
struct Tag
{
    QString name;
    QString message;
    QString commitSha;
    QString commitTitle;
    bool isProtected = false;
    QDateTime createdAt;

    friend bool operator==(const Tag &, const Tag &) = default;
};

} // namespace pipedeck::gitlab
