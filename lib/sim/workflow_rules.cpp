// World::workflowAllows: the project's `workflow: rules:` reduced to the refs they refuse.
#include "sim/world.h"

#include <QRegularExpression>

namespace pipedeck::sim {

bool World::workflowAllows(const Project &project, const QString &ref) const
{
    for (const QString &pattern : project.workflowRefusedRefs) {
        // Path-style wildcards: `*` stays within one segment of a ref such as `wip/spike`.
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        if (re.match(ref).hasMatch())
            return false;
    }
    return true;
}

} // namespace pipedeck::sim
