#pragma once

#include "presets/preset.h"
#include "secrets/secret_store.h"
#include "secrets/token_index.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QSettings;

namespace pipedeck::presets {

//! A sensitive row whose value load() could not fill in.
struct MissingValue
{
    QString key;        //!< the variable key
    QString reason;     //!< translated, e.g. "The keychain is locked — retry."
    bool retry = false; //!< a keychain problem: the value may come back on retry
};

struct SaveResult
{
    bool saved = false; //!< presets.json holds the preset (maybe without some sensitive values)
    //! Sensitive rows whose value the keychain did not take (locked, refused, too long): the
    //! preset is saved without them, never with a file fallback. The dialog tells the user.
    QStringList notStoredKeys;
    QString message; //!< translated; empty when everything was stored
    QString reason;  //!< translated: why the keychain did not take them
    SecretStatus keychainStatus = SecretStatus::Ok;
};

struct LoadResult
{
    bool found = false;
    //! Sensitive rows carry the value from the keychain, or an empty value and an entry in
    //! `missing`.
    Preset preset;
    QList<MissingValue> missing;
    QString message; //!< translated, when not found
};

//! rename() and remove().
struct ChangeResult
{
    bool done = false; //!< false: nothing was changed (file and keychain as before)
    QString message;   //!< translated, when not done
    SecretStatus keychainStatus = SecretStatus::Ok;
};

struct PresetExport
{
    QByteArray json; //!< UTF-8, see PresetStore::exportPresets
    int presets = 0;
    int sensitiveLeftOut = 0; //!< sensitive rows exported by key only, value left out
};

struct ImportResult
{
    bool ok = false;
    int imported = 0;
    int renamed = 0;               //!< imported under "<name> (2)" etc., the name was taken
    int sensitiveWithoutValue = 0; //!< sensitive rows imported by key only
    QString message;               //!< translated summary or error
};

//! Named presets per account and project.
//!
//! Non-sensitive data lives in one JSON file (default AppDataLocation/presets.json, written
//! atomically through QSaveFile, re-read on every call so that several windows agree). A
//! sensitive row's value lives only in the OS keychain, through SecretStore, under
//! TokenKey{TokenKind::PresetValue, instance, account, presetQualifier(project, name, key)},
//! recorded in the TokenIndex (QSettings) once the keychain confirmed it; the file marks the
//! row sensitive with no value. Never a file fallback for a value the keychain refused.
//!
//! The asynchronous calls (save, load, rename, remove) follow TokenStore: `done` is called
//! exactly once, later (never inside the call), unless `context` (when given) or the store is
//! destroyed first; the operation itself still completes. list/export/import are synchronous
//! (file only).
class PresetStore : public QObject
{
    Q_OBJECT
public:
    using SaveCallback = std::function<void(const SaveResult &)>;
    using LoadCallback = std::function<void(const LoadResult &)>;
    using ChangeCallback = std::function<void(const ChangeResult &)>;

    //! AppDataLocation + "/presets.json".
    static QString defaultPath();

    //! `secrets` and `indexSettings` are not owned and must outlive the store. `indexSettings`
    //! is the same QSettings that TokenStore's index uses (group "secrets/index").
    PresetStore(SecretStore &secrets, QSettings &indexSettings,
                const QString &filePath = defaultPath(), QObject *parent = nullptr);
    ~PresetStore() override;

    //! Saves (or replaces, by name) a preset. Sensitive values go to the keychain first; the
    //! file is written with whatever the keychain took. A value the keychain still holds for a
    //! row that is no longer sensitive (or gone) is removed from it.
    void save(const AccountContext &account, qint64 projectId, const Preset &preset,
              QObject *context, SaveCallback done);
    //! The preset with sensitive values read from the keychain (see LoadResult::missing).
    void load(const AccountContext &account, qint64 projectId, const QString &name,
              QObject *context, LoadCallback done);
    //! Moves its keychain values to the new name (copy, then delete), then renames in the file.
    //! With a locked keychain nothing changes and the reason is returned.
    void rename(const AccountContext &account, qint64 projectId, const QString &oldName,
                const QString &newName, QObject *context, ChangeCallback done);
    //! Removes the preset and its keychain values. With a locked keychain (tested by a
    //! throw-away write, as TokenStore::remove does) nothing is removed and the reason is
    //! returned.
    void remove(const AccountContext &account, qint64 projectId, const QString &name,
                QObject *context, ChangeCallback done);

    //! The project's presets from the file (sensitive rows without values), in the order a
    //! dialog shows them: first those whose ties all match (job and ref, then job, then ref),
    //! then untied ones, then those tied to another job or ref; by name within each group.
    //! Empty jobName/ref: the dialog has none (run pipeline has no job), so a preset tied to
    //! a job is "tied to another".
    QList<Preset> list(const AccountContext &account, qint64 projectId, const QString &jobName = {},
                       const QString &ref = {}) const;
    bool contains(const AccountContext &account, qint64 projectId, const QString &name) const;

    //! {"format":"pipedeck-presets","version":1,"presets":[{"name","job_name","ref",
    //! "updated_at","variables":[{"key","value","variable_type"} | {"key","variable_type",
    //! "sensitive":true}]}]}: never a sensitive value. `names` empty: all of the project's.
    PresetExport exportPresets(const AccountContext &account, qint64 projectId,
                               const QStringList &names = {}) const;
    //! Adds the presets of an export to the project; a taken name gets " (2)", " (3)"...
    //! A sensitive row comes in by key only (a value in the file is dropped, never stored).
    ImportResult importPresets(const AccountContext &account, qint64 projectId,
                               const QByteArray &json);

    QString filePath() const { return m_path; }

private:
    struct Stored; // a preset as the file has it, with which sensitive keys are in the keychain
    struct SaveState;
    struct LoadState;
    struct MoveState;
    struct RemoveState;

    QList<Stored> readProject(const AccountContext &account, qint64 projectId) const;
    bool writeProject(const AccountContext &account, qint64 projectId, const QList<Stored> &presets,
                      QString *error);
    QStringList keychainKeysOf(const AccountContext &account, qint64 projectId,
                               const Stored &stored) const;
    void saveNext(const std::shared_ptr<SaveState> &state);
    void finishSave(const std::shared_ptr<SaveState> &state);
    void loadNext(const std::shared_ptr<LoadState> &state);
    void moveNext(const std::shared_ptr<MoveState> &state);
    void finishMove(const std::shared_ptr<MoveState> &state);
    void probeThenRemove(const QStringList &storageKeys, std::function<void(ChangeResult)> then);
    void removeNext(const std::shared_ptr<RemoveState> &state);

    SecretStore &m_secrets;
    TokenIndex m_index;
    QString m_path;
};

} // namespace pipedeck::presets
