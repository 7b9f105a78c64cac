#include "ui/launch_target.h"

#include "accounts/deep_link.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace pipedeck {

LaunchTarget classifyLaunchTarget(const QString &argument)
{
    const QString text = argument.trimmed();
    if (text.isEmpty())
        return {};
    // Desktop environments hand over file:// URLs.
    if (text.startsWith(QStringLiteral("file:"), Qt::CaseInsensitive))
        return {LaunchTarget::Kind::File, QUrl(text).toLocalFile()};
    if (looksLikeWebUrl(text))
        return {LaunchTarget::Kind::WebUrl, text};
    const QFileInfo file(text);
    if (file.exists() && !file.isDir())
        return {LaunchTarget::Kind::File, text};
    // GitLab paths: a namespace (maybe nested) and a name, of letters, digits, '_', '-', '.'.
    static const QRegularExpression projectPath(QStringLiteral(
        "^[\\w.][\\w.-]*(?:/[\\w.][\\w.-]*)+"
        "(?:/-/(?:pipelines|jobs)/\\d+/?|/-/pipelines/new(?:\\?.*)?|/-/settings/ci_cd|/)?$"));
    const bool relativeFilePath =
        text.startsWith(QStringLiteral("./")) || text.startsWith(QStringLiteral("../"));
    if (!file.exists() && !relativeFilePath && projectPath.match(text).hasMatch())
        return {LaunchTarget::Kind::ProjectPath, text};
    return {LaunchTarget::Kind::File, text};
}

} // namespace pipedeck
