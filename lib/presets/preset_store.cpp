#include "presets/preset_store.h"

#include "core/logging.h"
#include "presets/atomic_json_file.h"
#include "presets/rows_json.h"
#include "secrets/token_key.h"
#include "secrets/token_store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace pipedeck::presets {

namespace {

const QString storeFormat = QStringLiteral("pipedeck-presets-store");
const QString exportFormat = QStringLiteral("pipedeck-presets");

// The file's key for an account: the same host/port/path normalisation as the keychain keys,
// so "https://GitLab.example.com/" and "https://gitlab.example.com:443" share their presets.
QString accountKey(const AccountContext &account)
{
    const QString instance = instanceKeyPart(account.instance);
    if (instance.isEmpty() || account.account.isEmpty())
        return {};
    return instance + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(account.account));
}

TokenKey valueKey(const AccountContext &account, qint64 projectId, const QString &name,
                  const QString &variableKey)
{
    return TokenKey{TokenKind::PresetValue, account.instance, account.account,
                    presetQualifier(projectId, name, variableKey)};
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// Whether the value may come back by retrying (a keychain problem), not "it is not there".
bool isRetryable(SecretStatus status, bool recorded)
{
    switch (status) {
    case SecretStatus::NotFound:
        return recorded;
    case SecretStatus::Unavailable:
    case SecretStatus::AccessDenied:
    case SecretStatus::Timeout:
    case SecretStatus::OtherError:
        return true;
    case SecretStatus::Ok:
    case SecretStatus::Rejected:
        return false;
    }
    return false;
}

template<typename Result>
void callIfAlive(const QPointer<QObject> &guard, bool hasContext,
                 const std::function<void(const Result &)> &done, const Result &result)
{
    if ((hasContext && !guard) || !done)
        return;
    done(result);
}

template<typename Result>
void deliverLater(QObject *self, QObject *context, std::function<void(const Result &)> done,
                  Result result)
{
    QMetaObject::invokeMethod(
        self,
        [guard = QPointer<QObject>(context), hasContext = context != nullptr,
         done = std::move(done),
         result = std::move(result)] { callIfAlive(guard, hasContext, done, result); },
        Qt::QueuedConnection);
}

} // namespace

// Translated texts; a class so that lupdate sees one context.
class PresetTexts
{
    Q_DECLARE_TR_FUNCTIONS(pipedeck::presets::PresetStore)
public:
    static QString keychainReason(SecretStatus status, bool recorded)
    {
        switch (status) {
        case SecretStatus::NotFound:
            // gnome-keyring answers a read on a locked collection with "not found" (measured,
            // see lib/secrets/README.md): a value the index knows is behind a lock.
            return recorded ? tr("The keychain is locked — retry.")
                            : tr("The value is not in the keychain: enter it again.");
        case SecretStatus::Unavailable:
            return tr("The keychain is locked or unavailable — retry.");
        case SecretStatus::AccessDenied:
            return tr("Pipedeck was not allowed to use the keychain — allow access and retry.");
        case SecretStatus::Timeout:
            return tr("The keychain did not answer in time — retry.");
        case SecretStatus::Rejected:
            return tr("The value is too long for the keychain (at most %1 bytes).")
                .arg(SecretStore::maxSecretBytes);
        case SecretStatus::Ok:
        case SecretStatus::OtherError:
            break;
        }
        return tr("The keychain reported an error — retry.");
    }
    static QString notSavedInKeychain()
    {
        return tr("The value was not saved in the keychain: enter it again.");
    }
    static QString unusableAccount()
    {
        return tr("The account has no usable instance address or user name, so its presets "
                  "cannot be kept.");
    }
    static QString noName() { return tr("A preset needs a name."); }
    static QString noSuchPreset(const QString &name)
    {
        return tr("There is no preset named “%1”.").arg(name);
    }
    static QString nameTaken(const QString &name)
    {
        return tr("A preset named “%1” already exists.").arg(name);
    }
    static QString fileError(const QString &detail)
    {
        return tr("The presets could not be saved: %1").arg(detail);
    }
    static QString savedWithout(const QStringList &keys)
    {
        return tr("The preset was saved without these sensitive values: %1.")
            .arg(keys.join(QStringLiteral(", ")));
    }
    static QString notAnExport() { return tr("The file is not a Pipedeck presets export."); }
    static QString imported(int presets, int withoutValue)
    {
        if (withoutValue == 0)
            return tr("Presets imported: %1.").arg(presets);
        return tr("Presets imported: %1. Sensitive values are never exported; enter these %2 "
                  "again before sending.")
            .arg(presets)
            .arg(withoutValue);
    }
};

