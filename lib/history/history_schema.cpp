#include "history/history_schema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace pipedeck::history {

namespace {

bool exec(QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// Version 1: the runs table. Times are UTC milliseconds since the epoch (sortable, no zone
// parsing); variables are JSON without sensitive values; variable_keys is what the text filter
// searches, so that a filter never matches a (non-sensitive) value by accident.
bool createRuns(QSqlDatabase &db, QString *error)
{
    return exec(db,
                QStringLiteral("CREATE TABLE runs ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " started_at INTEGER NOT NULL,"
                               " instance TEXT NOT NULL,"
                               " account TEXT NOT NULL,"
                               " project_id INTEGER NOT NULL,"
                               " project_path TEXT NOT NULL,"
                               " kind TEXT NOT NULL,"
                               " job_name TEXT NOT NULL,"
                               " job_id INTEGER NOT NULL,"
                               " ref TEXT NOT NULL,"
                               " variables TEXT NOT NULL,"
                               " variable_keys TEXT NOT NULL,"
                               " trigger_description TEXT NOT NULL,"
                               " outcome TEXT NOT NULL,"
                               " result_job_id INTEGER NOT NULL,"
                               " result_pipeline_id INTEGER NOT NULL,"
                               " result_url TEXT NOT NULL,"
                               " error TEXT NOT NULL,"
                               " finished_at INTEGER)"),
                error) &&
           exec(db, QStringLiteral("CREATE INDEX runs_by_project ON runs (project_id, id)"), error);
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps{createRuns};
    return steps;
}

int latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

} // namespace pipedeck::history
