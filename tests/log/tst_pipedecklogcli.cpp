// pipedeck-log as a user runs it: real process, real files.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result run(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(PIPEDECK_LOG_EXE), args);
    Result result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString fixture(const char *name)
{
    return QStringLiteral(PIPEDECK_TEST_DATA_DIR "/") + QLatin1String(name);
}

} // namespace

class TestPipedeckLogCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonSchema();
    void chunkSizeInvariance_data();
    void chunkSizeInvariance();
    void textOutput();
    void htmlIsEscapedAndFoldable();
    void stats();
    void errors_data();
    void errors();
};

void TestPipedeckLogCli::jsonSchema()
{
    const Result r = run({QStringLiteral("render"), QStringLiteral("--format"),
                          QStringLiteral("json"), fixture("runner.log")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.keys(), (QStringList{QStringLiteral("lines"), QStringLiteral("sections")}));

    const QJsonArray lines = root.value(u"lines").toArray();
    QCOMPARE(lines.size(), 25);
    for (const QJsonValue &value : lines) {
        const QJsonObject line = value.toObject();
        QCOMPARE(line.keys(), (QStringList{QStringLiteral("runs"), QStringLiteral("section"),
                                           QStringLiteral("text"), QStringLiteral("timestamp")}));
        QVERIFY(line.value(u"text").isString());
        QVERIFY(line.value(u"timestamp").isNull());
        QVERIFY(line.value(u"section").isString() || line.value(u"section").isNull());
        const qsizetype length = line.value(u"text").toString().size();
        for (const QJsonValue &runValue : line.value(u"runs").toArray()) {
            const QJsonObject styleRun = runValue.toObject();
            QCOMPARE(styleRun.size(), 9);
            const int from = styleRun.value(u"from").toInt(-1);
            const int to = styleRun.value(u"to").toInt(-1);
            QVERIFY(from >= 0 && from < to && to <= length);
            for (const char *key : {"fg", "bg"}) {
                const QJsonValue colour = styleRun.value(QLatin1String(key));
                QVERIFY(colour.isNull() || colour.toString().contains(QRegularExpression(
                                               QStringLiteral("^(ansi:\\d{1,3}|#[0-9a-f]{6})$"))));
            }
            for (const char *key : {"bold", "italic", "underline", "strike", "conceal"})
                QVERIFY(styleRun.value(QLatin1String(key)).isBool());
        }
    }
    // The bold red "FAILED" of the fixture: light red (ansi:9) and bold.
    const QJsonObject failed = lines.at(17).toObject();
    QVERIFY(failed.value(u"text").toString().startsWith(u"test_5 ... FAILED <script>"));
    QCOMPARE(failed.value(u"section").toString(), QStringLiteral("unit-tests"));
    const QJsonObject failedRun = failed.value(u"runs").toArray().at(0).toObject();
    QCOMPARE(failedRun.value(u"from").toInt(), 11);
    QCOMPARE(failedRun.value(u"to").toInt(), 17);
    QCOMPARE(failedRun.value(u"fg").toString(), QStringLiteral("ansi:9"));
    QVERIFY(failedRun.value(u"bold").toBool());
    const QJsonArray rgbRuns = lines.at(20).toObject().value(u"runs").toArray();
    QCOMPARE(rgbRuns.at(0).toObject().value(u"fg").toString(), QStringLiteral("ansi:208"));
    QCOMPARE(rgbRuns.at(1).toObject().value(u"fg").toString(), QStringLiteral("#0a141e"));

    const QJsonArray sections = root.value(u"sections").toArray();
    QCOMPARE(sections.size(), 4);
    const QJsonObject unit = sections.at(3).toObject();
    QCOMPARE(unit.keys(),
             (QStringList{QStringLiteral("collapsed"), QStringLiteral("depth"),
                          QStringLiteral("duration_seconds"), QStringLiteral("end_line"),
                          QStringLiteral("name"), QStringLiteral("start_line")}));
    QCOMPARE(unit.value(u"name").toString(), QStringLiteral("unit-tests"));
    QCOMPARE(unit.value(u"start_line").toInt(), 11);
    QCOMPARE(unit.value(u"end_line").toInt(), 18);
    QCOMPARE(unit.value(u"depth").toInt(), 1);
    QCOMPARE(unit.value(u"collapsed").toBool(), true);
    QCOMPARE(unit.value(u"duration_seconds").toInt(), 3692);

    const Result ts = run({QStringLiteral("render"), QStringLiteral("--format"),
                           QStringLiteral("json"), fixture("timestamps.log")});
    const QJsonArray tsLines = QJsonDocument::fromJson(ts.out).object().value(u"lines").toArray();
    QCOMPARE(tsLines.at(0).toObject().value(u"timestamp").toString(),
             QStringLiteral("2024-05-14T11:19:19.899359Z"));
    QCOMPARE(tsLines.at(4).toObject().value(u"text").toString(),
             QStringLiteral("Downloading 100%"));
}

void TestPipedeckLogCli::chunkSizeInvariance_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    for (const char *file : {"runner.log", "timestamps.log"}) {
        for (const char *format : {"json", "text", "html"})
            QTest::addRow("%s %s", file, format) << fixture(file) << QString::fromLatin1(format);
    }
}

