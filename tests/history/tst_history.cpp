// RunHistory against real SQLite files: durability across reopen and SIGKILL, the secrets
// rule (grep of the database, its WAL and both exports), the filter, the schema version, and
// RFC 4180 quoting.
#include "history/history_export.h"
#include "history/history_schema.h"
#include "history/run_history.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <thread>

using namespace pipedeck;
using namespace pipedeck::history;
using namespace Qt::StringLiterals;

namespace {

constexpr auto childVariable = "PIPEDECK_HISTORY_CHILD_DB";

RunRecord playRecord(const QString &job = u"deploy"_s, const QString &ref = u"main"_s)
{
    RunRecord record;
    record.instance = u"https://gitlab.example.com"_s;
    record.account = u"jdoe"_s;
    record.projectId = 42;
    record.projectPath = u"group/app"_s;
    record.kind = RunKind::PlayJob;
    record.jobName = job;
    record.jobId = 1001;
    record.ref = ref;
    record.variables = {{gitlab::VariableType::EnvVar, u"TARGET"_s, u"production"_s, false}};
    return record;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The child: writes one record and reports its id, then waits to be killed. Nothing after
// recordStarted() may be needed for the record to be on disk.
int runChild(const QString &path)
{
    RunHistory history(path);
    QString error;
    if (!history.open(&error)) {
        fprintf(stderr, "open failed: %s\n", qPrintable(error));
        return 3;
    }
    RunRecord record = playRecord(u"killed-mid-request"_s);
    const qint64 id = history.recordStarted(record);
    fprintf(stdout, "started %lld\n", static_cast<long long>(id));
    fflush(stdout);
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace

class HistoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSqlDatabase::isDriverAvailable(u"QSQLITE"_s),
                 "Qt's SQLite driver is missing: apt-get install libqt6sql6-sqlite");
    }

    void defaultPathIsUnderAppData()
    {
        QVERIFY(RunHistory::defaultPath().endsWith(u"/history.sqlite"_s));
        QVERIFY(RunHistory::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void recordsSurviveClosingAndReopening()
    {
        const QString path = m_dir.filePath(u"reopen.sqlite"_s);
        qint64 first = 0;
        qint64 second = 0;
        {
            RunHistory history(path);
            QString error;
            QVERIFY2(history.open(&error), qPrintable(error));
            first = history.recordStarted(playRecord());
            QVERIFY(first > 0);
            QVERIFY(history.recordFinished(first, RunOutcome::Succeeded, 1001, 77,
                                           u"https://gitlab.example.com/group/app/-/jobs/1001"_s,
                                           {}));
            RunRecord run = playRecord();
            run.kind = RunKind::RunPipeline;
            run.jobName.clear();
            run.jobId = 0;
            second = history.recordStarted(run);
            QVERIFY(second > first);
        }
        RunHistory reopened(path);
        QVERIFY(reopened.open());
        const QList<RunRecord> records = reopened.records();
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).id, second); // newest first
        QCOMPARE(records.at(0).outcome, RunOutcome::Pending);
        QCOMPARE(records.at(0).kind, RunKind::RunPipeline);
        const RunRecord &played = records.at(1);
        QCOMPARE(played.id, first);
        QCOMPARE(played.outcome, RunOutcome::Succeeded);
        QCOMPARE(played.resultJobId, 1001);
        QCOMPARE(played.resultPipelineId, 77);
        QCOMPARE(played.jobName, u"deploy"_s);
        QCOMPARE(played.variables, playRecord().variables);
        QCOMPARE(played.startedAt.timeSpec(), Qt::UTC);
        QVERIFY(played.finishedAt.isValid());
        QVERIFY(played.finishedAt >= played.startedAt);
        QVERIFY(!records.at(0).finishedAt.isValid());
    }

    void aRunWithoutVariablesIsRecorded()
    {
        RunHistory history(m_dir.filePath(u"no-variables.sqlite"_s));
        QVERIFY(history.open());
        RunRecord run = playRecord();
        run.kind = RunKind::RunPipeline;
        run.variables.clear();
        const qint64 id = history.recordStarted(run);
        QVERIFY2(id > 0, qPrintable(history.lastError()));
        QCOMPARE(history.record(id)->variables, QList<pipedeck::variables::VariableRow>{});
    }

    void twoInstancesOnOneFileSeeEachOther()
    {
        const QString path = m_dir.filePath(u"shared.sqlite"_s);
        RunHistory writer(path);
        RunHistory reader(path);
        QVERIFY(writer.open());
        QVERIFY(reader.open());
        const qint64 id = writer.recordStarted(playRecord());
        QCOMPARE(reader.record(id).value_or(RunRecord{}).jobName, u"deploy"_s);
    }

