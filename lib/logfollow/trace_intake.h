#pragma once

#include "logfollow/trace_continuity.h"

#include <QByteArrayView>

namespace pipedeck::logfollow {

// compareTrace() for a trace that arrives in pieces, so that it never has to be held whole:
// the bytes up to the held length are checked against the held head and tail as they pass,
// and the bytes beyond it are handed back at once, to be appended, while the trace still
// continues the held one. The verdict does not depend on how the trace was split.
class TraceIntake
{
public:
    explicit TraceIntake(HeldTrace held = {});

    // The part of `piece` that extends the held trace: empty while the piece lies within the
    // held length, and from the first difference on.
    QByteArrayView take(QByteArrayView piece);
    // A difference was seen: nothing more will be handed back.
    bool hasDiverged() const { return m_diverged; }
    qint64 received() const { return m_received; }
    // Once the whole trace has arrived.
    Continuity verdict() const;

private:
    bool matches(QByteArrayView piece, qint64 pieceStart, const QByteArray &edge,
                 qint64 edgeStart) const;

    HeldTrace m_held;
    qint64 m_received = 0;
    bool m_diverged = false;
};

} // namespace pipedeck::logfollow
