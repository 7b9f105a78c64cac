#pragma once

#include "log/logengine.h"

#include <QIODevice>

namespace pipedeck::log {

// Writers for a whole log, streaming: lines are rendered in batches, so memory
// stays small for logs of any size. They return false when the device fails.

// What a person sees: one line of text per display line.
bool writePlainText(const LogEngine &engine, QIODevice &out);

// A standalone HTML page with the colours and foldable sections (<details>);
// all log text is HTML-escaped.
bool writeHtml(const LogEngine &engine, QIODevice &out, const QString &title);

// The engine's structure (documented in docs/log-engine.md):
// {"lines":[{"text","timestamp","section","runs":[{"from","to","fg","bg","bold",
// "italic","underline","strike","conceal"}]}],"sections":[{"name","start_line",
// "end_line","depth","collapsed","duration_seconds"}]}
bool writeJson(const LogEngine &engine, QIODevice &out);

// "ansi:N", "#rrggbb", or empty for the default colour.
QString colourName(LogColor colour);

} // namespace pipedeck::log