struct PresetStore::Stored
{
    Preset preset;            // sensitive rows without values
    QSet<QString> inKeychain; // keys of sensitive rows whose value the keychain holds
};

namespace {

QJsonObject storedToJson(const Preset &preset, const QSet<QString> &inKeychain)
{
    QJsonArray rows = rowsToJson(preset.rows);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject row = rows.at(i).toObject();
        if (row.value(QStringLiteral("sensitive")).toBool() &&
            inKeychain.contains(row.value(QStringLiteral("key")).toString())) {
            row.insert(QStringLiteral("in_keychain"), true);
            rows.replace(i, row);
        }
    }
    return QJsonObject{{QStringLiteral("name"), preset.name},
                       {QStringLiteral("job_name"), preset.jobName},
                       {QStringLiteral("ref"), preset.ref},
                       {QStringLiteral("updated_at"), isoTime(preset.updatedAt)},
                       {QStringLiteral("variables"), rows}};
}

Preset presetFromJson(const QJsonObject &object, int *droppedSensitiveValues = nullptr)
{
    Preset preset;
    preset.name = object.value(QStringLiteral("name")).toString().trimmed();
    preset.jobName = object.value(QStringLiteral("job_name")).toString();
    preset.ref = object.value(QStringLiteral("ref")).toString();
    preset.updatedAt = fromIso(object.value(QStringLiteral("updated_at")).toString());
    preset.rows =
        rowsFromJson(object.value(QStringLiteral("variables")).toArray(), droppedSensitiveValues);
    return preset;
}

// 0: every tie matches (job and ref, then job, then ref); 3: untied; 4: tied elsewhere.
int listRank(const Preset &preset, const QString &jobName, const QString &ref)
{
    const bool jobTied = !preset.jobName.isEmpty();
    const bool refTied = !preset.ref.isEmpty();
    if ((jobTied && preset.jobName != jobName) || (refTied && preset.ref != ref))
        return 4;
    if (jobTied && refTied)
        return 0;
    if (jobTied)
        return 1;
    if (refTied)
        return 2;
    return 3;
}

QString uniqueName(const QString &name, const QSet<QString> &taken)
{
    if (!taken.contains(name))
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(name).arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

QString PresetStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/presets.json");
}

