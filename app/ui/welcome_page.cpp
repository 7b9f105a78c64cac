#include "ui/welcome_page.h"

#include "ui/account_label.h"
#include "widgets/inline_message.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pipedeck {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    m_message = new InlineMessage;
    m_message->setObjectName(QStringLiteral("welcomeMessage"));
    m_message->installEventFilter(this); // its close button hides it: the offer goes too
    m_addAccount = new QPushButton;
    m_addAccount->setObjectName(QStringLiteral("addAccountForLink"));
    m_addAccount->hide();
    connect(m_addAccount, &QPushButton::clicked, this,
            [this] { Q_EMIT addAccountRequested(m_instance); });

    auto *hint = new QLabel(tr("Choose a project on the left to see its pipelines."));
    hint->setObjectName(QStringLiteral("welcomeHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);

    auto *problemRow = new QHBoxLayout;
    problemRow->addWidget(m_message, 1);
    problemRow->addWidget(m_addAccount, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(problemRow);
    layout->addWidget(hint, 1);
}

void WelcomePage::showProblem(const QString &text, const QUrl &addAccountFor)
{
    m_message->showMessage(InlineMessage::Kind::Error, text);
    m_instance = addAccountFor;
    const QString host = hostLabel(addAccountFor);
    m_addAccount->setText(tr("Add Account for %1…").arg(host));
    m_addAccount->setVisible(addAccountFor.isValid() && !host.isEmpty());
}

bool WelcomePage::eventFilter(QObject *watched, QEvent *event)
{
    // Hidden with the page it is on is not closed: only an explicit hide counts.
    if (watched == m_message && event->type() == QEvent::Hide && m_message->isHidden())
        m_addAccount->hide();
    return QWidget::eventFilter(watched, event);
}

void WelcomePage::clearProblem()
{
    m_message->clear();
    m_addAccount->hide();
}

} // namespace pipedeck
