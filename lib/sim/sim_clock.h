#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace pipedeck::sim {

// Simulated time: a start instant plus wall time scaled by a speed factor plus explicit advances.
// Everything in the World is stamped with this clock, in milliseconds since the Unix epoch (UTC).
class SimClock
{
public:
    SimClock(const QDateTime &start, double speed, bool running);

    qint64 nowMs() const;
    QDateTime now() const;
    void advance(double simulatedSeconds);
    void setRunning(bool running);
    bool isRunning() const { return m_running; }
    double speed() const { return m_speed; }

private:
    qint64 m_startMs = 0;
    double m_speed = 1.0;
    bool m_running = true;
    double m_advancedMs = 0;
    double m_frozenWallMs = 0; // wall time accumulated before the clock was stopped
    QElapsedTimer m_wall;
};

} // namespace pipedeck::sim
