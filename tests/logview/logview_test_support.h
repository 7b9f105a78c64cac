#pragma once

// Sample logs for the viewer's tests, written to files the engine maps, and helpers that wait
// for the background indexing.
#include "log/logdocument.h"
#include "log/logengine.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace lvtest {

inline QByteArray marker(const char *kind, qint64 ts, const char *name, const char *options = "")
{
    return QByteArray("section_") + kind + ':' + QByteArray::number(ts) + ':' + name + options +
           "\r\x1b[0K";
}

// 0  "Running with gitlab-runner"            plain
// 1  header of "prepare" (collapsed=true)     lines 1..5, end marker on line 5
// 6  header of "build"                        lines 6..18, nested "compile" 8..12
// 19 "\e[31;1mERROR: Job failed: exit code 1" (red and a pattern)
// then `extraLines` lines "line N needle" / "line N other" alternating.
struct SampleLog
{
    QByteArray bytes;
    qint64 lines = 0;
    qint64 needleLines = 0;
};

inline SampleLog sampleLog(int extraLines = 0)
{
    SampleLog log;
    QByteArray &b = log.bytes;
    b += "Running with gitlab-runner 17.0.0\n";                                      // 0
    b += marker("start", 1700000000, "prepare", "[collapsed=true]") + "Preparing\n"; // 1
    b += "prep one\nprep two\nprep three\n";                                         // 2-4
    b += marker("end", 1700000004, "prepare") + "\n";                                // 5
    b += marker("start", 1700000010, "build") + "\x1b[36;1mBuild step\x1b[0;m\n";    // 6
    b += "$ make all\n";                                                             // 7
    b += marker("start", 1700000011, "compile") + "Compiling\n";                     // 8
    b += "\x1b[32mcc -c a.c\x1b[0m\ncc -c b.c\ncc -c c.c\n";                         // 9-11
    b += marker("end", 1700000075, "compile") + "\n";                                // 12
    for (int i = 13; i <= 17; ++i)
        b += "build output " + QByteArray::number(i) + "\n";   // 13-17
    b += marker("end", 1700003700, "build") + "\n";            // 18
    b += "\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m\n"; // 19
    log.lines = 20;
    for (int i = 0; i < extraLines; ++i) {
        const bool needle = i % 2 == 0;
        b += "line " + QByteArray::number(i) + (needle ? " needle\n" : " other\n");
        log.needleLines += needle ? 1 : 0;
        ++log.lines;
    }
    return log;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Lets the background indexing finish and its queued signals reach the GUI thread.
inline void settle(pipedeck::log::LogDocument &document)
{
    document.waitForIndexed();
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(5);
    }
}

} // namespace lvtest
