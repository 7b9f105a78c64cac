// The merge engine on a minimal list model: exact signal sequences for the basic cases, and a
// property test over random snapshots (final order, persistent indexes, model tester, and a
// shadow list rebuilt only from the signals).
#include "models/merge/longest_increasing.h"
#include "models/merge/row_merge.h"

#include <QAbstractItemModelTester>
#include <QAbstractListModel>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <set>

using namespace pipedeck::models;

namespace {

struct Item
{
    qint64 id = 0;
    QString name;
    int value = 0;
    friend bool operator==(const Item &, const Item &) = default;
};

enum Role { IdRole = kFirstCustomRole, NameRole, ValueRole };

struct ItemTraits
{
    using Key = qint64;
    Key keyOf(const Item &item) const { return item.id; }
    RoleMask diff(const Item &current, const Item &fresh) const
    {
        RoleMask mask = 0;
        markIfDifferent(mask, roleBit(NameRole), current.name, fresh.name);
        markIfDifferent(mask, roleBit(ValueRole), current.value, fresh.value);
        return mask;
    }
    void assign(Item &current, Item &fresh) const { current = fresh; }
    Item make(Item &&fresh) const { return std::move(fresh); }
    QList<int> roles(RoleMask mask) const { return rolesFromMask(mask, roleBit(NameRole)); }
};

class ItemModel : public NotifyingModel<QAbstractListModel>
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_items.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Item &item = m_items.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return item.name;
        case IdRole:
            return item.id;
        case ValueRole:
            return item.value;
        default:
            return {};
        }
    }
    MergeResult apply(QList<Item> snapshot)
    {
        return mergeRows(*this, QModelIndex(), m_items, snapshot, ItemTraits{});
    }
    const QList<Item> &items() const { return m_items; }
    qint64 idAt(int row) const { return m_items.at(row).id; }

private:
    QList<Item> m_items;
};

QList<Item> itemsFromIds(std::initializer_list<qint64> ids)
{
    QList<Item> items;
    for (qint64 id : ids)
        items.append({id, QStringLiteral("item %1").arg(id), 0});
    return items;
}

QList<qint64> idsOf(const QList<Item> &items)
{
    QList<qint64> ids;
    for (const Item &item : items)
        ids.append(item.id);
    return ids;
}

//! Replays the model's structure signals on a list of ids; any mistake in the signals shows up
//! as a difference from the model's final rows.
class SignalShadow : public QObject
{
public:
    explicit SignalShadow(ItemModel &model)
        : m_model(model)
        , m_ids(idsOf(model.items()))
    {
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        m_ids.insert(row, m_model.idAt(row));
                });
        connect(&model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    m_ids.remove(first, last - first + 1);
                });
        connect(
            &model, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int first, int last, const QModelIndex &, int destination) {
                QList<qint64> moved = m_ids.mid(first, last - first + 1);
                m_ids.remove(first, last - first + 1);
                const int at = destination > first ? destination - (last - first + 1) : destination;
                for (int k = 0; k < moved.size(); ++k)
                    m_ids.insert(at + k, moved.at(k));
            });
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        m_changed.insert(m_model.idAt(row), roles);
                });
    }
    const QList<qint64> &ids() const { return m_ids; }
    const QHash<qint64, QList<int>> &changed() const { return m_changed; }

private:
    ItemModel &m_model;
    QList<qint64> m_ids;
    QHash<qint64, QList<int>> m_changed;
};

} // namespace

class TestRowMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void longestIncreasingSubsequence_data()
    {
        QTest::addColumn<std::vector<int>>("values");
        QTest::addColumn<int>("length");
        QTest::newRow("empty") << std::vector<int>{} << 0;
        QTest::newRow("sorted") << std::vector<int>{0, 1, 2, 3} << 4;
        QTest::newRow("reversed") << std::vector<int>{3, 2, 1, 0} << 1;
        QTest::newRow("first to end") << std::vector<int>{3, 0, 1, 2} << 3;
        QTest::newRow("mixed") << std::vector<int>{2, 5, 3, 7, 11, 8, 10, 13, 6} << 6;
    }
    void longestIncreasingSubsequence()
    {
        QFETCH(std::vector<int>, values);
        QFETCH(int, length);
        const std::vector<int> positions = pipedeck::models::longestIncreasingSubsequence(values);
        QCOMPARE(static_cast<int>(positions.size()), length);
        for (size_t i = 1; i < positions.size(); ++i) {
            QVERIFY(positions[i - 1] < positions[i]);
            QVERIFY(values[positions[i - 1]] < values[positions[i]]);
        }
    }

    void firstFillIsOneInsertion()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const MergeResult result = model.apply(itemsFromIds({5, 4, 3}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(result.inserted, 3);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(idsOf(model.items()), (QList<qint64>{5, 4, 3}));
    }

    void unchangedSnapshotEmitsNothing()
    {
        ItemModel model;
        model.apply(itemsFromIds({1, 2, 3}));
        QSignalSpy any(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        const MergeResult result = model.apply(itemsFromIds({1, 2, 3}));
        QVERIFY(!result.structureChanged());
        QCOMPARE(any.count() + layout.count() + inserted.count() + removed.count() + moved.count(),
                 0);
    }

    void newRowsAtTopAreOneInsertionAndKeepTheSelection()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(itemsFromIds({10, 9, 8}));
        const QPersistentModelIndex selected(model.index(1)); // id 9
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply(itemsFromIds({12, 11, 10, 9, 8}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(removed.count(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 3);
        QCOMPARE(selected.data(IdRole).toLongLong(), 9);
    }

    void removalsAreCoalescedRuns()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(itemsFromIds({1, 2, 3, 4, 5, 6, 7}));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply(itemsFromIds({1, 4, 7}));
        // Bottom-up: rows 4..5 (ids 5, 6), then rows 1..2 (ids 2, 3).
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), 4);
        QCOMPARE(removed.at(0).at(2).toInt(), 5);
        QCOMPARE(removed.at(1).at(1).toInt(), 1);
        QCOMPARE(removed.at(1).at(2).toInt(), 2);
        QCOMPARE(idsOf(model.items()), (QList<qint64>{1, 4, 7}));
    }

    void oneRowToTheEndIsOneMove()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(itemsFromIds({1, 2, 3, 4}));
        const QPersistentModelIndex first(model.index(0));
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        model.apply(itemsFromIds({2, 3, 4, 1}));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.at(0).at(1).toInt(), 0); // first
        QCOMPARE(moved.at(0).at(2).toInt(), 0); // last
        QCOMPARE(moved.at(0).at(4).toInt(), 4); // before row 4 (after the end)
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(first.row(), 3);
        QCOMPARE(idsOf(model.items()), (QList<qint64>{2, 3, 4, 1}));
    }

    void changedRowsAreCoalescedRangesWithOnlyTheirRoles()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<Item> items = itemsFromIds({1, 2, 3, 4, 5, 6});
        model.apply(items);
        items[1].value = 7; // rows 1 and 2: a range with ValueRole only
        items[2].value = 8;
        items[4].name = QStringLiteral("renamed"); // row 4 alone: NameRole and DisplayRole
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const MergeResult result = model.apply(items);
        QCOMPARE(result.changedRows, 3);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), (QList<int>{ValueRole}));
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 4);
        QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 4);
        QCOMPARE(changed.at(1).at(2).value<QList<int>>(), (QList<int>{Qt::DisplayRole, NameRole}));
        QCOMPARE(model.items(), items);
    }

    void exactSequenceForMixedChange()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(itemsFromIds({1, 2, 3, 4, 5}));
        QStringList log;
        connect(&model, &QAbstractItemModel::rowsRemoved, this,
                [&log](const QModelIndex &, int a, int b) {
                    log << QStringLiteral("remove %1-%2").arg(a).arg(b);
                });
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&log](const QModelIndex &, int a, int b) {
                    log << QStringLiteral("insert %1-%2").arg(a).arg(b);
                });
        connect(&model, &QAbstractItemModel::rowsMoved, this,
                [&log](const QModelIndex &, int a, int b, const QModelIndex &, int d) {
                    log << QStringLiteral("move %1-%2 before %3").arg(a).arg(b).arg(d);
                });
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&log](const QModelIndex &a, const QModelIndex &b, const QList<int> &) {
                    log << QStringLiteral("change %1-%2").arg(a.row()).arg(b.row());
                });
        QList<Item> next = itemsFromIds({6, 1, 4, 3, 5});
        next[4].value = 1; // id 5 changed
        model.apply(next);
        // 2 removed; 6 inserted on top; 1, 4 and 5 stay in place (the longest run already in
        // order), so 3 is the one row moved (below 4); 5 changes in place.
        QCOMPARE(log,
                 (QStringList{QStringLiteral("remove 1-1"), QStringLiteral("insert 0-0"),
                              QStringLiteral("move 2-2 before 4"), QStringLiteral("change 4-4")}));
        QCOMPARE(idsOf(model.items()), (QList<qint64>{6, 1, 4, 3, 5}));
    }

    void repeatedKeysInTheSnapshotAreTakenOnce()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(itemsFromIds({3, 2, 3, 1, 2}));
        QCOMPARE(idsOf(model.items()), (QList<qint64>{3, 2, 1}));
    }

    void emptySnapshotRemovesEverythingInOneRun()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(itemsFromIds({1, 2, 3}));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply({});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void randomSnapshotsKeepOrderIndexesAndSignalsConsistent()
    {
        QRandomGenerator random(20261123);
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        qint64 nextId = 1;
        QList<Item> current;
        for (int round = 0; round < 400; ++round) {
            // Next snapshot: drop some rows, change some, add some, shuffle some.
            QList<Item> next;
            for (const Item &item : std::as_const(current)) {
                if (random.bounded(100) < 15)
                    continue;
                Item copy = item;
                if (random.bounded(100) < 20)
                    copy.value = random.bounded(5);
                if (random.bounded(100) < 5)
                    copy.name = QStringLiteral("n%1").arg(random.bounded(1000));
                next.append(copy);
            }
            const int additions = random.bounded(round % 7 == 0 ? 40 : 6);
            for (int k = 0; k < additions; ++k) {
                const int at = next.isEmpty() ? 0 : random.bounded(next.size() + 1);
                next.insert(at, Item{nextId, QStringLiteral("item %1").arg(nextId), 0});
                ++nextId;
            }
            const int mode = random.bounded(4);
            if (mode == 0) {
                std::shuffle(next.begin(), next.end(), std::mt19937(random.generate()));
            } else if (mode == 1 && next.size() > 2) {
                for (int k = 0; k < 3; ++k)
                    next.move(random.bounded(next.size()), random.bounded(next.size()));
            } else if (mode == 2) {
                std::reverse(next.begin(), next.end());
            }
            if (next.size() > 120)
                next.resize(60);

            // Persistent indexes of every current row, and which rows must report a change.
            QHash<qint64, QPersistentModelIndex> persistent;
            for (int row = 0; row < model.rowCount(); ++row)
                persistent.insert(model.idAt(row), QPersistentModelIndex(model.index(row)));
            QHash<qint64, Item> before;
            for (const Item &item : model.items())
                before.insert(item.id, item);

            SignalShadow shadow(model);
            QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
            QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
            model.apply(next);

            QCOMPARE(model.items(), next);
            QCOMPARE(shadow.ids(), idsOf(next));
            QCOMPARE(reset.count(), 0);
            QCOMPARE(layout.count(), 0);
            for (auto it = persistent.cbegin(); it != persistent.cend(); ++it) {
                const bool stillThere =
                    std::any_of(next.cbegin(), next.cend(),
                                [&](const Item &item) { return item.id == it.key(); });
                QCOMPARE(it.value().isValid(), stillThere);
                if (stillThere)
                    QCOMPARE(it.value().data(IdRole).toLongLong(), it.key());
            }
            for (const Item &item : std::as_const(next)) {
                if (!before.contains(item.id))
                    continue;
                const Item &old = before.value(item.id);
                const bool valueChanged = old.value != item.value;
                const bool nameChanged = old.name != item.name;
                if (!valueChanged && !nameChanged) {
                    QVERIFY2(!shadow.changed().contains(item.id), "unchanged row reported");
                    continue;
                }
                QVERIFY2(shadow.changed().contains(item.id), "changed row not reported");
                const QList<int> roles = shadow.changed().value(item.id);
                if (valueChanged)
                    QVERIFY(roles.contains(ValueRole));
                if (nameChanged)
                    QVERIFY(roles.contains(NameRole) && roles.contains(Qt::DisplayRole));
            }
            current = next;
        }
    }
};

QTEST_GUILESS_MAIN(TestRowMerge)
#include "tst_row_merge.moc"
