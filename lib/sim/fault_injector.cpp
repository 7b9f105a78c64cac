#include "sim/fault_injector.h"

namespace pipedeck::sim {

std::optional<FaultRule> FaultInjector::take(const QByteArray &method, const QString &path,
                                             const QString &query)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule &rule = m_rules[i];
        if (!rule.method.isEmpty() && rule.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (rule.path.pattern().isEmpty() ? false : !rule.path.match(path).hasMatch())
            continue;
        if (!rule.query.pattern().isEmpty() && !rule.query.match(query).hasMatch())
            continue;
        const FaultRule hit = rule;
        if (rule.times > 0 && --rule.times == 0)
            m_rules.removeAt(i);
        return hit;
    }
    return std::nullopt;
}

} // namespace pipedeck::sim
