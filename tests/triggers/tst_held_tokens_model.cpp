// The model of the Trigger tokens view across accounts: held tokens checked against each
// project's list (on GitLab, gone, could not check) and the user's own tokens not kept, merged
// by key under QAbstractItemModelTester, never reset.
#include "triggers/held_tokens_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using triggers::HeldTokenRow;
using triggers::HeldTokensModel;
using triggers::HeldTrigger;

namespace {

const QUrl kInstance(QStringLiteral("https://gitlab.example.com"));

HeldTrigger held(qint64 projectId, qint64 triggerId)
{
    HeldTrigger h;
    h.instance = kInstance;
    h.account = QStringLiteral("demo");
    h.projectId = projectId;
    h.triggerId = triggerId;
    h.storedAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    return h;
}

gitlab::Trigger trigger(qint64 id, const QString &description, const QString &token)
{
    gitlab::Trigger t;
    t.id = id;
    t.description = description;
    t.token = token;
    t.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    t.lastUsed = QDateTime(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC);
    return t;
}

HeldTokenRow::State stateOf(const HeldTokensModel &model, qint64 projectId, qint64 triggerId)
{
    HeldTokenRow key;
    key.held = held(projectId, triggerId);
    const int row = model.rowOfKey(key.key());
    return row < 0 ? HeldTokenRow::State(-1) : model.rowAt(row)->state;
}

} // namespace

class TestHeldTokensModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heldTokensAreCheckedAgainstTheServer()
    {
        HeldTokensModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setHeld({held(42, 7), held(42, 8), held(43, 1)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(stateOf(model, 42, 7), HeldTokenRow::State::Checking);

        const QDateTime now(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);
        model.applyServerList(
            kInstance, QStringLiteral("demo"), 42, QStringLiteral("group/app"),
            {trigger(7, QStringLiteral("Nightly"), QStringLiteral("glptt-aaaa1")),
             trigger(9, QStringLiteral("Mine, not kept"), QStringLiteral("glptt-bbbb2")),
             trigger(10, QStringLiteral("Someone else's"), QStringLiteral("glpt"))},
            now);
        QCOMPARE(stateOf(model, 42, 7), HeldTokenRow::State::OnServer);
        QCOMPARE(stateOf(model, 42, 8), HeldTokenRow::State::Gone); // revoked
        QCOMPARE(stateOf(model, 42, 9), HeldTokenRow::State::NotHeld);
        QCOMPARE(stateOf(model, 42, 10), HeldTokenRow::State(-1));      // not the user's
        QCOMPARE(stateOf(model, 43, 1), HeldTokenRow::State::Checking); // another project
        model.markUnknown(kInstance, QStringLiteral("demo"), 43, QStringLiteral("403 Forbidden"));
        QCOMPARE(stateOf(model, 43, 1), HeldTokenRow::State::Unknown);
        const int gone = model.rowOfKey([] {
            HeldTokenRow r;
            r.held = held(42, 8);
            return r.key();
        }());
        QVERIFY(model.index(gone, HeldTokensModel::StateColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("forget")));

        // The user keeps #9 and forgets #8: merged, the rows for 7 and 43/1 untouched.
        const QPersistentModelIndex seven = model.index(model.rowOfKey([] {
            HeldTokenRow r;
            r.held = held(42, 7);
            return r.key();
        }()),
                                                        0);
        model.setHeld({held(42, 7), held(42, 9), held(43, 1)});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(seven.isValid());
        QCOMPARE(stateOf(model, 42, 7), HeldTokenRow::State::OnServer); // what was learnt stays
        QCOMPARE(stateOf(model, 42, 9), HeldTokenRow::State::Checking);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_MAIN(TestHeldTokensModel)
#include "tst_held_tokens_model.moc"
