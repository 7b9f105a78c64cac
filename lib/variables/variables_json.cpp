#include "variables/variables_json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace pipedeck::variables {

namespace {

using gitlab::VariableType;

// GitLab stores values as strings; a hand-written file may hold 5 or true, which mean the same.
std::optional<QString> valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    return std::nullopt;
}

} // namespace

ExportResult exportVariablesJson(const QList<VariableRow> &rows)
{
    ExportResult result;
    QJsonArray array;
    for (const VariableRow &row : rows) {
        if (row.isBlank())
            continue;
        if (row.sensitive) {
            ++result.sensitiveLeftOut;
            continue;
        }
        array.append(QJsonObject{{QStringLiteral("key"), row.key},
                                 {QStringLiteral("value"), row.value},
                                 {QStringLiteral("variable_type"), variableTypeName(row.type)}});
    }
    result.json = QJsonDocument(array).toJson(QJsonDocument::Indented);
    return result;
}

PasteResult importVariablesJson(const QByteArray &json)
{
    PasteResult result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        result.problems.append(QCoreApplication::translate("pipedeck::variables::VariablesJson",
                                                           "Not valid JSON: %1 (at character %2).")
                                   .arg(error.errorString())
                                   .arg(error.offset));
        return result;
    }
    if (!document.isArray()) {
        result.problems.append(QCoreApplication::translate("pipedeck::variables::VariablesJson",
                                                           "Expected a JSON array of variables."));
        return result;
    }
    result.recognised = true;
    const QJsonArray array = document.array();
    for (qsizetype index = 0; index < array.size(); ++index) {
        const QJsonValue entry = array.at(index);
        if (!entry.isObject()) {
            result.problems.append(QCoreApplication::translate("pipedeck::variables::VariablesJson",
                                                               "Entry %1 is not an object.")
                                       .arg(index + 1));
            continue;
        }
        const QJsonObject object = entry.toObject();
        const QString key = object.value(QLatin1StringView("key")).toString();
        if (key.isEmpty()) {
            result.problems.append(QCoreApplication::translate("pipedeck::variables::VariablesJson",
                                                               "Entry %1 has no key.")
                                       .arg(index + 1));
            continue;
        }
        const std::optional<QString> value = valueText(object.value(QLatin1StringView("value")));
        if (!value) {
            result.problems.append(QCoreApplication::translate("pipedeck::variables::VariablesJson",
                                                               "The value of entry %1 is not text.")
                                       .arg(index + 1));
            continue;
        }
        const QJsonValue type = object.value(QLatin1StringView("variable_type"));
        VariableRow row;
        row.key = key;
        row.value = *value;
        if (type.isUndefined() || type.isNull() ||
            type.toString() == QLatin1StringView("env_var")) {
            row.type = VariableType::EnvVar;
        } else if (type.toString() == QLatin1StringView("file")) {
            row.type = VariableType::File;
        } else {
            result.problems.append(
                QCoreApplication::translate("pipedeck::variables::VariablesJson",
                                            "Entry %1 has an unknown variable_type \"%2\".")
                    .arg(index + 1)
                    .arg(type.toVariant().toString()));
            continue;
        }
        result.rows.append(row);
    }
    return result;
}

} // namespace pipedeck::variables
