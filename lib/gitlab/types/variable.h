#pragma once

#include <QString>

namespace pipedeck::gitlab {

enum class VariableType { EnvVar, File };

//! A CI/CD variable as pipelines take and report them.
struct Variable
{
    QString key;
    QString value;
    VariableType type = VariableType::EnvVar;

    friend bool operator==(const Variable &, const Variable &) = default;
};

QString variableTypeName(VariableType type); // "env_var" / "file"

} // namespace pipedeck::gitlab
