#pragma once

#include <QObject>

namespace pipedeck::gitlab {

//! Wall-clock time in milliseconds since the Unix epoch, injectable so that rate limits,
//! Retry-After and backoff can be tested without waiting.
class Clock : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual qint64 nowMs() const = 0;

Q_SIGNALS:
    //! A manual clock moved; whoever waits on it re-checks its deadlines.
    void advanced();
};

class SystemClock final : public Clock
{
    Q_OBJECT
public:
    using Clock::Clock;
    qint64 nowMs() const override;
};

//! Time moves only when a test says so.
class ManualClock final : public Clock
{
    Q_OBJECT
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000, QObject *parent = nullptr)
        : Clock(parent)
        , m_now(startMs)
    {}
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms)
    {
        m_now += ms;
        Q_EMIT advanced();
    }

private:
    qint64 m_now;
};

} // namespace pipedeck::gitlab
