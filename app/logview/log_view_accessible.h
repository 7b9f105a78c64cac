#pragma once

#include "widgets/accessible_children.h"

#include <QAccessibleWidget>

namespace pipedeck {

class LogView;

//! The log view for assistive technology. Its lines are painted, not widgets, so without this a
//! screen reader hears nothing of the log. The view is a list whose children are the lines on
//! screen ("Line 42: $ make test"), as the eye sees them: only the visible rows, so a 1 GiB log
//! costs a reader no more than a screenful.
class LogViewAccessible : public QAccessibleWidget
{
public:
    explicit LogViewAccessible(LogView *view);

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;

    LogView *view() const;
    //! The log line shown in visible row `index` (0 = the top row on screen), or -1.
    qint64 lineAt(int index) const;

    //! For QAccessible::installFactory: this interface for a LogView.
    static QAccessibleInterface *factory(const QString &className, QObject *object);

private:
    mutable AccessibleChildren<qint64> m_lines; //!< by log line
};

} // namespace pipedeck
