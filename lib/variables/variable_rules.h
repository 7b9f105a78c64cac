#pragma once

#include "variables/variable_row.h"

#include <QList>
#include <QString>

namespace pipedeck::variables {

//! What the endpoint that will receive the rows accepts.
struct VariableRules
{
    //! False where the endpoint takes only string variables (the job play endpoint).
    bool typesAllowed = true;

    friend bool operator==(const VariableRules &, const VariableRules &) = default;
};

//! GitLab's limit on a variable key (Ci::Variable: length maximum 255).
inline constexpr int maxVariableKeyLength = 255;

//! One problem with one row, as GitLab would report it (or warn about it) when the row is sent.
struct RowIssue
{
    enum class Kind {
        KeyEmpty,             //!< a value without a key
        KeyInvalidCharacters, //!< outside [A-Za-z0-9_]
        KeyTooLong,           //!< more than maxVariableKeyLength characters
        KeyDuplicate,         //!< another row has the same key (flagged on each of them)
        ValueWhitespace,      //!< leading or trailing whitespace; a warning, GitLab accepts it
        FileNotAllowed,       //!< type File where the endpoint takes only strings
    };
    Kind kind;
    //! True when the rows cannot be sent as they are; false for a warning.
    bool blocking;
    //! Translated text that names the problem, for display at the row.
    QString text;
};

//! The issues of rows[row], in a stable order (key issues first). A blank row has none.
QList<RowIssue> rowIssues(const QList<VariableRow> &rows, int row, const VariableRules &rules);

//! True when no non-blank row has a blocking issue.
bool canSend(const QList<VariableRow> &rows, const VariableRules &rules);

} // namespace pipedeck::variables