PresetStore::PresetStore(SecretStore &secrets, QSettings &indexSettings, const QString &filePath,
                         QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_index(indexSettings)
    , m_path(filePath)
{}

PresetStore::~PresetStore() = default;

QList<PresetStore::Stored> PresetStore::readProject(const AccountContext &account,
                                                    qint64 projectId) const
{
    QList<Stored> result;
    const QString key = accountKey(account);
    if (key.isEmpty())
        return result;
    const QJsonObject root = readJsonObject(m_path).value_or(QJsonObject());
    const QJsonArray presets = root.value(QStringLiteral("accounts"))
                                   .toObject()
                                   .value(key)
                                   .toObject()
                                   .value(QStringLiteral("projects"))
                                   .toObject()
                                   .value(QString::number(projectId))
                                   .toArray();
    for (const QJsonValue &value : presets) {
        const QJsonObject object = value.toObject();
        Stored stored;
        stored.preset = presetFromJson(object);
        if (stored.preset.name.isEmpty())
            continue;
        for (const QJsonValue &row : object.value(QStringLiteral("variables")).toArray()) {
            const QJsonObject rowObject = row.toObject();
            if (rowObject.value(QStringLiteral("in_keychain")).toBool())
                stored.inKeychain.insert(rowObject.value(QStringLiteral("key")).toString());
        }
        result.append(stored);
    }
    return result;
}

bool PresetStore::writeProject(const AccountContext &account, qint64 projectId,
                               const QList<Stored> &presets, QString *error)
{
    const QString key = accountKey(account);
    QJsonObject root = readJsonObject(m_path).value_or(QJsonObject());
    root.insert(QStringLiteral("format"), storeFormat);
    root.insert(QStringLiteral("version"), 1);
    QJsonObject accounts = root.value(QStringLiteral("accounts")).toObject();
    QJsonObject entry = accounts.value(key).toObject();
    entry.insert(
        QStringLiteral("instance"),
        account.instance.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString());
    entry.insert(QStringLiteral("account"), account.account);
    QJsonObject projects = entry.value(QStringLiteral("projects")).toObject();
    QJsonArray array;
    for (const Stored &stored : presets)
        array.append(storedToJson(stored.preset, stored.inKeychain));
    if (array.isEmpty())
        projects.remove(QString::number(projectId));
    else
        projects.insert(QString::number(projectId), array);
    entry.insert(QStringLiteral("projects"), projects);
    accounts.insert(key, entry);
    root.insert(QStringLiteral("accounts"), accounts);
    QString detail;
    if (writeJsonAtomically(m_path, root, &detail))
        return true;
    qCWarning(lcStore).noquote() << "could not write" << m_path << detail;
    if (error)
        *error = PresetTexts::fileError(detail);
    return false;
}

QStringList PresetStore::keychainKeysOf(const AccountContext &account, qint64 projectId,
                                        const Stored &stored) const
{
    QStringList keys;
    for (const QString &variableKey : stored.inKeychain)
        keys << valueKey(account, projectId, stored.preset.name, variableKey).storageKey();
    // Also what the index knows under this preset (a value left by an interrupted save).
    const QString prefix = QString::number(projectId) + u'/' +
                           QString::fromLatin1(QUrl::toPercentEncoding(stored.preset.name)) + u'/';
    const QString instance = instanceKeyPart(account.instance);
    for (const TokenIndexEntry &entry : m_index.entries()) {
        if (entry.kind == TokenKind::PresetValue && entry.account == account.account &&
            instanceKeyPart(entry.instance) == instance && entry.qualifier.startsWith(prefix) &&
            !keys.contains(entry.storageKey)) {
            keys << entry.storageKey;
        }
    }
    return keys;
}

// --- save -------------------------------------------------------------------------------------

struct PresetStore::SaveState
{
    AccountContext account;
    qint64 projectId = 0;
    Preset preset;
    QList<variables::VariableRow> toStore; // sensitive rows with a value, one per key
    int next = 0;
    QSet<QString> stored;
    SaveResult result;
    QPointer<QObject> guard;
    bool hasContext = false;
    SaveCallback done;
};

void PresetStore::save(const AccountContext &account, qint64 projectId, const Preset &preset,
                       QObject *context, SaveCallback done)
{
    auto state = std::make_shared<SaveState>();
    state->account = account;
    state->projectId = projectId;
    state->preset = preset;
    state->preset.name = preset.name.trimmed();
    state->guard = context;
    state->hasContext = context != nullptr;
    state->done = std::move(done);
    if (accountKey(account).isEmpty() || state->preset.name.isEmpty()) {
        SaveResult result;
        result.message =
            state->preset.name.isEmpty() ? PresetTexts::noName() : PresetTexts::unusableAccount();
        return deliverLater<SaveResult>(this, context, state->done, result);
    }
    // One keychain entry per key: with duplicate keys (the editor flags them) the last wins.
    for (const variables::VariableRow &row : std::as_const(state->preset.rows)) {
        if (!row.sensitive || row.value.isEmpty())
            continue;
        auto same = std::find_if(state->toStore.begin(), state->toStore.end(),
                                 [&](const variables::VariableRow &r) { return r.key == row.key; });
        if (same != state->toStore.end())
            *same = row;
        else
            state->toStore.append(row);
    }
    saveNext(state);
}

void PresetStore::saveNext(const std::shared_ptr<SaveState> &state)
{
    if (state->next >= state->toStore.size()) {
        // Always later than the call, also with nothing to store.
        QMetaObject::invokeMethod(
            this, [this, state] { finishSave(state); }, Qt::QueuedConnection);
        return;
    }
    const variables::VariableRow row = state->toStore.at(state->next++);
    const TokenKey key = valueKey(state->account, state->projectId, state->preset.name, row.key);
    m_secrets.write(key.storageKey(), row.value.toUtf8(), this,
                    [this, state, key, variableKey = row.key](const SecretResult &written) {
                        if (written.ok()) {
                            // Only now: the index never claims a value the keychain lacks.
                            m_index.record(key);
                            state->stored.insert(variableKey);
                        } else {
                            qCWarning(lcStore).noquote()
                                << "keychain did not take a preset value for" << key.storageKey()
                                << secretStatusName(written.status);
                            state->result.notStoredKeys << variableKey;
                            if (state->result.keychainStatus == SecretStatus::Ok) {
                                state->result.keychainStatus = written.status;
                                state->result.reason =
                                    PresetTexts::keychainReason(written.status, false);
                            }
                        }
                        saveNext(state);
                    });
}

void PresetStore::finishSave(const std::shared_ptr<SaveState> &state)
{
    QList<Stored> presets = readProject(state->account, state->projectId);
    Stored replacement;
    replacement.preset = state->preset;
    replacement.preset.rows = variables::withoutSensitiveValues(state->preset.rows);
    replacement.preset.updatedAt = QDateTime::currentDateTimeUtc();
    replacement.inKeychain = state->stored;
    QStringList stale;
    auto existing = std::find_if(presets.begin(), presets.end(), [&](const Stored &s) {
        return s.preset.name == replacement.preset.name;
    });
    if (existing != presets.end()) {
        for (const QString &key : keychainKeysOf(state->account, state->projectId, *existing)) {
            bool keep = false;
            for (const QString &variableKey : std::as_const(state->stored)) {
                if (valueKey(state->account, state->projectId, replacement.preset.name, variableKey)
                        .storageKey() == key)
                    keep = true;
            }
            if (!keep)
                stale << key;
        }
        *existing = replacement;
    } else {
        presets.append(replacement);
    }
    QString error;
    SaveResult result = state->result;
    result.saved = writeProject(state->account, state->projectId, presets, &error);
    if (!result.saved)
        result.message = error;
    else if (!result.notStoredKeys.isEmpty())
        result.message = PresetTexts::savedWithout(result.notStoredKeys);
    if (result.saved && !stale.isEmpty()) {
        // Values of rows that are no longer sensitive, or gone: best effort; with a locked
        // keychain they stay indexed, and remove() of the preset deletes them later.
        probeThenRemove(stale, [](const ChangeResult &removed) {
            if (!removed.done)
                qCInfo(lcStore) << "stale preset values kept for later removal:"
                                << secretStatusName(removed.keychainStatus);
        });
    }
    callIfAlive(state->guard, state->hasContext, state->done, result);
}

// --- load -------------------------------------------------------------------------------------

struct PresetStore::LoadState
{
    AccountContext account;
    qint64 projectId = 0;
    LoadResult result;
    QList<int> rowsToRead;
    int next = 0;
    QPointer<QObject> guard;
    bool hasContext = false;
    LoadCallback done;
};

void PresetStore::load(const AccountContext &account, qint64 projectId, const QString &name,
                       QObject *context, LoadCallback done)
{
    auto state = std::make_shared<LoadState>();
    state->account = account;
    state->projectId = projectId;
    state->guard = context;
    state->hasContext = context != nullptr;
    state->done = std::move(done);
    const QList<Stored> presets = readProject(account, projectId);
    auto found = std::find_if(presets.begin(), presets.end(),
                              [&](const Stored &s) { return s.preset.name == name.trimmed(); });
    if (found == presets.end()) {
        LoadResult result;
        result.message = PresetTexts::noSuchPreset(name);
        return deliverLater<LoadResult>(this, context, state->done, result);
    }
    state->result.found = true;
    state->result.preset = found->preset;
    for (int i = 0; i < found->preset.rows.size(); ++i) {
        const variables::VariableRow &row = found->preset.rows.at(i);
        if (!row.sensitive)
            continue;
        if (found->inKeychain.contains(row.key))
            state->rowsToRead << i;
        else
            state->result.missing << MissingValue{row.key, PresetTexts::notSavedInKeychain(),
                                                  false};
    }
    loadNext(state);
}

void PresetStore::loadNext(const std::shared_ptr<LoadState> &state)
{
    if (state->next >= state->rowsToRead.size()) {
        QMetaObject::invokeMethod(
            this,
            [state] { callIfAlive(state->guard, state->hasContext, state->done, state->result); },
            Qt::QueuedConnection);
        return;
    }
    const int rowIndex = state->rowsToRead.at(state->next++);
    const QString variableKey = state->result.preset.rows.at(rowIndex).key;
    const TokenKey key =
        valueKey(state->account, state->projectId, state->result.preset.name, variableKey);
    m_secrets.read(key.storageKey(), this,
                   [this, state, key, rowIndex, variableKey](const SecretResult &read) {
                       if (read.ok()) {
                           state->result.preset.rows[rowIndex].value =
                               QString::fromUtf8(read.secret);
                       } else {
                           // Nothing is changed on a failed read: the value may be fine
                           // behind a locked keychain.
                           const bool recorded = m_index.contains(key.storageKey());
                           state->result.missing << MissingValue{
                               variableKey, PresetTexts::keychainReason(read.status, recorded),
                               isRetryable(read.status, recorded)};
                       }
                       loadNext(state);
                   });
}

// --- rename -----------------------------------------------------------------------------------

struct PresetStore::MoveState
{
    AccountContext account;
    qint64 projectId = 0;
    QString oldName;
    QString newName;
    QStringList variableKeys; // in the keychain under the old name
    int next = 0;
    QList<TokenKey> written; // under the new name
    QPointer<QObject> guard;
    bool hasContext = false;
    ChangeCallback done;
};

void PresetStore::rename(const AccountContext &account, qint64 projectId, const QString &oldName,
                         const QString &newName, QObject *context, ChangeCallback done)
{
    auto state = std::make_shared<MoveState>();
    state->account = account;
    state->projectId = projectId;
    state->oldName = oldName.trimmed();
    state->newName = newName.trimmed();
    state->guard = context;
    state->hasContext = context != nullptr;
    state->done = std::move(done);
    const QList<Stored> presets = readProject(account, projectId);
    auto byName = [&](const QString &name) {
        return std::find_if(presets.begin(), presets.end(),
                            [&](const Stored &s) { return s.preset.name == name; });
    };
    ChangeResult refused;
    if (state->newName.isEmpty())
        refused.message = PresetTexts::noName();
    else if (byName(state->oldName) == presets.end())
        refused.message = PresetTexts::noSuchPreset(state->oldName);
    else if (state->newName != state->oldName && byName(state->newName) != presets.end())
        refused.message = PresetTexts::nameTaken(state->newName);
    if (!refused.message.isEmpty())
        return deliverLater<ChangeResult>(this, context, state->done, refused);
    if (state->newName == state->oldName) {
        ChangeResult same;
        same.done = true;
        return deliverLater<ChangeResult>(this, context, state->done, same);
    }
    state->variableKeys = byName(state->oldName)->inKeychain.values();
    if (state->variableKeys.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, state] { finishMove(state); }, Qt::QueuedConnection);
        return;
    }
    // A locked gnome-keyring reads "not found" and deletes nothing while saying "ok": learn
    // first whether it takes writes, so that a rename never half-happens behind a lock.
    QByteArray probe(16, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(probe.data()), 4);
    m_secrets.write(TokenStore::writableProbeKey(), probe.toHex(), this,
                    [this, state](const SecretResult &written) {
                        if (!written.ok()) {
                            ChangeResult result;
                            result.keychainStatus = written.status;
                            result.message = PresetTexts::keychainReason(written.status, true);
                            return callIfAlive(state->guard, state->hasContext, state->done,
                                               result);
                        }
                        m_secrets.remove(TokenStore::writableProbeKey(), this, {});
                        moveNext(state);
                    });
}

