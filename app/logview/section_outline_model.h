#pragma once

#include "log/sectiontree.h"

#include <QAbstractItemModel>
#include <QCache>

#include <memory>
#include <vector>

namespace pipedeck {

namespace log {
class LogEngine;
}

// The sections of a log as a tree for the outline panel: the header text (or the section's
// name when the header is empty) and the duration. Sections that appear while a log grows
// are inserted in place, and sections that close update their duration, so the tree keeps
// its expansion and selection while following a running job.
class SectionOutlineModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, DurationColumn, ColumnCount };
    enum Role { StartLineRole = Qt::UserRole + 1, SectionIndexRole };

    explicit SectionOutlineModel(QObject *parent = nullptr);

    void setEngine(std::shared_ptr<const log::LogEngine> engine);
    void setSections(const std::vector<log::Section> &sections);
    // The log grew: a header line that was still arriving may show more now.
    void refreshArrivingTitles();

    int sectionAt(const QModelIndex &index) const;
    QModelIndex indexOfSection(int section) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const std::vector<int> &childrenOf(int section) const;
    QString titleOf(int section) const;
    void appendSection(const log::Section &section);

    std::shared_ptr<const log::LogEngine> m_engine;
    std::vector<log::Section> m_sections;
    std::vector<int> m_roots;
    std::vector<std::vector<int>> m_children;
    std::vector<int> m_row; // row of each section under its parent
    mutable QCache<int, QString> m_titles;
    // Sections whose header is the last line of a growing log: their title is not cached yet.
    mutable std::vector<int> m_arrivingTitles;
};

} // namespace pipedeck
