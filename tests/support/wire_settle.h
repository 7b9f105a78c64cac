#pragma once

#include "gitlab/net/connection.h"
#include "gitlab/net/request_gate.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace pipedeck::testing {

//! Lets the event loop run until nothing of `connection` has been on the wire for a few turns
//! (or 10 s passed): what a tick of a ManualClock made due has been sent and answered.
inline void settle(gitlab::Connection &connection)
{
    QDeadlineTimer deadline(10'000);
    for (int quiet = 0; quiet < 4 && !deadline.hasExpired();) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        quiet = connection.gate().inFlight() == 0 ? quiet + 1 : 0;
    }
}

} // namespace pipedeck::testing
