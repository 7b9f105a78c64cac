#include "watch/watch_logging.h"

Q_LOGGING_CATEGORY(lcWatch, "pipedeck.watch", QtInfoMsg)
