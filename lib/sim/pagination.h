#pragma once

#include "sim/http_message.h"

#include <QString>

#include <optional>
#include <utility>

namespace pipedeck::sim {

class RequestParams;

struct PageParams
{
    qint64 page = 1;
    int perPage = 20;
};

// page (0 or negative -> 1) and per_page (default 20, clamped to 1..100) as GitLab reads them.
PageParams pageParams(const RequestParams &params);

// Offset pagination headers (X-Page, X-Per-Page, X-Next-Page, X-Prev-Page, X-Total,
// X-Total-Pages, Link) as lib/gitlab/pagination/offset_header_builder.rb writes them. Without
// count (project jobs), X-Total, X-Total-Pages and rel="last" are left out. Returns the slice
// [from, to) of the total items to send.
std::pair<qsizetype, qsizetype> paginateOffset(HttpResponse &response, const QString &baseUrl,
                                               const HttpRequest &request, qsizetype total,
                                               const PageParams &page, bool withCount);

// Keyset pagination: only Link rel="next" (when there is more), carrying `cursor`
// percent-encoded; the cursor is GitLab's padded URL-safe base64 of {"id":"N","_kd":"n"}.
void keysetNextLink(HttpResponse &response, const QString &baseUrl, const HttpRequest &request,
                    const QByteArray &cursor);
QByteArray encodeCursor(qint64 lastId);
std::optional<qint64> decodeCursor(const QByteArray &cursor);

// The request's URL with the given query parameters replaced (others kept, in order).
QByteArray linkUrl(const QString &baseUrl, const HttpRequest &request,
                   const QList<std::pair<QByteArray, QByteArray>> &replace);

} // namespace pipedeck::sim
