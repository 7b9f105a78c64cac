#include "gitlab/types/variable.h"

namespace pipedeck::gitlab {

QString variableTypeName(VariableType type)
{
    switch (type) {
    case VariableType::EnvVar:
        return QStringLiteral("env_var");
    case VariableType::File:
        return QStringLiteral("file");
    }
    return QStringLiteral("env_var");
}

} // namespace pipedeck::gitlab