    void recordStartedSurvivesSigkill()
    {
        const QString path = m_dir.filePath(u"killed.sqlite"_s);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(childVariable), path);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         child.waitForReadyRead(100);
                         out += child.readAllStandardOutput();
                         return out.contains('\n') || child.state() == QProcess::NotRunning;
                     },
                     30000),
                 "the child never reported its record");
        QVERIFY2(out.startsWith("started "), out.constData());
        const qint64 id = out.mid(8).trimmed().toLongLong();
        QVERIFY(id > 0);
        child.kill(); // SIGKILL: no destructor, no close, no checkpoint
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        RunHistory reopened(path);
        QVERIFY(reopened.open());
        const auto record = reopened.record(id);
        QVERIFY(record.has_value());
        QCOMPARE(record->jobName, u"killed-mid-request"_s);
        QCOMPARE(record->outcome, RunOutcome::Pending);
        // And the history goes on from there.
        QVERIFY(reopened.recordFinished(id, RunOutcome::Unknown, 0, 0, {}, u"lost reply"_s));
        QCOMPARE(reopened.record(id)->outcome, RunOutcome::Unknown);
    }

    void sensitiveValuesAreNeverWritten()
    {
        const QString path = m_dir.filePath(u"secrets.sqlite"_s);
        const QString secret = u"s3cr3t-"_s + QUuid::createUuid().toString(QUuid::Id128);
        const QString plain = u"plain-"_s + QUuid::createUuid().toString(QUuid::Id128);
        RunRecord run = playRecord();
        run.variables = {{gitlab::VariableType::EnvVar, u"API_TOKEN"_s, secret, true},
                         {gitlab::VariableType::File, u"CONFIG"_s, plain, false}};
        QList<RunRecord> records;
        {
            RunHistory history(path);
            QVERIFY(history.open());
            const qint64 id = history.recordStarted(run);
            QVERIFY(history.recordFinished(id, RunOutcome::Succeeded, 5, 6, {}, {}));
            // While open, the rows are in the WAL: grep both files.
            const QByteArray live = fileBytes(path) + fileBytes(path + u"-wal"_s);
            QVERIFY2(live.contains(plain.toUtf8()), "the grep would not see a value at all");
            QVERIFY(!live.contains(secret.toUtf8()));
            records = history.records();
        }
        const QByteArray closed = fileBytes(path) + fileBytes(path + u"-wal"_s);
        QVERIFY(closed.contains(plain.toUtf8()));
        QVERIFY(!closed.contains(secret.toUtf8()));

        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).variables.at(0).key, u"API_TOKEN"_s);
        QVERIFY(records.at(0).variables.at(0).sensitive);
        QVERIFY(records.at(0).variables.at(0).value.isEmpty());

        // The exports mask it, even when handed a record that still holds the value.
        QList<RunRecord> unstripped = records;
        unstripped[0].variables = run.variables;
        for (const QByteArray &exported : {exportCsv(records), exportJson(records),
                                           exportCsv(unstripped), exportJson(unstripped)}) {
            QVERIFY(!exported.contains(secret.toUtf8()));
            QVERIFY(exported.contains("API_TOKEN"));
            QVERIFY(exported.contains(maskedValueText().toUtf8()));
            QVERIFY(exported.contains(plain.toUtf8()));
        }
    }

    void filter()
    {
        const QString path = m_dir.filePath(u"filter.sqlite"_s);
        RunHistory history(path);
        QVERIFY(history.open());
        const qint64 deploy = history.recordStarted(playRecord(u"deploy"_s, u"main"_s));
        RunRecord otherProject = playRecord(u"deploy"_s, u"main"_s);
        otherProject.projectId = 7;
        const qint64 other = history.recordStarted(otherProject);
        RunRecord run = playRecord({}, u"release/1.0"_s);
        run.kind = RunKind::RunPipeline;
        run.variables = {{gitlab::VariableType::EnvVar, u"CANARY_PERCENT"_s, u"needle"_s, false}};
        const qint64 pipeline = history.recordStarted(run);
        const qint64 refused = history.recordStarted(playRecord(u"test_50%"_s, u"dev"_s));
        QVERIFY(history.recordFinished(refused, RunOutcome::Refused, 0, 0, {},
                                       u"Reference not found"_s));

        auto ids = [&](const HistoryFilter &filter) {
            QList<qint64> result;
            for (const RunRecord &record : history.records(filter))
                result << record.id;
            return result;
        };
        QCOMPARE(ids({}), (QList<qint64>{refused, pipeline, other, deploy}));
        HistoryFilter byProject;
        byProject.projectId = 42;
        QCOMPARE(ids(byProject), (QList<qint64>{refused, pipeline, deploy}));
        HistoryFilter byKind = byProject;
        byKind.kind = RunKind::RunPipeline;
        QCOMPARE(ids(byKind), (QList<qint64>{pipeline}));
        HistoryFilter text = byProject;
        text.text = u"RELEASE/"_s; // ref, case-insensitive
        QCOMPARE(ids(text), (QList<qint64>{pipeline}));
        text.text = u"canary_"_s; // a variable key
        QCOMPARE(ids(text), (QList<qint64>{pipeline}));
        text.text = u"needle"_s; // a value: not searched
        QCOMPARE(ids(text), QList<qint64>{});
        text.text = u"not found"_s; // the error
        QCOMPARE(ids(text), (QList<qint64>{refused}));
        text.text = u"_50%"_s; // LIKE wildcards are literal
        QCOMPARE(ids(text), (QList<qint64>{refused}));
        text.text = u"%"_s;
        QCOMPARE(ids(text), (QList<qint64>{refused}));
        HistoryFilter limited = byProject;
        limited.limit = 2;
        QCOMPARE(ids(limited), (QList<qint64>{refused, pipeline}));
        HistoryFilter account;
        account.account = u"someone-else"_s;
        QCOMPARE(ids(account), QList<qint64>{});
    }

    void recordFinishedOnAMissingIdFails()
    {
        RunHistory history(m_dir.filePath(u"missing.sqlite"_s));
        QVERIFY(history.open());
        QVERIFY(!history.recordFinished(12345, RunOutcome::Succeeded, 1, 1, {}, {}));
        QVERIFY(!history.lastError().isEmpty());
    }

    void schemaVersionIsRecordedAndANewerOneIsLeftAlone()
    {
        const QString path = m_dir.filePath(u"schema.sqlite"_s);
        {
            RunHistory history(path);
            QVERIFY(history.open());
            history.recordStarted(playRecord());
        }
        const QString connection = u"tst_history.raw"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SELECT version FROM schema_version"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), latestSchemaVersion());
            QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
            QCOMPARE(query.value(0).toString(), u"wal"_s);
            QVERIFY(query.exec(u"UPDATE schema_version SET version = 99"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        RunHistory newer(path);
        QString error;
        QVERIFY(!newer.open(&error));
        QVERIFY(error.contains(u"newer"_s));
        QCOMPARE(newer.recordStarted(playRecord()), -1);
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"deploy"_s << u"deploy"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
        QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
        QTest::newRow("only a quote") << u"\""_s << u"\"\"\"\""_s;
        QTest::newRow("LF") << u"a\nb"_s << u"\"a\nb\""_s;
        QTest::newRow("CRLF") << u"a\r\nb"_s << u"\"a\r\nb\""_s;
        QTest::newRow("CR") << u"a\rb"_s << u"\"a\rb\""_s;
        QTest::newRow("leading space") << u" a"_s << u"\" a\""_s;
        QTest::newRow("trailing space") << u"a "_s << u"\"a \""_s;
        QTest::newRow("inner space") << u"a b"_s << u"a b"_s;
        QTest::newRow("semicolon and tab") << u"a;\tb"_s << u"a;\tb"_s;
        QTest::newRow("unicode") << u"デプロイ"_s << u"デプロイ"_s;
        // A job name or GitLab message a spreadsheet would run as a formula is text.
        QTest::newRow("formula =")
            << u"=HYPERLINK(\"http://x\")"_s << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
        QTest::newRow("formula +") << u"+1+2"_s << u"'+1+2"_s;
        QTest::newRow("formula -") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("formula @") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("formula tab") << u"\t=1"_s << u"'\t=1"_s;
        QTest::newRow("a dash inside") << u"release-3"_s << u"release-3"_s;
    }

    void csvField()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        QCOMPARE(history::csvField(field), expected);
    }

    void csvExportShape()
    {
        RunRecord record = playRecord(u"deploy, \"prod\""_s, u"main"_s);
        record.id = 3;
        record.startedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        record.variables = {{gitlab::VariableType::EnvVar, u"A"_s, u"1"_s, false},
                            {gitlab::VariableType::File, u"CFG"_s, u"x=1\ny=2"_s, false},
                            {gitlab::VariableType::EnvVar, u"S"_s, {}, true}};
        record.outcome = RunOutcome::Refused;
        record.error = u"bad"_s;
        const QByteArray csv = exportCsv({record});
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines.at(0).startsWith("id,started_at,finished_at,instance,"));
        QVERIFY(lines.at(0).endsWith('\r'));
        QVERIFY(csv.endsWith("\r\n"));
        const QByteArray expectedRow =
            "3,2025-01-02T03:04:05.006Z,,https://gitlab.example.com,jdoe,42,group/app,play_job,"
            "\"deploy, \"\"prod\"\"\",1001,main,\"A=1\nCFG (file)=x=1\ny=2\nS=(sensitive)\",,"
            "refused,0,0,,bad\r\n";
        QVERIFY2(csv.endsWith(expectedRow), csv.constData());
        QCOMPARE(exportCsv({}), lines.at(0) + '\n');
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString path = qEnvironmentVariable(childVariable); !path.isEmpty())
        return runChild(path);
    HistoryTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_history.moc"
