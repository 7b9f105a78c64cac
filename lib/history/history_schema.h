#pragma once

#include <QList>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace pipedeck::history {

//! One step of the schema: migrations()[i] takes a database from version i to version i + 1.
//! Each runs inside a transaction that RunHistory::open commits together with the new version
//! number, so a crash mid-migration leaves the previous version intact.
using Migration = std::function<bool(QSqlDatabase &db, QString *error)>;

//! The steps, oldest first; the latest schema version is migrations().size(). A new column is a
//! new entry at the end (never edit a released one).
const QList<Migration> &migrations();

//! migrations().size().
int latestSchemaVersion();

} // namespace pipedeck::history
