#include "sim/ref_search.h"

namespace pipedeck::sim {

RefSearch::RefSearch(const QString &term)
    : m_term(term)
{
    if (term.isEmpty())
        return;
    m_pattern = term.contains(QLatin1Char('^')) || term.contains(QLatin1Char('$')) ||
                term.contains(QLatin1Char('*'));
    QString re = QRegularExpression::escape(term.toLower());
    if (m_pattern) {
        // unescape_regex_operators: sub (first) for ^ and $, gsub (all) for *.
        const qsizetype caret = re.indexOf(QStringLiteral("\\^"));
        if (caret >= 0)
            re.replace(caret, 2, QStringLiteral("^"));
        re.replace(QStringLiteral("\\*"), QStringLiteral(".*?"));
        const qsizetype dollar = re.indexOf(QStringLiteral("\\$"));
        if (dollar >= 0)
            re.replace(dollar, 2, QStringLiteral("$"));
    }
    m_re = QRegularExpression(re);
}

bool RefSearch::matches(const QString &name) const
{
    return m_term.isEmpty() || m_re.match(name.toLower()).hasMatch();
}

bool RefSearch::isExact(const QString &name) const
{
    return !m_pattern && name.compare(m_term, Qt::CaseInsensitive) == 0;
}

} // namespace pipedeck::sim