void PresetStore::moveNext(const std::shared_ptr<MoveState> &state)
{
    if (state->next >= state->variableKeys.size())
        return finishMove(state);
    const QString variableKey = state->variableKeys.at(state->next++);
    const TokenKey from = valueKey(state->account, state->projectId, state->oldName, variableKey);
    const TokenKey to = valueKey(state->account, state->projectId, state->newName, variableKey);
    auto failed = [this, state](SecretStatus status) {
        // Undo the copies made so far; the old entries were never touched.
        for (const TokenKey &copy : std::as_const(state->written)) {
            m_secrets.remove(copy.storageKey(), this, [this, copy](const SecretResult &removed) {
                if (removed.ok() || removed.status == SecretStatus::NotFound)
                    m_index.forget(copy.storageKey());
            });
        }
        ChangeResult result;
        result.keychainStatus = status;
        result.message = PresetTexts::keychainReason(status, true);
        callIfAlive(state->guard, state->hasContext, state->done, result);
    };
    m_secrets.read(from.storageKey(), this, [this, state, to, failed](const SecretResult &read) {
        if (!read.ok())
            return failed(read.status);
        m_secrets.write(to.storageKey(), read.secret, this,
                        [this, state, to, failed](const SecretResult &written) {
                            if (!written.ok())
                                return failed(written.status);
                            m_index.record(to);
                            state->written << to;
                            moveNext(state);
                        });
    });
}

