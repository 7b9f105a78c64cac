#include "gitlab/net/pagination.h"

#include "gitlab/net/http_headers.h"

#include <limits>

namespace pipedeck::gitlab {

QHash<QString, QUrl> parseLinkHeader(const QByteArray &value, const QUrl &base)
{
    QHash<QString, QUrl> links;
    // <url>; rel="next", <url>; rel="prev"  -- URLs may contain commas, so scan for <...>.
    qsizetype pos = 0;
    while (pos < value.size()) {
        const qsizetype open = value.indexOf('<', pos);
        if (open < 0)
            break;
        const qsizetype close = value.indexOf('>', open + 1);
        if (close < 0)
            break;
        const QByteArray target = value.mid(open + 1, close - open - 1).trimmed();
        qsizetype end = value.indexOf('<', close + 1);
        if (end < 0)
            end = value.size();
        const QByteArray params = value.mid(close + 1, end - close - 1);
        pos = end;

        for (QByteArray param : params.split(';')) {
            param = param.trimmed();
            if (param.endsWith(','))
                param.chop(1);
            if (!param.toLower().startsWith("rel="))
                continue;
            QByteArray rels = param.mid(4).trimmed();
            if (rels.startsWith('"') && rels.endsWith('"') && rels.size() >= 2)
                rels = rels.mid(1, rels.size() - 2);
            const QUrl url = base.resolved(QUrl::fromEncoded(target, QUrl::StrictMode));
            if (!url.isValid())
                continue;
            for (const QByteArray &rel : rels.split(' ')) {
                if (!rel.isEmpty())
                    links.insert(QString::fromLatin1(rel).toLower(), url);
            }
        }
    }
    return links;
}

PageInfo pageInfoFromHeaders(const HttpHeaders &headers, const QUrl &requestUrl)
{
    const auto number = [&](const char *name, qint64 fallback, qint64 max) {
        bool ok = false;
        const qint64 value = headers.value(QByteArray(name)).trimmed().toLongLong(&ok);
        return ok && value >= 0 && value <= max ? value : fallback;
    };
    // Page numbers beyond int are nonsense, not a page to ask for: a cast would wrap
    // 4294967298 round to page 2.
    const auto pageNumber = [&](const char *name, int fallback) {
        return static_cast<int>(number(name, fallback, std::numeric_limits<int>::max()));
    };
    PageInfo info;
    info.page = pageNumber("X-Page", 0);
    info.perPage = pageNumber("X-Per-Page", 0);
    info.nextPage = pageNumber("X-Next-Page", 0);
    info.totalPages = pageNumber("X-Total-Pages", -1);
    info.total = number("X-Total", -1, std::numeric_limits<qint64>::max());
    const auto links = parseLinkHeader(headers.value("Link"), requestUrl);
    info.nextLink = links.value(QStringLiteral("next"));
    return info;
}

} // namespace pipedeck::gitlab
