#include "presets/rows_json.h"

#include <QJsonObject>

namespace pipedeck::presets {

QJsonArray rowsToJson(const QList<variables::VariableRow> &rows)
{
    QJsonArray array;
    for (const variables::VariableRow &row : rows) {
        if (row.isBlank())
            continue;
        QJsonObject object{{QStringLiteral("key"), row.key},
                           {QStringLiteral("variable_type"), gitlab::variableTypeName(row.type)}};
        if (row.sensitive)
            object.insert(QStringLiteral("sensitive"), true);
        else
            object.insert(QStringLiteral("value"), row.value);
        array.append(object);
    }
    return array;
}

QList<variables::VariableRow> rowsFromJson(const QJsonArray &array, int *droppedSensitiveValues)
{
    QList<variables::VariableRow> rows;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        variables::VariableRow row;
        row.key = object.value(QStringLiteral("key")).toString();
        row.type = object.value(QStringLiteral("variable_type")).toString() ==
                           gitlab::variableTypeName(gitlab::VariableType::File)
                       ? gitlab::VariableType::File
                       : gitlab::VariableType::EnvVar;
        row.sensitive = object.value(QStringLiteral("sensitive")).toBool();
        const QString text = object.value(QStringLiteral("value")).toString();
        if (!row.sensitive)
            row.value = text;
        else if (!text.isEmpty() && droppedSensitiveValues)
            ++*droppedSensitiveValues;
        if (!row.isBlank())
            rows.append(row);
    }
    return rows;
}

} // namespace pipedeck::presets
