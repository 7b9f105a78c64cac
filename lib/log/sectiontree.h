#pragma once

#include "log/logsyntax.h"

#include <QSet>
#include <QString>

#include <vector>

namespace pipedeck::log {

struct Section
{
    QString name;              // normalised, as GitLab keys it
    qint64 startLine = 0;      // the header line (the one with the start marker)
    qint64 endLine = -1;       // the line with the end marker; -1 while open
    int depth = 0;             // 0 for top-level sections
    int parent = -1;           // index into the section list, -1 for top level
    bool collapsed = false;    // [collapsed=true]
    bool hideDuration = false; // [hide_duration=true]
    qint64 startTime = 0;      // Unix seconds from the markers
    qint64 endTime = 0;

    bool isOpen() const { return endLine < 0; }
    // Seconds between the markers, clamped like GitLab; -1 while open.
    qint64 durationSeconds() const
    {
        return isOpen() ? -1 : syntax::clampedSectionDuration(startTime, endTime);
    }
};

// The section tree, built from markers in log order. Sections are stored in the
// order they start, so the list is also a pre-order walk of the tree. An end
// marker closes the innermost open section of that name and every section still
// open inside it (as GitLab's HTML renderer does), so the tree stays well nested;
// an end marker with no open section of that name is swallowed.
class SectionTree
{
public:
    // Bounds that keep hostile logs from using unbounded memory or time.
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxSections = 100000;

    // True when the marker started a section or closed one (false for an end marker
    // without an open section of its name, or a start marker beyond the bounds).
    bool apply(const SectionMarker &marker, qint64 line);
    void clear();

    const std::vector<Section> &sections() const { return m_sections; }
    qsizetype openCount() const { return qsizetype(m_open.size()); }
    // Index of the innermost section containing `line`, or -1.
    int innermostAt(qint64 line) const;
    // How many markers were ignored because of the bounds above.
    qint64 droppedMarkers() const { return m_dropped; }

private:
    std::vector<Section> m_sections;
    std::vector<int> m_open; // indices of open sections, outermost first
    QSet<QString> m_names;   // shares the name strings between sections
    qint64 m_dropped = 0;
};

} // namespace pipedeck::log
