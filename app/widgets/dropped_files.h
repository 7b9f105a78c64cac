#pragma once

#include <QStringList>

class QMimeData;

namespace pipedeck {

// The local files among what was dragged onto a window (URLs from elsewhere are left out).
QStringList droppedLocalFiles(const QMimeData *mime);

} // namespace pipedeck
