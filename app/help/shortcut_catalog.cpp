#include "help/shortcut_catalog.h"

namespace pipedeck {

namespace {

QKeySequence keys(QKeyCombination combination)
{
    return QKeySequence(combination);
}

// Two keys that do one thing in two directions, shown as "Up, Down".
QKeySequence either(QKeyCombination one, QKeyCombination other)
{
    return QKeySequence(one, other);
}

} // namespace

QList<ShortcutEntry> ShortcutCatalog::all()
{
    const QString main = tr("Main window");
    const QString pipeline = tr("Pipeline");
    const QString graph = tr("Pipeline graph");
    const QString log = tr("Job log");
    const QString logLines = tr("Job log lines");
    const QString variables = tr("Variables");
    const QString dialogs = tr("Play and run dialogs");
    QList<ShortcutEntry> all{
        {main, tr("Open Log File…"), QKeySequence::Open},
        {main, tr("Back"), QKeySequence::Back},
        {main, tr("Quit"), QKeySequence::Quit},
        {main, tr("Preferences…"), QKeySequence::Preferences},

        {pipeline, tr("Run"), keys(Qt::CTRL | Qt::Key_Return)},
        {pipeline, tr("Play…"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_Return)},
        {pipeline, tr("Retry"), keys(Qt::CTRL | Qt::Key_R)},
        {pipeline, tr("Cancel"), keys(Qt::CTRL | Qt::Key_Period)},
        {pipeline, tr("Erase…"), keys(Qt::SHIFT | Qt::Key_Delete)},
        {pipeline, tr("Open in Browser"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
        {pipeline, tr("Copy Link"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        {pipeline, tr("Retry Failed Jobs"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
        {pipeline, tr("Run Pipeline…"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {pipeline, tr("Refresh"), QKeySequence::Refresh},
        {pipeline, tr("Watch"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_W)},

        {graph, tr("Next or previous job"), either(Qt::Key_Down, Qt::Key_Up)},
        {graph, tr("Next or previous stage"), either(Qt::Key_Right, Qt::Key_Left)},
        {graph, tr("First job"), keys(Qt::Key_Home)},
        {graph, tr("Last job"), keys(Qt::Key_End)},
        {graph, tr("Open the job, or expand a downstream pipeline"), keys(Qt::Key_Return)},
        {graph, tr("Menu of the job"), either(Qt::SHIFT | Qt::Key_F10, Qt::Key_Menu)},

        {log, tr("Find"), QKeySequence::Find},
        {log, tr("Find Next"), QKeySequence::FindNext},
        {log, tr("Find Previous"), QKeySequence::FindPrevious},
        {log, tr("Go to Line"), keys(Qt::CTRL | Qt::Key_L)},
        {log, tr("Next Error"), keys(Qt::Key_F8)},
        {log, tr("Previous Error"), keys(Qt::SHIFT | Qt::Key_F8)},
        {log, tr("Timestamps"), keys(Qt::CTRL | Qt::Key_T)},
        {log, tr("Outline"), keys(Qt::CTRL | Qt::Key_B)},
        {log, tr("Go to End"), keys(Qt::CTRL | Qt::Key_End)},
        {log, tr("Save As…"), QKeySequence::SaveAs},
        {log, tr("Open…"), QKeySequence::Open},
        {log, tr("Close"), QKeySequence::Close},
        {log, tr("Close the search or go-to bar"), keys(Qt::Key_Escape)},

        {logLines, tr("Copy the selection"), QKeySequence::Copy},
        {logLines, tr("Select all"), QKeySequence::SelectAll},
        {logLines, tr("Collapse or expand the section"), either(Qt::Key_Left, Qt::Key_Right)},
        {logLines, tr("Toggle the section at the current line"),
         either(Qt::Key_Space, Qt::Key_Return)},
        {logLines, tr("Page up or down"), either(Qt::Key_PageUp, Qt::Key_PageDown)},

        {variables, tr("Paste KEY=VALUE lines or GitLab's JSON as rows"), QKeySequence::Paste},
        {variables, tr("Move Up"), keys(Qt::ALT | Qt::Key_Up)},
        {variables, tr("Move Down"), keys(Qt::ALT | Qt::Key_Down)},
        {variables, tr("Sensitive"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_H)},
        {variables, tr("Show Value"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},

        {dialogs, tr("Send"), keys(Qt::CTRL | Qt::Key_Return)},
    };
    // A standard key this platform has no keys for (Preferences on some desktops) is no
    // shortcut here.
    all.removeIf([](const ShortcutEntry &entry) { return entry.keys.isEmpty(); });
    return all;
}

} // namespace pipedeck
