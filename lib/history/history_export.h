#pragma once

#include "history/run_record.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace pipedeck::history {

//! What an export shows instead of a sensitive value (which the history never holds anyway).
inline QString maskedValueText()
{
    return QStringLiteral("(sensitive)");
}

//! One field quoted per RFC 4180: in double quotes (inner quotes doubled) when it holds a
//! comma, a quote, CR or LF, or leading/trailing spaces; as it is otherwise. A field that
//! starts with = + - @ TAB or CR gets a leading ' so that a spreadsheet shows it as text.
QString csvField(const QString &field);

//! UTF-8 CSV (RFC 4180: CRLF line ends, a header line) of `records` in the given order:
//! id, started_at, finished_at (ISO 8601 UTC), instance, account, project_id, project_path,
//! kind, job_name, job_id, ref, variables ("KEY=value" lines; a sensitive one "KEY=(sensitive)";
//! a File variable "KEY (file)=value"), trigger_description, outcome, result_job_id,
//! result_pipeline_id, result_url, error. Pure: no database, no locale.
QByteArray exportCsv(const QList<RunRecord> &records);

//! UTF-8 JSON: {"format":"pipedeck-run-history","version":1,"runs":[{...}]} with the same
//! fields as the CSV; variables as [{"key","value","variable_type","sensitive"}], a sensitive
//! value as "(sensitive)". Pure.
QByteArray exportJson(const QList<RunRecord> &records);

} // namespace pipedeck::history
