#include "pipelines/pipeline_graph_accessible.h"

#include "pipelines/pipeline_graph_view.h"

#include <QWidget>

namespace pipedeck {

namespace {

//! One job card. Holds only the job id: the name, place and state are read from the view each
//! time, so a refresh never leaves a reader with stale text.
class JobCardAccessible
    : public QAccessibleInterface
    , public QAccessibleActionInterface
{
public:
    JobCardAccessible(PipelineGraphAccessible *graph, qint64 jobId)
        : m_graph(graph)
        , m_jobId(jobId)
    {}

    bool isValid() const override
    {
        const PipelineGraphView *v = view();
        return v && v->cardIndexOf(m_jobId) >= 0;
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_graph->window(); }
    QAccessibleInterface *parent() const override { return m_graph; }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }

    QString text(QAccessible::Text t) const override
    {
        const PipelineGraphView *v = view();
        if (!v)
            return {};
        if (t == QAccessible::Name)
            return v->cardAccessibleName(m_jobId);
        if (t == QAccessible::Description)
            return v->cardText(m_jobId);
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}

    QRect rect() const override
    {
        const PipelineGraphView *v = view();
        if (!v)
            return {};
        const QRect local = v->cardRect(m_jobId);
        return QRect(v->viewport()->mapToGlobal(local.topLeft()), local.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        const PipelineGraphView *v = view();
        if (!v)
            return s;
        s.focusable = true;
        s.selectable = true;
        const bool current = v->currentJobId() == m_jobId;
        s.selected = current;
        s.focused = current && v->hasFocus();
        const QRect r = v->cardRect(m_jobId);
        s.invisible = r.isNull() || !v->viewport()->rect().intersects(r);
        s.offscreen = s.invisible;
        return s;
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface
                   ? static_cast<QAccessibleActionInterface *>(this)
                   : nullptr;
    }

    QStringList actionNames() const override { return {pressAction(), setFocusAction()}; }
    void doAction(const QString &name) override
    {
        PipelineGraphView *v = view();
        if (!v)
            return;
        v->setCurrentJob(m_jobId);
        if (name == pressAction())
            Q_EMIT v->jobActivated(m_jobId);
        else if (name == setFocusAction())
            v->setFocus(Qt::OtherFocusReason);
    }
    QStringList keyBindingsForAction(const QString &name) const override
    {
        return name == pressAction() ? QStringList{QStringLiteral("Return")} : QStringList{};
    }

    qint64 jobId() const { return m_jobId; }

private:
    PipelineGraphView *view() const { return m_graph->isValid() ? m_graph->view() : nullptr; }

    PipelineGraphAccessible *m_graph;
    qint64 m_jobId;
};

} // namespace

PipelineGraphAccessible::PipelineGraphAccessible(PipelineGraphView *view)
    : QAccessibleWidget(view, QAccessible::List)
{}

PipelineGraphView *PipelineGraphAccessible::view() const
{
    return static_cast<PipelineGraphView *>(widget());
}

int PipelineGraphAccessible::childCount() const
{
    return view()->cardCount();
}

QAccessibleInterface *PipelineGraphAccessible::child(int index) const
{
    const qint64 jobId = view()->cardJobIdAt(index);
    if (!jobId)
        return nullptr;
    return m_cards.get(jobId, [this, jobId] {
        return new JobCardAccessible(const_cast<PipelineGraphAccessible *>(this), jobId);
    });
}

int PipelineGraphAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *card = dynamic_cast<const JobCardAccessible *>(child);
    return card ? view()->cardIndexOf(card->jobId()) : -1;
}

QAccessibleInterface *PipelineGraphAccessible::childAt(int x, int y) const
{
    const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
    const qint64 jobId = view()->jobAt(local);
    return jobId ? child(view()->cardIndexOf(jobId)) : nullptr;
}

QAccessibleInterface *PipelineGraphAccessible::focusChild() const
{
    const qint64 current = view()->currentJobId();
    if (!current || !view()->hasFocus())
        return nullptr;
    return child(view()->cardIndexOf(current));
}

QAccessibleInterface *PipelineGraphAccessible::factory(const QString &className, QObject *object)
{
    if (className == QLatin1String("pipedeck::PipelineGraphView") && object &&
        object->isWidgetType())
        return new PipelineGraphAccessible(static_cast<PipelineGraphView *>(object));
    return nullptr;
}

} // namespace pipedeck
