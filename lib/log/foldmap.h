#pragma once

#include "log/sectiontree.h"

#include <vector>

namespace pipedeck::log {

// Maps the rows a viewer shows to log lines while sections are folded. A folded
// section shows its header line only. The map holds one entry per folded
// top-level interval (not per line), so folding or unfolding any section, even
// one of a million lines, costs O(sections), and row <-> line lookups are a
// binary search.
class FoldMap
{
public:
    // New sections start folded when they are marked collapsed=true; sections
    // already known keep their state. Call whenever sections or lines grew.
    void update(const std::vector<Section> &sections, qint64 lineCount);
    void clear();

    bool isFolded(int section) const;
    void setFolded(int section, bool folded);
    void setAllFolded(bool folded);

    qint64 rowCount() const { return m_lineCount - m_totalHidden; }
    qint64 lineForRow(qint64 row) const;
    // The row showing `line`; for a line inside a folded section, the row of
    // the header that hides it.
    qint64 rowForLine(qint64 line) const;
    bool isHidden(qint64 line) const;

private:
    struct Interval
    {
        qint64 first;        // first hidden line
        qint64 last;         // last hidden line
        qint64 hiddenBefore; // hidden lines before `first`
    };
    struct Span
    {
        qint64 start;
        qint64 end; // -1 while open
    };
    void rebuild();
    bool startsSection(qint64 line) const;
    // Index of the last interval with first <= line, or -1.
    qsizetype intervalAtOrBefore(qint64 line) const;

    std::vector<Span> m_spans;
    std::vector<bool> m_folded;
    std::vector<Interval> m_hidden;
    qint64 m_lineCount = 0;
    qint64 m_totalHidden = 0;
};

} // namespace pipedeck::log
