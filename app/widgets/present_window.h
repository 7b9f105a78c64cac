#pragma once

class QWidget;

namespace pipedeck {

//! Brings a top-level window to the front: restored if minimised, raised and activated.
void presentWindow(QWidget *window);

} // namespace pipedeck
