#include "gitlab/net/clock.h"

#include <QDateTime>

namespace pipedeck::gitlab {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace pipedeck::gitlab
