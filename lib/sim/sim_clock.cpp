#include "sim/sim_clock.h"

namespace pipedeck::sim {

SimClock::SimClock(const QDateTime &start, double speed, bool running)
    : m_startMs((start.isValid() ? start : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch())
    , m_speed(speed > 0 ? speed : 1.0)
    , m_running(running)
{
    m_wall.start();
}

qint64 SimClock::nowMs() const
{
    double wallMs = m_frozenWallMs;
    if (m_running)
        wallMs += double(m_wall.elapsed());
    return m_startMs + qint64(wallMs * m_speed + m_advancedMs);
}

QDateTime SimClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

void SimClock::advance(double simulatedSeconds)
{
    if (simulatedSeconds > 0)
        m_advancedMs += simulatedSeconds * 1000.0;
}

void SimClock::setRunning(bool running)
{
    if (running == m_running)
        return;
    if (!running)
        m_frozenWallMs += double(m_wall.elapsed());
    m_wall.restart();
    m_running = running;
}

} // namespace pipedeck::sim
