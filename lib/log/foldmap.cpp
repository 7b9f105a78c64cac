#include "log/foldmap.h"

#include <algorithm>

namespace pipedeck::log {

void FoldMap::update(const std::vector<Section> &sections, qint64 lineCount)
{
    const size_t known = m_spans.size();
    if (sections.size() < known) { // a new log
        m_spans.clear();
        m_folded.clear();
    }
    m_spans.resize(sections.size());
    m_folded.resize(sections.size(), false);
    for (size_t i = 0; i < sections.size(); ++i) {
        m_spans[i] = {sections[i].startLine, sections[i].endLine};
        if (i >= known)
            m_folded[i] = sections[i].collapsed;
    }
    m_lineCount = lineCount;
    rebuild();
}

void FoldMap::clear()
{
    m_spans.clear();
    m_folded.clear();
    m_lineCount = 0;
    rebuild();
}

bool FoldMap::isFolded(int section) const
{
    return section >= 0 && size_t(section) < m_folded.size() && m_folded[size_t(section)];
}

void FoldMap::setFolded(int section, bool folded)
{
    if (section < 0 || size_t(section) >= m_folded.size() || m_folded[size_t(section)] == folded)
        return;
    m_folded[size_t(section)] = folded;
    rebuild();
}

void FoldMap::setAllFolded(bool folded)
{
    std::fill(m_folded.begin(), m_folded.end(), folded);
    rebuild();
}

void FoldMap::rebuild()
{
    m_hidden.clear();
    m_totalHidden = 0;
    const qint64 lastLine = m_lineCount - 1;
    for (size_t i = 0; i < m_spans.size(); ++i) {
        if (!m_folded[i])
            continue;
        const qint64 first = m_spans[i].start + 1;
        qint64 last = qMin(m_spans[i].end < 0 ? lastLine : m_spans[i].end, lastLine);
        // The runner writes a section_end and the next section_start on one line: that line
        // is the next section's header and stays visible.
        if (last == m_spans[i].end && startsSection(last))
            --last;
        if (first > last)
            continue;
        // Sections come in start order and nest, so one inside the previous
        // folded interval adds nothing.
        if (!m_hidden.empty() && first <= m_hidden.back().last)
            continue;
        m_hidden.push_back({first, last, m_totalHidden});
        m_totalHidden += last - first + 1;
    }
}

bool FoldMap::startsSection(qint64 line) const
{
    const auto it = std::lower_bound(m_spans.begin(), m_spans.end(), line,
                                     [](const Span &span, qint64 l) { return span.start < l; });
    return it != m_spans.end() && it->start == line;
}

qsizetype FoldMap::intervalAtOrBefore(qint64 line) const
{
    const auto it = std::upper_bound(m_hidden.begin(), m_hidden.end(), line,
                                     [](qint64 l, const Interval &iv) { return l < iv.first; });
    return qsizetype(it - m_hidden.begin()) - 1;
}

qint64 FoldMap::lineForRow(qint64 row) const
{
    // Row of the first line after interval k: (last + 1) - hiddenBefore - length.
    const auto it =
        std::upper_bound(m_hidden.begin(), m_hidden.end(), row, [](qint64 r, const Interval &iv) {
            return r < iv.first - iv.hiddenBefore;
        });
    if (it == m_hidden.begin())
        return row;
    const Interval &iv = *(it - 1);
    return row + iv.hiddenBefore + (iv.last - iv.first + 1);
}

qint64 FoldMap::rowForLine(qint64 line) const
{
    const qsizetype k = intervalAtOrBefore(line);
    if (k < 0)
        return line;
    const Interval &iv = m_hidden[size_t(k)];
    if (line <= iv.last)
        return iv.first - 1 - iv.hiddenBefore; // the folded header
    return line - iv.hiddenBefore - (iv.last - iv.first + 1);
}

bool FoldMap::isHidden(qint64 line) const
{
    const qsizetype k = intervalAtOrBefore(line);
    return k >= 0 && line <= m_hidden[size_t(k)].last;
}

} // namespace pipedeck::log
