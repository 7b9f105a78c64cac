#pragma once

#include "secrets/secret_store.h"

#include <QHash>
#include <QList>

#include <vector>

namespace pipedeck {

// An in-process keychain for the faults the real one cannot be made to produce on demand:
// an answer that never comes, an answer after the deadline, each error code, a corrupted
// read-back. Entries live in memory only. Without behaviours it acts like an unlocked
// keychain that answers on the next event-loop turn.
class FakeSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    struct Behaviour
    {
        // Ok: carry out the operation on the entries; anything else: fail with it and
        // change nothing.
        SecretStatus status = SecretStatus::Ok;
        std::chrono::milliseconds delay{0};
        // Hold the operation until finishHeld(); a held write changes nothing until then.
        bool neverFinish = false;
        // When not null: a successful read answers with this instead of the stored secret.
        QByteArray readBack;

        static Behaviour failWith(SecretStatus status) { return {status, {}, false, {}}; }
        static Behaviour answerAfter(std::chrono::milliseconds delay)
        {
            return {SecretStatus::Ok, delay, false, {}};
        }
        static Behaviour hang() { return {SecretStatus::Ok, {}, true, {}}; }
    };

    explicit FakeSecretStore(QObject *parent = nullptr);
    ~FakeSecretStore() override;

    // For every later call of `operation` (on `key` only, when given).
    void setBehaviour(SecretOperation operation, Behaviour behaviour, const QString &key = {});
    // For the next matching call only; one-shot behaviours are used before standing ones,
    // in the order they were queued.
    void queueBehaviour(SecretOperation operation, Behaviour behaviour, const QString &key = {});
    void clearBehaviours();

    // What gnome-keyring does with its collection locked (measured): reads answer
    // NotFound, writes are refused, removes "succeed" without removing anything.
    void setLocked(bool locked);

    // Answers every held operation now, as a backend that wakes up late would.
    void finishHeld(SecretStatus status = SecretStatus::Ok);
    int heldOperations() const { return static_cast<int>(m_held.size()); }

    void seed(const QString &key, const QByteArray &secret) { m_entries.insert(key, secret); }
    bool contains(const QString &key) const { return m_entries.contains(key); }
    QByteArray entry(const QString &key) const { return m_entries.value(key); }
    QList<QString> keys() const { return m_entries.keys(); }

    // Backend calls made, per operation (rejected calls never reach the backend).
    int calls(SecretOperation operation) const;
    int totalCalls() const;

protected:
    void startWrite(const QString &key, const QByteArray &secret, Completion done) override;
    void startRead(const QString &key, Completion done) override;
    void startRemove(const QString &key, Completion done) override;

private:
    struct Rule
    {
        SecretOperation operation;
        QString key;
        Behaviour behaviour;
    };
    struct Held
    {
        SecretOperation operation;
        QString key;
        QByteArray secret;
        Behaviour behaviour;
        Completion done;
    };

    Behaviour behaviourFor(SecretOperation operation, const QString &key);
    void start(SecretOperation operation, const QString &key, const QByteArray &secret,
               Completion done);
    SecretResult apply(SecretOperation operation, const QString &key, const QByteArray &secret,
                       const Behaviour &behaviour);

    QHash<QString, QByteArray> m_entries;
    std::vector<Rule> m_queued;
    std::vector<Rule> m_standing;
    std::vector<Held> m_held;
    QHash<int, int> m_calls;
    bool m_locked = false;
};

} // namespace pipedeck
