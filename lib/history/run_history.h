#pragma once

#include "history/run_record.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace pipedeck::history {

//! Which records RunHistory::records returns. Empty / unset fields match everything.
struct HistoryFilter
{
    QString instance; //!< origin URL, exact
    QString account;  //!< exact
    std::optional<qint64> projectId;
    std::optional<RunKind> kind;
    //! Case-insensitive substring of the job name, ref, a variable key or the error text
    //! (never of a variable value).
    QString text;
    int limit = 500; //!< newest first; <= 0: no limit
};

//! The record of every play, run and trigger, in SQLite (Qt SQL, QSQLITE driver).
//!
//! WAL journal with synchronous=FULL: every recordStarted/recordFinished is its own committed
//! transaction, on disk when the call returns, so a crash (even SIGKILL) right after it loses
//! nothing. A sensitive variable's value is never written: rows go through
//! withoutSensitiveValues() first. Each instance has its own connection; use it on one thread.
class RunHistory
{
    Q_DECLARE_TR_FUNCTIONS(pipedeck::history::RunHistory)
public:
    //! AppDataLocation + "/history.sqlite" (the directory is created by open()).
    static QString defaultPath();

    explicit RunHistory(const QString &databasePath);
    ~RunHistory();
    RunHistory(const RunHistory &) = delete;
    RunHistory &operator=(const RunHistory &) = delete;

    //! Opens or creates the database and migrates it to the latest schema. False (and a
    //! translated *error) when it cannot be opened, or was written by a newer Pipedeck (then
    //! nothing is changed in it).
    bool open(QString *error = nullptr);
    bool isOpen() const;
    QString databasePath() const { return m_path; }

    //! Written before the POST is sent. Stores `record` with outcome Pending (whatever it says),
    //! its variables without sensitive values, startedAt (now, when null) in UTC. Returns the new
    //! id, or -1 when the write failed (lastError() says why).
    qint64 recordStarted(const RunRecord &record);
    //! Sets the outcome of record `id`, with finishedAt = now. False when there is no such
    //! record or the write failed. May be called again (e.g. Unknown, then Succeeded after
    //! "Check again").
    bool recordFinished(qint64 id, RunOutcome outcome, qint64 resultJobId, qint64 resultPipelineId,
                        const QString &resultUrl, const QString &error);

    //! Newest first (by id).
    QList<RunRecord> records(const HistoryFilter &filter = {}) const;
    std::optional<RunRecord> record(qint64 id) const;

    //! The last failure of open/recordStarted/recordFinished/records, translated.
    QString lastError() const { return m_lastError; }

private:
    bool migrate(QString *error);
    void fail(const QString &message, const QString &detail) const;

    QString m_path;
    QString m_connectionName;
    mutable QString m_lastError;
};

} // namespace pipedeck::history
