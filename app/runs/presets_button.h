#pragma once

#include "presets/preset.h"

#include <QToolButton>

#include <functional>

namespace pipedeck {

namespace presets {
class PresetStore;
}

//! The dialogs' *Presets* menu: the project's presets (those tied to this job or ref first),
//! *Save as Preset…*, delete, export and import. Applying one loads it (sensitive values from
//! the keychain) and hands its rows to the dialog.
class PresetsButton : public QToolButton
{
    Q_OBJECT
public:
    using RowsSource = std::function<QList<variables::VariableRow>()>;

    PresetsButton(presets::PresetStore *store, presets::AccountContext account, qint64 projectId,
                  QWidget *parent = nullptr);

    //! What the presets are listed for and what a saved one is tied to.
    void setJobName(const QString &jobName) { m_jobName = jobName; }
    void setRef(const QString &ref) { m_ref = ref; }
    void setRowsSource(RowsSource rows) { m_rows = std::move(rows); }

    //! Applies the named preset (as its menu entry does).
    void applyPreset(const QString &name);
    //! Saves the dialog's rows under `name` (as Save as Preset… does after asking the name).
    void savePreset(const QString &name);
    //! Renames a preset (its keychain values move with it).
    void renamePreset(const QString &name, const QString &newName);

Q_SIGNALS:
    void presetApplied(const pipedeck::presets::Preset &preset);
    //! A sentence for the dialog's message line: saved, applied with missing values, errors.
    void notice(const QString &text, bool error);

private:
    void rebuildMenu();
    void askSave();
    void askImport();
    void askExport();
    void removePreset(const QString &name);

    presets::PresetStore *m_store;
    presets::AccountContext m_account;
    qint64 m_projectId;
    QString m_jobName;
    QString m_ref;
    RowsSource m_rows;
};

} // namespace pipedeck
