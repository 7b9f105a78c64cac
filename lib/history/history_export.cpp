#include "history/history_export.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pipedeck::history {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The value as an export may show it: a sensitive row never shows what it holds, even if a
// caller hands in a record that was not read back from the database.
QString shownValue(const variables::VariableRow &row)
{
    return row.sensitive ? maskedValueText() : row.value;
}

QString variablesText(const QList<variables::VariableRow> &rows)
{
    QStringList lines;
    for (const variables::VariableRow &row : rows) {
        if (row.isBlank())
            continue;
        QString name = row.key;
        if (row.type == gitlab::VariableType::File)
            name += QStringLiteral(" (file)");
        lines.append(name + u'=' + shownValue(row));
    }
    return lines.join(u'\n');
}

} // namespace

QString csvField(const QString &text)
{
    // Spreadsheets run a cell that starts like a formula (OWASP "CSV injection"); job names,
    // refs and GitLab's messages come from others, so such a field is prefixed to stay text.
    static const QString kFormulaStarts = QStringLiteral("=+-@\t\r");
    const QString field =
        !text.isEmpty() && kFormulaStarts.contains(text.front()) ? u'\'' + text : text;
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') ||
                             field.contains(u'\r') || field.contains(u'\n') ||
                             field.startsWith(u' ') || field.endsWith(u' ');
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray exportCsv(const QList<RunRecord> &records)
{
    static const QStringList header{QStringLiteral("id"),
                                    QStringLiteral("started_at"),
                                    QStringLiteral("finished_at"),
                                    QStringLiteral("instance"),
                                    QStringLiteral("account"),
                                    QStringLiteral("project_id"),
                                    QStringLiteral("project_path"),
                                    QStringLiteral("kind"),
                                    QStringLiteral("job_name"),
                                    QStringLiteral("job_id"),
                                    QStringLiteral("ref"),
                                    QStringLiteral("variables"),
                                    QStringLiteral("trigger_description"),
                                    QStringLiteral("outcome"),
                                    QStringLiteral("result_job_id"),
                                    QStringLiteral("result_pipeline_id"),
                                    QStringLiteral("result_url"),
                                    QStringLiteral("error")};
    QString out = header.join(u',') + QStringLiteral("\r\n");
    for (const RunRecord &record : records) {
        const QStringList fields{QString::number(record.id),
                                 isoTime(record.startedAt),
                                 isoTime(record.finishedAt),
                                 record.instance,
                                 record.account,
                                 QString::number(record.projectId),
                                 record.projectPath,
                                 runKindName(record.kind),
                                 record.jobName,
                                 QString::number(record.jobId),
                                 record.ref,
                                 variablesText(record.variables),
                                 record.triggerDescription,
                                 runOutcomeName(record.outcome),
                                 QString::number(record.resultJobId),
                                 QString::number(record.resultPipelineId),
                                 record.resultUrl,
                                 record.error};
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &field : fields)
            quoted.append(csvField(field));
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray exportJson(const QList<RunRecord> &records)
{
    QJsonArray runs;
    for (const RunRecord &record : records) {
        QJsonArray variables;
        for (const variables::VariableRow &row : record.variables) {
            if (row.isBlank())
                continue;
            variables.append(
                QJsonObject{{QStringLiteral("key"), row.key},
                            {QStringLiteral("value"), shownValue(row)},
                            {QStringLiteral("variable_type"), gitlab::variableTypeName(row.type)},
                            {QStringLiteral("sensitive"), row.sensitive}});
        }
        runs.append(QJsonObject{{QStringLiteral("id"), record.id},
                                {QStringLiteral("started_at"), isoTime(record.startedAt)},
                                {QStringLiteral("finished_at"), isoTime(record.finishedAt)},
                                {QStringLiteral("instance"), record.instance},
                                {QStringLiteral("account"), record.account},
                                {QStringLiteral("project_id"), record.projectId},
                                {QStringLiteral("project_path"), record.projectPath},
                                {QStringLiteral("kind"), runKindName(record.kind)},
                                {QStringLiteral("job_name"), record.jobName},
                                {QStringLiteral("job_id"), record.jobId},
                                {QStringLiteral("ref"), record.ref},
                                {QStringLiteral("variables"), variables},
                                {QStringLiteral("trigger_description"), record.triggerDescription},
                                {QStringLiteral("outcome"), runOutcomeName(record.outcome)},
                                {QStringLiteral("result_job_id"), record.resultJobId},
                                {QStringLiteral("result_pipeline_id"), record.resultPipelineId},
                                {QStringLiteral("result_url"), record.resultUrl},
                                {QStringLiteral("error"), record.error}});
    }
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("pipedeck-run-history")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("runs"), runs}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace pipedeck::history
