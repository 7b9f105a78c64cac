#include "variables/variable_row.h"

namespace pipedeck::variables {

QList<gitlab::Variable> toApiVariables(const QList<VariableRow> &rows)
{
    QList<gitlab::Variable> variables;
    for (const VariableRow &row : rows) {
        if (!row.isBlank())
            variables.append(gitlab::Variable{row.key, row.value, row.type});
    }
    return variables;
}

QList<VariableRow> withoutSensitiveValues(const QList<VariableRow> &rows)
{
    QList<VariableRow> kept = rows;
    for (VariableRow &row : kept) {
        if (row.sensitive)
            row.value.clear();
    }
    return kept;
}

} // namespace pipedeck::variables
