#include "variables/pipeline_prefill_link.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace pipedeck::variables {

namespace {

const QString kNewPipelinePath = QStringLiteral("/-/pipelines/new");

//! Values go into the query as UTF-8 percent-encoding of everything but unreserved characters,
//! so '&', '=', '+' and '#' in a value survive.
QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

QUrl pipelinePrefillLink(const QUrl &projectWebUrl, const QString &ref,
                         const QList<VariableRow> &rows, int *leftOut)
{
    QUrl url =
        projectWebUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    url.setPath(url.path() + kNewPipelinePath);
    QStringList parts;
    if (!ref.isEmpty())
        parts.append(QStringLiteral("ref=") + encoded(ref));
    int skipped = 0;
    for (const VariableRow &row : rows) {
        if (row.isBlank())
            continue;
        if (row.sensitive) {
            ++skipped;
            continue;
        }
        const QString name = row.type == gitlab::VariableType::File ? QStringLiteral("file_var")
                                                                    : QStringLiteral("var");
        parts.append(name + QStringLiteral("%5B") + encoded(row.key) + QStringLiteral("%5D=") +
                     encoded(row.value));
    }
    if (!parts.isEmpty())
        url.setQuery(parts.join(u'&'), QUrl::StrictMode);
    if (leftOut)
        *leftOut = skipped;
    return url;
}

std::optional<PipelinePrefill> parsePipelinePrefillLink(const QUrl &url)
{
    if (!url.isValid() || !url.path().endsWith(kNewPipelinePath) ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return std::nullopt;
    PipelinePrefill prefill;
    prefill.projectUrl = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    prefill.projectUrl.setPath(url.path().chopped(kNewPipelinePath.size()));
    if (prefill.projectUrl.path().count(u'/') < 2)
        return std::nullopt; // no group/project before /-/
    static const QRegularExpression variable(QStringLiteral("^(var|file_var)\\[(.*)\\]$"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("ref")) {
            prefill.ref = value;
            continue;
        }
        const QRegularExpressionMatch match = variable.match(key);
        if (!match.hasMatch())
            continue;
        VariableRow row;
        row.type = match.captured(1) == QLatin1String("file_var") ? gitlab::VariableType::File
                                                                  : gitlab::VariableType::EnvVar;
        row.key = match.captured(2);
        row.value = value;
        prefill.rows.append(row);
    }
    return prefill;
}

} // namespace pipedeck::variables
