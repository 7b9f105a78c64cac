#pragma once

#include <QLoggingCategory>

// Watching and desktop notifications: "pipedeck.watch.debug=true" shows every poll decision.
Q_DECLARE_LOGGING_CATEGORY(lcWatch)
