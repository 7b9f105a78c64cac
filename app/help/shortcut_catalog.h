#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

namespace pipedeck {

//! One keyboard shortcut as Help → Keyboard Shortcuts lists it.
struct ShortcutEntry
{
    QString area;   //!< where it works: "Main window", "Pipeline", "Job log", ...
    QString action; //!< what it does, as its menu item says (without the & marker)
    QKeySequence keys;
};

class ShortcutCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ShortcutCatalog)
public:
    //! Every shortcut of the application, in the platform's own keys (QKeySequence standard
    //! keys where there is one). tst_shortcut_catalog checks it against the actions the windows
    //! really have, so an action given a shortcut and left out of here fails a test.
    static QList<ShortcutEntry> all();
};

} // namespace pipedeck
