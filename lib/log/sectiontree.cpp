#include "log/sectiontree.h"

#include <algorithm>

namespace pipedeck::log {

bool SectionTree::apply(const SectionMarker &marker, qint64 line)
{
    QString name = syntax::normalizeSectionName(marker.name);
    if (marker.kind == SectionMarker::Kind::Start) {
        if (m_open.size() >= size_t(kMaxDepth) || m_sections.size() >= size_t(kMaxSections)) {
            ++m_dropped;
            return false;
        }
        const auto interned = m_names.constFind(name);
        if (interned != m_names.cend())
            name = *interned;
        else
            m_names.insert(name);
        Section section;
        section.name = name;
        section.startLine = line;
        section.depth = int(m_open.size());
        section.parent = m_open.empty() ? -1 : m_open.back();
        section.collapsed = syntax::sectionOption(marker.options, "collapsed") == "true";
        section.hideDuration = syntax::sectionOption(marker.options, "hide_duration") == "true";
        section.startTime = marker.timestamp;
        m_open.push_back(int(m_sections.size()));
        m_sections.push_back(std::move(section));
        return true;
    }
    for (size_t i = m_open.size(); i-- > 0;) {
        if (m_sections[size_t(m_open[i])].name != name)
            continue;
        for (size_t j = i; j < m_open.size(); ++j) {
            Section &closing = m_sections[size_t(m_open[j])];
            closing.endLine = line;
            closing.endTime = marker.timestamp;
        }
        m_open.resize(i);
        return true;
    }
    return false;
}

void SectionTree::clear()
{
    m_sections.clear();
    m_open.clear();
    m_names.clear();
    m_dropped = 0;
}

int SectionTree::innermostAt(qint64 line) const
{
    auto it = std::upper_bound(m_sections.begin(), m_sections.end(), line,
                               [](qint64 l, const Section &s) { return l < s.startLine; });
    if (it == m_sections.begin())
        return -1;
    int index = int(it - m_sections.begin()) - 1;
    while (index >= 0) {
        const Section &s = m_sections[size_t(index)];
        if (s.isOpen() || s.endLine >= line)
            return index;
        index = s.parent;
    }
    return -1;
}

} // namespace pipedeck::log
