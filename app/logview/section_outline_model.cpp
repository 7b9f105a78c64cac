#include "logview/section_outline_model.h"

#include "log/logengine.h"
#include "log/logsyntax.h"

#include <algorithm>

namespace pipedeck {

namespace {
constexpr int kTitleCache = 4000;
constexpr qsizetype kMaxTitle = 200;
} // namespace

SectionOutlineModel::SectionOutlineModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_titles(kTitleCache)
{}

void SectionOutlineModel::setEngine(std::shared_ptr<const log::LogEngine> engine)
{
    beginResetModel();
    m_engine = std::move(engine);
    m_sections.clear();
    m_roots.clear();
    m_children.clear();
    m_row.clear();
    m_titles.clear();
    m_arrivingTitles.clear();
    endResetModel();
}

void SectionOutlineModel::refreshArrivingTitles()
{
    std::vector<int> arriving;
    arriving.swap(m_arrivingTitles);
    for (int section : arriving) {
        if (size_t(section) >= m_sections.size())
            continue;
        const QModelIndex title = indexOfSection(section);
        Q_EMIT dataChanged(title, title, {Qt::DisplayRole});
    }
}

void SectionOutlineModel::appendSection(const log::Section &section)
{
    const int index = int(m_sections.size());
    m_sections.push_back(section);
    m_children.emplace_back();
    std::vector<int> &siblings = section.parent >= 0 ? m_children[size_t(section.parent)] : m_roots;
    m_row.push_back(int(siblings.size()));
    siblings.push_back(index);
}

void SectionOutlineModel::setSections(const std::vector<log::Section> &sections)
{
    const size_t known = m_sections.size();
    bool sameStart = sections.size() >= known;
    for (size_t i = 0; sameStart && i < known; ++i)
        sameStart = sections[i].startLine == m_sections[i].startLine &&
                    sections[i].parent == m_sections[i].parent;
    // A new log, or the first batch of a big one: one reset is cheaper than many inserts.
    if (!sameStart || known == 0 || sections.size() - known > 64) {
        beginResetModel();
        m_sections.clear();
        m_roots.clear();
        m_children.clear();
        m_row.clear();
        m_titles.clear();
        m_arrivingTitles.clear();
        m_sections.reserve(sections.size());
        for (const log::Section &section : sections)
            appendSection(section);
        endResetModel();
        return;
    }
    // Sections are in start order, so a new one is always the last child of its parent.
    for (size_t i = known; i < sections.size(); ++i) {
        const int parentSection = sections[i].parent;
        const QModelIndex parentIndex = indexOfSection(parentSection);
        const int row = int(childrenOf(parentSection).size());
        beginInsertRows(parentIndex, row, row);
        appendSection(sections[i]);
        endInsertRows();
    }
    for (size_t i = 0; i < known; ++i) {
        if (sections[i].endLine != m_sections[i].endLine ||
            sections[i].endTime != m_sections[i].endTime) {
            m_sections[i] = sections[i];
            m_titles.remove(int(i));
            const QModelIndex first = indexOfSection(int(i));
            Q_EMIT dataChanged(first, first.siblingAtColumn(DurationColumn));
        }
    }
}

const std::vector<int> &SectionOutlineModel::childrenOf(int section) const
{
    return section >= 0 ? m_children[size_t(section)] : m_roots;
}

int SectionOutlineModel::sectionAt(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex SectionOutlineModel::indexOfSection(int section) const
{
    if (section < 0 || size_t(section) >= m_sections.size())
        return {};
    return createIndex(m_row[size_t(section)], 0, quintptr(section));
}

QModelIndex SectionOutlineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    const std::vector<int> &children = childrenOf(sectionAt(parent));
    if (row < 0 || size_t(row) >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex SectionOutlineModel::parent(const QModelIndex &child) const
{
    const int section = sectionAt(child);
    if (section < 0)
        return {};
    return indexOfSection(m_sections[size_t(section)].parent);
}

int SectionOutlineModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(sectionAt(parent)).size());
}

int SectionOutlineModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString SectionOutlineModel::titleOf(int section) const
{
    if (QString *cached = m_titles.object(section))
        return *cached;
    const log::Section &s = m_sections[size_t(section)];
    QString title;
    if (m_engine)
        title = m_engine->line(s.startLine).text.simplified();
    if (title.isEmpty())
        title = s.name;
    if (title.size() > kMaxTitle)
        title = title.left(kMaxTitle) + QStringLiteral("\u2026");
    // The last line of a growing log may still be arriving: its title is asked for again.
    if (m_engine && !m_engine->isComplete() && s.startLine >= m_engine->lineCount() - 1) {
        if (std::find(m_arrivingTitles.begin(), m_arrivingTitles.end(), section) ==
            m_arrivingTitles.end())
            m_arrivingTitles.push_back(section);
        return title;
    }
    m_titles.insert(section, new QString(title));
    return title;
}

QVariant SectionOutlineModel::data(const QModelIndex &index, int role) const
{
    const int section = sectionAt(index);
    if (section < 0)
        return {};
    const log::Section &s = m_sections[size_t(section)];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TitleColumn)
            return titleOf(section);
        if (s.isOpen() || s.hideDuration)
            return QString();
        return log::syntax::formatSectionDuration(s.durationSeconds());
    case Qt::ToolTipRole:
        return tr("%1 (line %2)").arg(s.name).arg(s.startLine + 1);
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StartLineRole:
        return s.startLine;
    case SectionIndexRole:
        return section;
    default:
        return {};
    }
}

QVariant SectionOutlineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == TitleColumn ? tr("Section") : tr("Duration");
}

} // namespace pipedeck
