#include "logview/log_search_bar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace pipedeck {

namespace {
constexpr int kTypingPauseMs = 150;

QToolButton *makeButton(QWidget *parent, const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}
} // namespace

LogSearchBar::LogSearchBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(4);

    m_field = new QLineEdit(this);
    m_field->setPlaceholderText(tr("Find in log"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_field->setMinimumWidth(240);

    m_case = makeButton(this, tr("Aa"), tr("Match case"));
    m_case->setCheckable(true);
    m_regex = makeButton(this, tr(".*"), tr("Regular expression"));
    m_regex->setCheckable(true);
    m_previous = makeButton(this, QString(), tr("Previous match (Shift+F3)"));
    m_previous->setArrowType(Qt::UpArrow);
    m_next = makeButton(this, QString(), tr("Next match (F3)"));
    m_next->setArrowType(Qt::DownArrow);
    m_count = new QLabel(this);
    m_count->setMinimumWidth(
        m_count->fontMetrics().horizontalAdvance(QStringLiteral("0,000 of 0,000,000")));
    m_close = makeButton(this, QString(), tr("Close (Esc)"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    layout->addWidget(m_field, 1);
    layout->addWidget(m_case);
    layout->addWidget(m_regex);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_count);
    layout->addStretch();
    layout->addWidget(m_close);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kTypingPauseMs);
    connect(m_debounce, &QTimer::timeout, this, [this] { Q_EMIT queryChanged(query()); });
    connect(m_field, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_case, &QToolButton::toggled, this, [this] { Q_EMIT queryChanged(query()); });
    connect(m_regex, &QToolButton::toggled, this, [this] { Q_EMIT queryChanged(query()); });
    connect(m_previous, &QToolButton::clicked, this, &LogSearchBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &LogSearchBar::nextRequested);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
}

log::SearchQuery LogSearchBar::query() const
{
    log::SearchQuery q;
    q.pattern = m_field->text();
    q.kind = m_regex->isChecked() ? log::SearchQuery::Kind::Regex : log::SearchQuery::Kind::Plain;
    q.caseSensitivity = m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    return q;
}

void LogSearchBar::setQueryText(const QString &text)
{
    m_field->setText(text);
    m_debounce->stop();
    Q_EMIT queryChanged(query());
}

void LogSearchBar::showCount(qint64 current, qint64 total, bool searching)
{
    m_count->setStyleSheet(QString());
    const QLocale locale;
    if (m_field->text().isEmpty()) {
        m_count->clear();
    } else if (total == 0) {
        m_count->setText(searching ? tr("Searching\u2026") : tr("No matches"));
    } else if (current < 0) {
        m_count->setText(searching ? tr("%1 so far").arg(locale.toString(total))
                                   : tr("%1 matches").arg(locale.toString(total)));
    } else {
        m_count->setText(tr("%1 of %2%3")
                             .arg(locale.toString(current + 1), locale.toString(total),
                                  searching ? QStringLiteral("\u2026") : QString()));
    }
}

void LogSearchBar::showError(const QString &error)
{
    m_count->setText(error);
    m_count->setStyleSheet(QStringLiteral("color: #dd2b0e"));
}

void LogSearchBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

bool LogSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (m_debounce->isActive()) {
                m_debounce->stop();
                Q_EMIT queryChanged(query());
            }
            if (key->modifiers() & Qt::ShiftModifier)
                Q_EMIT previousRequested();
            else
                Q_EMIT nextRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            Q_EMIT closed();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pipedeck
