#include "history/run_history.h"

#include "core/logging.h"
#include "history/history_schema.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace pipedeck::history {

namespace {

using variables::VariableRow;

QString typeName(gitlab::VariableType type)
{
    return gitlab::variableTypeName(type);
}

gitlab::VariableType typeFromName(const QString &name)
{
    return name == gitlab::variableTypeName(gitlab::VariableType::File)
               ? gitlab::VariableType::File
               : gitlab::VariableType::EnvVar;
}

// Only ever called with rows that went through withoutSensitiveValues(); a sensitive row has
// no "value" member at all, so not even an empty string marks where a secret was.
QString encodeVariables(const QList<VariableRow> &rows)
{
    QJsonArray array;
    for (const VariableRow &row : rows) {
        QJsonObject object{{QStringLiteral("key"), row.key},
                           {QStringLiteral("variable_type"), typeName(row.type)}};
        if (row.sensitive)
            object.insert(QStringLiteral("sensitive"), true);
        else
            object.insert(QStringLiteral("value"), row.value);
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<VariableRow> decodeVariables(const QString &json)
{
    QList<VariableRow> rows;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        VariableRow row;
        row.key = object.value(QStringLiteral("key")).toString();
        row.type = typeFromName(object.value(QStringLiteral("variable_type")).toString());
        row.sensitive = object.value(QStringLiteral("sensitive")).toBool();
        if (!row.sensitive)
            row.value = object.value(QStringLiteral("value")).toString();
        rows.append(row);
    }
    return rows;
}

QString variableKeys(const QList<VariableRow> &rows)
{
    QStringList keys;
    for (const VariableRow &row : rows) {
        if (!row.key.isEmpty())
            keys.append(row.key);
    }
    return keys.join(u'\n');
}

// Qt SQL binds a null QString as SQL NULL; the text columns are NOT NULL with "" for "none".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QDateTime fromMsecs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

const QString selectColumns = QStringLiteral(
    "SELECT id, started_at, instance, account, project_id, project_path, kind, job_name, job_id,"
    " ref, variables, trigger_description, outcome, result_job_id, result_pipeline_id,"
    " result_url, error, finished_at FROM runs");

RunRecord readRecord(const QSqlQuery &query)
{
    RunRecord record;
    record.id = query.value(0).toLongLong();
    record.startedAt = fromMsecs(query.value(1));
    record.instance = query.value(2).toString();
    record.account = query.value(3).toString();
    record.projectId = query.value(4).toLongLong();
    record.projectPath = query.value(5).toString();
    record.kind = runKindFromName(query.value(6).toString()).value_or(RunKind::PlayJob);
    record.jobName = query.value(7).toString();
    record.jobId = query.value(8).toLongLong();
    record.ref = query.value(9).toString();
    record.variables = decodeVariables(query.value(10).toString());
    record.triggerDescription = query.value(11).toString();
    // A name this build does not know (a newer Pipedeck wrote it) reads as Unknown, not as a
    // success.
    record.outcome = runOutcomeFromName(query.value(12).toString()).value_or(RunOutcome::Unknown);
    record.resultJobId = query.value(13).toLongLong();
    record.resultPipelineId = query.value(14).toLongLong();
    record.resultUrl = query.value(15).toString();
    record.error = query.value(16).toString();
    record.finishedAt = fromMsecs(query.value(17));
    return record;
}

} // namespace

QString RunHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history.sqlite");
}

RunHistory::RunHistory(const QString &databasePath)
    : m_path(databasePath)
    , m_connectionName(QStringLiteral("pipedeck.history.") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

RunHistory::~RunHistory()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void RunHistory::fail(const QString &message, const QString &detail) const
{
    m_lastError = message;
    qCWarning(lcStore).noquote() << "run history" << m_path << ":" << message << detail;
}

bool RunHistory::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool RunHistory::open(QString *error)
{
    auto failed = [&](const QString &message, const QString &detail) {
        fail(message, detail);
        if (error)
            *error = message;
        return false;
    };
    if (isOpen())
        return true;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return failed(tr("The run history cannot be kept: Qt's SQLite driver is missing "
                         "(install libqt6sql6-sqlite)."),
                      {});
    }
    const QFileInfo file(m_path);
    if (!QDir().mkpath(file.absolutePath())) {
        return failed(tr("The run history cannot be kept: the folder %1 cannot be created.")
                          .arg(QDir::toNativeSeparators(file.absolutePath())),
                      {});
    }
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    // Another Pipedeck window or process may be writing: wait for its lock instead of failing.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        return failed(
            tr("The run history %1 cannot be opened.").arg(QDir::toNativeSeparators(m_path)),
            db.lastError().text());
    }
    QSqlQuery pragma(db);
    // WAL: a reader never blocks the writer; FULL: each commit is synced before it returns, so
    // what recordStarted() reported written is there after a crash or power loss.
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !pragma.next() ||
        pragma.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0 ||
        !pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"))) {
        const QString detail = pragma.lastError().text();
        db.close();
        return failed(
            tr("The run history %1 cannot be opened.").arg(QDir::toNativeSeparators(m_path)),
            detail);
    }
    QString migrationError;
    if (!migrate(&migrationError)) {
        db.close();
        if (error)
            *error = m_lastError;
        return false;
    }
    return true;
}

