#include "logview/log_view_accessible.h"

#include "log/linerenderer.h"
#include "logview/log_view.h"

#include <QCoreApplication>

namespace pipedeck {

namespace {

//! One line on screen. Holds only its line number: the text is rendered from the log each time.
class LogLineAccessible : public QAccessibleInterface
{
public:
    LogLineAccessible(LogViewAccessible *log, qint64 line)
        : m_log(log)
        , m_line(line)
    {}

    bool isValid() const override
    {
        return m_log->isValid() && m_line < m_log->view()->lineCount();
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_log->window(); }
    QAccessibleInterface *parent() const override { return m_log; }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        const QList<log::RenderedLine> rendered = m_log->view()->renderedLines(m_line, 1);
        const QString line = rendered.isEmpty() ? QString() : rendered.first().text;
        if (t == QAccessible::Name)
            return QCoreApplication::translate("LogViewAccessible", "Line %1: %2")
                .arg(m_line + 1)
                .arg(line);
        if (t == QAccessible::Value)
            return line;
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}

    QRect rect() const override
    {
        if (!isValid())
            return {};
        const LogView *v = m_log->view();
        const QPoint middle = v->pointFor({m_line, 0});
        const QRect local(0, middle.y() - v->lineHeight() / 2, v->viewport()->width(),
                          v->lineHeight());
        return QRect(v->viewport()->mapToGlobal(local.topLeft()), local.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.readOnly = true;
        s.selectable = true;
        if (isValid())
            s.selected = m_log->view()->currentLine() == m_line;
        return s;
    }

    qint64 line() const { return m_line; }

private:
    LogViewAccessible *m_log;
    qint64 m_line;
};

} // namespace

LogViewAccessible::LogViewAccessible(LogView *view)
    : QAccessibleWidget(view, QAccessible::List)
{}

LogView *LogViewAccessible::view() const
{
    return static_cast<LogView *>(widget());
}

qint64 LogViewAccessible::lineAt(int index) const
{
    const LogView *v = view();
    const qint64 row = v->topRow() + index;
    if (index < 0 || row >= v->rowCount() || index >= v->visibleRowCount())
        return -1;
    return v->foldMap().lineForRow(row);
}

int LogViewAccessible::childCount() const
{
    const LogView *v = view();
    return int(qBound(qint64(0), v->rowCount() - v->topRow(), qint64(v->visibleRowCount())));
}

QAccessibleInterface *LogViewAccessible::child(int index) const
{
    const qint64 line = lineAt(index);
    if (line < 0)
        return nullptr;
    return m_lines.get(line, [this, line] {
        return new LogLineAccessible(const_cast<LogViewAccessible *>(this), line);
    });
}

int LogViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *line = dynamic_cast<const LogLineAccessible *>(child);
    if (!line)
        return -1;
    const qint64 row = view()->foldMap().rowForLine(line->line()) - view()->topRow();
    return row >= 0 && row < childCount() ? int(row) : -1;
}

QAccessibleInterface *LogViewAccessible::childAt(int x, int y) const
{
    const LogView *v = view();
    const QPoint local = v->viewport()->mapFromGlobal(QPoint(x, y));
    if (!v->viewport()->rect().contains(local))
        return nullptr;
    const qint64 line = v->positionAt(local).line;
    const qint64 row = v->foldMap().rowForLine(line) - v->topRow();
    return child(int(row));
}

QAccessibleInterface *LogViewAccessible::factory(const QString &className, QObject *object)
{
    if (className == QLatin1String("pipedeck::LogView") && object && object->isWidgetType())
        return new LogViewAccessible(static_cast<LogView *>(object));
    return nullptr;
}

} // namespace pipedeck
