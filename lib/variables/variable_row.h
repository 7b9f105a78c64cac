#pragma once

#include "gitlab/types/variable.h"

#include <QList>
#include <QString>

namespace pipedeck::variables {

//! One row of the variables editor as the user typed it. The same rows feed every dialog that
//! sends variables (play, run pipeline, trigger), presets, drafts and the run history.
struct VariableRow
{
    gitlab::VariableType type = gitlab::VariableType::EnvVar;
    QString key;
    QString value;
    //! Shown as dots; never written to settings, drafts, history or exports. Kept in the OS
    //! keychain only when the user saves it in a preset.
    bool sensitive = false;

    //! The always-present last row of the editor (and rows the user emptied) send nothing.
    bool isBlank() const { return key.isEmpty() && value.isEmpty(); }

    friend bool operator==(const VariableRow &, const VariableRow &) = default;
};

//! What is sent: the rows that are not blank, in order.
QList<gitlab::Variable> toApiVariables(const QList<VariableRow> &rows);

//! The rows as they may be written to disk (drafts, history, exports): a sensitive row keeps
//! its key and type, and its value is replaced by an empty string.
QList<VariableRow> withoutSensitiveValues(const QList<VariableRow> &rows);

} // namespace pipedeck::variables
