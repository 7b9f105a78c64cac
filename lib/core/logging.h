#pragma once

#include <QLoggingCategory>

// Every log line goes through one of these named categories, so that
// QT_LOGGING_RULES can switch areas on and off ("pipedeck.net.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcLog)
Q_DECLARE_LOGGING_CATEGORY(lcModels)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcPerf)
Q_DECLARE_LOGGING_CATEGORY(lcStore) // run history, presets, drafts
