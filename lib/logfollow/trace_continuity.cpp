#include "logfollow/trace_continuity.h"

#include "logfollow/trace_intake.h"

namespace pipedeck::logfollow {

Continuity compareTrace(const HeldTrace &held, QByteArrayView body)
{
    TraceIntake intake(held);
    intake.take(body);
    return intake.verdict();
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
