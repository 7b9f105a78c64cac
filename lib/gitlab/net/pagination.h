#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

namespace pipedeck::gitlab {

struct HttpHeaders;

//! RFC 8288 Link header -> rel -> target (relative targets resolved against `base`).
QHash<QString, QUrl> parseLinkHeader(const QByteArray &value, const QUrl &base = {});

//! What GitLab's pagination headers say about one page. Totals are often absent (always for
//! project jobs, and above 10,000 rows), so only "next" is relied on.
struct PageInfo
{
    int page = 0;
    int perPage = 0;
    int nextPage = 0;    //!< 0: none (X-Next-Page empty or absent)
    int totalPages = -1; //!< -1: unknown
    qint64 total = -1;   //!< -1: unknown
    QUrl nextLink;       //!< Link rel="next" as sent (keyset cursors live here); not yet vetted

    bool hasNext() const { return nextPage > 0 || nextLink.isValid(); }
};

PageInfo pageInfoFromHeaders(const HttpHeaders &headers, const QUrl &requestUrl);

} // namespace pipedeck::gitlab
