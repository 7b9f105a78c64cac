#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace pipedeck::presets {

//! Writes `object` to `path` through QSaveFile: a temporary file in the same folder, synced,
//! then renamed over the old one. A writer killed at any point leaves the old file whole.
//! Creates the folder. False with *error (untranslated detail, for logs) on failure.
bool writeJsonAtomically(const QString &path, const QJsonObject &object, QString *error);

//! The object in `path`; nullopt when the file is missing, unreadable or not a JSON object.
std::optional<QJsonObject> readJsonObject(const QString &path);

} // namespace pipedeck::presets
