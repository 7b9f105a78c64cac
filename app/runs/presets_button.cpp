#include "runs/presets_button.h"

#include "presets/preset_store.h"

#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>

namespace pipedeck {

namespace {

constexpr qint64 kMaxImportBytes = 4 * 1024 * 1024;

} // namespace

PresetsButton::PresetsButton(presets::PresetStore *store, presets::AccountContext account,
                             qint64 projectId, QWidget *parent)
    : QToolButton(parent)
    , m_store(store)
    , m_account(std::move(account))
    , m_projectId(projectId)
{
    setObjectName(QStringLiteral("presetsButton"));
    setText(tr("Presets"));
    setAccessibleName(tr("Presets"));
    setToolTip(tr("Apply, save or manage named sets of variables for this project"));
    setPopupMode(QToolButton::InstantPopup);
    setEnabled(m_store != nullptr);
    auto *menu = new QMenu(this);
    menu->setToolTipsVisible(true);
    setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &PresetsButton::rebuildMenu);
}

void PresetsButton::rebuildMenu()
{
    QMenu *top = menu();
    top->clear();
    if (!m_store)
        return;
    const QList<presets::Preset> list = m_store->list(m_account, m_projectId, m_jobName, m_ref);
    if (list.isEmpty()) {
        QAction *none = top->addAction(tr("No presets for this project yet"));
        none->setEnabled(false);
    }
    for (const presets::Preset &preset : list) {
        QString label = preset.name;
        if (!preset.jobName.isEmpty())
            label += QStringLiteral(" — ") + tr("job %1").arg(preset.jobName);
        if (!preset.ref.isEmpty())
            label += QStringLiteral(" — ") + tr("ref %1").arg(preset.ref);
        // A name may hold '&': shown as typed, not as a mnemonic.
        label.replace(u'&', QStringLiteral("&&"));
        QAction *apply = top->addAction(label);
        const QString name = preset.name;
        connect(apply, &QAction::triggered, this, [this, name] { applyPreset(name); });
    }
    top->addSeparator();
    connect(top->addAction(tr("Save as Preset…")), &QAction::triggered, this,
            &PresetsButton::askSave);
    QMenu *rename = top->addMenu(tr("Rename Preset"));
    rename->setEnabled(!list.isEmpty());
    for (const presets::Preset &preset : list) {
        QString label = preset.name;
        label.replace(u'&', QStringLiteral("&&"));
        const QString name = preset.name;
        connect(rename->addAction(label), &QAction::triggered, this, [this, name] {
            bool ok = false;
            const QString newName = QInputDialog::getText(
                this, tr("Rename Preset"), tr("New name of the preset “%1”:").arg(name),
                QLineEdit::Normal, name, &ok);
            if (ok && !newName.trimmed().isEmpty() && newName.trimmed() != name)
                renamePreset(name, newName.trimmed());
        });
    }
    QMenu *remove = top->addMenu(tr("Delete Preset"));
    remove->setEnabled(!list.isEmpty());
    for (const presets::Preset &preset : list) {
        QString label = preset.name;
        label.replace(u'&', QStringLiteral("&&"));
        const QString name = preset.name;
        connect(remove->addAction(label), &QAction::triggered, this,
                [this, name] { removePreset(name); });
    }
    top->addSeparator();
    QAction *exportAll = top->addAction(tr("Export Presets…"));
    exportAll->setEnabled(!list.isEmpty());
    connect(exportAll, &QAction::triggered, this, &PresetsButton::askExport);
    connect(top->addAction(tr("Import Presets…")), &QAction::triggered, this,
            &PresetsButton::askImport);
}

void PresetsButton::applyPreset(const QString &name)
{
    if (!m_store)
        return;
    m_store->load(m_account, m_projectId, name, this, [this](const presets::LoadResult &result) {
        if (!result.found) {
            Q_EMIT notice(result.message, true);
            return;
        }
        Q_EMIT presetApplied(result.preset);
        if (result.missing.isEmpty()) {
            Q_EMIT notice(tr("Applied the preset “%1”.").arg(result.preset.name), false);
            return;
        }
        QStringList keys;
        for (const presets::MissingValue &missing : result.missing)
            keys.append(missing.key);
        Q_EMIT notice(tr("Applied the preset “%1”, but the keychain did not give the values of "
                         "%2: %3")
                          .arg(result.preset.name, keys.join(QStringLiteral(", ")),
                               result.missing.first().reason),
                      true);
    });
}

void PresetsButton::savePreset(const QString &name)
{
    if (!m_store || !m_rows)
        return;
    presets::Preset preset;
    preset.name = name.trimmed();
    preset.jobName = m_jobName;
    preset.rows = m_rows();
    m_store->save(m_account, m_projectId, preset, this,
                  [this, preset](const presets::SaveResult &r) {
                      if (!r.saved) {
                          Q_EMIT notice(r.message, true);
                          return;
                      }
                      if (!r.notStoredKeys.isEmpty()) {
                          Q_EMIT notice(r.message, true);
                          return;
                      }
                      Q_EMIT notice(tr("Saved the preset “%1”.").arg(preset.name), false);
                  });
}

void PresetsButton::askSave()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save as Preset"),
        m_jobName.isEmpty() ? tr("Name of the preset:")
                            : tr("Name of the preset (tied to the job “%1”):").arg(m_jobName),
        QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (m_store->contains(m_account, m_projectId, name.trimmed()) &&
        QMessageBox::question(this, tr("Replace Preset"),
                              tr("A preset named “%1” exists. Replace it?").arg(name.trimmed()),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    savePreset(name);
}

void PresetsButton::renamePreset(const QString &name, const QString &newName)
{
    if (!m_store)
        return;
    m_store->rename(m_account, m_projectId, name, newName, this,
                    [this, newName](const presets::ChangeResult &result) {
                        Q_EMIT notice(result.done ? tr("Renamed the preset to “%1”.").arg(newName)
                                                  : result.message,
                                      !result.done);
                    });
}

void PresetsButton::removePreset(const QString &name)
{
    if (QMessageBox::question(this, tr("Delete Preset"),
                              tr("Delete the preset “%1” and its sensitive values in the "
                                 "keychain?")
                                  .arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_store->remove(
        m_account, m_projectId, name, this, [this, name](const presets::ChangeResult &result) {
            Q_EMIT notice(result.done ? tr("Deleted the preset “%1”.").arg(name) : result.message,
                          !result.done);
        });
}

void PresetsButton::askExport()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Presets"), QStringLiteral("presets.json"),
                                     tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const presets::PresetExport exported = m_store->exportPresets(m_account, m_projectId);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exported.json) != exported.json.size() ||
        !file.commit()) {
        Q_EMIT notice(tr("Could not write %1: %2").arg(path, file.errorString()), true);
        return;
    }
    QString text = tr("Exported %n preset(s).", nullptr, exported.presets);
    if (exported.sensitiveLeftOut > 0)
        text += QLatin1Char(' ') +
                tr("%n sensitive value(s) left out.", nullptr, exported.sensitiveLeftOut);
    Q_EMIT notice(text, false);
}

void PresetsButton::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Presets"), {},
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxImportBytes) {
        Q_EMIT notice(tr("Could not read %1.").arg(path), true);
        return;
    }
    const presets::ImportResult result =
        m_store->importPresets(m_account, m_projectId, file.readAll());
    Q_EMIT notice(result.message, !result.ok);
}

} // namespace pipedeck
