#include "sim/pipeline_inputs.h"

namespace pipedeck::sim {

namespace {

QString article(const QString &type)
{
    return type == QLatin1String("array") ? QStringLiteral("an") : QStringLiteral("a");
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("array"))
        return value.isArray();
    return value.isString();
}

QString displayed(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    return value.toVariant().toString();
}

// BaseInput#run_validations for one value (the default or the provided one).
void runValidations(const SpecInput &input, const QJsonValue &value, bool isDefault,
                    QStringList *errors)
{
    auto error = [&](const QString &message) {
        errors->append(QLatin1Char('`') + input.name + QStringLiteral("` input: ") + message);
    };
    if (!hasType(value, input.type))
        error((isDefault ? QStringLiteral("default") : QStringLiteral("provided")) +
              QStringLiteral(" value is not ") + article(input.type) + QLatin1Char(' ') +
              input.type);
    if (input.options.isEmpty())
        return;
    if (input.type == QLatin1String("string") || input.type == QLatin1String("number")) {
        if (input.options.contains(value))
            return;
        // The two types word it differently (string_input.rb and number_input.rb).
        error(QLatin1Char('`') + displayed(value) +
              (input.type == QLatin1String("number")
                   ? QStringLiteral("` cannot be used because it is not in the list of the "
                                    "allowed options")
                   : QStringLiteral("` cannot be used because it is not in the list of allowed "
                                    "options")));
    } else {
        error(QStringLiteral("Options can only be used with string and number inputs"));
    }
}

} // namespace

QStringList validatePipelineInputs(const QList<SpecInput> &spec, const QJsonObject &args,
                                   QJsonObject *resolved)
{
    QStringList errors;
    if (spec.isEmpty()) {
        // Inputs for a configuration without a `spec:` header (Interpolator#interpolate!).
        if (!args.isEmpty())
            errors.append(QStringLiteral("unknown input arguments"));
        return errors;
    }
    QStringList unknown;
    for (auto it = args.begin(); it != args.end(); ++it) {
        const bool known = std::any_of(spec.begin(), spec.end(), [&](const SpecInput &input) {
            return input.name == it.key();
        });
        if (!known)
            unknown.append(it.key());
    }
    if (!unknown.isEmpty())
        errors.append(QStringLiteral("unknown input arguments: ") +
                      unknown.join(QStringLiteral(", ")));
    QJsonObject values;
    for (const SpecInput &input : spec) {
        const QJsonValue given = args.value(input.name);
        const bool provided = !given.isUndefined() && !given.isNull();
        if (!input.defaultValue && !provided) {
            errors.append(QLatin1Char('`') + input.name +
                          QStringLiteral("` input: required value has not been provided"));
            continue;
        }
        if (input.defaultValue)
            runValidations(input, *input.defaultValue, true, &errors);
        if (provided)
            runValidations(input, given, false, &errors);
        values.insert(input.name, provided ? given : *input.defaultValue);
    }
    if (errors.isEmpty() && resolved)
        *resolved = values;
    return errors;
}

QString pipelineInputsErrorMessage(const QStringList &errors)
{
    return errors.mid(0, 3).join(QStringLiteral(", "));
}

} // namespace pipedeck::sim
