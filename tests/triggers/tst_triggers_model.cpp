// TriggersModel under QAbstractItemModelTester: refreshes merge by id (rows move, change and
// go, never a reset), the token is masked unless revealed, the flags follow the injected
// clock, held ids, and values a sort proxy can compare.
#include "triggers/triggers_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QLocale>
#include <QTest>

using namespace pipedeck;
using triggers::TriggersModel;

namespace {

const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
const QString kFull = QStringLiteral("glptt-0123456789abcdef0123456789abcdef0123");

gitlab::Trigger make(qint64 id, const QString &description, const QString &token,
                     const QDateTime &lastUsed = {}, const QDate &expires = {})
{
    gitlab::Trigger t;
    t.id = id;
    t.description = description;
    t.token = token;
    gitlab::User owner;
    owner.id = 10 + id;
    owner.username = QStringLiteral("user%1").arg(id);
    owner.name = QStringLiteral("User %1").arg(id);
    owner.state = QStringLiteral("active");
    t.owner = owner;
    t.createdAt = kNow.addDays(-100 + id);
    t.updatedAt = t.createdAt;
    t.lastUsed = lastUsed;
    t.expiresAt = expires;
    return t;
}

QString cell(const TriggersModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestTriggersModel : public QObject
{
    Q_OBJECT
private:
    QList<gitlab::Trigger> snapshot() const
    {
        return {make(1, QStringLiteral("Nightly"), kFull, kNow.addDays(-1)),
                make(2, QStringLiteral("Release"), QStringLiteral("glpt")),
                make(3, QStringLiteral("Old"), QStringLiteral("a1b2"), kNow.addDays(-200),
                     kNow.date().addDays(5))};
    }

private Q_SLOTS:
    void columnsAndRoles()
    {
        TriggersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(kNow);
        model.setHeld({1});
        model.applySnapshot(snapshot());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(TriggersModel::ColumnCount));
        QCOMPARE(model.headerData(TriggersModel::TokenColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Token"));

        QCOMPARE(cell(model, 0, TriggersModel::DescriptionColumn), QStringLiteral("Nightly"));
        QCOMPARE(cell(model, 0, TriggersModel::OwnerColumn), QStringLiteral("User 1"));
        QCOMPARE(cell(model, 0, TriggersModel::OwnerColumn, Qt::ToolTipRole),
                 QStringLiteral("@user1"));
        const QString masked = QStringLiteral("glpt") + QString(12, QChar(0x2022));
        QCOMPARE(cell(model, 0, TriggersModel::TokenColumn), masked);
        QCOMPARE(cell(model, 1, TriggersModel::TokenColumn), masked);
        // EditRole (the sort key) of the token column is what everyone may see.
        QCOMPARE(cell(model, 0, TriggersModel::TokenColumn, Qt::EditRole), QStringLiteral("glpt"));
        QCOMPARE(cell(model, 0, TriggersModel::LastUsedColumn, TriggersModel::IdRole),
                 QStringLiteral("1"));
        QCOMPARE(cell(model, 0, 0, TriggersModel::TokenRole), kFull);
        QCOMPARE(cell(model, 1, 0, TriggersModel::TokenRole), QStringLiteral("glpt"));
        QCOMPARE(model.index(0, 0).data(TriggersModel::OwnedRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(TriggersModel::OwnedRole).toBool(), false);
        QCOMPARE(model.index(0, 0).data(TriggersModel::HeldRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(TriggersModel::HeldRole).toBool(), false);
        QCOMPARE(cell(model, 1, TriggersModel::LastUsedColumn), QStringLiteral("Never"));
        QCOMPARE(cell(model, 0, TriggersModel::ExpiresColumn), QStringLiteral("Never expires"));
        QCOMPARE(model.index(1, 0).data(TriggersModel::FlagsRole).toStringList(),
                 QStringList{QStringLiteral("never used")});
        QCOMPARE(model.index(2, 0).data(TriggersModel::FlagsRole).toStringList(),
                 (QStringList{QStringLiteral("expires soon"), QStringLiteral("stale")}));
        // A list in the interface's language: "A and B" in English, "A、B" in Japanese.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(cell(model, 2, TriggersModel::FlagsColumn),
                 QStringLiteral("expires soon and stale"));
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        QCOMPARE(cell(model, 2, TriggersModel::FlagsColumn), QStringLiteral("expires soon、stale"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(model.index(0, 0).data(TriggersModel::FlagsRole).toStringList(), QStringList());
        // Dates for sorting are QDateTime.
        QCOMPARE(model.index(0, TriggersModel::CreatedColumn).data(Qt::EditRole).metaType(),
                 QMetaType::fromType<QDateTime>());
        QCOMPARE(model.index(0, TriggersModel::LastUsedColumn).data(Qt::EditRole).toDateTime(),
                 kNow.addDays(-1));
        QCOMPARE(model.index(2, TriggersModel::ExpiresColumn).data(Qt::EditRole).toDateTime(),
                 QDateTime(kNow.date().addDays(5), QTime(0, 0), Qt::UTC));
        QCOMPARE(model.triggerAt(2)->description, QStringLiteral("Old"));
        QCOMPARE(model.triggerAt(3), nullptr);
        QCOMPARE(model.rowOfId(3), 2);
        QCOMPARE(model.rowOfId(99), -1);
    }

    void revealShowsTheOwnedTokenOnly()
    {
        TriggersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshot());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRevealed(1, true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(Qt::DisplayRole));
        QCOMPARE(cell(model, 0, TriggersModel::TokenColumn), kFull);
        model.setRevealed(1, true); // no change, no signal
        QCOMPARE(changed.size(), 1);
        // Someone else's token has nothing to reveal.
        model.setRevealed(2, true);
        QVERIFY(!cell(model, 1, TriggersModel::TokenColumn).contains(QLatin1String("glptt")));
        // A refresh keeps it revealed; hiding masks it again.
        model.applySnapshot(snapshot());
        QCOMPARE(cell(model, 0, TriggersModel::TokenColumn), kFull);
        model.setRevealed(1, false);
        QVERIFY(cell(model, 0, TriggersModel::TokenColumn).endsWith(QChar(0x2022)));
    }

    void refreshMergesByIdNeverResets()
    {
        TriggersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(kNow);
        model.applySnapshot(snapshot());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QPersistentModelIndex release(model.index(1, TriggersModel::DescriptionColumn));

        // Same list: nothing at all.
        auto result = model.applySnapshot(snapshot());
        QVERIFY(!result.structureChanged());
        QCOMPARE(changed.size(), 0);

        // 3 revoked, 4 created first, 2 renamed and used.
        QList<gitlab::Trigger> next = snapshot();
        next.removeLast();
        next[1].description = QStringLiteral("Release (renamed)");
        next[1].lastUsed = kNow.addSecs(-60);
        next.prepend(make(4, QStringLiteral("New"), QStringLiteral("glptt-new-token-for-me")));
        result = model.applySnapshot(next);
        QCOMPARE(result.removed, 1);
        QCOMPARE(result.inserted, 1);
        QCOMPARE(result.changedRows, 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfId(4), 0);
        QCOMPARE(release.row(), 2); // the selection follows its row
        QCOMPARE(release.data().toString(), QStringLiteral("Release (renamed)"));
        QCOMPARE(changed.size(), 1);
        const QList<int> roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(TriggersModel::DescriptionRole));
        QVERIFY(roles.contains(TriggersModel::FlagsRole)); // no longer "never used"
        QVERIFY(!roles.contains(TriggersModel::TokenRole));
        QCOMPARE(model.index(2, 0).data(TriggersModel::FlagsRole).toStringList(), QStringList());
    }

    void theClockMovesTheFlags()
    {
        TriggersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(kNow);
        model.applySnapshot(snapshot());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setNow(kNow); // nothing changes
        QCOMPARE(changed.size(), 0);
        // 100 days on: Nightly is stale, Old has expired.
        model.setNow(kNow.addDays(100));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(model.index(0, 0).data(TriggersModel::FlagsRole).toStringList(),
                 QStringList{QStringLiteral("stale")});
        QCOMPARE(model.index(2, 0).data(TriggersModel::FlagsRole).toStringList(),
                 (QStringList{QStringLiteral("expired"), QStringLiteral("stale")}));
        QCOMPARE(model.flagsAt(2).expired, true);
        // A longer stale setting clears Nightly's flag.
        model.setFlagThresholds(365, 30);
        QCOMPARE(model.index(0, 0).data(TriggersModel::FlagsRole).toStringList(), QStringList());
    }

    void heldChangesSignalOnlyTheRowsThatChanged()
    {
        TriggersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshot());
        model.setHeld({1});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setHeld({1, 3, 42});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{TriggersModel::HeldRole});
        QVERIFY(model.index(2, 0).data(TriggersModel::HeldRole).toBool());
    }

    void sortsThroughAProxyByEditRole()
    {
        TriggersModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Qt::EditRole);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshot());
        proxy.sort(TriggersModel::LastUsedColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(TriggersModel::IdRole).toLongLong(), 1);
        QCOMPARE(proxy.index(1, 0).data(TriggersModel::IdRole).toLongLong(), 3);
        QCOMPARE(proxy.index(2, 0).data(TriggersModel::IdRole).toLongLong(), 2); // never
        proxy.sort(TriggersModel::ExpiresColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(TriggersModel::IdRole).toLongLong(), 3);
        proxy.sort(TriggersModel::DescriptionColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Nightly"));
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("Release"));
    }

    void loadState()
    {
        TriggersModel model;
        QSignalSpy spy(&model, &TriggersModel::loadStateChanged);
        model.setLoading(true);
        QVERIFY(model.loadState().loading);
        model.applySnapshot(snapshot());
        QVERIFY(model.loadState().loaded);
        QVERIFY(!model.loadState().loading);
        model.markStale(QStringLiteral("Managing trigger tokens needs the Maintainer role."));
        QVERIFY(model.loadState().stale);
        QCOMPARE(model.loadState().errorText,
                 QStringLiteral("Managing trigger tokens needs the Maintainer role."));
        QCOMPARE(model.rowCount(), 3); // the last good rows stay
        QCOMPARE(spy.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestTriggersModel)
#include "tst_triggers_model.moc"
