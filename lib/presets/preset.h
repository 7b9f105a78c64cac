#pragma once

#include "variables/variable_row.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace pipedeck::presets {

//! Whose presets: the GitLab instance (its base URL) and the username, as TokenKey takes them.
struct AccountContext
{
    QUrl instance;
    QString account;
};

//! A named set of variables for one project, optionally tied to a job name and/or a ref (the
//! dialogs list tied presets first).
struct Preset
{
    QString name;    //!< unique per account and project; trimmed, not empty
    QString jobName; //!< optional tie ("" = any job)
    QString ref;     //!< optional tie ("" = any ref)
    //! Sensitive rows keep their value only in the OS keychain; PresetStore::load fills it in.
    QList<variables::VariableRow> rows;
    QDateTime updatedAt; //!< UTC, set by PresetStore::save

    friend bool operator==(const Preset &, const Preset &) = default;
};

} // namespace pipedeck::presets
