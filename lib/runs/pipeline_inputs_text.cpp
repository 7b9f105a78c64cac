#include "runs/pipeline_inputs_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace pipedeck::runs {

namespace {

//! GitLab's input names: letters, digits, '_' and '-' (spec:inputs keys).
const QRegularExpression &inputLine()
{
    static const QRegularExpression line(
        QStringLiteral("^\\s*([A-Za-z0-9_-]+)\\s*(?::|=)\\s?(.*)$"));
    return line;
}

QJsonValue typedValue(const QString &text)
{
    const QString trimmed = text.trimmed();
    // A JSON document must be an array or object; wrap to read scalars too.
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[") + trimmed.toUtf8() + QByteArray("]"));
    if (!trimmed.isEmpty() && document.isArray() && document.array().size() == 1) {
        const QJsonValue value = document.array().at(0);
        if (value.isDouble() || value.isBool() || value.isArray() || value.isString())
            return value;
    }
    return text;
}

} // namespace

PipelineInputsText PipelineInputsText::parse(const QString &text)
{
    PipelineInputsText result;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        const QRegularExpressionMatch match = inputLine().match(line);
        if (!match.hasMatch()) {
            result.problems.append(tr("Line %1: write an input as name: value.").arg(i + 1));
            continue;
        }
        const QString name = match.captured(1);
        if (result.inputs.contains(name))
            result.problems.append(tr("Line %1: the input “%2” is given twice; the last one "
                                      "counts.")
                                       .arg(i + 1)
                                       .arg(name));
        result.inputs.insert(name, typedValue(match.captured(2)));
    }
    return result;
}

QString PipelineInputsText::format(const QJsonObject &inputs)
{
    QStringList lines;
    for (auto it = inputs.constBegin(); it != inputs.constEnd(); ++it) {
        QString value;
        const QJsonValue v = it.value();
        if (v.isString()) {
            // A string that would read back as another type is written quoted.
            value = v.toString();
            if (typedValue(value) != QJsonValue(value))
                value = QString::fromUtf8(
                    QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
        } else {
            value = QString::fromUtf8(
                QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
        }
        lines.append(it.key() + QStringLiteral(": ") + value);
    }
    return lines.join(u'\n');
}

} // namespace pipedeck::runs
