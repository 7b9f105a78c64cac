#include "runs/review_policy.h"

#include <QRegularExpression>
#include <QSettings>

namespace pipedeck::runs {

bool reviewByDefault(const QString &stage, bool protectedRef)
{
    static const QRegularExpression risky(QStringLiteral("deploy|release|prod|publish"),
                                          QRegularExpression::CaseInsensitiveOption);
    return protectedRef || risky.match(stage).hasMatch();
}

} // namespace pipedeck::runs

namespace pipedeck::runs {

ReviewMode reviewModeFromSettings(const QSettings &settings)
{
    const QString value = settings.value(QStringLiteral("runs/review")).toString();
    if (value == QLatin1String("always"))
        return ReviewMode::Always;
    if (value == QLatin1String("never"))
        return ReviewMode::Never;
    return ReviewMode::Auto;
}

bool reviewByDefault(ReviewMode mode, const QString &stage, bool protectedRef)
{
    switch (mode) {
    case ReviewMode::Always:
        return true;
    case ReviewMode::Never:
        return false;
    case ReviewMode::Auto:
        break;
    }
    return reviewByDefault(stage, protectedRef);
}

} // namespace pipedeck::runs
