#include "runs/send_dialog.h"

#include "runs/draft_keeper.h"
#include "runs/presets_button.h"
#include "variables/variables_editor.h"
#include "widgets/inline_message.h"
#include "widgets/plain_label.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace pipedeck {

SendDialog::SendDialog(const QString &sendText, QWidget *parent)
    : QDialog(parent)
    , m_sendText(sendText)
{
    m_title = new PlainLabel;
    m_title->setObjectName(QStringLiteral("sendTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_details = new PlainLabel;
    m_details->setObjectName(QStringLiteral("sendDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note = new PlainLabel;
    m_note->setObjectName(QStringLiteral("sendNote"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);

    m_fields = new QVBoxLayout;
    m_fields->setContentsMargins(0, 0, 0, 0);

    m_editor = new VariablesEditor;
    m_variablesLabel = new QLabel(tr("&Variables"));
    m_variablesLabel->setBuddy(m_editor->table());
    auto *variablesHeader = new QHBoxLayout;
    variablesHeader->addWidget(m_variablesLabel);
    variablesHeader->addStretch(1);
    m_editorHeader = new QVBoxLayout;
    m_editorHeader->setContentsMargins(0, 0, 0, 0);
    variablesHeader->addLayout(m_editorHeader);

    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(m_fields);
    formLayout->addLayout(variablesHeader);
    formLayout->addWidget(m_editor, 1);

    auto *review = new QWidget;
    auto *reviewLayout = new QVBoxLayout(review);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    auto *reviewHeading = new QLabel(tr("Check what will be sent:"));
    m_reviewLines = new PlainLabel;
    m_reviewLines->setObjectName(QStringLiteral("reviewLines"));
    m_reviewLines->setWordWrap(true);
    m_reviewLines->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                           Qt::TextSelectableByKeyboard);
    m_reviewLines->setFocusPolicy(Qt::StrongFocus);
    m_reviewLines->setAccessibleName(tr("Review"));
    reviewLayout->addWidget(reviewHeading);
    reviewLayout->addWidget(m_reviewLines);
    reviewLayout->addStretch(1);

    m_pages = new QStackedWidget;
    m_pages->addWidget(form);
    m_pages->addWidget(review);

    m_message = new InlineMessage;
    m_message->setObjectName(QStringLiteral("sendMessage"));

    m_review = new QCheckBox(tr("&Review before sending"));
    m_review->setObjectName(QStringLiteral("reviewBeforeSending"));
    auto *buttons = new QDialogButtonBox;
    // Outside the button box, which shows every button it lays out.
    m_back = new QPushButton(tr("Back"));
    m_back->setObjectName(QStringLiteral("backButton"));
    m_back->setAutoDefault(false);
    m_back->setVisible(false);
    m_send = buttons->addButton(sendText, QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setText(tr("Close"));
    // No default button: Enter edits a cell or moves on, and a stray Enter must never play a
    // deploy. The dialog sends with its button or Ctrl+Enter.
    m_send->setAutoDefault(false);
    m_close->setAutoDefault(false);
    auto *sendShortcut = new QAction(this);
    sendShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    addAction(sendShortcut);
    connect(sendShortcut, &QAction::triggered, this, &SendDialog::trySend);
    connect(m_send, &QPushButton::clicked, this, &SendDialog::trySend);
    connect(m_back, &QPushButton::clicked, this, &SendDialog::showForm);
    connect(m_close, &QPushButton::clicked, this, &SendDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_review);
    bottom->addStretch(1);
    bottom->addWidget(m_back);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addWidget(m_pages, 1);
    layout->addLayout(bottom);

    connect(m_editor, &VariablesEditor::edited, this, &SendDialog::noteEdited);
    resize(760, 560);
}

SendDialog::~SendDialog() = default;

void SendDialog::setTitleText(const QString &title, const QString &details)
{
    m_title->setText(title);
    m_details->setText(details);
    setWindowTitle(title);
}

void SendDialog::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString SendDialog::noteText() const
{
    return m_note->text();
}

void SendDialog::setPresetsButton(PresetsButton *button)
{
    m_presets = button;
    m_editorHeader->addWidget(button);
    connect(button, &PresetsButton::notice, this, [this](const QString &text, bool error) {
        m_message->showMessage(error ? InlineMessage::Kind::Error : InlineMessage::Kind::Info,
                               text);
    });
}

bool SendDialog::isReviewShown() const
{
    return m_pages->currentIndex() == 1;
}

QString SendDialog::reviewText() const
{
    return m_reviewLines->text();
}

QString SendDialog::inputProblem() const
{
    if (!m_editor->canSend())
        return tr("Fix the variables marked in the table first.");
    return {};
}

void SendDialog::noteEdited()
{
    if (m_drafts)
        m_drafts->changed(currentDraft());
}

void SendDialog::trySend()
{
    if (m_busy)
        return;
    const QString problem = inputProblem();
    if (!problem.isEmpty()) {
        showError(problem);
        showForm();
        return;
    }
    if (m_review->isChecked() && !isReviewShown()) {
        m_reviewLines->setText(runs::ReviewSummary::lines(reviewFacts()).join(u'\n'));
        m_pages->setCurrentIndex(1);
        m_back->setVisible(true);
        m_send->setText(tr("%1 Now").arg(m_sendText));
        m_reviewLines->setFocus();
        return;
    }
    m_message->clear();
    send();
}

void SendDialog::showForm()
{
    m_pages->setCurrentIndex(0);
    m_back->setVisible(false);
    m_send->setText(m_sendText);
}

void SendDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_send->setEnabled(!busy);
    m_back->setEnabled(!busy);
    m_editor->setEnabled(!busy);
    if (m_presets)
        m_presets->setEnabled(!busy);
    if (busy && !text.isEmpty())
        m_message->showMessage(InlineMessage::Kind::Info, text);
}

void SendDialog::showError(const QString &text)
{
    m_message->showMessage(InlineMessage::Kind::Error, text);
}

void SendDialog::finishSent()
{
    if (m_drafts)
        m_drafts->discard();
    accept();
}

void SendDialog::reject()
{
    // The answer to a POST in flight is still to be shown and recorded.
    if (m_busy)
        return;
    // What was typed stays as a draft for the next open.
    if (m_drafts)
        m_drafts->flush();
    QDialog::reject();
}

} // namespace pipedeck
