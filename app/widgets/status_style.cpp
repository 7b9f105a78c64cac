#include "widgets/status_style.h"

#include <QColor>
#include <QHash>
#include <QPalette>

namespace pipedeck {

using gitlab::CiStatus;

namespace {

QString iconName(CiStatus status, bool allowFailure)
{
    switch (status) {
    case CiStatus::Success:
        return QStringLiteral("success");
    case CiStatus::Failed:
        return allowFailure ? QStringLiteral("warning") : QStringLiteral("failed");
    case CiStatus::Running:
        return QStringLiteral("running");
    case CiStatus::Pending:
        return QStringLiteral("pending");
    case CiStatus::Created:
        return QStringLiteral("created");
    case CiStatus::WaitingForResource:
    case CiStatus::WaitingForCallback:
        return QStringLiteral("waiting");
    case CiStatus::Preparing:
        return QStringLiteral("preparing");
    case CiStatus::Canceling:
    case CiStatus::Canceled:
        return QStringLiteral("canceled");
    case CiStatus::Skipped:
        return QStringLiteral("skipped");
    case CiStatus::Manual:
        return QStringLiteral("manual");
    case CiStatus::Scheduled:
        return QStringLiteral("scheduled");
    case CiStatus::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

// GitLab's status colours, with a lighter variant for dark backgrounds.
QColor baseColor(CiStatus status, bool allowFailure, bool dark)
{
    switch (status) {
    case CiStatus::Success:
        return dark ? QColor(0x52, 0xb8, 0x7a) : QColor(0x10, 0x7a, 0x3c);
    case CiStatus::Failed:
        if (allowFailure)
            return dark ? QColor(0xe9, 0xa8, 0x3b) : QColor(0x9e, 0x5a, 0x00);
        return dark ? QColor(0xf5, 0x7f, 0x6c) : QColor(0xc0, 0x24, 0x0b);
    case CiStatus::Running:
    case CiStatus::Preparing:
        return dark ? QColor(0x63, 0xa6, 0xe9) : QColor(0x1f, 0x63, 0xb5);
    case CiStatus::Pending:
    case CiStatus::WaitingForResource:
    case CiStatus::WaitingForCallback:
    case CiStatus::Scheduled:
        return dark ? QColor(0xe9, 0xa8, 0x3b) : QColor(0x9e, 0x5a, 0x00);
    case CiStatus::Manual:
        return dark ? QColor(0xa3, 0xa3, 0xb0) : QColor(0x53, 0x53, 0x63);
    case CiStatus::Created:
    case CiStatus::Canceling:
    case CiStatus::Canceled:
    case CiStatus::Skipped:
    case CiStatus::Unknown:
        return dark ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x5e, 0x5e, 0x5e);
    }
    return {};
}

} // namespace

QString StatusStyle::iconPath(CiStatus status, bool allowFailure)
{
    return QStringLiteral(":/icons/status/") + iconName(status, allowFailure) +
           QStringLiteral(".svg");
}

QIcon StatusStyle::icon(CiStatus status, bool allowFailure)
{
    // QIcon renders the SVG once per size and keeps it; one instance per name is enough.
    static QHash<QString, QIcon> cache;
    const QString path = iconPath(status, allowFailure);
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.insert(path, QIcon(path));
    return it.value();
}

bool StatusStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor StatusStyle::textColor(CiStatus status, const QPalette &palette, bool allowFailure)
{
    return baseColor(status, allowFailure, isDark(palette));
}

QString StatusStyle::label(CiStatus status, bool allowFailure, const QString &gitlabName)
{
    switch (status) {
    case CiStatus::Success:
        return tr("Passed");
    case CiStatus::Failed:
        return allowFailure ? tr("Failed (allowed)") : tr("Failed");
    case CiStatus::Running:
        return tr("Running");
    case CiStatus::Pending:
        return tr("Pending");
    case CiStatus::Created:
        return tr("Created");
    case CiStatus::WaitingForResource:
        return tr("Waiting for resource");
    case CiStatus::WaitingForCallback:
        return tr("Waiting for callback");
    case CiStatus::Preparing:
        return tr("Preparing");
    case CiStatus::Canceling:
        return tr("Canceling");
    case CiStatus::Canceled:
        return tr("Canceled");
    case CiStatus::Skipped:
        return tr("Skipped");
    case CiStatus::Manual:
        return tr("Manual");
    case CiStatus::Scheduled:
        return tr("Scheduled");
    case CiStatus::Unknown:
        break;
    }
    // A status this build does not know: GitLab's own word is better than nothing.
    return gitlabName.isEmpty() ? tr("Unknown") : gitlabName;
}

} // namespace pipedeck
