#pragma once

#include "variables/paste_result.h"
#include "variables/variable_row.h"

#include <QByteArray>
#include <QList>

namespace pipedeck::variables {

struct ExportResult
{
    //! GitLab's (and glab's) array: [{"key", "value", "variable_type"}], indented.
    QByteArray json;
    //! Sensitive rows are left out entirely; the export says how many.
    int sensitiveLeftOut = 0;
};

//! The non-blank, non-sensitive rows in GitLab's array format.
ExportResult exportVariablesJson(const QList<VariableRow> &rows);

//! Reads GitLab's array format. "variable_type" missing means env_var; other fields ("masked",
//! "raw", ...) are ignored. Entries that cannot be read are skipped and named in problems.
//! recognised is false when the text is not a JSON array.
PasteResult importVariablesJson(const QByteArray &json);

} // namespace pipedeck::variables
