#include "logfollow/trace_intake.h"

#include <algorithm>

namespace pipedeck::logfollow {

TraceIntake::TraceIntake(HeldTrace held)
    : m_held(std::move(held))
{}

bool TraceIntake::matches(QByteArrayView piece, qint64 pieceStart, const QByteArray &edge,
                          qint64 edgeStart) const
{
    // Compare where [pieceStart, +piece) and [edgeStart, +edge) overlap.
    const qint64 from = std::max(pieceStart, edgeStart);
    const qint64 to = std::min(pieceStart + piece.size(), edgeStart + edge.size());
    if (to <= from)
        return true;
    return piece.sliced(from - pieceStart, to - from) ==
           QByteArrayView(edge).sliced(from - edgeStart, to - from);
}

QByteArrayView TraceIntake::take(QByteArrayView piece)
{
    const qint64 start = m_received;
    m_received += piece.size();
    if (m_diverged)
        return {};
    if (!matches(piece, start, m_held.head, 0) ||
        !matches(piece, start, m_held.tail, m_held.size - m_held.tail.size())) {
        m_diverged = true;
        return {};
    }
    if (m_received <= m_held.size)
        return {};
    return piece.sliced(std::max<qint64>(m_held.size - start, 0));
}

Continuity TraceIntake::verdict() const
{
    if (m_diverged || m_received < m_held.size)
        return Continuity::Diverged;
    return m_received == m_held.size ? Continuity::Unchanged : Continuity::Extends;
}

} // namespace pipedeck::logfollow
