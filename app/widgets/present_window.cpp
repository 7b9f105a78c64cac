#include "widgets/present_window.h"

#include <QWidget>

namespace pipedeck {

void presentWindow(QWidget *window)
{
    if (window->isMinimized())
        window->showNormal();
    else
        window->show();
    window->raise();
    window->activateWindow();
}

} // namespace pipedeck