bool RunHistory::migrate(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version "
                                   "(version INTEGER NOT NULL)"))) {
        fail(tr("The run history %1 cannot be opened.").arg(QDir::toNativeSeparators(m_path)),
             query.lastError().text());
        return false;
    }
    int version = 0;
    if (query.exec(QStringLiteral("SELECT version FROM schema_version")) && query.next())
        version = query.value(0).toInt();
    query.finish();
    if (version > latestSchemaVersion()) {
        fail(tr("The run history was written by a newer Pipedeck; it is left as it is."),
             QStringLiteral("schema version %1, this build knows %2")
                 .arg(version)
                 .arg(latestSchemaVersion()));
        return false;
    }
    while (version < latestSchemaVersion()) {
        QString stepError;
        if (!db.transaction()) {
            fail(tr("The run history %1 cannot be opened.").arg(QDir::toNativeSeparators(m_path)),
                 db.lastError().text());
            return false;
        }
        QSqlQuery bump(db);
        const bool ok =
            migrations().at(version)(db, &stepError) &&
            bump.exec(QStringLiteral("DELETE FROM schema_version")) &&
            bump.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)")) &&
            (bump.addBindValue(version + 1), bump.exec());
        if (!ok || !db.commit()) {
            const QString detail = stepError.isEmpty() ? bump.lastError().text() : stepError;
            db.rollback();
            fail(tr("The run history %1 cannot be updated to this version of Pipedeck.")
                     .arg(QDir::toNativeSeparators(m_path)),
                 detail);
            if (error)
                *error = detail;
            return false;
        }
        ++version;
        qCInfo(lcStore) << "run history" << m_path << "at schema version" << version;
    }
    return true;
}

qint64 RunHistory::recordStarted(const RunRecord &record)
{
    if (!isOpen()) {
        fail(tr("The run history is not open."), {});
        return -1;
    }
    const QList<variables::VariableRow> rows = variables::withoutSensitiveValues(record.variables);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "INSERT INTO runs (started_at, instance, account, project_id, project_path, kind,"
        " job_name, job_id, ref, variables, variable_keys, trigger_description, outcome,"
        " result_job_id, result_pipeline_id, result_url, error, finished_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '', '', NULL)"));
    const QDateTime started =
        record.startedAt.isValid() ? record.startedAt : QDateTime::currentDateTimeUtc();
    query.addBindValue(started.toMSecsSinceEpoch());
    query.addBindValue(text(record.instance));
    query.addBindValue(text(record.account));
    query.addBindValue(record.projectId);
    query.addBindValue(text(record.projectPath));
    query.addBindValue(runKindName(record.kind));
    query.addBindValue(text(record.jobName));
    query.addBindValue(record.jobId);
    query.addBindValue(text(record.ref));
    query.addBindValue(encodeVariables(rows));
    query.addBindValue(text(variableKeys(rows)));
    query.addBindValue(text(record.triggerDescription));
    query.addBindValue(runOutcomeName(RunOutcome::Pending));
    // Autocommit: the insert is one transaction, synced (synchronous=FULL) before exec returns.
    if (!query.exec()) {
        fail(tr("The run could not be written to the history."), query.lastError().text());
        return -1;
    }
    return query.lastInsertId().toLongLong();
}

bool RunHistory::recordFinished(qint64 id, RunOutcome outcome, qint64 resultJobId,
                                qint64 resultPipelineId, const QString &resultUrl,
                                const QString &error)
{
    if (!isOpen()) {
        fail(tr("The run history is not open."), {});
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE runs SET outcome = ?, result_job_id = ?,"
                                 " result_pipeline_id = ?, result_url = ?, error = ?,"
                                 " finished_at = ? WHERE id = ?"));
    query.addBindValue(runOutcomeName(outcome));
    query.addBindValue(resultJobId);
    query.addBindValue(resultPipelineId);
    query.addBindValue(text(resultUrl));
    query.addBindValue(text(error));
    query.addBindValue(QDateTime::currentDateTimeUtc().toMSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec()) {
        fail(tr("The result could not be written to the history."), query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        fail(tr("The result could not be written to the history."),
             QStringLiteral("no record %1").arg(id));
        return false;
    }
    return true;
}

QList<RunRecord> RunHistory::records(const HistoryFilter &filter) const
{
    QList<RunRecord> result;
    if (!isOpen())
        return result;
    QStringList where;
    QVariantList values;
    if (!filter.instance.isEmpty()) {
        where << QStringLiteral("instance = ?");
        values << filter.instance;
    }
    if (!filter.account.isEmpty()) {
        where << QStringLiteral("account = ?");
        values << filter.account;
    }
    if (filter.projectId) {
        where << QStringLiteral("project_id = ?");
        values << *filter.projectId;
    }
    if (filter.kind) {
        where << QStringLiteral("kind = ?");
        values << runKindName(*filter.kind);
    }
    if (!filter.text.trimmed().isEmpty()) {
        where << QStringLiteral(
            "(job_name LIKE ? ESCAPE '\\' OR ref LIKE ? ESCAPE '\\' OR variable_keys LIKE ? "
            "ESCAPE '\\' OR error LIKE ? ESCAPE '\\')");
        const QString pattern = likePattern(filter.text.trimmed());
        values << pattern << pattern << pattern << pattern;
    }
    QString statement = selectColumns;
    if (!where.isEmpty())
        statement += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    statement += QStringLiteral(" ORDER BY id DESC");
    if (filter.limit > 0)
        statement += QStringLiteral(" LIMIT ") + QString::number(filter.limit);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(statement);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        fail(tr("The run history could not be read."), query.lastError().text());
        return result;
    }
    while (query.next())
        result.append(readRecord(query));
    return result;
}

std::optional<RunRecord> RunHistory::record(qint64 id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(selectColumns + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readRecord(query);
}

} // namespace pipedeck::history
