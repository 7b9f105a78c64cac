#pragma once

#include <QString>

class QWidget;

namespace pipedeck {

//! A warning question for something that cannot be undone: Cancel is the default button, the
//! text is plain (it may quote server text), and `action` names the button that goes ahead.
//! True when the user chose `action`.
bool confirmDestructive(QWidget *parent, const QString &title, const QString &text,
                        const QString &action);

} // namespace pipedeck
