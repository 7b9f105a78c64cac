// Watch rules, the watch list, their file, and the texts of notifications.
#include "watch/notification_center.h"
#include "watch/watch_event.h"
#include "watch/watch_list.h"
#include "watch/watch_rules.h"
#include "watch/watch_store.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;
using namespace pipedeck::watch;
using namespace Qt::StringLiterals;

class TestWatchRules : public QObject
{
    Q_OBJECT

    static PipelineWatch aWatch(qint64 pipeline, const QString &account = u"acc"_s)
    {
        PipelineWatch watch;
        watch.accountId = account;
        watch.projectId = 4;
        watch.pipelineId = pipeline;
        watch.lastStatus = gitlab::CiStatus::Running;
        watch.lastStatusName = u"running"_s;
        watch.child = pipeline % 2 == 0;
        watch.ref = u"main"_s;
        watch.projectPath = u"team/svc"_s;
        watch.addedAtMs = 1000 + pipeline;
        return watch;
    }

private Q_SLOTS:
    void globs_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("ref");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << u"main"_s << u"main"_s << true;
        QTest::newRow("not a prefix") << u"main"_s << u"main2"_s << false;
        QTest::newRow("star spans slashes") << u"release/*"_s << u"release/2.1/hotfix"_s << true;
        QTest::newRow("star needs the prefix") << u"release/*"_s << u"pre-release/2"_s << false;
        QTest::newRow("question mark") << u"v1.?"_s << u"v1.5"_s << true;
        QTest::newRow("dot is literal") << u"v1.5"_s << u"v1x5"_s << false;
        QTest::newRow("regex characters literal") << u"feat/(x)+"_s << u"feat/(x)+"_s << true;
        QTest::newRow("case-sensitive") << u"Main"_s << u"main"_s << false;
    }
    void globs()
    {
        QFETCH(QString, glob);
        QFETCH(QString, ref);
        QFETCH(bool, matches);
        QCOMPARE(globMatches(glob, ref), matches);
    }

    void defaultsAreMyPipelinesFailuresAndManualJobs()
    {
        const WatchRules rules;
        QVERIFY(rules.enabled);
        QVERIFY(rules.onlyMine);
        QCOMPARE(rules.outcomes, Outcome::Failed | Outcome::ManualWaiting);
        QVERIFY(rules.matchesRef(u"anything/at/all"_s));
        QVERIFY(rules.matchesSource(u"push"_s));
    }

    void rulesRoundTripThroughJson()
    {
        WatchRules rules;
        rules.onlyMine = false;
        rules.projects = {3, 9};
        rules.branchGlobs = {u"main"_s, u"release/*"_s};
        rules.sources = {u"push"_s, u"web"_s};
        rules.outcomes = Outcome::Succeeded | Outcome::Canceled | Outcome::LongRunning;
        rules.longRunningMinutes = 45;
        QStringList problems;
        QCOMPARE(rulesFromJson(rulesToJson(rules), &problems), rules);
        QVERIFY(problems.isEmpty());
        QVERIFY(rules.matchesSource(u"web"_s));
        QVERIFY(!rules.matchesSource(u"schedule"_s));
    }

    void badRuleFieldsKeepTheirDefaults()
    {
        const QJsonObject bad = QJsonDocument::fromJson(R"({
            "enabled": "yes", "only_mine": false, "projects": [5, -1, "x", 5],
            "branches": "main", "outcomes": ["failed", "exploded"],
            "long_running_minutes": -3 })")
                                    .object();
        QStringList problems;
        const WatchRules rules = rulesFromJson(bad, &problems);
        QVERIFY(rules.enabled);
        QVERIFY(!rules.onlyMine);
        QCOMPARE(rules.projects, QList<qint64>{5});
        QVERIFY(rules.branchGlobs.isEmpty());
        QCOMPARE(rules.outcomes, Outcomes(Outcome::Failed));
        QCOMPARE(rules.longRunningMinutes, WatchRules::kDefaultLongRunningMinutes);
        QCOMPARE(problems, (QStringList{u"enabled"_s, u"branches is not a list"_s,
                                        u"long_running_minutes"_s}));
    }

    void watchListEndsWatches()
    {
        WatchList list;
        QSignalSpy ended(&list, &WatchList::watchEnded);
        QVERIFY(list.add(aWatch(11)));
        QVERIFY(!list.add(aWatch(11))); // already watched
        QVERIFY(list.add(aWatch(11, u"other"_s)));
        PipelineWatch invalid = aWatch(12);
        invalid.projectId = 0;
        QVERIFY(!list.add(invalid));
        list.updateStatus(u"acc"_s, 11, gitlab::CiStatus::Manual, u"manual"_s);
        QCOMPARE(list.find(u"acc"_s, 11)->lastStatus, gitlab::CiStatus::Manual);
        QCOMPARE(list.find(u"other"_s, 11)->lastStatus, gitlab::CiStatus::Running);
        QVERIFY(list.remove(u"acc"_s, 11, WatchList::Ended::Finished));
        QVERIFY(!list.remove(u"acc"_s, 11));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(2).value<WatchList::Ended>(), WatchList::Ended::Finished);
        QCOMPARE(list.watchesOf(u"other"_s).size(), 1);
    }

    void storeSavesEveryChangeAndReadsItBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/watching.json"_s);
        WatchRules rules;
        rules.projects = {7};
        rules.outcomes = Outcome::Failed;
        {
            WatchStore store(path);
            QVERIFY(store.load()); // no file yet: defaults
            QCOMPARE(store.rules(u"acc"_s), WatchRules{});
            store.setRules(u"acc"_s, rules);
            QVERIFY(store.watches().add(aWatch(21)));
            QVERIFY(store.watches().add(aWatch(22)));
            QVERIFY(store.errorText().isEmpty());
        }
        WatchStore again(path);
        QVERIFY(again.load());
        QCOMPARE(again.rules(u"acc"_s), rules);
        QCOMPARE(again.watches().all(), (QList<PipelineWatch>{aWatch(21), aWatch(22)}));
        again.watches().remove(u"acc"_s, 21);
        WatchStore third(path);
        QVERIFY(third.load());
        QCOMPARE(third.watches().size(), 1);
    }

    void theCloseToTrayChoiceIsSavedWithTheRules()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"watching.json"_s);
        {
            WatchStore store(path);
            QVERIFY(store.load());
            QVERIFY(!store.closeToTray()); // not asked yet
            store.setRules(u"acc"_s, WatchRules{});
            store.setCloseToTray(false);
        }
        WatchStore again(path);
        QVERIFY(again.load());
        QCOMPARE(again.closeToTray(), std::optional<bool>(false));
        QCOMPARE(again.rules(u"acc"_s), WatchRules{});
        again.setCloseToTray(std::nullopt); // "ask again"
        WatchStore third(path);
        QVERIFY(third.load());
        QVERIFY(!third.closeToTray());
        // A value of the wrong type is "not asked".
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "close_to_tray": "yes"})");
        file.close();
        WatchStore fourth(path);
        QVERIFY(fourth.load());
        QVERIFY(!fourth.closeToTray());
    }

    void anUnreadableFileIsKeptAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"watching.json"_s);
        const QByteArray broken = "{\"version\": 1, \"accounts\": {\"acc\": ";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(broken);
        }
        WatchStore store(path);
        QTest::ignoreMessage(QtWarningMsg, "unreadable watch settings, using defaults");
        QVERIFY(!store.load());
        QVERIFY(store.errorText().contains(u"watching.json.unreadable"_s));
        QCOMPARE(store.rules(u"acc"_s), WatchRules{});
        QVERIFY(store.watches().add(aWatch(5)));
        QFile aside(path + u".unreadable"_s);
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), broken);
        WatchStore again(path);
        QVERIFY(again.load());
        QCOMPARE(again.watches().size(), 1);
    }

    void aFileThatCannotBeWrittenSaysSo()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        WatchStore store(dir.filePath(u"file/watching.json"_s));
        QVERIFY(store.load());
        QSignalSpy failed(&store, &WatchStore::saveFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^saving watch settings failed"_s));
        QVERIFY(store.watches().add(aWatch(5))); // kept in memory
        QCOMPARE(failed.size(), 1);
        QVERIFY(!store.errorText().isEmpty());
        QCOMPARE(store.watches().size(), 1);
    }

    void projectPathFromTheWebUrl()
    {
        QCOMPARE(
            projectPathFromWebUrl(QUrl(u"https://gitlab.example/team/sub/svc/-/pipelines/9"_s)),
            u"team/sub/svc"_s);
        QCOMPARE(projectPathFromWebUrl(QUrl(u"https://gitlab.example/odd"_s)), QString());
    }

    void notificationTexts_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("actionKeys");
        QTest::addColumn<bool>("critical");
        const QStringList open{u"default"_s, u"open"_s};
        QTest::newRow("failed") << int(Outcome::Failed) << u"Pipeline #812 failed"_s
                                << (open + QStringList{u"retry"_s, u"log"_s}) << true;
        QTest::newRow("passed") << int(Outcome::Succeeded) << u"Pipeline #812 passed"_s << open
                                << false;
        QTest::newRow("canceled") << int(Outcome::Canceled) << u"Pipeline #812 was canceled"_s
                                  << (open + QStringList{u"retry"_s}) << false;
        QTest::newRow("manual") << int(Outcome::ManualWaiting)
                                << u"Pipeline #812 is waiting for a manual job"_s
                                << (open + QStringList{u"play"_s}) << false;
        QTest::newRow("long") << int(Outcome::LongRunning)
                              << u"Pipeline #812 has been running for 42 min"_s << open << false;
    }
    void notificationTexts()
    {
        QFETCH(int, outcome);
        QFETCH(QString, title);
        QFETCH(QStringList, actionKeys);
        QFETCH(bool, critical);
        WatchEvent event;
        event.accountId = u"acc"_s;
        event.outcome = Outcome(outcome);
        event.pipeline.id = 812;
        event.pipeline.projectId = 4;
        event.pipeline.ref = u"main"_s;
        event.pipeline.status = event.outcome == Outcome::Failed      ? gitlab::CiStatus::Failed
                                : event.outcome == Outcome::Canceled  ? gitlab::CiStatus::Canceled
                                : event.outcome == Outcome::Succeeded ? gitlab::CiStatus::Success
                                : event.outcome == Outcome::ManualWaiting
                                    ? gitlab::CiStatus::Manual
                                    : gitlab::CiStatus::Running;
        event.projectPath = u"team/svc"_s;
        event.runningMinutes = 42;
        const Notification shown = NotificationCenter::notificationFor(event, true);
        QCOMPARE(shown.key, u"acc|812"_s);
        QCOMPARE(shown.title, title);
        QCOMPARE(shown.body, u"team/svc · main"_s);
        QCOMPARE(shown.critical, critical);
        QStringList keys;
        for (const NotificationAction &action : shown.actions) {
            keys << action.key;
            QVERIFY(!action.label.isEmpty());
        }
        QCOMPARE(keys, actionKeys);
        // A token that can only read is offered nothing that writes.
        for (const NotificationAction &action :
             NotificationCenter::notificationFor(event, false).actions)
            QVERIFY(action.key != u"retry"_s && action.key != u"play"_s);
    }
};

QTEST_GUILESS_MAIN(TestWatchRules)
#include "tst_watch_rules.moc"
