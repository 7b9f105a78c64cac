// Following a running job against pipedeck-sim over loopback: only new bytes are appended
// (conditional requests, 304s counted), a trace that shrinks or changes is parsed again, the
// view stays pinned to the end only while the user is there, and polling stops when the job
// finishes. Plus the pure continuity rules.
#include "logview_test_support.h"

#include "gitlab/gitlab_test_support.h"
#include "log/logtestutil.h"
#include "logfollow/trace_continuity.h"
#include "logfollow/trace_follower.h"
#include "logfollow/trace_intake.h"
#include "logview/job_log_page.h"
#include "logview/log_view.h"
#include "logview/log_viewer.h"
#include "logview/section_outline_model.h"
#include "sim/demo_data.h"
#include "sim/fault_rule.h"
#include "sim/world.h"

#include <QLabel>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>

using namespace pipedeck;
using namespace Qt::StringLiterals;
namespace demo = pipedeck::sim::demo;

class TestJobLogFollow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<sim::Server> m_sim;
    std::unique_ptr<gitlab::Connection> m_connection;

    logfollow::TraceFollower::Options fastOptions() const
    {
        logfollow::TraceFollower::Options options;
        options.fastIntervalMs = 40;
        options.slowIntervalMs = 160;
        options.statusEveryPolls = 2;
        options.cacheDirectory = m_dir.path();
        return options;
    }

    int traceRequestsOnWire(qint64 jobId) const
    {
        return gltest::countRequests(*m_sim, "GET",
                                     QByteArray("/jobs/" + QByteArray::number(jobId) + "/trace"));
    }

    static QByteArray fileBytes(const QString &path, qint64 size)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.read(size) : QByteArray();
    }

    // A job whose trace is only what the test appends, shown as running until told otherwise.
    qint64 makeScriptedJob()
    {
        sim::PipelineSpec spec;
        sim::JobSpec job;
        job.name = u"scripted"_s;
        job.generateTrace = false;
        job.frozenStatus = u"running"_s;
        spec.jobs = {job};
        const sim::Pipeline &pipeline = m_sim->world().createPipeline(demo::kDemoProjectId, spec);
        const auto jobs = m_sim->world().jobsOfPipeline(pipeline.id, false, false);
        return jobs.isEmpty() ? 0 : jobs.first()->id;
    }

    // A timestamped job log as the runner writes it, with what GitLab makes of section
    // markers mid-line: a start after text, an end before text, `+` records that continue a
    // line (after a marker, after '\r' progress, a long line), and "needle" to search for.
    static QByteArray markersAndTimestampsLog()
    {
        int tick = 0;
        auto ts = [&tick](const char *stream = "01O", char flag = ' ') -> QByteArray {
            ++tick;
            return QByteArray("2024-05-14T08:") + QByteArray::number(10 + tick / 60) + ':' +
                   QByteArray::number(10 + tick % 60 % 50) + ".000000Z " + stream + flag;
        };
        QByteArray b;
        b += ts("00O") + "Running with gitlab-runner\n";
        b += ts("00O") + lvtest::marker("start", 1715677200, "prepare", "[collapsed=true]") + "\n";
        b += ts("00O", '+') + "\x1b[0K\x1b[36;1mPreparing needle\x1b[0;m\n";
        b += ts("00O") + "prep one\n";
        b += ts("00O") + lvtest::marker("end", 1715677204, "prepare") + "\n";
        b += ts("00O", '+') + lvtest::marker("start", 1715677204, "step_script") + "\n";
        b += ts("00O", '+') + "\x1b[0K\x1b[36;1mExecuting\x1b[0;m\n";
        b += ts() + "before " + lvtest::marker("start", 1715677205, "inner") +
             "inner header needle\n";
        b += ts() + "10%\r\n" + ts("01O", '+') + "50%\r\n" + ts("01O", '+') + "100% needle\n";
        b += ts() + "inner body\n";
        // This end marker's "\e[0K" comes in a `+` record, as older runners wrote it.
        b += ts() + "last inner line NEEDLE" + "section_end:1715677207:inner\r\n" + ts("01O", '+') +
             "\x1b[0Kafter inner needle\n";
        for (int i = 0; i < 40; ++i)
            b += ts() + "output " + QByteArray::number(i) + (i % 10 == 3 ? " needle\n" : "\n");
        b += ts() + "part one \n" + ts("01O", '+') + "part two needle\n";
        b += ts("00O") + lvtest::marker("end", 1715677210, "step_script") + "\n";
        b += ts("00O") + "\x1b[32;1mJob succeeded\x1b[0;m\n";
        return b;
    }

    // Cut positions in `log` that stop in the middle of what the scanner must wait for: a
    // prefix, the '+' of a continuation, a marker and its "\r\e[0K", an escape, a word.
    // `missing` names the places not found.
    static QList<qsizetype> awkwardCuts(const QByteArray &log, QStringList *missing)
    {
        QList<qsizetype> cuts;
        auto after = [&](const char *what, qsizetype offset = 0) {
            const qsizetype from = cuts.isEmpty() ? 0 : cuts.last();
            const qsizetype at = log.indexOf(what, from);
            if (at >= 0 && at + offset > from && at + offset < log.size())
                cuts.append(at + offset);
            else
                missing->append(QString::fromLatin1(what));
        };
        after("T08:", 2);                            // inside the first prefix
        after("[collapsed=true]\r", 17);             // between the marker's "\r" and "\e[0K"
        after("\x1b[0K\n", 5);                       // a '\n' whose next record may be a '+'
        after("Z 00O+", 5);                          // just before the '+'
        after("\x1b[36;1m", 3);                      // inside an escape
        after("prep one\n", 9);                      // before the end marker's record
        after("section_end:1715677204:pre", 20);     // inside the end marker
        after("step_script\r\x1b[0K\n", 17);         // before the '+' record of the header
        after("before ", 7);                         // text, then the start marker comes
        after("section_start:1715677205:inner", 26); // inside the marker's name
        after("10%\r\n", 5);                         // progress, before its continuation
        after("50%\r\n", 3);                         // inside the continuation's prefix
        after("NEEDLE", 3);                          // inside a word searched for
        after("DLEsection_end", 3);                  // right before the end marker
        after("inner\r\n", 20);                      // inside the record that ends the suffix
        after("after inner", 5);                     // text after the end marker
        after("output 20", 0);                       // plain lines
        after("part one \n", 10);                    // the long line's first record ends
        after("part two", 4);                        // the line grows, no new line
        after("needle\n", 3);                        // still growing
        after("section_end:1715677210", 4);          // the section's end
        return cuts;
    }

    // The hits a search for "needle" (any case) must find in `lines`.
    static QList<QPair<qint64, qsizetype>> needleHits(const QList<log::RenderedLine> &lines)
    {
        QList<QPair<qint64, qsizetype>> hits;
        for (qsizetype l = 0; l < lines.size(); ++l) {
            for (qsizetype at = 0;
                 (at = lines[l].text.indexOf(u"needle"_s, at, Qt::CaseInsensitive)) >= 0; ++at)
                hits.append({qint64(l), at});
        }
        return hits;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        m_sim = gltest::startSim();
        m_connection =
            std::make_unique<gitlab::Connection>(m_sim->baseUrl(), gltest::fastOptions());
        m_connection->setToken(gltest::kDemoToken);
    }
    void cleanup()
    {
        m_connection.reset();
        m_sim.reset();
    }

    void continuityRules()
    {
        using namespace logfollow;
        const QByteArray a = QByteArray(40000, 'a') + "tail\n";
        const HeldTrace held = holdTrace(a);
        QCOMPARE(held.size, a.size());
        QCOMPARE(compareTrace(held, a), Continuity::Unchanged);
        QCOMPARE(compareTrace(held, QByteArray(a + "more\n")), Continuity::Extends);
        QCOMPARE(compareTrace(held, a.left(a.size() - 1)), Continuity::Diverged); // shrank
        QByteArray changedTail = a + "more\n";
        changedTail[a.size() - 2] = 'X';
        QCOMPARE(compareTrace(held, changedTail), Continuity::Diverged);
        QByteArray changedHead = a + "more\n";
        changedHead[3] = 'X';
        QCOMPARE(compareTrace(held, changedHead), Continuity::Diverged);
        QCOMPARE(compareTrace(HeldTrace{}, QByteArray()), Continuity::Unchanged);
        QCOMPARE(compareTrace(HeldTrace{}, a), Continuity::Extends);
        // Growing in pieces remembers the same edges as holding the whole.
        HeldTrace grown = holdTrace("abc");
        grown = extendHeldTrace(grown, QByteArray(20000, 'b'));
        grown = extendHeldTrace(grown, "xyz");
        const HeldTrace whole = holdTrace(QByteArray("abc" + QByteArray(20000, 'b') + "xyz"));
        QCOMPARE(grown.size, whole.size);
        QCOMPARE(grown.head, whole.head);
        QCOMPARE(grown.tail, whole.tail);
    }

    // Taken in pieces, a trace gets the verdict it gets whole, at every split position, and
    // the pieces handed back are exactly the bytes beyond the held ones.
    void streamedContinuityMatchesWhole_data()
    {
        QTest::addColumn<QByteArray>("heldBytes");
        QTest::addColumn<QByteArray>("body");
        const QByteArray big = QByteArray(40000, 'a') + "tail\n";
        QByteArray changedTail = big + "more\n";
        changedTail[big.size() - 2] = 'X';
        QByteArray changedHead = big + "more\n";
        changedHead[3] = 'X';
        QByteArray changedMiddle = big + "more\n"; // not looked at: GitLab only appends
        changedMiddle[20000] = 'X';
        QTest::newRow("unchanged") << big << big;
        QTest::newRow("extends") << big << QByteArray(big + "more\nand more\n");
        QTest::newRow("shrank") << big << big.left(big.size() - 1);
        QTest::newRow("tail changed") << big << changedTail;
        QTest::newRow("head changed") << big << changedHead;
        QTest::newRow("middle changed") << big << changedMiddle;
        QTest::newRow("nothing held") << QByteArray() << QByteArray("first\nsecond\n");
        QTest::newRow("short held, extends") << QByteArray("ab") << QByteArray("abcdef");
        QTest::newRow("short held, differs") << QByteArray("ab") << QByteArray("aXcdef");
        QTest::newRow("both empty") << QByteArray() << QByteArray();
    }
    void streamedContinuityMatchesWhole()
    {
        using namespace logfollow;
        QFETCH(QByteArray, heldBytes);
        QFETCH(QByteArray, body);
        const HeldTrace held = holdTrace(heldBytes);
        const Continuity whole = compareTrace(held, body);
        const QByteArray extension =
            whole == Continuity::Extends ? body.mid(heldBytes.size()) : QByteArray();
        const auto check = [&](const QList<qsizetype> &cuts) {
            TraceIntake intake(held);
            QByteArray handedBack;
            qsizetype from = 0;
            for (qsizetype cut : cuts) {
                handedBack += intake.take(QByteArrayView(body).sliced(from, cut - from));
                from = cut;
            }
            handedBack += intake.take(QByteArrayView(body).sliced(from));
            QCOMPARE(intake.verdict(), whole);
            QCOMPARE(intake.received(), body.size());
            // In these rows every difference lies within the held bytes: nothing is handed
            // back for a trace that diverges.
            QCOMPARE(handedBack, extension);
        };
        // Every single split near the edges of the held bytes, and a split every 997 bytes.
        for (qsizetype cut = 0; cut <= body.size(); ++cut) {
            const bool nearEdge = cut < 64 || qAbs(cut - heldBytes.size()) < 64 ||
                                  qAbs(cut - (heldBytes.size() - HeldTrace::kEdgeBytes)) < 64 ||
                                  qAbs(cut - HeldTrace::kEdgeBytes) < 64;
            if (nearEdge)
                check({cut});
            if (QTest::currentTestFailed())
                return;
        }
        QList<qsizetype> many;
        for (qsizetype cut = 997; cut < body.size(); cut += 997)
            many.append(cut);
        check(many);
    }

    void followsARunningJobAppendingOnlyNewBytes()
    {
        log::LogDocument document;
        logfollow::TraceFollower follower(*m_connection, demo::kDemoProjectId, demo::kRunningJobId,
                                          document, fastOptions());
        QSignalSpy finished(&follower, &logfollow::TraceFollower::finished);
        QString error;
        QVERIFY2(follower.start(&error), qPrintable(error));
        QVERIFY(follower.isPolling());

        // Time stands still: the trace does not change, the server answers 304.
        QTRY_VERIFY(follower.stats().notModified >= 3);
        QVERIFY(follower.hasJob());
        QCOMPARE(follower.job().status, gitlab::CiStatus::Running);
        const QByteArray first = m_sim->world().trace(demo::kRunningJobId);
        QVERIFY(!first.isEmpty());
        lvtest::settle(document);
        QCOMPARE(document.engine()->byteSize(), first.size());
        QCOMPARE(follower.stats().appendedBytes, first.size());

        // The job writes more: only the new bytes are appended.
        m_sim->advance(30);
        QTRY_VERIFY(follower.stats().appends >= 2);
        const QByteArray second = m_sim->world().trace(demo::kRunningJobId);
        QVERIFY(second.size() > first.size());
        QTRY_COMPARE(follower.stats().appendedBytes, second.size());
        lvtest::settle(document);
        QCOMPARE(document.engine()->byteSize(), second.size());
        QCOMPARE(fileBytes(follower.cachePath(), second.size()), second);
        QCOMPARE(follower.stats().resets, 0);

        // Every poll after the first was conditional, and the 304s were counted (compared while
        // no poll is on its way, or the server may have answered one the follower has not read).
        QTRY_VERIFY(!follower.isDownloading());
        const auto requests = m_sim->requests();
        int conditional = 0, notModified = 0, traces = 0;
        for (const auto &request : requests) {
            if (!request.target.endsWith(
                    QByteArray("/jobs/" + QByteArray::number(demo::kRunningJobId) + "/trace")))
                continue;
            if (traces++ > 0)
                conditional += gltest::header(request, "If-None-Match").isEmpty() ? 0 : 1;
            notModified += request.status == 304 ? 1 : 0;
        }
        QCOMPARE(conditional, traces - 1);
        QVERIFY(notModified >= 3);
        QCOMPARE(notModified, follower.stats().notModified);

        // The job finishes: the last trace is fetched, the log is complete, polling stops.
        const auto finishesAsSimulatedTimeMoves = [&] {
            m_sim->advance(60);
            return !finished.isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(finishesAsSimulatedTimeMoves(), 20'000);
        QCOMPARE(finished.size(), 1);
        QVERIFY(follower.isFinished());
        QVERIFY(!follower.isPolling());
        const QByteArray last = m_sim->world().trace(demo::kRunningJobId);
        lvtest::settle(document);
        QCOMPARE(document.engine()->byteSize(), last.size());
        QVERIFY(document.engine()->isComplete());
        QCOMPARE(fileBytes(follower.cachePath(), last.size()), last);
        // Nothing more can come: no poll is planned and no request is on its way.
        QVERIFY(!follower.hasWorkPending());
    }

    void aTraceThatShrinksOrChangesIsParsedAgain()
    {
        const qint64 jobId = makeScriptedJob();
        QVERIFY(jobId > 0);
        m_sim->world().appendTrace(jobId, "one\ntwo\nthree\n");
        log::LogDocument document;
        QSignalSpy reset(&document, &log::LogDocument::reset);
        logfollow::TraceFollower follower(*m_connection, demo::kDemoProjectId, jobId, document,
                                          fastOptions());
        QSignalSpy traceReset(&follower, &logfollow::TraceFollower::traceReset);
        QVERIFY(follower.start());
        QTRY_COMPARE(follower.stats().appendedBytes, 14);
        const QString firstCache = follower.cachePath();
        reset.clear();

        // Shrinks (e.g. the job was retried under the same id in a fault, or erased).
        m_sim->world().job(jobId)->appendedTrace = "changed\n";
        QTRY_COMPARE(traceReset.size(), 1);
        QCOMPARE(follower.stats().resets, 1);
        lvtest::settle(document);
        QVERIFY(!reset.isEmpty());
        QCOMPARE(document.engine()->lineCount(), 1);
        QCOMPARE(document.engine()->line(0).text, u"changed"_s);
        QVERIFY(follower.cachePath() != firstCache);
        QVERIFY(!QFile::exists(firstCache));

        // Grows again from there: appended, not downloaded again.
        QTRY_VERIFY(!follower.isDownloading());
        const int appendsAfterReset = follower.stats().appends;
        m_sim->world().appendTrace(jobId, "more\n");
        QTRY_COMPARE(follower.stats().appends, appendsAfterReset + 1);
        QCOMPARE(follower.stats().resets, 1);
        // Same length, different bytes: parsed again.
        m_sim->world().job(jobId)->appendedTrace = "chanGed\nmore\n";
        QTRY_COMPARE(follower.stats().resets, 2);
        lvtest::settle(document);
        QCOMPARE(document.engine()->line(0).text, u"chanGed"_s);
        QCOMPARE(document.engine()->line(1).text, u"more"_s);
    }

    // A big trace is appended piece by piece while it arrives (its first lines can be shown
    // before the rest is in), and a download cut short and tried again leaves every byte
    // exactly once.
    void aBigTraceIsAppendedAsItArrives()
    {
        const qint64 jobId = makeScriptedJob();
        QByteArray big;
        for (int i = 0; big.size() < 4 * 1024 * 1024; ++i)
            big += "step " + QByteArray::number(i) + ": \x1b[32mok\x1b[0m\n";
        m_sim->world().appendTrace(jobId, big);
        sim::FaultRule cut;
        cut.method = "GET";
        cut.path = QRegularExpression(u"/jobs/%1/trace$"_s.arg(jobId));
        cut.kind = sim::FaultKind::TruncatedBody;
        cut.times = 1;
        m_sim->addFault(cut);

        log::LogDocument document;
        logfollow::TraceFollower follower(*m_connection, demo::kDemoProjectId, jobId, document,
                                          fastOptions());
        int appendsWhileDownloading = 0;
        bool firstDownloadDone = false;
        qint64 lastReceived = 0;
        qint64 lastTotal = 0;
        connect(&follower, &logfollow::TraceFollower::appended, this, [&] {
            if (!firstDownloadDone)
                ++appendsWhileDownloading;
        });
        int requestsForFirstDownload = 0;
        connect(&follower, &logfollow::TraceFollower::downloadingChanged, this,
                [&](bool downloading) {
                    if (!downloading && !firstDownloadDone) {
                        firstDownloadDone = true;
                        // Counted now: the next poll may start before the test looks again.
                        requestsForFirstDownload = gltest::countRequests(
                            *m_sim, "GET", "/jobs/" + QByteArray::number(jobId) + "/trace");
                    }
                });
        connect(&follower, &logfollow::TraceFollower::downloadProgress, this,
                [&](qint64 received, qint64 total) {
                    if (!firstDownloadDone) {
                        lastReceived = received;
                        lastTotal = total;
                    }
                });
        QVERIFY(follower.start());
        QTRY_VERIFY(firstDownloadDone);
        QVERIFY(follower.lastError().ok());
        QCOMPARE(requestsForFirstDownload, 2); // cut short, then tried again by the Connection
        QVERIFY2(appendsWhileDownloading > 2, qPrintable(QString::number(appendsWhileDownloading)));
        QCOMPARE(lastReceived, big.size());
        QCOMPARE(lastTotal, big.size());
        QCOMPARE(follower.stats().appendedBytes, big.size());
        QCOMPARE(follower.stats().resets, 0);
        lvtest::settle(document);
        QCOMPARE(document.engine()->byteSize(), big.size());
        // (The cache file is grown in steps: its length is not the log's.)
        QVERIFY(fileBytes(follower.cachePath(), big.size()) == big);
    }

    void pageStaysPinnedOnlyWhileTheUserIsAtTheEnd()
    {
        const qint64 jobId = makeScriptedJob();
        QByteArray lines;
        for (int i = 0; i < 100; ++i)
            lines += "step " + QByteArray::number(i) + "\n";
        m_sim->world().appendTrace(jobId, lines);
        JobLogPage page(*m_connection, demo::kDemoProjectId, jobId, u"scripted"_s, fastOptions());
        page.resize(900, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        LogView *view = page.viewer()->view();
        QTRY_COMPARE(view->lineCount(), 100);
        QTRY_VERIFY(view->isFollowing());
        QVERIFY(view->isAtEnd());
        QVERIFY(view->topRow() > 0);

        m_sim->world().appendTrace(jobId, lines);
        QTRY_COMPARE(view->lineCount(), 200);
        QVERIFY(view->isAtEnd());

        // The user scrolls up to read: new output does not move the view.
        view->verticalScrollBar()->setValue(5);
        QVERIFY(!view->isFollowing());
        QTRY_VERIFY(page.viewer()->jumpToLiveButton()->isVisible());
        m_sim->world().appendTrace(jobId, lines);
        QTRY_COMPARE(view->lineCount(), 300);
        QCOMPARE(view->topRow(), 5);

        // "Jump to live" pins again.
        QTest::mouseClick(page.viewer()->jumpToLiveButton(), Qt::LeftButton);
        QVERIFY(view->isFollowing());
        QVERIFY(!page.viewer()->jumpToLiveButton()->isVisible());
        m_sim->world().appendTrace(jobId, lines);
        QTRY_COMPARE(view->lineCount(), 400);
        QVERIFY(view->isAtEnd());

        // The job finishes: polling stops and the view is no longer live.
        QSignalSpy finished(page.follower(), &logfollow::TraceFollower::finished);
        m_sim->world().setJobStatus(jobId, u"success"_s);
        QTRY_COMPARE(finished.size(), 1);
        QTRY_VERIFY(!view->isFollowing());
        QVERIFY(!page.follower()->isPolling());
        QVERIFY(!page.viewer()->jumpToLiveButton()->isVisible());
    }

    // While the first download is on its way the page shows a busy indicator and says what it
    // waits for; while the job runs it says that GitLab delivers live output in steps.
    void downloadProgressAndLiveNotice()
    {
        const qint64 jobId = makeScriptedJob();
        QByteArray lines;
        for (int i = 0; i < 100; ++i)
            lines += "step " + QByteArray::number(i) + "\n";
        // Big enough to arrive in several pieces, so that the progress has steps.
        QByteArray filler;
        for (int i = 0; filler.size() < 2 * 1024 * 1024; ++i)
            filler += "detail " + QByteArray::number(i) + "\n";
        m_sim->world().appendTrace(jobId, lines + filler);
        const qint64 lineTotal = 100 + filler.count('\n');
        JobLogPage page(*m_connection, demo::kDemoProjectId, jobId, u"scripted"_s, fastOptions());
        page.resize(900, 400);
        page.show();
        LogViewer *viewer = page.viewer();
        // No event has been processed: the request cannot have been answered yet.
        QVERIFY(page.follower()->isDownloading());
        QVERIFY(viewer->progressBar()->isVisible());
        QCOMPARE(viewer->progressBar()->maximum(), 0); // busy, no known size yet
        QCOMPARE(viewer->statusLabel()->text(), u"Downloading the log\u2026"_s);

        // Once the size is known the bar has steps, and the text says how far along it is.
        QList<int> shownPermille;
        QString lastTip;
        connect(page.follower(), &logfollow::TraceFollower::downloadProgress, this, [&] {
            // Only the first download: later polls report progress too, while the bar may
            // show the indexing (also in steps of 1000).
            if (!page.follower()->isDownloadingWholeTrace())
                return;
            if (viewer->progressBar()->maximum() == 1000)
                shownPermille.append(viewer->progressBar()->value());
            lastTip = viewer->progressBar()->toolTip();
        });
        QTRY_COMPARE(viewer->view()->lineCount(), lineTotal);
        QTRY_VERIFY(!viewer->progressBar()->isVisible());
        QVERIFY(!shownPermille.isEmpty());
        QCOMPARE(shownPermille.last(), 1000);
        QVERIFY2(lastTip.contains(u" of "_s), qPrintable(lastTip));
        QVERIFY(
            viewer->statusLabel()->text().startsWith(QLocale().toString(lineTotal) + u" lines"_s));
        // Later polls are quick background work: no indicator for them.
        bool indicatorForAPoll = false;
        connect(page.follower(), &logfollow::TraceFollower::downloadingChanged, this,
                [&](bool downloading) {
                    if (downloading && viewer->progressBar()->isVisible())
                        indicatorForAPoll = true;
                });
        const int polls = page.follower()->stats().traceRequests;
        QTRY_VERIFY(page.follower()->stats().traceRequests > polls + 2);
        QVERIFY(!indicatorForAPoll);

        QTRY_VERIFY(page.follower()->hasJob());
        QTRY_VERIFY(viewer->liveNoticeLabel()->isVisible());
        QVERIFY(viewer->liveNoticeLabel()->text().contains(u"up to a minute"_s));
        QSignalSpy finished(page.follower(), &logfollow::TraceFollower::finished);
        m_sim->world().setJobStatus(jobId, u"success"_s);
        QTRY_COMPARE(finished.size(), 1);
        QTRY_VERIFY(!viewer->liveNoticeLabel()->isVisible());
    }

    // A followed log that grows in pieces cut where the scanner has to wait (inside prefixes,
    // markers, escapes, before `+` records), with markers mid-line and timestamps: after every
    // piece the page shows exactly what the same bytes show in one go (line numbers, text,
    // timestamps, sections), the search hits are those of every shown line, folding and the
    // outline follow, and the page stays pinned to the end. Nothing is lost or doubled.
    void followsMarkersMidLineAndTimestampsAcrossPieces()
    {
        using namespace pipedeck::log::test;
        const QByteArray log = markersAndTimestampsLog();
        QStringList missing;
        QList<qsizetype> cuts = awkwardCuts(log, &missing);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
        cuts.append(log.size());

        const qint64 jobId = makeScriptedJob();
        JobLogPage page(*m_connection, demo::kDemoProjectId, jobId, u"scripted"_s, fastOptions());
        page.resize(900, 300);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        LogViewer *viewer = page.viewer();
        LogView *view = viewer->view();
        QSignalSpy searched(viewer, &LogViewer::searchFinished);
        viewer->find({u"needle"_s, log::SearchQuery::Kind::Plain, Qt::CaseInsensitive});

        qsizetype sent = 0;
        bool foldedInner = false;
        for (qsizetype cut : cuts) {
            const QByteArray piece = log.mid(sent, cut - sent);
            m_sim->world().appendTrace(jobId, piece);
            sent = cut;
            QTRY_COMPARE(page.follower()->stats().appendedBytes, sent);
            log::LogDocument *document = viewer->document();
            QVERIFY(document);
            lvtest::settle(*document);
            QCOMPARE(page.follower()->stats().resets, 0);

            // What the same bytes show when they arrive at once.
            log::LogEngine reference;
            reference.startInMemory();
            reference.append(QByteArrayView(log).first(sent));
            reference.indexAll();
            const qint64 lines = reference.lineCount();
            const QList<log::RenderedLine> expected = reference.lines(0, lines);
            const QString at = u"after %1 of %2 bytes"_s.arg(sent).arg(log.size());

            QTRY_COMPARE(view->lineCount(), lines);
            QVERIFY2(describeLines(view->renderedLines(0, lines)) == describeLines(expected),
                     qPrintable(at + u":\n"_s + describeLines(view->renderedLines(0, lines))));
            QTRY_COMPARE(describeSections(view->sections()),
                         describeSections(reference.sections()));

            // Search hits: those of the lines shown, each once, also on a line that grew.
            QTRY_VERIFY(!viewer->isSearching());
            QList<QPair<qint64, qsizetype>> found;
            for (const log::SearchHit &hit : viewer->storedHits())
                found.append({hit.line, hit.from});
            QVERIFY2(found == needleHits(expected), qPrintable(at));
            QCOMPARE(viewer->hitCount(), qint64(found.size()));

            // Folding: "prepare" (collapsed=true) hides its body but not the line that ends it
            // and starts "step_script"; "inner", folded by the user while it is open, hides
            // what arrives in it, and nothing after its end.
            const std::vector<log::Section> &sections = view->sections();
            qint64 hidden = 0;
            if (!sections.empty()) {
                QVERIFY(view->isFolded(0));
                QCOMPARE(sections[0].name, u"prepare"_s);
                if (sections[0].endLine >= 0) {
                    QCOMPARE(sections[0].endLine, sections.size() > 1 ? sections[1].startLine : -1);
                    hidden += sections[0].endLine - sections[0].startLine - 1;
                } else {
                    hidden += lines - 1 - sections[0].startLine;
                }
            }
            if (sections.size() > 2) {
                QCOMPARE(sections[2].name, u"inner"_s);
                if (!foldedInner) {
                    QVERIFY(sections[2].isOpen());
                    view->setFolded(2, true);
                    foldedInner = true;
                }
                const qint64 innerLast = sections[2].isOpen() ? lines - 1 : sections[2].endLine;
                hidden += innerLast - sections[2].startLine;
                if (!sections[2].isOpen()) {
                    QVERIFY(!view->foldMap().isHidden(innerLast + 1) || innerLast + 1 >= lines);
                    QCOMPARE(view->foldMap().rowForLine(innerLast),
                             view->foldMap().rowForLine(sections[2].startLine));
                }
            }
            QCOMPARE(view->rowCount(), lines - hidden);
            for (qint64 row = 0; row < view->rowCount(); ++row)
                QCOMPARE(view->foldMap().rowForLine(view->foldMap().lineForRow(row)), row);

            // The outline lists the sections by their header lines (by name while a header
            // shows nothing yet), also once a header that was still arriving is complete.
            auto title = [&](size_t section) {
                const QString &text = expected[sections[section].startLine].text;
                return text.isEmpty() ? sections[section].name : text;
            };
            if (sections.size() > 1) {
                SectionOutlineModel *outline = viewer->outlineModel();
                QCOMPARE(outline->rowCount(), 2);
                QTRY_COMPARE(outline->index(0, 0).data().toString(), title(0));
                QTRY_COMPARE(outline->index(1, 0).data().toString(), title(1));
                if (sections.size() > 2) {
                    QCOMPARE(outline->rowCount(outline->index(1, 0)), 1);
                    QTRY_COMPARE(outline->index(0, 0, outline->index(1, 0)).data().toString(),
                                 title(2));
                }
            }
            QVERIFY2(view->isFollowing() && view->isAtEnd(), qPrintable(at));
        }
        QVERIFY(foldedInner);

        // The job finishes: the complete log is what the whole bytes show.
        QSignalSpy finished(page.follower(), &logfollow::TraceFollower::finished);
        m_sim->world().setJobStatus(jobId, u"success"_s);
        QTRY_COMPARE(finished.size(), 1);
        lvtest::settle(*viewer->document());
        log::LogEngine whole;
        feed(whole, log, {});
        QTRY_COMPARE(view->lineCount(), whole.lineCount());
        QCOMPARE(describeEngine(*viewer->document()->engine()), describeEngine(whole));
        QCOMPARE(describeLines(view->renderedLines(0, whole.lineCount())),
                 describeLines(whole.lines(0, whole.lineCount())));
        // Spot checks against what GitLab shows for these bytes.
        const QList<log::RenderedLine> all = whole.lines(0, whole.lineCount());
        QCOMPARE(whole.lineCount(), 53);
        QCOMPARE(all[3].text, u"Executing"_s);
        QCOMPARE(all[4].text, u"before "_s);
        QCOMPARE(all[5].text, u"inner header needle"_s);
        QCOMPARE(all[6].text, u"100% needle"_s);
        QCOMPARE(all[8].text, u"last inner line NEEDLE"_s);
        QCOMPARE(all[9].text, u"after inner needle"_s);
        QCOMPARE(all[50].text, u"part one part two needle"_s);
        QCOMPARE(all[4].timestamp, all[5].timestamp);
        QCOMPARE(describeSections(whole.sections()),
                 u"prepare 1-3 d0 collapsed 4s; step-script 3-51 d0 6s; inner 5-8 d1 2s"_s);
        QCOMPARE(viewer->hitCount(), 10);
    }

    void aMissingJobStopsWithAnError()
    {
        log::LogDocument document;
        logfollow::TraceFollower follower(*m_connection, demo::kDemoProjectId, 987654, document,
                                          fastOptions());
        QSignalSpy failed(&follower, &logfollow::TraceFollower::failed);
        QVERIFY(follower.start());
        QTRY_VERIFY(!failed.isEmpty());
        QVERIFY(failed.first().at(1).toBool()); // fatal
        QTRY_VERIFY(!follower.isPolling());
        QCOMPARE(follower.lastError().code(), gitlab::Status::NotFound);
        // A 404 is not retried, and nothing more can come: no poll planned, none on its way.
        QCOMPARE(traceRequestsOnWire(987654), 1);
        QVERIFY(!follower.hasWorkPending());
    }
};

QTEST_MAIN(TestJobLogFollow)
#include "tst_job_log_follow.moc"
