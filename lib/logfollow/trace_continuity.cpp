#include "logfollow/trace_continuity.h"

namespace pipedeck::logfollow {

Continuity compareTrace(const HeldTrace &held, QByteArrayView body)
{
    if (body.size() < held.size)
        return Continuity::Diverged;
    if (!body.startsWith(held.head))
        return Continuity::Diverged;
    const qint64 tailStart = held.size - held.tail.size();
    if (body.sliced(tailStart, held.tail.size()) != QByteArrayView(held.tail))
        return Continuity::Diverged;
    return body.size() == held.size ? Continuity::Unchanged : Continuity::Extends;
}

HeldTrace holdTrace(QByteArrayView body)
{
    HeldTrace held;
    held.size = body.size();
    held.head = body.first(qMin(body.size(), HeldTrace::kEdgeBytes)).toByteArray();
    held.tail = body.last(qMin(body.size(), HeldTrace::kEdgeBytes)).toByteArray();
    return held;
}

HeldTrace extendHeldTrace(const HeldTrace &held, QByteArrayView suffix)
{
    HeldTrace next;
    next.size = held.size + suffix.size();
    next.head = held.head;
    if (next.head.size() < HeldTrace::kEdgeBytes)
        next.head += suffix.first(qMin(suffix.size(), HeldTrace::kEdgeBytes - next.head.size()));
    if (suffix.size() >= HeldTrace::kEdgeBytes) {
        next.tail = suffix.last(HeldTrace::kEdgeBytes).toByteArray();
    } else {
        next.tail = held.tail;
        next.tail.append(suffix);
        next.tail = next.tail.right(HeldTrace::kEdgeBytes);
    }
    return next;
}

} // namespace pipedeck::logfollow
