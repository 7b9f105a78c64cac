#pragma once

#include <QString>
#include <QUrl>

namespace pipedeck::gitlab {

//! Scheme, host and port equal (default ports made explicit). The only test that decides
//! whether a token may go to a URL.
bool isSameOrigin(const QUrl &a, const QUrl &b);

//! "https://host:port" with no user info, path, query or fragment: safe to show and log.
QString sanitizedOrigin(const QUrl &url);

//! 127.0.0.0/8, ::1 or "localhost": the only hosts a token may reach over plain http by default.
bool isLoopbackHost(const QUrl &url);

} // namespace pipedeck::gitlab
