#include "core/logging.h"

Q_LOGGING_CATEGORY(lcNet, "pipedeck.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "pipedeck.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "pipedeck.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLog, "pipedeck.log", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "pipedeck.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "pipedeck.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPerf, "pipedeck.perf", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "pipedeck.store", QtInfoMsg)
