#pragma once

#include <QByteArray>
#include <functional>
#include <optional>

namespace pipedeck::gitlab {

//! When and how often a GET is tried again (POST/PUT/DELETE never are).
struct RetryPolicy
{
    int maxAttempts = 4;        //!< including the first
    qint64 baseDelayMs = 1000;  //!< backoff for attempt n is random(0, min(cap, base * 2^(n-1)))
    qint64 maxDelayMs = 60'000; //!< the cap
    qint64 maxRetryAfterMs = 3'600'000; //!< a Retry-After beyond this is clamped (1 h)
};

//! "Full jitter" backoff (AWS Architecture Blog): uniform in [0, min(cap, base * 2^(n-1))].
//! `attempt` is the number of attempts already made (>= 1); `random01` returns [0, 1).
qint64 backoffDelayMs(const RetryPolicy &policy, int attempt,
                      const std::function<double()> &random01);

//! Retry-After (RFC 9110 10.2.3): delta-seconds or an HTTP-date, relative to `nowMs`.
//! Returns the wait in ms clamped to [0, maxMs], or nullopt for an absent or unreadable value
//! (the caller then falls back to backoff).
std::optional<qint64> parseRetryAfterMs(const QByteArray &value, qint64 nowMs, qint64 maxMs);

} // namespace pipedeck::gitlab
