#include "triggers/trigger_snippets.h"

#include <QStringList>

namespace pipedeck::triggers {

namespace {

//! POSIX shell single quotes: everything literal; a quote itself as '\''.
QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

//! PowerShell single quotes: literal; a quote doubled.
QString psQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

//! YAML double-quoted scalar.
QString yamlQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\\', QStringLiteral("\\\\"));
    quoted.replace(u'"', QStringLiteral("\\\""));
    quoted.replace(u'\n', QStringLiteral("\\n"));
    return u'"' + quoted + u'"';
}

QString apiRoot(const QUrl &instance)
{
    QString root = instance.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash |
                                     QUrl::RemoveQuery | QUrl::RemoveFragment);
    // StripTrailingSlash keeps the root path's own "/".
    while (root.endsWith(u'/'))
        root.chop(1);
    return root + QStringLiteral("/api/v4");
}

} // namespace

QString TriggerSnippets::triggerUrl(const SnippetTarget &target)
{
    return apiRoot(target.instance) +
           QStringLiteral("/projects/%1/trigger/pipeline").arg(target.projectId);
}

QString TriggerSnippets::curl(const SnippetTarget &target)
{
    QStringList lines{QStringLiteral("curl --request POST")};
    lines.append(target.includeToken ? QStringLiteral("  --form ") +
                                           shellQuoted(QStringLiteral("token=") + target.token)
                                     : QStringLiteral("  --form \"token=$TRIGGER_TOKEN\""));
    lines.append(QStringLiteral("  --form ") + shellQuoted(QStringLiteral("ref=") + target.ref));
    for (auto it = target.variables.cbegin(); it != target.variables.cend(); ++it)
        lines.append(QStringLiteral("  --form ") +
                     shellQuoted(QStringLiteral("variables[%1]=%2").arg(it.key(), it.value())));
    lines.append(QStringLiteral("  ") + shellQuoted(triggerUrl(target)));
    return lines.join(QStringLiteral(" \\\n")) + u'\n';
}

QString TriggerSnippets::powerShell(const SnippetTarget &target)
{
    QStringList lines{QStringLiteral("$form = @{")};
    lines.append(target.includeToken ? QStringLiteral("    token = ") + psQuoted(target.token)
                                     : QStringLiteral("    token = $env:TRIGGER_TOKEN"));
    lines.append(QStringLiteral("    ref = ") + psQuoted(target.ref));
    for (auto it = target.variables.cbegin(); it != target.variables.cend(); ++it)
        lines.append(QStringLiteral("    ") +
                     psQuoted(QStringLiteral("variables[%1]").arg(it.key())) +
                     QStringLiteral(" = ") + psQuoted(it.value()));
    lines.append(QStringLiteral("}"));
    lines.append(QStringLiteral("Invoke-RestMethod -Method Post -Uri ") +
                 psQuoted(triggerUrl(target)) + QStringLiteral(" -Form $form"));
    return lines.join(u'\n') + u'\n';
}

QString TriggerSnippets::gitlabCiTriggerJob(const SnippetTarget &target)
{
    QStringList lines{QStringLiteral("trigger-%1:").arg(target.projectPath.section(u'/', -1)),
                      QStringLiteral("  trigger:"),
                      QStringLiteral("    project: ") + yamlQuoted(target.projectPath),
                      QStringLiteral("    branch: ") + yamlQuoted(target.ref)};
    if (!target.variables.isEmpty()) {
        lines.append(QStringLiteral("  variables:"));
        for (auto it = target.variables.cbegin(); it != target.variables.cend(); ++it)
            lines.append(QStringLiteral("    ") + it.key() + QStringLiteral(": ") +
                         yamlQuoted(it.value()));
    }
    return lines.join(u'\n') + u'\n';
}

QString TriggerSnippets::gitlabCiCurlJob(const SnippetTarget &target)
{
    QStringList lines{QStringLiteral("trigger-%1:").arg(target.projectPath.section(u'/', -1)),
                      QStringLiteral("  script:")};
    QStringList command{
        QStringLiteral("curl --request POST"), QStringLiteral("--form \"token=$CI_JOB_TOKEN\""),
        QStringLiteral("--form ") + shellQuoted(QStringLiteral("ref=") + target.ref)};
    for (auto it = target.variables.cbegin(); it != target.variables.cend(); ++it)
        command.append(QStringLiteral("--form ") +
                       shellQuoted(QStringLiteral("variables[%1]=%2").arg(it.key(), it.value())));
    command.append(shellQuoted(triggerUrl(target)));
    // A block scalar keeps the shell quoting as written.
    lines.append(QStringLiteral("    - >"));
    for (const QString &part : command)
        lines.append(QStringLiteral("      ") + part);
    return lines.join(u'\n') + u'\n';
}

QString TriggerSnippets::webhookUrl(const SnippetTarget &target)
{
    QUrl url(apiRoot(target.instance) +
             QStringLiteral("/projects/%1/ref/%2/trigger/pipeline")
                 .arg(target.projectId)
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(target.ref))));
    QString query =
        QStringLiteral("token=") + (target.includeToken
                                        ? QString::fromLatin1(QUrl::toPercentEncoding(target.token))
                                        : QStringLiteral("TRIGGER_TOKEN"));
    for (auto it = target.variables.cbegin(); it != target.variables.cend(); ++it)
        query += QStringLiteral("&variables%5B") +
                 QString::fromLatin1(QUrl::toPercentEncoding(it.key())) + QStringLiteral("%5D=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(it.value()));
    return url.toString(QUrl::FullyEncoded) + u'?' + query;
}

QString TriggerSnippets::tokenWarning()
{
    return tr("This puts the trigger token itself into the text: whoever sees it can start "
              "pipelines. A webhook URL carries it in the URL, which servers and proxies log.");
}

} // namespace pipedeck::triggers