void PresetStore::finishMove(const std::shared_ptr<MoveState> &state)
{
    QList<Stored> presets = readProject(state->account, state->projectId);
    QStringList oldKeys;
    for (Stored &stored : presets) {
        if (stored.preset.name != state->oldName)
            continue;
        oldKeys = keychainKeysOf(state->account, state->projectId, stored);
        stored.preset.name = state->newName;
    }
    ChangeResult result;
    QString error;
    result.done = writeProject(state->account, state->projectId, presets, &error);
    if (!result.done) {
        result.message = error;
    } else {
        // The copies are in place and the file names them: the old entries go.
        for (const QString &key : std::as_const(oldKeys)) {
            m_secrets.remove(key, this, [this, key](const SecretResult &removed) {
                if (removed.ok() || removed.status == SecretStatus::NotFound)
                    m_index.forget(key);
            });
        }
    }
    callIfAlive(state->guard, state->hasContext, state->done, result);
}

// --- remove -----------------------------------------------------------------------------------

struct PresetStore::RemoveState
{
    QStringList keys;
    int next = 0;
    ChangeResult result;
    std::function<void(ChangeResult)> then;
};

void PresetStore::remove(const AccountContext &account, qint64 projectId, const QString &name,
                         QObject *context, ChangeCallback done)
{
    const QList<Stored> presets = readProject(account, projectId);
    auto found = std::find_if(presets.begin(), presets.end(),
                              [&](const Stored &s) { return s.preset.name == name.trimmed(); });
    if (found == presets.end()) {
        ChangeResult result;
        result.message = PresetTexts::noSuchPreset(name);
        return deliverLater<ChangeResult>(this, context, std::move(done), result);
    }
    const QString presetName = found->preset.name;
    auto removeFromFile = [this, account, projectId, presetName, guard = QPointer<QObject>(context),
                           hasContext = context != nullptr,
                           done = std::move(done)](ChangeResult result) {
        if (result.done) {
            QList<Stored> current = readProject(account, projectId);
            current.removeIf([&](const Stored &s) { return s.preset.name == presetName; });
            QString error;
            result.done = writeProject(account, projectId, current, &error);
            if (!result.done)
                result.message = error;
        }
        callIfAlive(guard, hasContext, done, result);
    };
    const QStringList keys = keychainKeysOf(account, projectId, *found);
    if (keys.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [removeFromFile] {
                ChangeResult ok;
                ok.done = true;
                removeFromFile(ok);
            },
            Qt::QueuedConnection);
        return;
    }
    probeThenRemove(keys, removeFromFile);
}

