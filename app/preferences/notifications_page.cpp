#include "preferences/notifications_page.h"

#include "watch/watch_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace pipedeck {

using watch::Outcome;

namespace {

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty() && !items.contains(item))
            items.append(item);
    }
    return items;
}

QString joinList(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

enum CloseChoice { Ask, KeepInTray, Quit };

} // namespace

NotificationsPage::NotificationsPage(watch::WatchStore &store,
                                     const QList<QPair<QString, QString>> &accounts,
                                     ProjectsOf projectsOf, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_projectsOf(std::move(projectsOf))
{
    setObjectName(QStringLiteral("notificationsPage"));
    m_account = new QComboBox;
    m_account->setObjectName(QStringLiteral("rulesAccount"));
    m_account->setAccessibleName(tr("Account"));
    for (const auto &[id, label] : accounts)
        m_account->addItem(label, id);

    m_enabled = new QCheckBox(tr("&Watch pipelines of this account by these rules"));
    m_enabled->setObjectName(QStringLiteral("rulesEnabled"));
    m_onlyMine = new QCheckBox(tr("&Only my pipelines (the ones I started)"));
    m_onlyMine->setObjectName(QStringLiteral("rulesOnlyMine"));
    m_branches = new QLineEdit;
    m_branches->setObjectName(QStringLiteral("rulesBranches"));
    m_branches->setAccessibleName(tr("Branches"));
    m_branches->setPlaceholderText(tr("All branches"));
    m_branches->setToolTip(tr("Branch patterns separated by commas, as GitLab's protected "
                              "branches: * matches anything, also /. Empty: all branches."));
    m_sources = new QLineEdit;
    m_sources->setObjectName(QStringLiteral("rulesSources"));
    m_sources->setAccessibleName(tr("Sources"));
    m_sources->setPlaceholderText(tr("All sources"));
    m_sources->setToolTip(tr("GitLab's pipeline sources separated by commas (push, web, "
                             "schedule, merge_request_event, …). Empty: all sources."));
    m_projects = new QListWidget;
    m_projects->setObjectName(QStringLiteral("rulesProjects"));
    m_projects->setAccessibleName(tr("Projects"));
    m_projects->setMaximumHeight(120);
    auto *projectsNote = new QLabel(tr("The rules look at the projects ticked here and at the "
                                       "projects you open in Pipedeck."));
    projectsNote->setTextFormat(Qt::PlainText);
    projectsNote->setWordWrap(true);

    auto *which = new QGroupBox(tr("Which pipelines"));
    auto *whichForm = new QFormLayout(which);
    whichForm->addRow(m_enabled);
    whichForm->addRow(m_onlyMine);
    whichForm->addRow(tr("&Branches:"), m_branches);
    whichForm->addRow(tr("&Sources:"), m_sources);
    whichForm->addRow(tr("&Projects:"), m_projects);
    whichForm->addRow(projectsNote);

    auto *notify = new QGroupBox(tr("Notify me when a pipeline"));
    auto *notifyLayout = new QVBoxLayout(notify);
    const QList<QPair<Outcome, QString>> outcomes = {
        {Outcome::Failed, tr("&Failed")},
        {Outcome::Succeeded, tr("Pa&ssed")},
        {Outcome::Canceled, tr("Was &canceled")},
        {Outcome::ManualWaiting, tr("&Waits for a manual job")},
    };
    for (const auto &[outcome, text] : outcomes) {
        auto *box = new QCheckBox(text);
        box->setObjectName(QStringLiteral("outcome_") + QLatin1String(watch::outcomeKey(outcome)));
        m_outcomes.insert(outcome, box);
        notifyLayout->addWidget(box);
    }
    auto *longRow = new QHBoxLayout;
    auto *longBox = new QCheckBox(tr("Runs &longer than"));
    longBox->setObjectName(QStringLiteral("outcome_long_running"));
    m_outcomes.insert(Outcome::LongRunning, longBox);
    m_minutes = new QSpinBox;
    m_minutes->setObjectName(QStringLiteral("longRunningMinutes"));
    m_minutes->setAccessibleName(tr("Minutes"));
    m_minutes->setRange(1, 24 * 60);
    m_minutes->setSuffix(tr(" min", "minutes"));
    longRow->addWidget(longBox);
    longRow->addWidget(m_minutes);
    longRow->addStretch(1);
    notifyLayout->addLayout(longRow);
    auto *explicitNote = new QLabel(tr("A pipeline you watch with Watch tells you every end and "
                                       "a manual job waiting, whatever these say."));
    explicitNote->setTextFormat(Qt::PlainText);
    explicitNote->setWordWrap(true);
    notifyLayout->addWidget(explicitNote);

    m_closeToTray = new QComboBox;
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    m_closeToTray->setAccessibleName(tr("Closing the window while pipelines are watched"));
    m_closeToTray->addItem(tr("Ask"), Ask);
    m_closeToTray->addItem(tr("Keeps Pipedeck running in the tray"), KeepInTray);
    m_closeToTray->addItem(tr("Quits Pipedeck"), Quit);
    const std::optional<bool> keep = m_store.closeToTray();
    m_closeToTray->setCurrentIndex(
        m_closeToTray->findData(!keep ? Ask : (*keep ? KeepInTray : Quit)));
    auto *closeForm = new QFormLayout;
    closeForm->addRow(tr("Closing the &window while pipelines are watched:"), m_closeToTray);

    auto *accountForm = new QFormLayout;
    accountForm->addRow(tr("&Account:"), m_account);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(accountForm);
    layout->addWidget(which);
    layout->addWidget(notify);
    layout->addLayout(closeForm);
    layout->addStretch(1);

    connect(m_account, &QComboBox::currentIndexChanged, this, &NotificationsPage::showAccount);
    connect(m_enabled, &QCheckBox::toggled, this, &NotificationsPage::updateEnabled);
    connect(longBox, &QCheckBox::toggled, this, &NotificationsPage::updateEnabled);
    if (accounts.isEmpty()) {
        m_account->addItem(tr("No account yet"));
        m_account->setEnabled(false);
        which->setEnabled(false);
        notify->setEnabled(false);
    }
    showAccount(m_account->currentIndex());
}

void NotificationsPage::showAccount(int index)
{
    keepEdits();
    m_shownAccount = m_account->itemData(index).toString();
    if (m_shownAccount.isEmpty())
        return;
    const watch::WatchRules rules = m_edited.value(m_shownAccount, m_store.rules(m_shownAccount));
    m_enabled->setChecked(rules.enabled);
    m_onlyMine->setChecked(rules.onlyMine);
    m_branches->setText(joinList(rules.branchGlobs));
    m_sources->setText(joinList(rules.sources));
    m_projects->clear();
    QList<QPair<qint64, QString>> projects =
        m_projectsOf ? m_projectsOf(m_shownAccount) : QList<QPair<qint64, QString>>{};
    for (const qint64 id : rules.projects) {
        const bool listed = std::any_of(projects.cbegin(), projects.cend(),
                                        [id](const auto &project) { return project.first == id; });
        if (!listed) // not among the account's projects now: still shown, to be unticked
            projects.append({id, tr("Project %1").arg(id)});
    }
    for (const auto &[id, path] : std::as_const(projects)) {
        auto *item = new QListWidgetItem(path, m_projects);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(rules.projects.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    for (auto it = m_outcomes.constBegin(); it != m_outcomes.constEnd(); ++it)
        it.value()->setChecked(rules.outcomes.testFlag(it.key()));
    m_minutes->setValue(rules.longRunningMinutes);
    updateEnabled();
}

void NotificationsPage::keepEdits()
{
    if (m_shownAccount.isEmpty())
        return;
    watch::WatchRules rules = m_edited.value(m_shownAccount, m_store.rules(m_shownAccount));
    rules.enabled = m_enabled->isChecked();
    rules.onlyMine = m_onlyMine->isChecked();
    rules.branchGlobs = splitList(m_branches->text());
    rules.sources = splitList(m_sources->text());
    rules.projects.clear();
    for (int row = 0; row < m_projects->count(); ++row) {
        const QListWidgetItem *item = m_projects->item(row);
        if (item->checkState() == Qt::Checked)
            rules.projects.append(item->data(Qt::UserRole).toLongLong());
    }
    std::sort(rules.projects.begin(), rules.projects.end());
    watch::Outcomes outcomes;
    for (auto it = m_outcomes.constBegin(); it != m_outcomes.constEnd(); ++it)
        outcomes.setFlag(it.key(), it.value()->isChecked());
    rules.outcomes = outcomes;
    rules.longRunningMinutes = m_minutes->value();
    m_edited.insert(m_shownAccount, rules);
}

void NotificationsPage::updateEnabled()
{
    const bool on = m_enabled->isChecked();
    m_onlyMine->setEnabled(on);
    m_branches->setEnabled(on);
    m_sources->setEnabled(on);
    m_projects->setEnabled(on);
    m_minutes->setEnabled(m_outcomes.value(Outcome::LongRunning)->isChecked());
}

bool NotificationsPage::apply(QString *error)
{
    keepEdits();
    bool ok = true;
    const auto fail = [&] {
        if (!m_store.errorText().isEmpty()) {
            ok = false;
            if (error)
                *error = m_store.errorText();
        }
    };
    for (auto it = m_edited.constBegin(); it != m_edited.constEnd(); ++it) {
        m_store.setRules(it.key(), it.value());
        fail();
    }
    const int choice = m_closeToTray->currentData().toInt();
    m_store.setCloseToTray(choice == Ask ? std::nullopt
                                         : std::optional<bool>(choice == KeepInTray));
    fail();
    return ok;
}

} // namespace pipedeck
