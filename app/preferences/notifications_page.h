#pragma once

#include "watch/watch_rules.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QWidget>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace pipedeck {

namespace watch {
class WatchStore;
}

//! Preferences, "Notifications": the watch rules of each account (which pipelines, which
//! outcomes notify) and what closing the window does while something is watched. Edits are
//! kept here until apply() writes them through the store (one atomic file).
class NotificationsPage : public QWidget
{
    Q_OBJECT
public:
    //! An account's projects to choose from: id and "group/project".
    using ProjectsOf = std::function<QList<QPair<qint64, QString>>(const QString &accountId)>;

    //! `accounts`: id and label of each account, in the order shown.
    NotificationsPage(watch::WatchStore &store, const QList<QPair<QString, QString>> &accounts,
                      ProjectsOf projectsOf = {}, QWidget *parent = nullptr);

    //! Writes every account's edited rules and the close-to-tray choice; false (with the
    //! store's error text in *error) when the file could not be written.
    bool apply(QString *error = nullptr);

    // Parts, for tests.
    QComboBox *accountBox() const { return m_account; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QCheckBox *onlyMineBox() const { return m_onlyMine; }
    QLineEdit *branchesEdit() const { return m_branches; }
    QLineEdit *sourcesEdit() const { return m_sources; }
    //! The projects the rules look at (checkable items, the project id as Qt::UserRole).
    QListWidget *projectsList() const { return m_projects; }
    QCheckBox *outcomeBox(watch::Outcome outcome) const { return m_outcomes.value(outcome); }
    QSpinBox *longRunningMinutesBox() const { return m_minutes; }
    QComboBox *closeToTrayBox() const { return m_closeToTray; }

private:
    void showAccount(int index);
    void keepEdits();
    void updateEnabled();

    watch::WatchStore &m_store;
    QHash<QString, watch::WatchRules> m_edited;
    QString m_shownAccount;
    QComboBox *m_account = nullptr;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_onlyMine = nullptr;
    QLineEdit *m_branches = nullptr;
    QLineEdit *m_sources = nullptr;
    QListWidget *m_projects = nullptr;
    ProjectsOf m_projectsOf;
    QHash<watch::Outcome, QCheckBox *> m_outcomes;
    QSpinBox *m_minutes = nullptr;
    QComboBox *m_closeToTray = nullptr;
};

} // namespace pipedeck
