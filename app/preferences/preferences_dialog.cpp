#include "preferences/preferences_dialog.h"

#include "accounts/session_manager.h"
#include "ui/account_label.h"
#include "widgets/inline_message.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pipedeck {

PreferencesDialog::PreferencesDialog(watch::WatchStore &store, const SessionManager &sessions,
                                     NotificationsPage::ProjectsOf projectsOf, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    QList<QPair<QString, QString>> accounts;
    for (const QString &id : sessions.accountIds()) {
        if (const AccountSession *session = sessions.session(id))
            accounts.append({id, accountLabel(session->account)});
    }
    m_notifications = new NotificationsPage(store, accounts, std::move(projectsOf));

    m_pages = new QListWidget;
    m_pages->setObjectName(QStringLiteral("preferencesPages"));
    m_pages->setAccessibleName(tr("Preferences pages"));
    m_pages->addItem(tr("Notifications"));
    m_pages->setMaximumWidth(180);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_notifications);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_pages->setCurrentRow(0);

    m_message = new InlineMessage;
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                     QDialogButtonBox::Apply);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &PreferencesDialog::apply);

    auto *pagesRow = new QHBoxLayout;
    pagesRow->addWidget(m_pages);
    pagesRow->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pagesRow, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
}

bool PreferencesDialog::apply()
{
    QString error;
    if (!m_notifications->apply(&error)) {
        m_message->showMessage(InlineMessage::Kind::Error, error);
        return false;
    }
    m_message->clear();
    return true;
}

} // namespace pipedeck
