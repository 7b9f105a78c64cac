#include "watch/watch_event.h"

namespace pipedeck::watch {

QString projectPathFromWebUrl(const QUrl &webUrl)
{
    const QString path = webUrl.path();
    const qsizetype marker = path.indexOf(QLatin1String("/-/"));
    if (marker <= 1)
        return {};
    return path.mid(1, marker - 1);
}

} // namespace pipedeck::watch
