#include "sim/variable_rules.h"

#include "sim/world.h"

#include <QRegularExpression>

namespace pipedeck::sim {

QString normalizedVariableKey(const QString &key)
{
    return key.trimmed();
}

QStringList variableKeyErrors(const QString &key)
{
    static const QRegularExpression format(QStringLiteral("\\A[a-zA-Z0-9_]+\\z"));
    QStringList errors;
    if (key.isEmpty())
        errors.append(QStringLiteral("can't be blank"));
    if (key.size() > 255)
        errors.append(QStringLiteral("is too long (maximum is 255 characters)"));
    if (!format.match(key).hasMatch())
        errors.append(QStringLiteral("can contain only letters, digits and '_'."));
    return errors;
}

QString duplicateVariablesMessage(const QList<Variable> &variables)
{
    // Ruby's tally keeps the order of first appearance.
    QStringList order;
    QHash<QString, int> counts;
    for (const Variable &v : variables) {
        if (!counts.contains(v.key))
            order.append(v.key);
        ++counts[v.key];
    }
    QStringList duplicated;
    for (const QString &key : std::as_const(order)) {
        if (counts.value(key) > 1)
            duplicated.append(key);
    }
    if (duplicated.isEmpty())
        return {};
    return (duplicated.size() == 1 ? QStringLiteral("Duplicate variable name: ")
                                   : QStringLiteral("Duplicate variable names: ")) +
           duplicated.join(QStringLiteral(", "));
}

} // namespace pipedeck::sim
