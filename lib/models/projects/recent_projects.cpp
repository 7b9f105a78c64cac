#include "models/projects/recent_projects.h"

#include <QSettings>

namespace pipedeck::models {

RecentProjects::RecentProjects(QSettings &settings, const QString &accountId, int limit)
    : m_settings(settings)
    , m_accountId(accountId)
    , m_limit(std::max(1, limit))
{}

QString RecentProjects::group() const
{
    // Account ids may contain '/' (hosts with paths); keep them one settings key.
    return QStringLiteral("recentProjects/") +
           QString::fromLatin1(m_accountId.toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                             QByteArray::OmitTrailingEquals));
}

QList<gitlab::Project> RecentProjects::projects() const
{
    QList<gitlab::Project> projects;
    const int count = m_settings.beginReadArray(group());
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        gitlab::Project project;
        project.id = m_settings.value(QStringLiteral("id")).toLongLong();
        if (project.id <= 0)
            continue;
        project.name = m_settings.value(QStringLiteral("name")).toString();
        project.path = m_settings.value(QStringLiteral("path")).toString();
        project.pathWithNamespace =
            m_settings.value(QStringLiteral("pathWithNamespace")).toString();
        project.nameWithNamespace =
            m_settings.value(QStringLiteral("nameWithNamespace")).toString();
        project.webUrl = m_settings.value(QStringLiteral("webUrl")).toUrl();
        project.avatarUrl = m_settings.value(QStringLiteral("avatarUrl")).toUrl();
        project.lastActivityAt = m_settings.value(QStringLiteral("lastActivityAt")).toDateTime();
        projects.append(project);
    }
    m_settings.endArray();
    return projects;
}

void RecentProjects::save(const QList<gitlab::Project> &projects)
{
    m_settings.remove(group());
    m_settings.beginWriteArray(group(), static_cast<int>(projects.size()));
    for (qsizetype i = 0; i < projects.size(); ++i) {
        const gitlab::Project &project = projects.at(i);
        m_settings.setArrayIndex(static_cast<int>(i));
        m_settings.setValue(QStringLiteral("id"), project.id);
        m_settings.setValue(QStringLiteral("name"), project.name);
        m_settings.setValue(QStringLiteral("path"), project.path);
        m_settings.setValue(QStringLiteral("pathWithNamespace"), project.pathWithNamespace);
        m_settings.setValue(QStringLiteral("nameWithNamespace"), project.nameWithNamespace);
        m_settings.setValue(QStringLiteral("webUrl"), project.webUrl);
        m_settings.setValue(QStringLiteral("avatarUrl"), project.avatarUrl);
        m_settings.setValue(QStringLiteral("lastActivityAt"), project.lastActivityAt);
    }
    m_settings.endArray();
    m_settings.sync();
}

void RecentProjects::remember(const gitlab::Project &project)
{
    QList<gitlab::Project> list = projects();
    list.removeIf([&project](const gitlab::Project &p) { return p.id == project.id; });
    list.prepend(project);
    if (list.size() > m_limit)
        list.resize(m_limit);
    save(list);
}

void RecentProjects::forget(qint64 projectId)
{
    QList<gitlab::Project> list = projects();
    if (list.removeIf([projectId](const gitlab::Project &p) { return p.id == projectId; }) > 0)
        save(list);
}

QList<gitlab::Project> filterProjects(const QList<gitlab::Project> &projects, const QString &text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return projects;
    QList<gitlab::Project> matching;
    for (const gitlab::Project &project : projects) {
        if (project.name.contains(needle, Qt::CaseInsensitive) ||
            project.pathWithNamespace.contains(needle, Qt::CaseInsensitive) ||
            project.nameWithNamespace.contains(needle, Qt::CaseInsensitive))
            matching.append(project);
    }
    return matching;
}

} // namespace pipedeck::models
