#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pipedeck::logfollow {

// What the follower remembers of the trace bytes it holds (which live in the log cache on
// disk, not in memory): their length and copies of their first and last few kilobytes.
struct HeldTrace
{
    qint64 size = 0;
    QByteArray head;
    QByteArray tail;

    static constexpr qsizetype kEdgeBytes = 16 * 1024;
};

enum class Continuity {
    Unchanged, // the same bytes again
    Extends,   // the held bytes followed by new ones: append body[size..]
    Diverged,  // shorter, or different where they overlap: parse again from scratch
};

// Does `body` (a whole new trace) continue the held one? Compares lengths and the bytes of
// the overlapping head and tail. GitLab's traces are append-only in practice (the runner
// PATCHes ranges in order), so a change in the middle with an intact head and tail is not
// something to guard against at the cost of keeping the whole log in memory.
Continuity compareTrace(const HeldTrace &held, QByteArrayView body);

// The held state after accepting `body` as the whole trace.
HeldTrace holdTrace(QByteArrayView body);
// The held state after appending `suffix` to what `held` describes.
HeldTrace extendHeldTrace(const HeldTrace &held, QByteArrayView suffix);

} // namespace pipedeck::logfollow
