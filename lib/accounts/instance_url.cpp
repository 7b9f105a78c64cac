#include "accounts/instance_url.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace pipedeck {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("pipedeck::InstanceUrl", text);
}
} // namespace

InstanceUrl parseInstanceUrl(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {{}, tr("Enter the address of your GitLab instance, for example gitlab.com.")};
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("https://"));

    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {{}, tr("This is not a valid address.")};
    const QString scheme = url.scheme().toLower();
    if (scheme != QStringLiteral("https") && scheme != QStringLiteral("http"))
        return {{}, tr("The address must start with https:// or http://.")};
    if (!url.userInfo().isEmpty())
        return {{},
                tr("Remove the user name and password from the address; "
                   "Pipedeck signs in with an access token.")};

    // People paste links from inside GitLab; keep only the instance part. A page
    // of a project ("/group/project/-/pipelines") says nothing about a relative
    // URL root, so it maps to the host's root, as on nearly every instance.
    QString path = url.path();
    if (path.contains(QStringLiteral("/-/")))
        path.clear();
    for (const QString &marker : {QStringLiteral("/api/v4"), QStringLiteral("/users/sign_in")}) {
        const qsizetype at = path.indexOf(marker);
        if (at >= 0)
            path.truncate(at);
    }
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);

    QUrl base;
    base.setScheme(scheme);
    base.setHost(url.host().toLower());
    base.setPort(url.port());
    base.setPath(path);
    return {base, {}};
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString originOf(const QUrl &url)
{
    const int defaultPort = url.scheme() == QStringLiteral("http") ? 80 : 443;
    return url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':') +
           QString::number(url.port(defaultPort));
}

} // namespace pipedeck
