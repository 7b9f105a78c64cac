#pragma once

#include <QLabel>

namespace pipedeck {

//! A label for server-supplied text (job names, refs, commit titles, GitLab's messages):
//! always Qt::PlainText, so markup in that text is shown literally, never interpreted.
class PlainLabel : public QLabel
{
    Q_OBJECT
public:
    explicit PlainLabel(QWidget *parent = nullptr);
    explicit PlainLabel(const QString &text, QWidget *parent = nullptr);
};

//! A tooltip that shows `text` literally. QToolTip guesses rich text (Qt::mightBeRichText), so
//! server text is escaped and wrapped in an explicit rich-text paragraph.
QString plainToolTip(const QString &text);

} // namespace pipedeck
