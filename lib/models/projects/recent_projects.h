#pragma once

#include "gitlab/types/project.h"

#include <QList>
#include <QString>

class QSettings;

namespace pipedeck::models {

//! The projects a user opened recently, per account, most recent first. Kept in settings (no
//! secret in here: ids, names, paths and links only) so the list shows at once on start-up.
class RecentProjects
{
public:
    static constexpr int kDefaultLimit = 10;

    RecentProjects(QSettings &settings, const QString &accountId, int limit = kDefaultLimit);

    //! Moves `project` to the top (adding it if new) and saves.
    void remember(const gitlab::Project &project);
    void forget(qint64 projectId);
    QList<gitlab::Project> projects() const;

private:
    void save(const QList<gitlab::Project> &projects);
    QString group() const;

    QSettings &m_settings;
    QString m_accountId;
    int m_limit;
};

//! Projects whose name or path contains `text` (case-insensitive); all when `text` is empty.
QList<gitlab::Project> filterProjects(const QList<gitlab::Project> &projects, const QString &text);

} // namespace pipedeck::models