void PresetStore::probeThenRemove(const QStringList &storageKeys,
                                  std::function<void(ChangeResult)> then)
{
    auto state = std::make_shared<RemoveState>();
    state->keys = storageKeys;
    state->then = std::move(then);
    state->result.done = true;
    // A locked gnome-keyring "succeeds" at deleting without deleting (measured): only a
    // keychain that takes a write is trusted with the deletes.
    QByteArray probe(16, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(probe.data()), 4);
    m_secrets.write(TokenStore::writableProbeKey(), probe.toHex(), this,
                    [this, state](const SecretResult &written) {
                        if (!written.ok()) {
                            ChangeResult result;
                            result.keychainStatus = written.status;
                            result.message = PresetTexts::keychainReason(written.status, true);
                            return state->then(result);
                        }
                        removeNext(state);
                    });
}

void PresetStore::removeNext(const std::shared_ptr<RemoveState> &state)
{
    if (state->next >= state->keys.size()) {
        m_secrets.remove(TokenStore::writableProbeKey(), this, {});
        return state->then(state->result);
    }
    const QString key = state->keys.at(state->next++);
    m_secrets.remove(key, this, [this, state, key](const SecretResult &removed) {
        if (removed.ok() || removed.status == SecretStatus::NotFound) {
            m_index.forget(key);
        } else if (state->result.done) {
            state->result.done = false;
            state->result.keychainStatus = removed.status;
            state->result.message = PresetTexts::keychainReason(removed.status, true);
        }
        removeNext(state);
    });
}

