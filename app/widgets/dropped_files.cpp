#include "widgets/dropped_files.h"

#include <QMimeData>
#include <QUrl>

namespace pipedeck {

QStringList droppedLocalFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

} // namespace pipedeck
