#include "accounts/deep_link.h"

#include "accounts/instance_url.h"
#include "variables/pipeline_prefill_link.h"

#include <QRegularExpression>

namespace pipedeck {

bool looksLikeWebUrl(const QString &text)
{
    return text.startsWith(QStringLiteral("https://"), Qt::CaseInsensitive) ||
           text.startsWith(QStringLiteral("http://"), Qt::CaseInsensitive);
}

std::optional<DeepLink> resolveDeepLink(const QUrl &url, const QList<Account> &accounts)
{
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    const QString origin = originOf(url);
    const QString path = url.path(QUrl::FullyDecoded);

    const Account *best = nullptr;
    for (const Account &account : accounts) {
        if (originOf(account.instance) != origin)
            continue;
        const QString root = account.instance.path();
        if (!root.isEmpty() && path != root && !path.startsWith(root + QLatin1Char('/')))
            continue;
        if (!best || root.size() > best->instance.path().size())
            best = &account;
    }
    if (!best)
        return std::nullopt;

    QString rest = path.mid(best->instance.path().size());
    while (rest.startsWith(QLatin1Char('/')))
        rest.remove(0, 1);
    while (rest.endsWith(QLatin1Char('/')))
        rest.chop(1);

    static const QString kSettings = QStringLiteral("/-/settings/ci_cd");
    const bool settings = rest.endsWith(kSettings);
    if (settings)
        rest.chop(kSettings.size());
    static const QRegularExpression page(QStringLiteral(
        "^(?<project>[^/].*?)(?:/-/(?<kind>pipelines|jobs)/(?<id>\\d+|new)(?:/.*)?)?$"));
    const QRegularExpressionMatch match = page.match(rest);
    if (!match.hasMatch())
        return std::nullopt;
    DeepLink link;
    link.accountId = best->id;
    link.projectPath = match.captured(u"project");
    // A project path has at least a namespace and a name, and no GitLab page below it.
    const QStringList segments = link.projectPath.split(QLatin1Char('/'));
    if (segments.size() < 2 || segments.contains(QStringLiteral("-")))
        return std::nullopt;
    const QString kind = match.captured(u"kind");
    if (settings) {
        if (!kind.isEmpty())
            return std::nullopt;
        link.kind = DeepLink::Kind::TriggerTokens;
    } else if (kind.isEmpty()) {
        link.kind = DeepLink::Kind::Project;
    } else if (match.captured(u"id") == QLatin1String("new")) {
        const auto prefill = variables::parsePipelinePrefillLink(url);
        if (kind != QLatin1String("pipelines") || !prefill)
            return std::nullopt;
        link.kind = DeepLink::Kind::NewPipeline;
        link.ref = prefill->ref;
        link.rows = prefill->rows;
    } else {
        link.kind = kind == QStringLiteral("jobs") ? DeepLink::Kind::Job : DeepLink::Kind::Pipeline;
        // Too many digits for an id (toLongLong fails) or 0: no such pipeline or job.
        link.id = match.captured(u"id").toLongLong();
        if (link.id <= 0)
            return std::nullopt;
    }
    return link;
}

} // namespace pipedeck
