#pragma once

#include "gitlab/types/pipeline.h"
#include "watch/watch_rules.h"

#include <QMetaType>
#include <QString>

namespace pipedeck::watch {

//! One transition of a watched pipeline worth telling: "pipeline 812 went running -> failed",
//! "pipeline 812 waits for a manual job", "pipeline 812 has run for 40 minutes".
struct WatchEvent
{
    QString accountId;
    Outcome outcome = Outcome::Failed;
    gitlab::Pipeline pipeline; //!< as the project's pipelines list showed it (basic fields)
    gitlab::CiStatus previous = gitlab::CiStatus::Unknown;
    QString projectPath;        //!< "group/project" (from web_url, or the watch)
    bool explicitWatch = false; //!< an explicit Watch, not a rule
    qint64 observedAtMs = 0;    //!< the watcher's clock when the listing showed it
    int runningMinutes = 0;     //!< LongRunning: how long so far

    friend bool operator==(const WatchEvent &, const WatchEvent &) = default;
};

//! "group/project" from a pipeline's web_url (".../group/project/-/pipelines/12"); empty when
//! the URL does not have that shape.
QString projectPathFromWebUrl(const QUrl &webUrl);

} // namespace pipedeck::watch

Q_DECLARE_METATYPE(pipedeck::watch::WatchEvent)
