#include "support/fake_secret_store.h"

#include <QTimer>

#include <algorithm>

namespace pipedeck {

FakeSecretStore::FakeSecretStore(QObject *parent)
    : SecretStore(parent)
{}

FakeSecretStore::~FakeSecretStore() = default;

void FakeSecretStore::setBehaviour(SecretOperation operation, Behaviour behaviour,
                                   const QString &key)
{
    std::erase_if(m_standing,
                  [&](const Rule &rule) { return rule.operation == operation && rule.key == key; });
    m_standing.push_back({operation, key, std::move(behaviour)});
}

void FakeSecretStore::queueBehaviour(SecretOperation operation, Behaviour behaviour,
                                     const QString &key)
{
    m_queued.push_back({operation, key, std::move(behaviour)});
}

void FakeSecretStore::clearBehaviours()
{
    m_queued.clear();
    m_standing.clear();
    m_locked = false;
}

void FakeSecretStore::setLocked(bool locked)
{
    m_locked = locked;
}

int FakeSecretStore::calls(SecretOperation operation) const
{
    return m_calls.value(static_cast<int>(operation));
}

int FakeSecretStore::totalCalls() const
{
    return calls(SecretOperation::Write) + calls(SecretOperation::Read) +
           calls(SecretOperation::Remove);
}

FakeSecretStore::Behaviour FakeSecretStore::behaviourFor(SecretOperation operation,
                                                         const QString &key)
{
    const auto matches = [&](const Rule &rule) {
        return rule.operation == operation && (rule.key.isEmpty() || rule.key == key);
    };
    if (auto it = std::find_if(m_queued.begin(), m_queued.end(), matches); it != m_queued.end()) {
        Behaviour behaviour = it->behaviour;
        m_queued.erase(it);
        return behaviour;
    }
    // A rule for this very key wins over one for any key.
    const Rule *best = nullptr;
    for (const Rule &rule : m_standing) {
        if (matches(rule) && (!best || !rule.key.isEmpty()))
            best = &rule;
    }
    if (best)
        return best->behaviour;
    if (m_locked) {
        switch (operation) {
        case SecretOperation::Read:
            return Behaviour::failWith(SecretStatus::NotFound);
        case SecretOperation::Write:
            return Behaviour::failWith(SecretStatus::Unavailable);
        case SecretOperation::Remove:
            return Behaviour::failWith(SecretStatus::Ok);
        }
    }
    return {};
}

SecretResult FakeSecretStore::apply(SecretOperation operation, const QString &key,
                                    const QByteArray &secret, const Behaviour &behaviour)
{
    if (m_locked && behaviour.status == SecretStatus::Ok && operation == SecretOperation::Remove)
        return {SecretStatus::Ok, {}, {}};
    if (behaviour.status != SecretStatus::Ok) {
        return {behaviour.status,
                {},
                QStringLiteral("fake keychain: %1").arg(secretStatusName(behaviour.status))};
    }
    switch (operation) {
    case SecretOperation::Write:
        m_entries.insert(key, secret);
        return {SecretStatus::Ok, {}, {}};
    case SecretOperation::Read:
        if (!m_entries.contains(key))
            return {SecretStatus::NotFound, {}, QStringLiteral("fake keychain: no entry")};
        return {SecretStatus::Ok,
                behaviour.readBack.isNull() ? m_entries.value(key) : behaviour.readBack,
                {}};
    case SecretOperation::Remove:
        if (!m_entries.remove(key))
            return {SecretStatus::NotFound, {}, QStringLiteral("fake keychain: no entry")};
        return {SecretStatus::Ok, {}, {}};
    }
    return {SecretStatus::OtherError, {}, {}};
}

void FakeSecretStore::start(SecretOperation operation, const QString &key, const QByteArray &secret,
                            Completion done)
{
    ++m_calls[static_cast<int>(operation)];
    Behaviour behaviour = behaviourFor(operation, key);
    if (behaviour.neverFinish) {
        m_held.push_back({operation, key, secret, std::move(behaviour), std::move(done)});
        return;
    }
    QTimer::singleShot(behaviour.delay, this, [this, operation, key, secret, behaviour, done] {
        done.finish(apply(operation, key, secret, behaviour));
    });
}

void FakeSecretStore::finishHeld(SecretStatus status)
{
    std::vector<Held> held = std::move(m_held);
    m_held.clear();
    for (Held &operation : held) {
        operation.behaviour.status = status;
        operation.done.finish(
            apply(operation.operation, operation.key, operation.secret, operation.behaviour));
    }
}

void FakeSecretStore::startWrite(const QString &key, const QByteArray &secret, Completion done)
{
    start(SecretOperation::Write, key, secret, std::move(done));
}

void FakeSecretStore::startRead(const QString &key, Completion done)
{
    start(SecretOperation::Read, key, {}, std::move(done));
}

void FakeSecretStore::startRemove(const QString &key, Completion done)
{
    start(SecretOperation::Remove, key, {}, std::move(done));
}

} // namespace pipedeck
