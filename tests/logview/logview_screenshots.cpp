// Renders the log viewer on a sample job log (sections, colours, runner timestamps, a search),
// on a followed running job and on pipedeck-sim's 50 MiB demo log into PNG files for the docs:
//   logview_screenshots OUTPUT_DIR   -> log-viewer.png, log-viewer-dark.png,
//                                       log-following.png, log-demo-50mib.png
#include "gitlab/net/connection.h"
#include "logfollow/trace_follower.h"
#include "logview/job_log_page.h"
#include "logview/log_search_bar.h"
#include "logview/log_view.h"
#include "logview/log_viewer.h"
#include "logview/log_viewer_window.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPalette>
#include <QScrollBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include "sim/demo_data.h"
#include "sim/server.h"
#include "sim/trace_generator.h"
#include "sim/world.h"

using namespace pipedeck;

namespace {

QByteArray sampleTrace()
{
    qint64 micros = 0;
    QByteArray out;
    auto line = [&](const QByteArray &text, char stream = 'O', bool continuation = false) {
        const qint64 us = micros;
        micros += 180000 + (text.size() * 7919) % 900000;
        const qint64 seconds = 11 * 3600 + 19 * 60 + us / 1000000;
        out += QStringLiteral("2026-03-14T%1:%2:%3.%4Z 0%5%6%7")
                   .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                   .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
                   .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                   .arg(us % 1000000, 6, 10, QLatin1Char('0'))
                   .arg(stream == 'E' ? 1 : 0)
                   .arg(QLatin1Char(stream))
                   .arg(QLatin1Char(continuation ? '+' : ' '))
                   .toLatin1();
        out += text + '\n';
    };
    auto start = [&](const char *name, qint64 ts, const QByteArray &header,
                     const char *options = "") {
        line(QByteArray("section_start:") + QByteArray::number(ts) + ':' + name + options +
             "\r\x1b[0K");
        line(header, 'O', true);
    };
    auto end = [&](const char *name, qint64 ts) {
        line(QByteArray("section_end:") + QByteArray::number(ts) + ':' + name + "\r\x1b[0K");
    };
    line("\x1b[0KRunning with gitlab-runner 17.5.2 (c2b7c3c4)\x1b[0;m");
    line("\x1b[0K  on docker-auto-scale-7 zxwgkjAP, system ID: s_4c1a2b3c4d5e\x1b[0;m");
    start("prepare_executor", 1773487159,
          "\x1b[0K\x1b[36;1mPreparing the \"docker+machine\" executor\x1b[0;m", "[collapsed=true]");
    line("Using Docker executor with image node:20-bookworm ...");
    line("Pulling docker image node:20-bookworm ...");
    end("prepare_executor", 1773487171);
    start("get_sources", 1773487171, "\x1b[0K\x1b[36;1mGetting source from Git repository\x1b[0;m");
    line("\x1b[32;1mFetching changes with git depth set to 20...\x1b[0;m");
    line("Initialized empty Git repository in /builds/platform/api-gateway/.git/");
    line("\x1b[32;1mCreated fresh repository.\x1b[0;m");
    line("\x1b[32;1mChecking out 9f3c2e1a as detached HEAD (ref is main)...\x1b[0;m");
    end("get_sources", 1773487174);
    start("restore_cache", 1773487174, "\x1b[0K\x1b[36;1mRestoring cache\x1b[0;m",
          "[collapsed=true]");
    line("Checking cache for node-modules-4f2a...");
    end("restore_cache", 1773487179);
    start("step_script", 1773487179,
          "\x1b[0K\x1b[36;1mExecuting \"step_script\" stage of the job script\x1b[0;m");
    line("\x1b[32;1m$ npm ci --prefer-offline\x1b[0;m");
    line("added 1284 packages, and audited 1285 packages in 41s");
    line("\x1b[33;1mnpm WARN\x1b[0m deprecated inflight@1.0.6: This module is not supported");
    line("\x1b[32;1m$ npm run lint\x1b[0;m");
    line("\x1b[1m> api-gateway@4.12.0 lint\x1b[22m");
    line("\x1b[32m\u2714\x1b[39m 0 problems in 312 files");
    line("\x1b[32;1m$ npm test -- --ci --reporters=default\x1b[0;m");
    line("\x1b[42;30m PASS \x1b[0m src/routes/\x1b[1mhealth.test.ts\x1b[22m (1.2 s)");
    line("\x1b[42;30m PASS \x1b[0m src/routes/\x1b[1mauth.test.ts\x1b[22m (3.8 s)");
    line("\x1b[41;97m FAIL \x1b[0m src/routes/\x1b[1mrate-limit.test.ts\x1b[22m (2.1 s)", 'E');
    line("  \x1b[31m\u25cf rate limiter \u203a rejects the 61st request within a minute\x1b[39m",
         'E');
    line("    expect(received).toBe(expected) // Object.is equality", 'E');
    line("    Expected: \x1b[32m429\x1b[39m", 'E');
    line("    Received: \x1b[31m200\x1b[39m", 'E');
    line("\x1b[1mTests:\x1b[22m       \x1b[1m\x1b[31m1 failed\x1b[39m\x1b[22m, \x1b[1m\x1b[32m214 "
         "passed\x1b[39m\x1b[22m, 215 total");
    line("\x1b[1mTime:\x1b[22m        38.412 s");
    end("step_script", 1773487318);
    start("upload_artifacts_on_failure", 1773487318,
          "\x1b[0K\x1b[36;1mUploading artifacts for failed job\x1b[0;m");
    line("\x1b[32;1mUploading artifacts...\x1b[0;m");
    line("junit.xml: found 1 matching artifact files and directories");
    end("upload_artifacts_on_failure", 1773487321);
    start("cleanup_file_variables", 1773487321,
          "\x1b[0K\x1b[36;1mCleaning up project directory and file based variables\x1b[0;m",
          "[collapsed=true]");
    end("cleanup_file_variables", 1773487322);
    line("\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m");
    return out;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2b));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x33, 0x33, 0x39));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8a, 0x8a, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8a, 0x8a, 0x90));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8a, 0x8a, 0x90));
    return p;
}

