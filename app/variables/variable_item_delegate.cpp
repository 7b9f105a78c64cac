#include "variables/variable_item_delegate.h"

#include "gitlab/types/variable.h"
#include "variables/paste_parser.h"
#include "variables/variables_model.h"
#include "widgets/plain_label.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolTip>

namespace pipedeck {

using variables::VariablesModel;

namespace {

constexpr int kMultiLineEditorLines = 6;

//! Text a single-line cell should turn into rows rather than take as its content: several
//! lines, or GitLab's JSON array. One KEY=VALUE line pasted into a value stays text.
bool pastesAsRows(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.contains(u'\n') && !trimmed.startsWith(u'['))
        return false;
    return variables::parsePastedVariables(text).recognised;
}

} // namespace

QWidget *VariableItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    switch (VariablesModel::Column(index.column())) {
    case VariablesModel::TypeColumn: {
        auto *box = new QComboBox(parent);
        box->addItem(tr("Variable"), int(gitlab::VariableType::EnvVar));
        box->addItem(tr("File"), int(gitlab::VariableType::File));
        box->setAccessibleName(tr("Variable type"));
        return box;
    }
    case VariablesModel::ValueColumn:
        if (index.data(VariablesModel::MultiLineRole).toBool()) {
            auto *edit = new QPlainTextEdit(parent);
            edit->setTabChangesFocus(true);
            edit->setAccessibleName(tr("Value"));
            edit->setLineWrapMode(QPlainTextEdit::NoWrap);
            return edit;
        }
        {
            auto *line = new QLineEdit(parent);
            line->setFrame(false);
            line->setAccessibleName(tr("Value"));
            if (index.data(VariablesModel::SensitiveRole).toBool() &&
                !index.data(VariablesModel::RevealedRole).toBool())
                line->setEchoMode(QLineEdit::Password);
            line->installEventFilter(const_cast<VariableItemDelegate *>(this));
            return line;
        }
    case VariablesModel::KeyColumn: {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        editor->setAccessibleName(tr("Key"));
        editor->installEventFilter(const_cast<VariableItemDelegate *>(this));
        return editor;
    }
    case VariablesModel::ColumnCount:
        break;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void VariableItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        box->setCurrentIndex(box->findData(index.data(Qt::EditRole)));
        return;
    }
    if (auto *edit = qobject_cast<QPlainTextEdit *>(editor)) {
        edit->setPlainText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void VariableItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                        const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, box->currentData(), Qt::EditRole);
        return;
    }
    if (auto *edit = qobject_cast<QPlainTextEdit *>(editor)) {
        model->setData(index, edit->toPlainText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void VariableItemDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const
{
    if (qobject_cast<QPlainTextEdit *>(editor)) {
        // Room for a certificate or a script; the row itself stays one line high.
        QRect rect = option.rect;
        rect.setHeight(editor->fontMetrics().lineSpacing() * kMultiLineEditorLines + 12);
        editor->setGeometry(rect);
        return;
    }
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}

void VariableItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == VariablesModel::KeyColumn) {
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        if (index.data(VariablesModel::BlockingRole).toBool()) {
            option->icon = style->standardIcon(QStyle::SP_MessageBoxCritical);
            option->features |= QStyleOptionViewItem::HasDecoration;
        } else if (index.data(VariablesModel::WarningRole).toBool()) {
            option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    }
    if (index.column() == VariablesModel::ValueColumn &&
        index.data(VariablesModel::MultiLineRole).toBool()) {
        // One line in the table: the rest is in the editor.
        option->text = option->text.section(u'\n', 0, 0) +
                       (option->text.contains(u'\n') ? QStringLiteral(" …") : QString());
    }
}

bool VariableItemDelegate::eventFilter(QObject *editor, QEvent *event)
{
    if (event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)) {
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            const QString text = QApplication::clipboard()->text();
            if (pastesAsRows(text)) {
                // The editor widget turns the text into rows once the cell editor is gone.
                Q_EMIT closeEditor(line, QAbstractItemDelegate::RevertModelCache);
                QMetaObject::invokeMethod(
                    this, [this, text] { Q_EMIT rowsPasted(text); }, Qt::QueuedConnection);
                return true;
            }
        }
    }
    return QStyledItemDelegate::eventFilter(editor, event);
}

bool VariableItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QStringList issues = index.data(VariablesModel::IssuesRole).toStringList();
    if (event->type() == QEvent::ToolTip && !issues.isEmpty()) {
        QToolTip::showText(event->globalPos(), plainToolTip(issues.join(u'\n')), view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace pipedeck