// --- list, export, import ---------------------------------------------------------------------

QList<Preset> PresetStore::list(const AccountContext &account, qint64 projectId,
                                const QString &jobName, const QString &ref) const
{
    QList<Preset> presets;
    for (const Stored &stored : readProject(account, projectId))
        presets << stored.preset;
    std::stable_sort(presets.begin(), presets.end(), [&](const Preset &a, const Preset &b) {
        const int rankA = listRank(a, jobName, ref);
        const int rankB = listRank(b, jobName, ref);
        if (rankA != rankB)
            return rankA < rankB;
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return presets;
}

bool PresetStore::contains(const AccountContext &account, qint64 projectId,
                           const QString &name) const
{
    const QList<Stored> presets = readProject(account, projectId);
    return std::any_of(presets.begin(), presets.end(),
                       [&](const Stored &s) { return s.preset.name == name.trimmed(); });
}

PresetExport PresetStore::exportPresets(const AccountContext &account, qint64 projectId,
                                        const QStringList &names) const
{
    PresetExport result;
    QJsonArray array;
    for (const Stored &stored : readProject(account, projectId)) {
        if (!names.isEmpty() && !names.contains(stored.preset.name))
            continue;
        // The file has no sensitive values; rowsToJson would drop one anyway.
        QJsonObject object = storedToJson(stored.preset, {});
        for (const variables::VariableRow &row : stored.preset.rows)
            result.sensitiveLeftOut += row.sensitive ? 1 : 0;
        array.append(object);
        ++result.presets;
    }
    const QJsonObject root{{QStringLiteral("format"), exportFormat},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("presets"), array}};
    result.json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return result;
}

ImportResult PresetStore::importPresets(const AccountContext &account, qint64 projectId,
                                        const QByteArray &json)
{
    ImportResult result;
    if (accountKey(account).isEmpty()) {
        result.message = PresetTexts::unusableAccount();
        return result;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError ||
        root.value(QStringLiteral("format")).toString() != exportFormat) {
        result.message = PresetTexts::notAnExport();
        return result;
    }
    QList<Stored> presets = readProject(account, projectId);
    QSet<QString> taken;
    for (const Stored &stored : std::as_const(presets))
        taken.insert(stored.preset.name);
    for (const QJsonValue &value : root.value(QStringLiteral("presets")).toArray()) {
        int dropped = 0;
        Stored stored;
        stored.preset = presetFromJson(value.toObject(), &dropped);
        if (stored.preset.name.isEmpty())
            continue;
        if (dropped > 0)
            qCWarning(lcStore) << "an imported preset carried" << dropped
                               << "sensitive values; they were dropped";
        const QString name = uniqueName(stored.preset.name, taken);
        if (name != stored.preset.name)
            ++result.renamed;
        stored.preset.name = name;
        taken.insert(name);
        if (!stored.preset.updatedAt.isValid())
            stored.preset.updatedAt = QDateTime::currentDateTimeUtc();
        for (const variables::VariableRow &row : std::as_const(stored.preset.rows))
            result.sensitiveWithoutValue += row.sensitive ? 1 : 0;
        presets.append(stored);
        ++result.imported;
    }
    QString error;
    result.ok = writeProject(account, projectId, presets, &error);
    result.message =
        result.ok ? PresetTexts::imported(result.imported, result.sensitiveWithoutValue) : error;
    if (!result.ok)
        result.imported = result.renamed = result.sensitiveWithoutValue = 0;
    return result;
}

} // namespace pipedeck::presets
