#include "runs/review_summary.h"

namespace pipedeck::runs {

QStringList ReviewSummary::lines(const ReviewFacts &facts)
{
    QStringList lines;
    lines.append(tr("Project: %1").arg(facts.project));
    lines.append(tr("GitLab: %1, signed in as %2").arg(facts.instance, facts.account));
    if (!facts.ref.isEmpty())
        lines.append(facts.commit.isEmpty() ? tr("Ref: %1").arg(facts.ref)
                                            : tr("Ref: %1 at %2").arg(facts.ref, facts.commit));
    for (const QString &what : facts.willRun)
        lines.append(tr("Will run: %1").arg(what));
    const QList<variables::VariableRow> rows = facts.rows;
    int shown = 0;
    for (const variables::VariableRow &row : rows) {
        if (row.isBlank())
            continue;
        ++shown;
        const QString value = row.sensitive ? tr("(sensitive, hidden)") : row.value;
        lines.append(row.type == gitlab::VariableType::File
                         ? tr("File variable %1 = %2").arg(row.key, value)
                         : tr("Variable %1 = %2").arg(row.key, value));
    }
    if (shown == 0)
        lines.append(tr("No variables."));
    return lines;
}

} // namespace pipedeck::runs
