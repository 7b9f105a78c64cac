#pragma once

#include "watch/watch_list.h"
#include "watch/watch_rules.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>
#include <optional>

namespace pipedeck::watch {

//! The watch rules of every account and the explicit watches, in one JSON file (default
//! AppDataLocation/watching.json) written through QSaveFile (presets::writeJsonAtomically).
//!
//! Why QSaveFile and not QSettings: QSettings falls back to writing in place when it cannot
//! rename, and reports only "AccessError" afterwards; QSaveFile with the direct-write fallback
//! off either replaces the file whole or leaves the old one, and says why. The rules are lists
//! per account, which JSON holds without QSettings' array escaping; and the same helper
//! already writes the presets and drafts.
//!
//! Every change is saved at once (the file is small; a watch is added by one click). A file
//! that cannot be read is never overwritten: it is renamed to `<file>.unreadable` before the
//! first save, so nothing is lost, and load() says what happened.
class WatchStore : public QObject
{
    Q_OBJECT
public:
    explicit WatchStore(QString path = defaultPath(), QObject *parent = nullptr);

    static QString defaultPath();
    const QString &path() const { return m_path; }

    //! Reads the file (missing: defaults, true). False with errorText() when it was there but
    //! unreadable; the defaults are in force then.
    bool load();
    //! Translated; empty after a good load or save.
    const QString &errorText() const { return m_error; }

    WatchRules rules(const QString &accountId) const;
    void setRules(const QString &accountId, const WatchRules &rules);
    //! Forgets the account's rules (the account was removed): they leave the file too.
    void removeRules(const QString &accountId);
    //! Closing the main window with watches active keeps Pipedeck in the tray (true), quits
    //! (false), or asks (unset: not asked yet). An app setting kept here so that the
    //! preferences are written in one atomic file.
    std::optional<bool> closeToTray() const { return m_closeToTray; }
    void setCloseToTray(std::optional<bool> keep);
    WatchList &watches() { return m_watches; }
    const WatchList &watches() const { return m_watches; }

    bool save();

Q_SIGNALS:
    void rulesChanged(const QString &accountId);
    //! A save failed (text translated); the change is still in memory and is retried on the
    //! next change.
    void saveFailed(const QString &text);

private:
    QString m_path;
    QHash<QString, WatchRules> m_rules;
    WatchList m_watches;
    std::optional<bool> m_closeToTray;
    QString m_error;
    bool m_loading = false;
    bool m_keepUnreadable = false;
};

} // namespace pipedeck::watch
