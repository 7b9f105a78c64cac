#pragma once

#include "variables/variable_row.h"

#include <QList>
#include <QStringList>

namespace pipedeck::variables {

//! What pasted text or an imported file turned into.
struct PasteResult
{
    //! In the order they were written; keys are not validated here (the rules flag them at the
    //! row).
    QList<VariableRow> rows;
    //! Translated, one per line or entry that was skipped: "Line 3: ...", "Entry 2: ...".
    QStringList problems;
    //! False when the text is not variables at all (a plain line, invalid JSON): the editor
    //! then pastes it as text into the cell.
    bool recognised = false;
};

} // namespace pipedeck::variables
