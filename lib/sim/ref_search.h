#pragma once

#include <QRegularExpression>
#include <QString>

namespace pipedeck::sim {

// The `search` of GET /projects/:id/repository/branches and /tags as GitLab's Git::RefFinder
// (app/finders/git/ref_finder.rb) applies it: case-insensitive; a term that holds `^`, `$` or `*`
// is a pattern (its first `^` and first `$` anchor, every `*` matches anything), any other term
// matches as a substring and an exact match (ignoring case) is listed first.
class RefSearch
{
public:
    explicit RefSearch(const QString &term);
    bool isEmpty() const { return m_term.isEmpty(); }
    bool isPattern() const { return m_pattern; }
    bool matches(const QString &name) const;
    bool isExact(const QString &name) const;

private:
    QString m_term;
    bool m_pattern = false;
    QRegularExpression m_re;
};

} // namespace pipedeck::sim
