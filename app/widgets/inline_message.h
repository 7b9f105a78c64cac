#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace pipedeck {

class PlainLabel;

//! A message shown in place (above what it is about) instead of a dialog: an action's error
//! with GitLab's message, or a note. The text is plain text; the user closes it.
class InlineMessage : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Error };

    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    void applyColours();

    Kind m_kind = Kind::Info;
    QLabel *m_icon = nullptr;
    PlainLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace pipedeck
