#pragma once

#include "variables/variable_row.h"

#include <QJsonArray>

namespace pipedeck::presets {

//! Rows as written to presets.json, drafts and preset exports: GitLab's variable format
//! [{"key","value","variable_type"}] plus "sensitive": true for a sensitive row, which never has
//! a "value" member (whatever the row holds). Blank rows are left out.
QJsonArray rowsToJson(const QList<variables::VariableRow> &rows);

//! The reverse; a "value" beside "sensitive": true is ignored (never trusted into a row), and
//! `droppedSensitiveValues` (when given) counts such values.
QList<variables::VariableRow> rowsFromJson(const QJsonArray &array,
                                           int *droppedSensitiveValues = nullptr);

} // namespace pipedeck::presets
