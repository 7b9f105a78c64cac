#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pipedeck::sim {

// One entry of `spec: inputs:` in a project's .gitlab-ci.yml header.
struct SpecInput
{
    QString name;
    QString type = QStringLiteral("string"); // "string", "number", "boolean" or "array"
    std::optional<QJsonValue> defaultValue;  // none = a required input
    QJsonArray options;                      // empty = any value (string and number only)
    QString description;
};

// Validates the `inputs` of POST /projects/:id/pipeline against the spec as GitLab's
// lib/gitlab/ci/config/interpolation/inputs.rb and inputs/*_input.rb do: unknown names first,
// then each spec input in order (required, then the default's and the value's type and options).
// Returns the errors; on success *resolved holds every input with its value or default.
QStringList validatePipelineInputs(const QList<SpecInput> &spec, const QJsonObject &args,
                                   QJsonObject *resolved);

// The one message GitLab reports for them: the first three joined with ", "
// (Interpolator#error_message, lib/gitlab/ci/config/interpolation/interpolator.rb).
QString pipelineInputsErrorMessage(const QStringList &errors);

} // namespace pipedeck::sim
