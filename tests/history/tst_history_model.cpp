// RunHistoryModel under QAbstractItemModelTester: refresh merges by record id (inserts at the
// top, dataChanged for an outcome, removals when the filter narrows) and never resets.
#include "history/run_history_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;
using namespace pipedeck::history;
using namespace Qt::StringLiterals;

namespace {

RunRecord run(const QString &job, qint64 projectId = 42)
{
    RunRecord record;
    record.instance = u"https://gitlab.example.com"_s;
    record.account = u"jdoe"_s;
    record.projectId = projectId;
    record.projectPath = u"group/app"_s;
    record.jobName = job;
    record.ref = u"main"_s;
    record.variables = {{gitlab::VariableType::EnvVar, u"TARGET"_s, u"prod"_s, false},
                        {gitlab::VariableType::EnvVar, u"TOKEN"_s, u"hidden-value"_s, true}};
    return record;
}

} // namespace

class HistoryModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void refreshMergesWithoutReset()
    {
        RunHistory history(m_dir.filePath(u"model.sqlite"_s));
        QVERIFY(history.open());
        const qint64 a = history.recordStarted(run(u"a"_s));
        const qint64 b = history.recordStarted(run(u"b"_s));

        RunHistoryModel model(history);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.refresh();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.record(0).id, b);
        QCOMPARE(model.data(model.index(0, 0), RunHistoryModel::RecordIdRole).toLongLong(), b);

        // Nothing new: no signal at all.
        model.refresh();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 0);

        // A new record and an outcome for an old one.
        const qint64 c = history.recordStarted(run(u"c"_s));
        QVERIFY(history.recordFinished(a, RunOutcome::Succeeded, 9, 10, u"https://x/9"_s, {}));
        model.refresh();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 0); // at the top
        QCOMPARE(inserted.last().at(2).toInt(), 0);
        QCOMPARE(model.record(0).id, c);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), model.rowOf(a));
        QCOMPARE(model.data(model.index(model.rowOf(a), RunHistoryModel::ResultColumn)).toString(),
                 u"Job #9"_s);
        QCOMPARE(
            model.data(model.index(model.rowOf(a), 0), RunHistoryModel::ResultUrlRole).toString(),
            u"https://x/9"_s);

        // Several new ones at once, and a record of another project that the filter hides.
        history.recordStarted(run(u"elsewhere"_s, 7));
        const qint64 d = history.recordStarted(run(u"d"_s));
        const qint64 e = history.recordStarted(run(u"e"_s));
        HistoryFilter filter;
        filter.projectId = 42;
        model.setFilter(filter);
        model.refresh();
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.record(0).id, e);
        QCOMPARE(model.record(1).id, d);
        QCOMPARE(inserted.size(), 3); // one block

        // A narrower filter removes rows, still without a reset.
        filter.text = u"b"_s;
        model.setFilter(filter);
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.record(0).id, b);
        QVERIFY(removed.size() >= 1);
        filter.text.clear();
        model.setFilter(filter);
        model.refresh();
        QCOMPARE(model.rowCount(), 5);
        QList<qint64> order;
        for (int row = 0; row < model.rowCount(); ++row)
            order << model.record(row).id;
        QCOMPARE(order, (QList<qint64>{e, d, c, b, a}));

        QCOMPARE(aboutToReset.size(), 0);
        QCOMPARE(reset.size(), 0);
    }

    void displayNeverShowsASensitiveValue()
    {
        RunHistory history(m_dir.filePath(u"display.sqlite"_s));
        QVERIFY(history.open());
        history.recordStarted(run(u"deploy"_s));
        RunHistoryModel model(history);
        model.refresh();
        const QString summary =
            model.data(model.index(0, RunHistoryModel::VariablesColumn)).toString();
        QVERIFY(summary.contains(u"TARGET=prod"_s));
        QVERIFY(summary.contains(u"TOKEN="_s));
        QVERIFY(!summary.contains(u"hidden-value"_s));
        QCOMPARE(model.data(model.index(0, RunHistoryModel::JobOrRefColumn)).toString(),
                 u"deploy on main"_s);
        QCOMPARE(model.data(model.index(0, RunHistoryModel::ResultColumn)).toString(),
                 u"Sending…"_s);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Time"_s);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(HistoryModelTest)
#include "tst_history_model.moc"