bool render(const QString &logPath, const QString &output, bool dark)
{
    QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
    LogViewerWindow window;
    window.resize(1280, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openFile(logPath))
        return false;
    QTest::qWait(200);
    LogViewer *viewer = window.viewer();
    viewer->outlineView();
    viewer->find({QStringLiteral("rate"), log::SearchQuery::Kind::Plain, Qt::CaseInsensitive});
    viewer->searchBar()->field()->setText(QStringLiteral("rate"));
    QTest::qWait(400);
    viewer->findNext();
    viewer->view()->scrollToLine(0, LogView::ScrollHint::Top);
    viewer->view()->setFocus();
    QTest::qWait(100);
    return window.grab().save(output);
}

// A running job followed from pipedeck-sim, scrolled up a little: "Jump to Live" and the
// note about GitLab's delivery steps show in the status line.
bool renderFollowing(const QString &output)
{
    QApplication::setPalette(QApplication::style()->standardPalette());
    sim::ServerOptions options;
    options.tokens = {{QStringLiteral("glpat-screenshot-token-0001"),
                       QStringLiteral("demo"),
                       {QStringLiteral("api")},
                       {}}};
    options.bigLog = false;
    options.clockRunning = false;
    sim::Server server(options);
    if (!server.listen())
        return false;
    server.advance(150);
    QByteArray testOutput;
    for (int i = 1; i <= 120; ++i)
        testOutput += "\x1b[32m\u2713\x1b[0m routes/v1 handles case " + QByteArray::number(i) +
                      " (" + QByteArray::number(3 + i % 17) + " ms)\n";
    server.world().appendTrace(sim::demo::kRunningJobId, testOutput);
    gitlab::Connection connection(server.baseUrl());
    connection.setToken(options.tokens.first().token);
    logfollow::TraceFollower::Options follow;
    follow.fastIntervalMs = 200;
    QTemporaryDir cache;
    follow.cacheDirectory = cache.path();
    JobLogPage page(connection, sim::demo::kDemoProjectId, sim::demo::kRunningJobId,
                    QStringLiteral("unit-tests"), follow);
    page.resize(1280, 640);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return false;
    QTest::qWait(1500);
    LogView *view = page.viewer()->view();
    view->setAllFolded(false);
    view->setFocus();
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() - 25);
    QTest::qWait(300);
    return page.grab().save(output);
}

// pipedeck-sim's 50 MiB demo log (516 k lines), searched with a regular expression without a
// literal and shown at a hit deep inside, collapsed partitions folded.
bool renderBigDemoLog(const QString &dir, const QString &output)
{
    QApplication::setPalette(QApplication::style()->standardPalette());
    const QString path = dir + QStringLiteral("/etl-nightly-30000.log");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !sim::writeBigLog(file, sim::demo::kBigLogBytes, 1, 1700000000000))
        return false;
    file.close();
    LogViewerWindow window;
    window.resize(1280, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openFile(path))
        return false;
    LogViewer *viewer = window.viewer();
    window.document()->waitForIndexed();
    QTest::qWait(300);
    const QString pattern = QStringLiteral("took [1-4]\\d{3} ms on (orders|invoices)");
    // The search starts from the current line: somewhere deep in the log.
    viewer->view()->goToLine(viewer->view()->lineCount() * 3 / 5);
    viewer->searchBar()->activate();
    viewer->searchBar()->regexButton()->setChecked(true);
    viewer->searchBar()->field()->setText(pattern);
    QTest::qWait(1500);
    viewer->view()->setFocus();
    QTest::qWait(200);
    return window.grab().save(output);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QTemporaryDir dir;
    const QString logPath = dir.filePath(QStringLiteral("unit-tests-10001.log"));
    QFile file(logPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(sampleTrace()) < 0)
        return 1;
    file.close();
    QDir().mkpath(outDir);
    const bool ok = render(logPath, outDir + QStringLiteral("/log-viewer.png"), false) &&
                    render(logPath, outDir + QStringLiteral("/log-viewer-dark.png"), true) &&
                    renderFollowing(outDir + QStringLiteral("/log-following.png")) &&
                    renderBigDemoLog(dir.path(), outDir + QStringLiteral("/log-demo-50mib.png"));
    return ok ? 0 : 1;
}
