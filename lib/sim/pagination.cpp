#include "sim/pagination.h"

#include "sim/request_params.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace pipedeck::sim {

PageParams pageParams(const RequestParams &params)
{
    PageParams out;
    out.page = std::max<qint64>(1, params.integer(QStringLiteral("page")).value_or(1));
    const qint64 perPage = params.integer(QStringLiteral("per_page")).value_or(20);
    out.perPage = int(std::clamp<qint64>(perPage <= 0 ? 20 : perPage, 1, 100));
    return out;
}

QByteArray linkUrl(const QString &baseUrl, const HttpRequest &request,
                   const QList<std::pair<QByteArray, QByteArray>> &replace)
{
    QList<QByteArray> kept;
    const QList<QByteArray> pairs = request.query().split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const QByteArray name = pair.left(pair.indexOf('='));
        bool replaced = false;
        for (const auto &[key, value] : replace)
            replaced = replaced || name == key;
        // Never echo credentials passed in the query into a Link header.
        if (!replaced && name != "private_token" && name != "access_token" && name != "job_token")
            kept.append(pair);
    }
    for (const auto &[key, value] : replace)
        kept.append(key + '=' + value);
    return baseUrl.toUtf8() + request.path() + '?' + kept.join('&');
}

std::pair<qsizetype, qsizetype> paginateOffset(HttpResponse &response, const QString &baseUrl,
                                               const HttpRequest &request, qsizetype total,
                                               const PageParams &page, bool withCount)
{
    const qint64 perPage = page.perPage;
    const qint64 totalPages = std::max<qint64>(1, (total + perPage - 1) / perPage);
    const qint64 from = std::min<qint64>(total, (page.page - 1) * perPage);
    const qint64 to = std::min<qint64>(total, from + perPage);
    const bool hasNext = to < total;
    const bool hasPrev = page.page > 1;
    const QByteArray perPageText = QByteArray::number(perPage);
    response.setHeader("X-Page", QByteArray::number(page.page));
    response.setHeader("X-Per-Page", perPageText);
    response.setHeader("X-Next-Page", hasNext ? QByteArray::number(page.page + 1) : QByteArray());
    response.setHeader("X-Prev-Page", hasPrev ? QByteArray::number(page.page - 1) : QByteArray());
    if (withCount) {
        response.setHeader("X-Total", QByteArray::number(total));
        response.setHeader("X-Total-Pages", QByteArray::number(totalPages));
    }
    auto link = [&](qint64 target, const char *rel) -> QByteArray {
        return '<' +
               linkUrl(baseUrl, request,
                       {{"page", QByteArray::number(target)}, {"per_page", perPageText}}) +
               ">; rel=\"" + rel + '"';
    };
    QList<QByteArray> links;
    if (hasPrev)
        links.append(link(page.page - 1, "prev"));
    if (hasNext)
        links.append(link(page.page + 1, "next"));
    links.append(link(1, "first"));
    if (withCount)
        links.append(link(totalPages, "last"));
    response.setHeader("Link", links.join(", "));
    return {qsizetype(from), qsizetype(to)};
}

QByteArray encodeCursor(qint64 lastId)
{
    const QJsonObject cursor{{QStringLiteral("id"), QString::number(lastId)},
                             {QStringLiteral("_kd"), QStringLiteral("n")}};
    // Ruby's Base64.urlsafe_encode64 pads with '=' unless told otherwise, and GitLab's
    // Paginator does not tell it: clients must cope with "%3D" in the next link.
    return QJsonDocument(cursor)
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding);
}

std::optional<qint64> decodeCursor(const QByteArray &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    bool ok = false;
    const qint64 id = document.object().value(QStringLiteral("id")).toString().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return id;
}

void keysetNextLink(HttpResponse &response, const QString &baseUrl, const HttpRequest &request,
                    const QByteArray &cursor)
{
    // Hash#to_query (Keyset::HeaderBuilder) escapes the value as CGI.escape does: '=' is %3D.
    response.setHeader("Link",
                       '<' + linkUrl(baseUrl, request, {{"cursor", cursor.toPercentEncoding()}}) +
                           ">; rel=\"next\"");
}

} // namespace pipedeck::sim
