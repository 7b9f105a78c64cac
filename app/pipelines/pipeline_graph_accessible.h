#pragma once

#include "widgets/accessible_children.h"

#include <QAccessibleWidget>

namespace pipedeck {

class PipelineGraphView;

//! The pipeline graph for assistive technology. Its cards are painted, not widgets, so without
//! this a screen reader finds no job at all. It is a list whose children are the cards, named as
//! a sighted user reads them ("unit-tests, stage test, Failed, 1 min 4 s"), with their place on
//! screen, focused when current, and pressing one opens it as Enter does.
class PipelineGraphAccessible : public QAccessibleWidget
{
public:
    explicit PipelineGraphAccessible(PipelineGraphView *view);

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

    PipelineGraphView *view() const;

    //! For QAccessible::installFactory: this interface for a PipelineGraphView.
    static QAccessibleInterface *factory(const QString &className, QObject *object);

private:
    mutable AccessibleChildren<qint64> m_cards; //!< by job id
};

} // namespace pipedeck
