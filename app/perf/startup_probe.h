#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace pipedeck::perf {

//! Measures cold start: when the main window has been painted for the first time, it logs
//! (category pipedeck.perf, info) one line that bench_startup reads:
//!     first paint 87 ms after process start (61 ms after main)
//! Create it first thing in main(), before the QApplication: it watches the application's events
//! until that first paint, then stops watching (no cost afterwards).
class StartupProbe : public QObject
{
public:
    StartupProbe();
    ~StartupProbe() override;

    //! Milliseconds since the kernel started this process (Linux: /proc/self/stat, in steps of
    //! one clock tick, 10 ms), or -1 where that cannot be read.
    static qint64 msSinceProcessStart();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static void watchApplication();
    void report();

    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace pipedeck::perf
