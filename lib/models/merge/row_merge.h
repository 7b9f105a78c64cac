#pragma once

#include "models/merge/longest_increasing.h"
#include "models/merge/role_mask.h"
#include "models/merge/row_notifier.h"

#include <QHash>
#include <QList>
#include <QModelIndex>
#include <algorithm>
#include <utility>
#include <vector>

namespace pipedeck::models {

//! What one merge did, for tests, logs and benchmarks.
struct MergeResult
{
    int removed = 0;
    int inserted = 0;
    int moved = 0;
    int changedRows = 0;
    int changeSignals = 0; //!< dataChanged emissions (coalesced ranges)
    //! By final row: true if that row is new (made from the snapshot), false if it was kept and
    //! updated in place. Tree models use it to merge the children of kept rows.
    std::vector<bool> insertedAt;

    bool structureChanged() const { return removed || inserted || moved; }
};

//! Merges a new snapshot into a model's rows, keyed by id, with the least disruptive sequence
//! of notifications: never a reset.
//!
//! 1. Rows whose key is not in the snapshot are removed, contiguous runs as one removal.
//! 2. Kept rows on a longest increasing subsequence (in snapshot order) stay put; every other
//!    kept row is moved once (beginMoveRows) to its place, and new rows are inserted, runs of
//!    consecutive new rows as one insertion. Afterwards the order equals the snapshot's.
//! 3. Kept rows are compared with their snapshot entry (`diff`); only changed rows are updated
//!    (`assign`) and reported, as contiguous dataChanged ranges carrying the union of the roles
//!    that changed in the range. Unchanged rows are not touched at all.
//!
//! Persistent indexes follow their rows because only insert/remove/move are used.
//! A key that appears twice in the snapshot is taken once (the first occurrence wins).
//!
//! `Traits` provides:
//!   using Key = ...;                                   (hashable)
//!   Key keyOf(const Row &) const;  Key keyOf(const Incoming &) const;
//!   RoleMask diff(const Row &current, const Incoming &fresh) const;
//!   void assign(Row &current, Incoming &fresh) const;  (only when diff() found a change; may
//!                                                       move parts out of `fresh`)
//!   Row make(Incoming &&fresh) const;
//!   QList<int> roles(RoleMask changed) const;
//! `Rows` and `Snapshot` are random-access containers (QList, std::vector; move-only rows work).
template<class Rows, class Snapshot, class Traits>
MergeResult mergeRows(RowNotifier &notifier, const QModelIndex &parent, Rows &rows,
                      Snapshot &snapshot, const Traits &traits)
{
    using Key = typename Traits::Key;
    MergeResult result;

    const auto sameOrder = [&] {
        if (static_cast<qsizetype>(rows.size()) != static_cast<qsizetype>(snapshot.size()))
            return false;
        for (size_t i = 0; i < static_cast<size_t>(snapshot.size()); ++i) {
            if (!(traits.keyOf(rows[i]) == traits.keyOf(snapshot[i])))
                return false;
        }
        return true;
    };
    // The common refresh: same rows in the same order (rows have unique keys, so no repeats).
    const bool unchangedOrder = sameOrder();

    // Target position of every key; repeated keys are dropped from the snapshot.
    QHash<Key, int> targetOf;
    if (!unchangedOrder) {
        targetOf.reserve(static_cast<qsizetype>(snapshot.size()));
        bool repeated = false;
        for (qsizetype i = 0; i < static_cast<qsizetype>(snapshot.size()); ++i) {
            const Key key = traits.keyOf(snapshot[i]);
            if (targetOf.contains(key)) {
                repeated = true;
                continue;
            }
            targetOf.insert(key, static_cast<int>(targetOf.size()));
        }
        if (repeated) {
            Snapshot unique;
            QHash<Key, bool> taken;
            for (auto &entry : snapshot) {
                const Key key = traits.keyOf(entry);
                if (taken.contains(key))
                    continue;
                taken.insert(key, true);
                unique.push_back(std::move(entry));
            }
            snapshot = std::move(unique);
        }
    }
    const int n = static_cast<int>(snapshot.size());
    result.insertedAt.assign(static_cast<size_t>(n), false);

    const auto rowCount = [&rows] { return static_cast<int>(rows.size()); };

    if (!unchangedOrder) {
        // 1. Removals, bottom-up so that earlier positions stay valid.
        for (int last = rowCount() - 1; last >= 0; --last) {
            if (targetOf.contains(traits.keyOf(rows[last])))
                continue;
            int first = last;
            while (first > 0 && !targetOf.contains(traits.keyOf(rows[first - 1])))
                --first;
            notifier.notifyBeginRemove(parent, first, last);
            rows.erase(rows.begin() + first, rows.begin() + last + 1);
            notifier.notifyEndRemove();
            result.removed += last - first + 1;
            last = first;
        }

        // 2. Which kept rows stay put: a longest run already in snapshot order.
        std::vector<Key> keys;
        std::vector<int> targets;
        keys.reserve(rows.size());
        targets.reserve(rows.size());
        for (const auto &row : rows) {
            keys.push_back(traits.keyOf(row));
            targets.push_back(targetOf.value(keys.back()));
        }
        std::vector<char> kept(static_cast<size_t>(n), 0);   // by target: exists in rows
        std::vector<char> stable(static_cast<size_t>(n), 0); // by target: does not move
        for (int target : targets)
            kept[target] = 1;
        for (int position : longestIncreasingSubsequence(targets))
            stable[targets[position]] = 1;

        const auto moveRow = [&](int from, int to) {
            // Qt counts the destination before the move: moving down means "before to + 1".
            const int destination = to > from ? to + 1 : to;
            notifier.notifyBeginMove(parent, from, from, destination);
            if (to < from) {
                std::rotate(rows.begin() + to, rows.begin() + from, rows.begin() + from + 1);
                std::rotate(keys.begin() + to, keys.begin() + from, keys.begin() + from + 1);
            } else {
                std::rotate(rows.begin() + from, rows.begin() + from + 1, rows.begin() + to + 1);
                std::rotate(keys.begin() + from, keys.begin() + from + 1, keys.begin() + to + 1);
            }
            notifier.notifyEndMove();
            ++result.moved;
        };

        // Invariant: the snapshot's first `target` entries are in rows, in order, and
        // `cursor` is the position right after the last of them.
        int cursor = 0;
        for (int target = 0; target < n;) {
            if (!kept[target]) {
                int end = target;
                while (end < n && !kept[end])
                    ++end;
                const int count = end - target;
                notifier.notifyBeginInsert(parent, cursor, cursor + count - 1);
                for (int k = 0; k < count; ++k) {
                    rows.insert(rows.begin() + cursor + k,
                                traits.make(std::move(snapshot[target + k])));
                    keys.insert(keys.begin() + cursor + k, traits.keyOf(rows[cursor + k]));
                    result.insertedAt[static_cast<size_t>(target + k)] = true;
                }
                notifier.notifyEndInsert();
                result.inserted += count;
                cursor += count;
                target = end;
                continue;
            }
            const Key key = traits.keyOf(snapshot[target]);
            if (stable[target]) {
                // Stable rows never lie before the cursor: they are in snapshot order.
                const auto found = std::find(keys.begin() + cursor, keys.end(), key);
                cursor = static_cast<int>(found - keys.begin()) + 1;
            } else {
                int position =
                    cursor < static_cast<int>(keys.size()) && keys[cursor] == key
                        ? cursor
                        : static_cast<int>(std::find(keys.begin(), keys.end(), key) - keys.begin());
                if (position == cursor) {
                    ++cursor;
                } else if (position > cursor) {
                    moveRow(position, cursor);
                    ++cursor;
                } else {
                    moveRow(position, cursor - 1);
                }
            }
            ++target;
        }
    }

    // 3. Changes of kept rows, as contiguous ranges.
    int rangeStart = -1;
    RoleMask rangeRoles = 0;
    const auto flush = [&](int end) {
        if (rangeStart < 0)
            return;
        notifier.notifyChanged(parent, rangeStart, end, traits.roles(rangeRoles));
        ++result.changeSignals;
        rangeStart = -1;
        rangeRoles = 0;
    };
    for (int i = 0; i < n; ++i) {
        if (result.insertedAt[static_cast<size_t>(i)]) {
            flush(i - 1);
            continue;
        }
        const RoleMask changed = traits.diff(rows[i], snapshot[i]);
        if (!changed) {
            flush(i - 1);
            continue;
        }
        traits.assign(rows[i], snapshot[i]);
        ++result.changedRows;
        if (rangeStart < 0)
            rangeStart = i;
        rangeRoles |= changed;
    }
    flush(n - 1);
    return result;
}

} // namespace pipedeck::models
