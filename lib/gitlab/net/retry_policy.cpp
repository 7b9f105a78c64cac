#include "gitlab/net/retry_policy.h"

#include <QDateTime>
#include <QString>
#include <algorithm>
#include <cmath>

namespace pipedeck::gitlab {

qint64 backoffDelayMs(const RetryPolicy &policy, int attempt,
                      const std::function<double()> &random01)
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double ceiling =
        std::min(static_cast<double>(policy.maxDelayMs),
                 static_cast<double>(policy.baseDelayMs) * std::ldexp(1.0, exponent));
    const double r = std::clamp(random01 ? random01() : 0.5, 0.0, 1.0);
    return static_cast<qint64>(std::floor(ceiling * r));
}

std::optional<qint64> parseRetryAfterMs(const QByteArray &value, qint64 nowMs, qint64 maxMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;

    const bool allDigits =
        std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (allDigits) {
        // Many digits overflow toLongLong: such a value is "very long", i.e. the clamp.
        if (trimmed.size() > 12)
            return maxMs;
        const qint64 seconds = trimmed.toLongLong();
        return std::clamp<qint64>(seconds * 1000, 0, maxMs);
    }

    // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT"; Qt's RFC 2822 parser wants a numeric zone.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1StringView(" GMT")) || text.endsWith(QLatin1StringView(" UTC")))
        text = text.left(text.size() - 4) + QLatin1StringView(" +0000");
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::clamp<qint64>(when.toMSecsSinceEpoch() - nowMs, 0, maxMs);
}

} // namespace pipedeck::gitlab