void TestPipedeckLogCli::chunkSizeInvariance()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    const Result whole = run({QStringLiteral("render"), QStringLiteral("--format"), format, file});
    QCOMPARE(whole.exitCode, 0);
    QVERIFY(whole.out.size() > 100);
    for (int n : {1, 2, 3, 5, 31, 32, 33, 100, 4096}) {
        const Result chunked = run({QStringLiteral("render"), QStringLiteral("--format"), format,
                                    QStringLiteral("--chunk-size"), QString::number(n), file});
        QCOMPARE(chunked.exitCode, 0);
        QVERIFY2(chunked.out == whole.out, qPrintable(QStringLiteral("chunk size %1").arg(n)));
    }
}

void TestPipedeckLogCli::textOutput()
{
    const Result r = run({QStringLiteral("render"), QStringLiteral("--format"),
                          QStringLiteral("text"), fixture("timestamps.log")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("Running with gitlab-runner 17.0.0\nPreparing environment\n"
                            "Running on runner-abc\n\nDownloading 100%\n"
                            "warning: a long line that was flushed in two pieces\ndone\n"));
}

void TestPipedeckLogCli::htmlIsEscapedAndFoldable()
{
    const Result r = run({QStringLiteral("render"), QStringLiteral("--format"),
                          QStringLiteral("html"), fixture("runner.log")});
    QCOMPARE(r.exitCode, 0);
    const QString html = QString::fromUtf8(r.out);
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"));
    QVERIFY(!html.contains(u"<script>"));
    QVERIFY(html.contains(u"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; done"));
    QCOMPARE(html.count(u"<details"), 4);
    QCOMPARE(html.count(u"</details>"), 4);
    QCOMPARE(html.count(u"<details>"), 2); // the two collapsed sections start closed
    QVERIFY(html.contains(u"<span class=\"duration\">01:01:43</span>"));
    QVERIFY(html.contains(u"color:#fc9f8f;font-weight:bold;\">FAILED</span>"));
}

void TestPipedeckLogCli::stats()
{
    const Result r = run({QStringLiteral("stats"), fixture("runner.log")});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"bytes: 1199\n"), qPrintable(out));
    QVERIFY(out.contains(u"lines: 25\n"));
    QVERIFY(out.contains(u"sections: 4\n"));
    QVERIFY(out.contains(u"timestamps: no\n"));
    QVERIFY(out.contains(QRegularExpression(QStringLiteral("index_ms: \\d+\\.\\d\n"))));
}

void TestPipedeckLogCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringList{QStringLiteral("render"),
                                                 QStringLiteral("/nonexistent/job.log")}
                                  << QStringLiteral("Cannot open /nonexistent/job.log");
    QTest::newRow("bad format") << QStringList{QStringLiteral("render"), QStringLiteral("--format"),
                                               QStringLiteral("pdf"), fixture("runner.log")}
                                << QStringLiteral("Unknown format \"pdf\"");
    QTest::newRow("bad chunk size")
        << QStringList{QStringLiteral("render"), QStringLiteral("--chunk-size"),
                       QStringLiteral("0"), fixture("runner.log")}
        << QStringLiteral("--chunk-size needs a positive number");
    QTest::newRow("no file") << QStringList{QStringLiteral("stats")}
                             << QStringLiteral("Give exactly one log file.");
}

void TestPipedeckLogCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestPipedeckLogCli)
#include "tst_pipedecklogcli.moc"
