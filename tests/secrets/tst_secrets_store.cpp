// SecretStore's contract (deadline, late answers, validation, contexts) and secret migration,
// driven through FakeSecretStore: the faults here are the ones a real keychain cannot be
// made to produce on demand. The real backend is tested in tst_secrets_keychain.
#include "secrets/secret_migration.h"
#include "support/fake_secret_store.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <optional>

Q_DECLARE_METATYPE(pipedeck::FakeSecretStore::Behaviour)

using namespace pipedeck;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

// Collects the results of one store operation.
struct Answers
{
    QList<SecretResult> results;
    SecretStore::Callback callback()
    {
        return [this](const SecretResult &result) { results.append(result); };
    }
};

// Counts event-loop turns while an operation is pending and remembers the longest gap:
// a blocked GUI thread shows as a gap as long as the block.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10ms);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longestGap = std::max(m_longestGap, now - m_last);
            m_last = now;
            ++m_beats;
        });
        m_clock.start();
        m_timer.start();
    }
    int beats() const { return m_beats; }
    qint64 longestGapMs() const { return m_longestGap; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestGap = 0;
    int m_beats = 0;
};

} // namespace

class SecretStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripOverwriteAndRemove()
    {
        FakeSecretStore store;
        Answers answers;
        store.write(u"k"_s, "first", nullptr, answers.callback());
        store.write(u"k"_s, "second", nullptr, answers.callback());
        store.read(u"k"_s, nullptr, answers.callback());
        store.remove(u"k"_s, nullptr, answers.callback());
        store.read(u"k"_s, nullptr, answers.callback());
        QTRY_COMPARE(answers.results.size(), 5);
        QCOMPARE(answers.results[0].status, SecretStatus::Ok);
        QCOMPARE(answers.results[1].status, SecretStatus::Ok);
        QCOMPARE(answers.results[2].status, SecretStatus::Ok);
        QCOMPARE(answers.results[2].secret, QByteArray("second"));
        QCOMPARE(answers.results[3].status, SecretStatus::Ok);
        QCOMPARE(answers.results[4].status, SecretStatus::NotFound);
        QCOMPARE(store.pendingOperations(), 0);
    }

    void callbackNeverRunsInsideTheCall()
    {
        FakeSecretStore store;
        Answers answers;
        store.write(u"k"_s, "v", nullptr, answers.callback());
        store.write(u"k"_s, QByteArray(3000, 'x'), nullptr, answers.callback()); // rejected
        QVERIFY(answers.results.isEmpty());
        QTRY_COMPARE(answers.results.size(), 2);
    }

    void eachErrorIsPassedThroughAndChangesNothing_data()
    {
        QTest::addColumn<SecretStatus>("status");
        for (SecretStatus status : {SecretStatus::NotFound, SecretStatus::Unavailable,
                                    SecretStatus::AccessDenied, SecretStatus::OtherError})
            QTest::newRow(qPrintable(secretStatusName(status))) << status;
    }

    void eachErrorIsPassedThroughAndChangesNothing()
    {
        QFETCH(SecretStatus, status);
        FakeSecretStore store;
        store.seed(u"k"_s, "old");
        for (SecretOperation op :
             {SecretOperation::Write, SecretOperation::Read, SecretOperation::Remove})
            store.setBehaviour(op, FakeSecretStore::Behaviour::failWith(status));
        Answers answers;
        store.write(u"k"_s, "new", nullptr, answers.callback());
        store.read(u"k"_s, nullptr, answers.callback());
        store.remove(u"k"_s, nullptr, answers.callback());
        QTRY_COMPARE(answers.results.size(), 3);
        for (const SecretResult &result : std::as_const(answers.results)) {
            QCOMPARE(result.status, status);
            QVERIFY(result.secret.isEmpty());
        }
        QCOMPARE(store.entry(u"k"_s), QByteArray("old"));
    }

    void neverFinishingOperationTimesOutAtTheDeadlineWithoutBlocking()
    {
        FakeSecretStore store;
        store.setDeadline(1000ms);
        store.setBehaviour(SecretOperation::Read, FakeSecretStore::Behaviour::hang(), u"stuck"_s);
        store.seed(u"other"_s, "fine");

        Heartbeat heartbeat;
        QElapsedTimer clock;
        clock.start();
        Answers stuck;
        Answers other;
        store.read(u"stuck"_s, nullptr, stuck.callback());
        // Another account's lookup is not held up by the stuck one.
        store.read(u"other"_s, nullptr, other.callback());
        QTRY_COMPARE(other.results.size(), 1);
        QCOMPARE(other.results[0].secret, QByteArray("fine"));
        QVERIFY(stuck.results.isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(stuck.results.size(), 1, 10000);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(stuck.results[0].status, SecretStatus::Timeout);
        QVERIFY2(elapsed >= 900, qPrintable(QString::number(elapsed)));
        QCOMPARE(store.pendingOperations(), 0);
        QCOMPARE(store.heldOperations(), 1); // the backend still has it; nobody deleted it
        // The event loop kept turning during the whole wait.
        QVERIFY2(heartbeat.beats() >= 10, qPrintable(QString::number(heartbeat.beats())));
        QVERIFY2(heartbeat.longestGapMs() < 500,
                 qPrintable(QString::number(heartbeat.longestGapMs())));
    }

    void lateAnswerAfterTheDeadlineIsIgnored()
    {
        FakeSecretStore store;
        store.setDeadline(100ms);
        store.setBehaviour(SecretOperation::Write, FakeSecretStore::Behaviour::hang());
        QObject context;
        Answers answers;
        store.write(u"k"_s, "v", &context, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QCOMPARE(answers.results[0].status, SecretStatus::Timeout);

        store.finishHeld(SecretStatus::Ok); // the backend wakes up
        QTest::qWait(50);
        QCOMPARE(answers.results.size(), 1);
        // What the late backend did stays done (as with a real keychain); only the answer is
        // dropped.
        QVERIFY(store.contains(u"k"_s));
        QCOMPARE(store.pendingOperations(), 0);
    }

    void answerAfterTheDeadlineByTimerIsIgnored()
    {
        FakeSecretStore store;
        store.setDeadline(50ms);
        store.setBehaviour(SecretOperation::Read, FakeSecretStore::Behaviour::answerAfter(200ms));
        store.seed(u"k"_s, "v");
        Answers answers;
        store.read(u"k"_s, nullptr, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QCOMPARE(answers.results[0].status, SecretStatus::Timeout);
        QTest::qWait(300);
        QCOMPARE(answers.results.size(), 1);
    }

    void lateAnswerAfterStoreDestroyedIsSafe()
    {
        Answers answers;
        {
            FakeSecretStore store;
            store.setBehaviour(SecretOperation::Read,
                               FakeSecretStore::Behaviour::answerAfter(30ms));
            store.read(u"k"_s, nullptr, answers.callback());
            store.setBehaviour(SecretOperation::Write, FakeSecretStore::Behaviour::hang());
            store.write(u"k"_s, "v", nullptr, answers.callback());
        }
        QTest::qWait(100);
        QVERIFY(answers.results.isEmpty());
    }

    void noCallbackAfterContextIsDestroyed()
    {
        FakeSecretStore store;
        Answers answers;
        auto *context = new QObject;
        store.write(u"k"_s, "v", context, answers.callback());
        delete context;
        QTRY_COMPARE(store.pendingOperations(), 0);
        QTest::qWait(20);
        QVERIFY(answers.results.isEmpty());
        QVERIFY(store.contains(u"k"_s)); // the keychain still did the work
    }

    void secretSizeIsValidatedBeforeAnyBackendCall()
    {
        FakeSecretStore store;
        Answers answers;
        store.write(u"k"_s, QByteArray(SecretStore::maxSecretBytes + 1, 'x'), nullptr,
                    answers.callback());
        store.write(u"k"_s, QByteArray(3000, 'x'), nullptr, answers.callback());
        store.write(u"k"_s, QByteArray(), nullptr, answers.callback());
        store.write(QString(), "v", nullptr, answers.callback());
        store.read(QString(), nullptr, answers.callback());
        QTRY_COMPARE(answers.results.size(), 5);
        for (const SecretResult &result : std::as_const(answers.results))
            QCOMPARE(result.status, SecretStatus::Rejected);
        QVERIFY(answers.results[1].detail.contains(u"3000"_s));
        QCOMPARE(store.totalCalls(), 0);

        const QByteArray pat(100, 'p');
        store.write(u"k"_s, pat, nullptr, answers.callback());
        store.write(u"k2"_s, QByteArray(SecretStore::maxSecretBytes, 'm'), nullptr,
                    answers.callback());
        store.read(u"k"_s, nullptr, answers.callback());
        QTRY_COMPARE(answers.results.size(), 8);
        QCOMPARE(answers.results[5].status, SecretStatus::Ok);
        QCOMPARE(answers.results[6].status, SecretStatus::Ok);
        QCOMPARE(answers.results[7].secret, pat);
    }

    void migrationCopiesVerifiesThenRemovesOld()
    {
        FakeSecretStore store;
        store.seed(u"legacy"_s, "tok");
        std::optional<MigrationResult> result;
        migrateSecret(store, u"legacy"_s, store, u"pat/h:443/u"_s, nullptr,
                      [&](const MigrationResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->migrated);
        QVERIFY(result->oldRemoved);
        QCOMPARE(store.entry(u"pat/h:443/u"_s), QByteArray("tok"));
        QVERIFY(!store.contains(u"legacy"_s));
        // Read old, write new, read new back, remove old: in that order, once each.
        QCOMPARE(store.calls(SecretOperation::Read), 2);
        QCOMPARE(store.calls(SecretOperation::Write), 1);
        QCOMPARE(store.calls(SecretOperation::Remove), 1);
    }

    void migrationBetweenStores()
    {
        FakeSecretStore legacy;
        FakeSecretStore current;
        legacy.seed(u"jdoe"_s, "tok");
        std::optional<MigrationResult> result;
        migrateSecret(legacy, u"jdoe"_s, current, u"pat/h:443/jdoe"_s, nullptr,
                      [&](const MigrationResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->migrated);
        QCOMPARE(current.entry(u"pat/h:443/jdoe"_s), QByteArray("tok"));
        QVERIFY(!legacy.contains(u"jdoe"_s));
    }

    void migrationFailureBeforeVerificationKeepsOld_data()
    {
        QTest::addColumn<SecretOperation>("operation");
        QTest::addColumn<FakeSecretStore::Behaviour>("behaviour");
        QTest::addColumn<int>("step");
        QTest::newRow("write refused")
            << SecretOperation::Write
            << FakeSecretStore::Behaviour::failWith(SecretStatus::Unavailable)
            << int(MigrationResult::Step::WriteNew);
        QTest::newRow("read-back fails")
            << SecretOperation::Read << FakeSecretStore::Behaviour::failWith(SecretStatus::NotFound)
            << int(MigrationResult::Step::VerifyNew);
        FakeSecretStore::Behaviour corrupt;
        corrupt.readBack = QByteArray("garbled");
        QTest::newRow("read-back differs")
            << SecretOperation::Read << corrupt << int(MigrationResult::Step::VerifyNew);
        QTest::newRow("read-back times out")
            << SecretOperation::Read << FakeSecretStore::Behaviour::hang()
            << int(MigrationResult::Step::VerifyNew);
    }

    void migrationFailureBeforeVerificationKeepsOld()
    {
        QFETCH(SecretOperation, operation);
        QFETCH(FakeSecretStore::Behaviour, behaviour);
        QFETCH(int, step);
        FakeSecretStore store;
        store.setDeadline(200ms);
        store.seed(u"legacy"_s, "tok");
        // Only the new key misbehaves: the old one reads fine.
        store.setBehaviour(operation, behaviour, u"new"_s);
        std::optional<MigrationResult> result;
        migrateSecret(store, u"legacy"_s, store, u"new"_s, nullptr,
                      [&](const MigrationResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->migrated);
        QVERIFY(!result->oldRemoved);
        QCOMPARE(int(result->failedAt), step);
        QCOMPARE(store.entry(u"legacy"_s), QByteArray("tok"));
        QCOMPARE(store.calls(SecretOperation::Remove), 0);
    }

    void migrationWithNothingToMigrate()
    {
        FakeSecretStore store;
        std::optional<MigrationResult> result;
        migrateSecret(store, u"legacy"_s, store, u"new"_s, nullptr,
                      [&](const MigrationResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->nothingToMigrate);
        QVERIFY(!result->migrated);
        QCOMPARE(store.calls(SecretOperation::Write), 0);
    }

    void migrationOntoItselfIsRefused()
    {
        FakeSecretStore store;
        store.seed(u"k"_s, "tok");
        std::optional<MigrationResult> result;
        migrateSecret(store, u"k"_s, store, u"k"_s, nullptr,
                      [&](const MigrationResult &r) { result = r; });
        QVERIFY(!result.has_value());
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->migrated);
        QCOMPARE(store.entry(u"k"_s), QByteArray("tok"));
        QCOMPARE(store.totalCalls(), 0);
    }

    void migrationReportsOldEntryThatCouldNotBeRemoved()
    {
        FakeSecretStore store;
        store.seed(u"legacy"_s, "tok");
        store.setBehaviour(SecretOperation::Remove,
                           FakeSecretStore::Behaviour::failWith(SecretStatus::AccessDenied));
        std::optional<MigrationResult> result;
        migrateSecret(store, u"legacy"_s, store, u"new"_s, nullptr,
                      [&](const MigrationResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->migrated);
        QVERIFY(!result->oldRemoved);
        QCOMPARE(result->failedAt, MigrationResult::Step::RemoveOld);
        QCOMPARE(store.entry(u"new"_s), QByteArray("tok"));
    }
};

QTEST_GUILESS_MAIN(SecretStoreTest)
#include "tst_secrets_store.moc"
