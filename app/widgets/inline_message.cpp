#include "widgets/inline_message.h"

#include "widgets/plain_label.h"
#include "widgets/status_style.h"

#include <QHBoxLayout>
#include <QStyle>
#include <QToolButton>

namespace pipedeck {

InlineMessage::InlineMessage(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("inlineMessage"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_icon = new QLabel;
    m_icon->setFixedSize(16, 16);
    m_text = new PlainLabel;
    m_text->setObjectName(QStringLiteral("inlineMessageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QToolButton;
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close the message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->setSpacing(8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &InlineMessage::clear);
    hide();
}

void InlineMessage::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    m_icon->setPixmap(StatusStyle::icon(kind == Kind::Error ? gitlab::CiStatus::Failed
                                                            : gitlab::CiStatus::Running)
                          .pixmap(16, 16));
    applyColours();
    show();
}

void InlineMessage::clear()
{
    m_text->clear();
    hide();
}

QString InlineMessage::text() const
{
    return m_text->text();
}

void InlineMessage::applyColours()
{
    QPalette pal = palette();
    const bool dark = StatusStyle::isDark(pal);
    const QColor base = m_kind == Kind::Error ? QColor(0xdd, 0x2b, 0x0e) : QColor(0x1f, 0x75, 0xcb);
    QColor background = base;
    background.setAlphaF(dark ? 0.22f : 0.10f);
    // Blend by hand: a translucent Window colour would show whatever is behind the frame.
    const QColor window = pal.color(QPalette::Window);
    const float a = background.alphaF();
    const QColor mixed = QColor::fromRgbF(window.redF() * (1 - a) + base.redF() * a,
                                          window.greenF() * (1 - a) + base.greenF() * a,
                                          window.blueF() * (1 - a) + base.blueF() * a);
    pal.setColor(QPalette::Window, mixed);
    setPalette(pal);
}

} // namespace pipedeck
