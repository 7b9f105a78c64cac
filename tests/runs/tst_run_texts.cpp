// The pure parts of the Play and Run pipeline dialogs: GitLab's prefill link both ways, the
// inputs box, the review lines, when a review is on by default, and the draft keeper.
#include "presets/draft_store.h"
#include "runs/draft_keeper.h"
#include "runs/pipeline_inputs_text.h"
#include "runs/review_policy.h"
#include "runs/review_summary.h"
#include "variables/pipeline_prefill_link.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;
using variables::VariableRow;

class TestRunTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prefillLinkRoundTrips_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QList<VariableRow>>("rows");
        QTest::newRow("ref only") << QStringLiteral("main") << QList<VariableRow>{};
        QTest::newRow("slashes and unicode in the ref")
            << QStringLiteral("release/3.0-日本") << QList<VariableRow>{};
        QTest::newRow("reserved characters in values")
            << QStringLiteral("main")
            << QList<VariableRow>{
                   VariableRow{{}, QStringLiteral("A"), QStringLiteral("1 & 2 = 3 #4 +5"), false},
                   VariableRow{gitlab::VariableType::File, QStringLiteral("CONFIG"),
                               QStringLiteral("key: [x]\nother: y\n"), false}};
        QTest::newRow("empty value")
            << QStringLiteral("main")
            << QList<VariableRow>{VariableRow{{}, QStringLiteral("EMPTY"), {}, false}};
    }
    void prefillLinkRoundTrips()
    {
        QFETCH(QString, ref);
        QFETCH(QList<VariableRow>, rows);
        const QUrl project(QStringLiteral("https://gitlab.example.com/group/app"));
        const QUrl link = variables::pipelinePrefillLink(project, ref, rows);
        QVERIFY(link.path().endsWith(QStringLiteral("/group/app/-/pipelines/new")));
        // Through text, as it travels in a chat.
        const auto back =
            variables::parsePipelinePrefillLink(QUrl(link.toString(QUrl::FullyEncoded)));
        QVERIFY(back.has_value());
        QCOMPARE(back->projectUrl, project);
        QCOMPARE(back->ref, ref);
        QCOMPARE(back->rows, rows);
    }

    void prefillLinkLeavesSensitiveValuesOut()
    {
        int leftOut = -1;
        const QUrl link = variables::pipelinePrefillLink(
            QUrl(QStringLiteral("https://gitlab.example.com/group/app/")), QStringLiteral("main"),
            {VariableRow{{}, QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true},
             VariableRow{{}, QStringLiteral("A"), QStringLiteral("1"), false}},
            &leftOut);
        QCOMPARE(leftOut, 1);
        QVERIFY(!link.toString().contains(QStringLiteral("s3cr3t")));
        QVERIFY(!link.toString().contains(QStringLiteral("TOKEN")));
        QCOMPARE(link.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://gitlab.example.com/group/app/-/pipelines/"
                                "new?ref=main&var%5BA%5D=1"));
    }

    void notAPrefillLink_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("pipeline page") << "https://gitlab.example.com/group/app/-/pipelines/12";
        QTest::newRow("no project") << "https://gitlab.example.com/-/pipelines/new";
        QTest::newRow("other scheme") << "file:///group/app/-/pipelines/new";
    }
    void notAPrefillLink()
    {
        QFETCH(QString, url);
        QVERIFY(!variables::parsePipelinePrefillLink(QUrl(url)).has_value());
    }

    void inputsKeepTheirTypes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonObject>("inputs");
        QTest::addColumn<int>("problems");
        QTest::newRow("string") << "environment: production"
                                << QJsonObject{{QStringLiteral("environment"),
                                                QStringLiteral("production")}}
                                << 0;
        QTest::newRow("number, boolean, array")
            << "replicas: 3\ndry_run=false\nregions: [\"eu\", \"ap\"]"
            << QJsonObject{{QStringLiteral("replicas"), 3},
                           {QStringLiteral("dry_run"), false},
                           {QStringLiteral("regions"),
                            QJsonArray{QStringLiteral("eu"), QStringLiteral("ap")}}}
            << 0;
        QTest::newRow("a quoted number stays a string")
            << "version: \"3\"" << QJsonObject{{QStringLiteral("version"), QStringLiteral("3")}}
            << 0;
        QTest::newRow("comments, blank lines, CRLF")
            << "# where\r\n\r\nenvironment: staging\r\n"
            << QJsonObject{{QStringLiteral("environment"), QStringLiteral("staging")}} << 0;
        QTest::newRow("not an input line") << "just words" << QJsonObject{} << 1;
        QTest::newRow("twice: the last counts")
            << "a: 1\na: 2" << QJsonObject{{QStringLiteral("a"), 2}} << 1;
    }
    void inputsKeepTheirTypes()
    {
        QFETCH(QString, text);
        QFETCH(QJsonObject, inputs);
        QFETCH(int, problems);
        const runs::PipelineInputsText parsed = runs::PipelineInputsText::parse(text);
        QCOMPARE(parsed.inputs, inputs);
        QCOMPARE(parsed.problems.size(), problems);
        // What format() writes reads back the same.
        QCOMPARE(runs::PipelineInputsText::parse(runs::PipelineInputsText::format(inputs)).inputs,
                 inputs);
    }

    void reviewMasksSensitiveValues()
    {
        runs::ReviewFacts facts;
        facts.instance = QStringLiteral("gitlab.example.com");
        facts.account = QStringLiteral("demo");
        facts.project = QStringLiteral("group/app");
        facts.ref = QStringLiteral("main");
        facts.willRun = {QStringLiteral("the manual job deploy")};
        facts.rows = {VariableRow{{}, QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true},
                      VariableRow{{}, QStringLiteral("A"), QStringLiteral("1"), false},
                      {}};
        const QString text = runs::ReviewSummary::lines(facts).join(u'\n');
        QVERIFY(!text.contains(QStringLiteral("s3cr3t")));
        QVERIFY(text.contains(QStringLiteral("Variable TOKEN = (sensitive, hidden)")));
        QVERIFY(text.contains(QStringLiteral("Variable A = 1")));
        QVERIFY(text.contains(QStringLiteral("Project: group/app")));
        QVERIFY(text.contains(QStringLiteral("Will run: the manual job deploy")));
    }

    void reviewByDefault_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<bool>("protectedRef");
        QTest::addColumn<bool>("review");
        QTest::newRow("deploy stage") << "deploy" << false << true;
        QTest::newRow("release stage") << "Release" << false << true;
        QTest::newRow("production stage") << "to-production" << false << true;
        QTest::newRow("test stage") << "test" << false << false;
        QTest::newRow("protected ref") << "" << true << true;
    }
    void reviewByDefault()
    {
        QFETCH(QString, stage);
        QFETCH(bool, protectedRef);
        QFETCH(bool, review);
        QCOMPARE(runs::reviewByDefault(stage, protectedRef), review);
    }

    void theReviewSettingDecidesWhenSet()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(runs::reviewModeFromSettings(settings), runs::ReviewMode::Auto);
        settings.setValue(QStringLiteral("runs/review"), QStringLiteral("never"));
        QCOMPARE(runs::reviewModeFromSettings(settings), runs::ReviewMode::Never);
        QVERIFY(!runs::reviewByDefault(runs::ReviewMode::Never, QStringLiteral("deploy"), true));
        settings.setValue(QStringLiteral("runs/review"), QStringLiteral("always"));
        QCOMPARE(runs::reviewModeFromSettings(settings), runs::ReviewMode::Always);
        QVERIFY(runs::reviewByDefault(runs::ReviewMode::Always, QStringLiteral("test"), false));
        QVERIFY(runs::reviewByDefault(runs::ReviewMode::Auto, QStringLiteral("deploy"), false));
        QVERIFY(!runs::reviewByDefault(runs::ReviewMode::Auto, QStringLiteral("test"), false));
    }

    void theDraftKeeperWritesOnFlushAndForgetsOnDiscard()
    {
        QTemporaryDir dir;
        presets::DraftStore store(dir.path());
        const QString key = QStringLiteral("run/https://gitlab.example.com/demo/2");
        presets::Draft draft;
        draft.ref = QStringLiteral("main");
        draft.rows = {VariableRow{{}, QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true}};
        {
            runs::DraftKeeper keeper(&store, key);
            keeper.changed(draft);
            QVERIFY(keeper.hasPendingChange());
            QVERIFY(!store.load(key).has_value()); // written a moment later, not per key
            QVERIFY(keeper.flush());
            QVERIFY(!keeper.hasPendingChange());
            const auto saved = store.load(key);
            QVERIFY(saved.has_value());
            QCOMPARE(saved->ref, QStringLiteral("main"));
            QCOMPARE(saved->rows.first().value, QString()); // never the sensitive value
            QVERIFY(keeper.restore().has_value());
            draft.ref = QStringLiteral("develop");
            keeper.changed(draft);
        } // destroyed with a pending change: written, not lost
        QCOMPARE(store.load(key)->ref, QStringLiteral("develop"));
        runs::DraftKeeper keeper(&store, key);
        keeper.discard();
        QVERIFY(!store.load(key).has_value());
    }
};

QTEST_MAIN(TestRunTexts)
#include "tst_run_texts.moc"
