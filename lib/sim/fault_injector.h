#pragma once

#include "sim/fault_rule.h"

#include <QList>

#include <optional>

namespace pipedeck::sim {

// The fault rules tests switched on; each matching request uses up one of a rule's `times`.
class FaultInjector
{
public:
    void add(const FaultRule &rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    std::optional<FaultRule> take(const QByteArray &method, const QString &path,
                                  const QString &query = {});

private:
    QList<FaultRule> m_rules;
};

} // namespace pipedeck::sim
