// The pipedeck-sim program: starts on a port, serves the demo with the given token, and logs
// one line per request (method, path, status) without any token.
#include "sim_test_client.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace simtest;

class TestSimExecutable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesAndLogs()
    {
        const QString token = QStringLiteral("exe-test-token-5f2c");
        const QString triggerSecret = QStringLiteral("not-a-real-trigger-9d1");
        QProcess process;
        process.setProgram(QStringLiteral(PIPEDECK_SIM_EXECUTABLE));
        process.setArguments({QStringLiteral("--port"), QStringLiteral("0"),
                              QStringLiteral("--token"), token, QStringLiteral("--seed"),
                              QStringLiteral("3"), QStringLiteral("--speed"), QStringLiteral("10"),
                              QStringLiteral("--no-big-log")});
        process.start();
        QVERIFY(process.waitForStarted(5000));
        QByteArray err;
        QRegularExpressionMatch match;
        const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        for (int i = 0; i < 50 && !match.hasMatch(); ++i) {
            process.waitForReadyRead(200);
            err += process.readAllStandardError();
            match = listening.match(QString::fromUtf8(err));
        }
        QVERIFY2(match.hasMatch(), err.constData());
        const QUrl base(match.captured(1));
        const QByteArray afterBanner = err.mid(err.indexOf('\n') + 1);

        Client client(base, token);
        QCOMPARE(client.get(QStringLiteral("/projects?membership=true")).status, 200);
        QCOMPARE(
            client
                .get(QStringLiteral("/projects/platform%2Fapi-gateway/pipelines?private_token=") +
                     token)
                .status,
            200);
        Client anonymous(base, QString());
        QCOMPARE(anonymous.get(QStringLiteral("/user")).status, 401);
        QCOMPARE(
            anonymous
                .postForm(QStringLiteral("/projects/1/trigger/pipeline?token=") + triggerSecret,
                          "ref=main")
                .status,
            404);

        QByteArray log = afterBanner;
        for (int i = 0; i < 50 && log.count('\n') < 4; ++i) {
            process.waitForReadyRead(100);
            log += process.readAllStandardError();
        }
        process.terminate();
        process.waitForFinished(5000);
        log += process.readAllStandardError();
        const QList<QByteArray> lines = log.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QByteArray("GET /api/v4/projects 200"));
        QCOMPARE(lines[1], QByteArray("GET /api/v4/projects/platform%2Fapi-gateway/pipelines 200"));
        QCOMPARE(lines[2], QByteArray("GET /api/v4/user 401"));
        QCOMPARE(lines[3], QByteArray("POST /api/v4/projects/1/trigger/pipeline 404"));
        QVERIFY(!log.contains(token.toUtf8()));
        QVERIFY(!log.contains(triggerSecret.toUtf8()));
    }

    void rejectsBadArguments()
    {
        QProcess process;
        process.start(QStringLiteral(PIPEDECK_SIM_EXECUTABLE),
                      {QStringLiteral("--port"), QStringLiteral("99999"), QStringLiteral("--token"),
                       QStringLiteral("t")});
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        process.start(QStringLiteral(PIPEDECK_SIM_EXECUTABLE),
                      {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--token is required"));
    }
};

QTEST_GUILESS_MAIN(TestSimExecutable)
#include "tst_sim_executable.moc"
