#include "runs/review_policy.h"

#include <QRegularExpression>

namespace pipedeck::runs {

bool reviewByDefault(const QString &stage, bool protectedRef)
{
    static const QRegularExpression risky(QStringLiteral("deploy|release|prod|publish"),
                                          QRegularExpression::CaseInsensitiveOption);
    return protectedRef || risky.match(stage).hasMatch();
}

} // namespace pipedeck::runs
