#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

#include <utility>

namespace pipedeck::sim {

// One piece of a job log and when (seconds after the job started) the runner sends it.
struct TraceChunk
{
    double atSeconds = 0;
    QByteArray bytes;
};

struct TraceRecipe
{
    QString jobName;
    QString stage;
    QString projectPath;
    QString ref;
    QString sha;
    QString runnerDescription;
    qint64 startedAtMs = 0;
    double durationSeconds = 30;
    QString outcome = QStringLiteral("success");  // success, failed, canceled
    bool timestamps = false;                      // FF_TIMESTAMPS-style line prefixes
    QList<std::pair<QString, QString>> variables; // played-with variables, echoed by the script
    quint64 seed = 1;
};

// A realistic gitlab-runner log (ANSI colours, section markers, some collapsed, `\r` progress
// lines), cut into timed chunks. Deterministic for a recipe. The final chunk ends the job.
QList<TraceChunk> generateTrace(const TraceRecipe &recipe);

// A deterministic log of at least minBytes bytes (ends at a line end), for the big-log demo job,
// written to `out` in slices of about 1 MiB (so it is never whole in memory). False when a write
// failed.
bool writeBigLog(QIODevice &out, qint64 minBytes, quint64 seed, qint64 startedAtMs);
// The same bytes in memory.
QByteArray generateBigLog(qint64 minBytes, quint64 seed, qint64 startedAtMs);

} // namespace pipedeck::sim
