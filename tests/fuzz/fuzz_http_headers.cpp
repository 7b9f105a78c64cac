// libFuzzer target for the reply headers Pipedeck reads: Link (RFC 8288, GitLab's keyset
// pagination), Retry-After (RFC 9110 10.2.3) and the X-Page family. The input is one header
// value a line: Link, Retry-After, X-Next-Page, X-Total-Pages, X-Page, X-Total.
#include "fuzz_check.h"
#include "gitlab/net/http_headers.h"
#include "gitlab/net/pagination.h"
#include "gitlab/net/retry_policy.h"

#include <QUrl>

#include <cstdint>
#include <limits>

using namespace pipedeck::gitlab;

namespace {

void check(bool condition, const char *what)
{
    pipedeck::fuzz::check(condition, "fuzz_http_headers", what);
}

//! What a page header promises: a count that fits, or the fallback.
void checkCount(const QByteArray &text, qint64 read, qint64 fallback, const char *what)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (ok && value >= 0 && value <= std::numeric_limits<int>::max())
        check(read == value, what);
    else
        check(read == fallback, what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> values = input.split('\n');
    while (values.size() < 6)
        values.append(QByteArray());

    const QUrl request(QStringLiteral("https://gitlab.example.com/api/v4/projects?per_page=100"));
    const QHash<QString, QUrl> links = parseLinkHeader(values[0], request);
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        check(!it.key().isEmpty() && it.key() == it.key().toLower(), "a rel is empty or not lower");
        check(it.value().isValid(), "an invalid link target was kept");
    }

    constexpr qint64 now = 1'700'000'000'000;
    constexpr qint64 cap = 3'600'000;
    const std::optional<qint64> wait = parseRetryAfterMs(values[1], now, cap);
    if (wait)
        check(*wait >= 0 && *wait <= cap, "Retry-After outside [0, cap]");
    const QByteArray retryAfter = values[1].trimmed();
    if (!retryAfter.isEmpty() && std::all_of(retryAfter.begin(), retryAfter.end(),
                                             [](char c) { return c >= '0' && c <= '9'; }))
        check(wait.has_value(), "delta-seconds not read");

    HttpHeaders headers;
    headers.items = {{"Link", values[0]},          {"X-Next-Page", values[2]},
                     {"X-Total-Pages", values[3]}, {"X-Page", values[4]},
                     {"X-Total", values[5]},       {"X-Per-Page", values[4]}};
    const PageInfo info = pageInfoFromHeaders(headers, request);
    checkCount(values[2], info.nextPage, 0, "X-Next-Page");
    checkCount(values[3], info.totalPages, -1, "X-Total-Pages");
    checkCount(values[4], info.page, 0, "X-Page");
    check(info.total >= -1, "X-Total");
    check(info.nextLink == links.value(QStringLiteral("next")), "next link differs from Link");
    return 0;
}
