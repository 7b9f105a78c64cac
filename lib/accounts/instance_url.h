#pragma once

#include <QString>
#include <QUrl>

namespace pipedeck {

// What the user typed in the "GitLab instance" field, made into the instance's
// base URL (scheme, host, port and any relative-URL path such as /gitlab),
// or an error to show beside the field.
struct InstanceUrl
{
    QUrl url;      // valid when error is empty; never has a query, fragment or user info
    QString error; // translated, for the user
};

InstanceUrl parseInstanceUrl(const QString &typed);

// True for 127.0.0.0/8, ::1 and "localhost": the only hosts a token may be sent to
// over plain http without the user's explicit opt-in.
bool isLoopbackHost(const QString &host);

// scheme://host:port, the unit a token is bound to.
QString originOf(const QUrl &url);

} // namespace pipedeck
