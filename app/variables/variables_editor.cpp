#include "variables/variables_editor.h"

#include "variables/paste_parser.h"
#include "variables/variable_item_delegate.h"
#include "variables/variables_json.h"
#include "variables/variables_model.h"
#include "widgets/plain_label.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QSaveFile>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pipedeck {

using variables::VariablesModel;

namespace {

//! Imports are GitLab exports or glab's files: a few KiB. A bigger file is not one of those.
constexpr qint64 kMaxImportBytes = 4 * 1024 * 1024;

QToolButton *toolButtonFor(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

VariablesEditor::VariablesEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new VariablesModel(this))
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("variablesTable"));
    m_table->setAccessibleName(tr("Variables"));
    m_table->setModel(m_model);
    auto *delegate = new VariableItemDelegate(m_table);
    m_table->setItemDelegate(delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setTabKeyNavigation(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(VariablesModel::TypeColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(VariablesModel::KeyColumn,
                                                      QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(VariablesModel::KeyColumn, 200);
    m_table->setWordWrap(false);
    m_table->installEventFilter(this);

    const auto make = [this](const QString &text, const QString &tip, const QKeySequence &key,
                             const QString &name) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setToolTip(tip);
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        addAction(action);
        return action;
    };
    m_paste = make(tr("Paste"), tr("Paste KEY=VALUE lines or GitLab's JSON array as rows"),
                   QKeySequence::Paste, QStringLiteral("pasteVariables"));
    // The table's own Ctrl+V is handled in eventFilter: a cell editor pastes text itself.
    m_paste->setShortcut({});
    m_remove = make(tr("Remove"), tr("Remove the selected variable (Delete)"), {},
                    QStringLiteral("removeVariable"));
    m_moveUp = make(tr("Move Up"), tr("Move the selected variable up (Alt+Up)"),
                    QKeySequence(Qt::ALT | Qt::Key_Up), QStringLiteral("moveVariableUp"));
    m_moveDown = make(tr("Move Down"), tr("Move the selected variable down (Alt+Down)"),
                      QKeySequence(Qt::ALT | Qt::Key_Down), QStringLiteral("moveVariableDown"));
    m_sensitive =
        make(tr("Sensitive"),
             tr("Hide the value and keep it out of drafts, history and exports (Ctrl+Shift+H)"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), QStringLiteral("sensitiveVariable"));
    m_sensitive->setCheckable(true);
    m_reveal =
        make(tr("Show Value"), tr("Show the sensitive value as typed (Ctrl+Shift+V)"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), QStringLiteral("revealVariable"));
    m_reveal->setCheckable(true);
    m_import = make(tr("Import…"), tr("Read variables from a JSON file in GitLab's format"), {},
                    QStringLiteral("importVariables"));
    m_export = make(tr("Export…"),
                    tr("Write the variables to a JSON file in GitLab's format, without "
                       "sensitive values"),
                    {}, QStringLiteral("exportVariables"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_sensitive, m_reveal, m_moveUp, m_moveDown, m_remove})
        buttons->addWidget(toolButtonFor(action));
    buttons->addStretch(1);
    for (QAction *action : {m_paste, m_import, m_export})
        buttons->addWidget(toolButtonFor(action));

    m_issues = new PlainLabel;
    m_issues->setObjectName(QStringLiteral("variableIssues"));
    m_issues->setWordWrap(true);
    m_notice = new PlainLabel;
    m_notice->setObjectName(QStringLiteral("variablesNotice"));
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_issues);
    layout->addWidget(m_notice);

    connect(m_paste, &QAction::triggered, this,
            [this] { pasteText(QApplication::clipboard()->text()); });
    connect(m_remove, &QAction::triggered, this, &VariablesEditor::removeCurrent);
    connect(m_moveUp, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { moveCurrent(+1); });
    connect(m_sensitive, &QAction::toggled, this, [this](bool on) {
        const int row = currentRow();
        if (row < 0 || m_model->index(row, 0).data(VariablesModel::SensitiveRole).toBool() == on)
            return;
        m_model->setData(m_model->index(row, 0), on, VariablesModel::SensitiveRole);
    });
    connect(m_reveal, &QAction::toggled, this, [this](bool on) {
        const int row = currentRow();
        if (row >= 0)
            m_model->setData(m_model->index(row, 0), on, VariablesModel::RevealedRole);
    });
    connect(m_import, &QAction::triggered, this, &VariablesEditor::askImport);
    connect(m_export, &QAction::triggered, this, &VariablesEditor::askExport);
    connect(delegate, &VariableItemDelegate::rowsPasted, this, &VariablesEditor::pasteText);
    connect(m_model, &VariablesModel::rowsEdited, this, &VariablesEditor::edited);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateIssueLine();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &VariablesEditor::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &VariablesEditor::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &VariablesEditor::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        updateIssueLine();
    });
    updateActions();
    updateIssueLine();
}

void VariablesEditor::setRules(const variables::VariableRules &rules)
{
    m_model->setRules(rules);
    m_table->setColumnHidden(VariablesModel::TypeColumn, !rules.typesAllowed);
}

void VariablesEditor::setRows(const QList<variables::VariableRow> &rows)
{
    m_model->setRows(rows);
    updateIssueLine();
}

QList<variables::VariableRow> VariablesEditor::rows() const
{
    return m_model->rows();
}

bool VariablesEditor::canSend() const
{
    return m_model->canSend();
}

void VariablesEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_table->setEditTriggers(
        readOnly ? QAbstractItemView::NoEditTriggers
                 : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                       QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    updateActions();
}

int VariablesEditor::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void VariablesEditor::updateActions()
{
    const int row = currentRow();
    const bool trailing = row == m_model->rowCount() - 1;
    const bool onRow = row >= 0 && !trailing && !m_readOnly;
    m_remove->setEnabled(onRow);
    m_moveUp->setEnabled(onRow && row > 0);
    m_moveDown->setEnabled(onRow && row < m_model->rowCount() - 2);
    const bool sensitive =
        row >= 0 && m_model->index(row, 0).data(VariablesModel::SensitiveRole).toBool();
    m_sensitive->setEnabled(row >= 0 && !m_readOnly);
    {
        const QSignalBlocker block(m_sensitive);
        m_sensitive->setChecked(sensitive);
    }
    m_reveal->setEnabled(sensitive);
    {
        const QSignalBlocker block(m_reveal);
        m_reveal->setChecked(sensitive &&
                             m_model->index(row, 0).data(VariablesModel::RevealedRole).toBool());
    }
    m_paste->setEnabled(!m_readOnly);
    m_import->setEnabled(!m_readOnly);
}

void VariablesEditor::updateIssueLine()
{
    const int row = currentRow();
    QStringList texts;
    if (row >= 0)
        texts = m_model->index(row, 0).data(VariablesModel::IssuesRole).toStringList();
    int blocking = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        blocking += m_model->index(r, 0).data(VariablesModel::BlockingRole).toBool() ? 1 : 0;
    if (texts.isEmpty() && blocking > 0)
        texts.append(tr("%n row(s) must be fixed before sending.", nullptr, blocking));
    m_issues->setText(texts.join(u'\n'));
    m_issues->setVisible(!texts.isEmpty());
    m_table->setAccessibleDescription(texts.join(u' '));
}

void VariablesEditor::moveCurrent(int delta)
{
    const int row = currentRow();
    const int column = std::max(0, m_table->currentIndex().column());
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_model->rowCount() - 1)
        return;
    // moveRows' destination is the row before which the moved one lands.
    const int destination = delta > 0 ? target + 1 : target;
    if (m_model->moveRows({}, row, 1, {}, destination))
        m_table->setCurrentIndex(m_model->index(target, column));
    updateActions();
}

void VariablesEditor::removeCurrent()
{
    const int row = currentRow();
    if (row < 0 || row == m_model->rowCount() - 1)
        return;
    const int column = std::max(0, m_table->currentIndex().column());
    if (m_model->removeRows(row, 1))
        m_table->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), column));
    updateActions();
    updateIssueLine();
}

void VariablesEditor::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString VariablesEditor::notice() const
{
    return m_notice->text();
}

bool VariablesEditor::pasteText(const QString &text)
{
    if (m_readOnly)
        return false;
    const variables::PasteResult result = variables::parsePastedVariables(text);
    if (!result.recognised || result.rows.isEmpty()) {
        setNotice(tr("The clipboard holds no variables: paste KEY=VALUE lines or GitLab's JSON "
                     "array."));
        return false;
    }
    addRows(result);
    return true;
}

void VariablesEditor::addRows(const variables::PasteResult &result)
{
    const VariablesModel::AppendCounts counts = m_model->appendRows(result.rows);
    QStringList parts;
    if (counts.added > 0)
        parts.append(tr("%n variable(s) added", nullptr, counts.added));
    if (counts.replaced > 0)
        parts.append(tr("%n value(s) replaced", nullptr, counts.replaced));
    QString sentence = parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (!result.problems.isEmpty())
        sentence += QLatin1Char(' ') + tr("%n skipped:", nullptr, int(result.problems.size())) +
                    QLatin1Char(' ') + result.problems.join(QStringLiteral("; "));
    setNotice(sentence);
    m_table->setCurrentIndex(m_model->index(m_model->rowCount() - 1, VariablesModel::KeyColumn));
}

bool VariablesEditor::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setNotice(tr("Could not read %1: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > kMaxImportBytes) {
        setNotice(tr("%1 is too large to be a variables file.").arg(path));
        return false;
    }
    const variables::PasteResult result = variables::importVariablesJson(file.readAll());
    if (!result.recognised) {
        setNotice(tr("%1 is not a JSON array of variables in GitLab's format.").arg(path));
        return false;
    }
    addRows(result);
    return true;
}

bool VariablesEditor::exportFile(const QString &path)
{
    const variables::ExportResult result = variables::exportVariablesJson(rows());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(result.json) != result.json.size() ||
        !file.commit()) {
        setNotice(tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    QString sentence = tr("Exported to %1.").arg(path);
    if (result.sensitiveLeftOut > 0)
        sentence += QLatin1Char(' ') +
                    tr("%n sensitive variable(s) left out.", nullptr, result.sensitiveLeftOut);
    setNotice(sentence);
    return true;
}

void VariablesEditor::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Variables"), {},
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void VariablesEditor::askExport()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Variables"), QStringLiteral("variables.json"),
                                     tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        exportFile(path);
}

bool VariablesEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Keys reach the table only when no cell editor has the focus.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste)) {
            pasteText(QApplication::clipboard()->text());
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::NoModifier && !m_readOnly &&
            m_table->currentIndex().isValid()) {
            // Enter edits the cell, as F2 does (not the dialog's business).
            m_table->edit(m_table->currentIndex());
            return true;
        }
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier &&
            m_remove->isEnabled()) {
            removeCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pipedeck
