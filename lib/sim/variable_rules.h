#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pipedeck::sim {

struct Variable;

// GitLab's rules for the keys of pipeline and job variables (Ci::PipelineVariable and
// Ci::JobVariable both include app/models/concerns/ci/has_variable.rb).

// `key=` strips the key before it is validated or stored (has_variable.rb).
QString normalizedVariableKey(const QString &key);

// The validation messages for one (already normalized) key, in the order the validators are
// declared: presence, length (maximum 255), format /\A[a-zA-Z0-9_]+\z/. Empty = valid.
QStringList variableKeyErrors(const QString &key);

// "Duplicate variable name: A" / "Duplicate variable names: A, B", or empty. GitLab compares the
// keys as sent, before they are stripped
// (lib/gitlab/ci/pipeline/chain/build/associations.rb#validate_uniqueness).
QString duplicateVariablesMessage(const QList<Variable> &variables);

} // namespace pipedeck::sim
