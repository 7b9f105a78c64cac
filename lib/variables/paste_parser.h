#pragma once

#include "variables/paste_result.h"

#include <QString>

namespace pipedeck::variables {

//! Turns pasted text into rows. Accepted, one variable a line:
//!   KEY=VALUE, export KEY=VALUE, KEY: value (one level of YAML),
//!   KEY="double quoted" (\" \\ and \n unescaped; may span lines, newlines kept),
//!   KEY='single quoted' (literal; may span lines);
//! blank lines and # comment lines are skipped, Windows line endings accepted. An unquoted
//! value is the rest of the line as written (a # in it is part of the value; trailing spaces are
//! kept so that the rules can warn about them). Text that starts with [ is read as GitLab's JSON
//! array (see importVariablesJson). recognised is false when no line yields a variable, so a
//! plain line is pasted as text instead.
PasteResult parsePastedVariables(const QString &text);

} // namespace pipedeck::variables
