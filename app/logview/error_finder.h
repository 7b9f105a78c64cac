#pragma once

#include "log/linerenderer.h"

#include <QFuture>
#include <QObject>

#include <atomic>
#include <memory>

namespace pipedeck {

namespace log {
class LogEngine;
}

// A line that reports an error: red text (ANSI red or bright red, or a red 24-bit colour), or
// a common error pattern (`error:`, `ERROR`, `FAILED`, `Traceback`, `fatal:`, a non-zero exit
// code line).
bool isErrorLine(const log::RenderedLine &line);

// Finds the next or previous error line in a background thread (rendering lines in batches;
// a big log can take a moment). A new find() cancels the one running.
class ErrorFinder : public QObject
{
    Q_OBJECT
public:
    explicit ErrorFinder(QObject *parent = nullptr);
    ~ErrorFinder() override;

    // Searches after (forward) or before `fromLine`, wrapping around the log once.
    void find(std::shared_ptr<const log::LogEngine> engine, qint64 fromLine, bool forward);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    // `wrapped`: the line lies on the other side of the start (the search went round).
    void found(qint64 line, bool wrapped);
    void notFound();

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
    quint64 m_id = 0;
};

} // namespace pipedeck
