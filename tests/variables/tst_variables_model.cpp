// VariablesModel under QAbstractItemModelTester: the trailing empty row after every operation,
// editing it inserts (never resets), remove and move keep data, sensitive display, rules, paste.
#include "variables/variables_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck::variables;
using namespace Qt::StringLiterals;
using pipedeck::gitlab::VariableType;

Q_DECLARE_METATYPE(pipedeck::variables::VariableRow)

namespace {

VariableRow row(const QString &key, const QString &value, VariableType type = VariableType::EnvVar,
                bool sensitive = false)
{
    return VariableRow{type, key, value, sensitive};
}

QStringList keysOf(const VariablesModel &model)
{
    QStringList keys;
    for (int r = 0; r < model.rowCount(); ++r)
        keys.append(model.index(r, VariablesModel::KeyColumn).data(Qt::EditRole).toString());
    return keys;
}

// The invariant every operation keeps: one more row than rows(), and that row is empty.
void verifyTrailingRow(const VariablesModel &model)
{
    QCOMPARE(model.rowCount(), model.rows().size() + 1);
    const int last = model.rowCount() - 1;
    QCOMPARE(model.index(last, VariablesModel::KeyColumn).data(Qt::EditRole).toString(), QString());
    QCOMPARE(model.index(last, VariablesModel::ValueColumn).data(Qt::EditRole).toString(),
             QString());
    QCOMPARE(model.index(last, VariablesModel::TypeColumn).data(Qt::EditRole).toInt(),
             int(VariableType::EnvVar));
    QCOMPARE(model.index(last, 0).data(VariablesModel::SensitiveRole).toBool(), false);
}

} // namespace

class TestVariablesModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsWithTheEmptyRow()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), 3);
        QVERIFY(model.rows().isEmpty());
        QVERIFY(model.canSend());
        verifyTrailingRow(model);
    }

    void editingTheEmptyRowInsertsARow()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy edited(&model, &VariablesModel::rowsEdited);

        QVERIFY(model.setData(model.index(0, VariablesModel::KeyColumn), u"A"_s));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(edited.count(), 1);
        verifyTrailingRow(model);

        // Editing a row that is not the last inserts nothing.
        QVERIFY(model.setData(model.index(0, VariablesModel::ValueColumn), u"1"_s));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(edited.count(), 2);

        // The type alone makes the empty row a row too.
        QVERIFY(model.setData(model.index(1, VariablesModel::TypeColumn), int(VariableType::File)));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rows(),
                 (QList{row(u"A"_s, u"1"_s), row(QString(), QString(), VariableType::File)}));
        QCOMPARE(reset.count(), 0);
        verifyTrailingRow(model);
    }

    void unchangedEditIsNotAnEdit()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &VariablesModel::rowsEdited);
        QVERIFY(model.setData(model.index(0, VariablesModel::KeyColumn), QString()));
        QCOMPARE(edited.count(), 0);
        QCOMPARE(model.rowCount(), 1);
    }

    void removeKeepsData()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s), row(u"C"_s, u"3"_s)});
        QSignalSpy edited(&model, &VariablesModel::rowsEdited);
        QVERIFY(model.removeRows(1, 1));
        QCOMPARE(model.rows(), (QList{row(u"A"_s, u"1"_s), row(u"C"_s, u"3"_s)}));
        QCOMPARE(edited.count(), 1);
        verifyTrailingRow(model);

        QVERIFY2(!model.removeRows(2, 1), "the trailing empty row cannot be removed");
        QVERIFY(!model.removeRows(1, 2));
        QVERIFY(!model.removeRows(-1, 1));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.removeRows(0, 2));
        QVERIFY(model.rows().isEmpty());
        verifyTrailingRow(model);
    }

    void moveKeepsData()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s, VariableType::File),
                       row(u"C"_s, u"3"_s, VariableType::EnvVar, true)});
        model.setData(model.index(2, 0), true, VariablesModel::RevealedRole);
        QSignalSpy edited(&model, &VariablesModel::rowsEdited);

        QVERIFY(model.moveRows({}, 2, 1, {}, 0)); // C to the top
        QCOMPARE(model.rows(),
                 (QList{row(u"C"_s, u"3"_s, VariableType::EnvVar, true), row(u"A"_s, u"1"_s),
                        row(u"B"_s, u"2"_s, VariableType::File)}));
        QVERIFY2(model.index(0, 0).data(VariablesModel::RevealedRole).toBool(),
                 "the revealed state moves with its row");
        QVERIFY(model.moveRows({}, 0, 2, {}, 3)); // C and A to the end, before the empty row
        QCOMPARE(keysOf(model), (QStringList{u"B"_s, u"C"_s, u"A"_s, QString()}));
        QCOMPARE(edited.count(), 2);

        QVERIFY2(!model.moveRows({}, 3, 1, {}, 0), "the trailing empty row cannot be moved");
        QVERIFY2(!model.moveRows({}, 0, 1, {}, 4), "nothing moves after the trailing empty row");
        QVERIFY(!model.moveRows({}, 0, 1, {}, 1)); // onto itself
        QCOMPARE(keysOf(model), (QStringList{u"B"_s, u"C"_s, u"A"_s, QString()}));
        verifyTrailingRow(model);
    }

    void sensitiveValueShownAsDots()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(u"TOKEN"_s, u"s3cr3t"_s), row(u"EMPTY"_s, QString())});
        const QModelIndex value = model.index(0, VariablesModel::ValueColumn);
        QCOMPARE(value.data(Qt::DisplayRole).toString(), u"s3cr3t"_s);

        QSignalSpy edited(&model, &VariablesModel::rowsEdited);
        QVERIFY(model.setData(value, true, VariablesModel::SensitiveRole));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(value.data(Qt::DisplayRole).toString(),
                 u"\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"_s);
        QCOMPARE(value.data(Qt::EditRole).toString(), u"s3cr3t"_s);
        QVERIFY(model.rows().at(0).sensitive);

        QVERIFY(model.setData(value, true, VariablesModel::RevealedRole));
        QCOMPARE(value.data(Qt::DisplayRole).toString(), u"s3cr3t"_s);
        QCOMPARE(edited.count(), 1); // revealing is not an edit
        QVERIFY(model.setData(value, false, VariablesModel::RevealedRole));
        QCOMPARE(value.data(Qt::DisplayRole).toString().size(), VariablesModel::hiddenValueDots);

        // An empty sensitive value shows as empty, not as dots that suggest a value.
        QVERIFY(model.setData(model.index(1, 0), true, VariablesModel::SensitiveRole));
        QCOMPARE(model.index(1, VariablesModel::ValueColumn).data().toString(), QString());
    }

    void issuesAtTheRow()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(u"A"_s, u"1"_s), row(u"B"_s, u" padded"_s)});
        QVERIFY(model.canSend());
        QVERIFY(model.index(1, 0).data(VariablesModel::WarningRole).toBool());
        QVERIFY(!model.index(1, 0).data(VariablesModel::BlockingRole).toBool());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(1, VariablesModel::KeyColumn), u"A"_s));
        bool firstRowAnnounced = false;
        for (const QList<QVariant> &signal : changed) {
            if (signal.at(0).toModelIndex().row() == 0)
                firstRowAnnounced = true;
        }
        QVERIFY2(firstRowAnnounced, "a new duplicate changes the other row's issues too");
        QVERIFY(model.index(0, 0).data(VariablesModel::BlockingRole).toBool());
        QCOMPARE(model.index(0, 0).data(VariablesModel::IssuesRole).toStringList().size(), 1);
        QCOMPARE(model.index(1, 0).data(VariablesModel::IssuesRole).toStringList().size(), 2);
        QVERIFY(!model.canSend());
        QVERIFY(!model.index(2, 0).data(VariablesModel::BlockingRole).toBool());
    }

    void rulesFlagFileRows()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(u"CERT"_s, u"pem"_s, VariableType::File), row(u"A"_s, u"1"_s)});
        const QModelIndex type = model.index(0, VariablesModel::TypeColumn);
        QVERIFY(model.flags(type) & Qt::ItemIsEditable);
        QVERIFY(model.canSend());
        QCOMPARE(type.data().toString(), VariablesModel::tr("File"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy edited(&model, &VariablesModel::rowsEdited);
        model.setRules(VariableRules{false});
        QVERIFY(changed.count() > 0);
        QCOMPARE(edited.count(), 0);
        QVERIFY(!(model.flags(type) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(0, VariablesModel::KeyColumn)) & Qt::ItemIsEditable);
        QVERIFY(model.index(0, 0).data(VariablesModel::BlockingRole).toBool());
        QVERIFY(!model.index(1, 0).data(VariablesModel::BlockingRole).toBool());
        QVERIFY(!model.canSend());
        QVERIFY2(
            !model.setData(model.index(1, VariablesModel::TypeColumn), int(VariableType::File)),
            "no File rows where only strings are taken");

        model.setRules(VariableRules{true});
        QVERIFY(model.canSend());
        QVERIFY(!model.setData(model.index(1, VariablesModel::TypeColumn), 7));
    }

    void appendRowsReplacesDuplicates()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(u"A"_s, u"old"_s, VariableType::File, true), row(u"B"_s, u"2"_s)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy edited(&model, &VariablesModel::rowsEdited);

        const VariablesModel::AppendCounts counts =
            model.appendRows({row(u"C"_s, u"3"_s), row(u"A"_s, u"new"_s), VariableRow{},
                              row(u"C"_s, u"4"_s), row(u"D"_s, u"5"_s)});
        QCOMPARE(counts.added, 2);
        QCOMPARE(counts.replaced, 2);
        QCOMPARE(model.rows(),
                 (QList{row(u"A"_s, u"new"_s, VariableType::File, true), row(u"B"_s, u"2"_s),
                        row(u"C"_s, u"4"_s), row(u"D"_s, u"5"_s)}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(edited.count(), 1);
        verifyTrailingRow(model);

        QCOMPARE(model.appendRows({}).added, 0);
        QCOMPARE(edited.count(), 1);
    }

    void setRowsIsTheOnlyReset()
    {
        VariablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy edited(&model, &VariablesModel::rowsEdited);
        const QList<VariableRow> rows{row(u"A"_s, u"1"_s), row(u"B"_s, u"2"_s)};
        model.setRows(rows);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(edited.count(), 0); // loading is not editing: no draft written for a prefill
        QCOMPARE(model.rows(), rows);
        verifyTrailingRow(model);
        model.setRows({});
        QCOMPARE(model.rowCount(), 1);
        verifyTrailingRow(model);
    }

    void multiLineRole_data()
    {
        QTest::addColumn<VariableRow>("variable");
        QTest::addColumn<bool>("multiLine");
        QTest::newRow("short") << row(u"A"_s, u"x"_s) << false;
        QTest::newRow("80 characters") << row(u"A"_s, QString(80, u'x')) << false;
        QTest::newRow("81 characters") << row(u"A"_s, QString(81, u'x')) << true;
        QTest::newRow("newline") << row(u"A"_s, u"a\nb"_s) << true;
        QTest::newRow("File") << row(u"A"_s, u"x"_s, VariableType::File) << true;
    }

    void multiLineRole()
    {
        QFETCH(VariableRow, variable);
        QFETCH(bool, multiLine);
        VariablesModel model;
        model.setRows({variable});
        QCOMPARE(model.index(0, VariablesModel::ValueColumn)
                     .data(VariablesModel::MultiLineRole)
                     .toBool(),
                 multiLine);
    }

    void headersAndTypeNames()
    {
        VariablesModel model;
        QCOMPARE(model.headerData(VariablesModel::TypeColumn, Qt::Horizontal).toString(),
                 VariablesModel::tr("Type"));
        QCOMPARE(model.headerData(VariablesModel::KeyColumn, Qt::Horizontal).toString(),
                 VariablesModel::tr("Key"));
        QCOMPARE(model.headerData(VariablesModel::ValueColumn, Qt::Horizontal).toString(),
                 VariablesModel::tr("Value"));
        QCOMPARE(model.index(0, VariablesModel::TypeColumn).data().toString(),
                 VariablesModel::tr("Variable"));
    }
};

QTEST_GUILESS_MAIN(TestVariablesModel)
#include "tst_variables_model.moc"
