// Following a running job against pipedeck-sim over loopback: only new bytes are appended
// (conditional requests, 304s counted), a trace that shrinks or changes is parsed again, the
// view stays pinned to the end only while the user is there, and polling stops when the job
// finishes. Plus the pure continuity rules.
#include "logview_test_support.h"

#include "gitlab/gitlab_test_support.h"
#include "logfollow/trace_continuity.h"
#include "logfollow/trace_follower.h"
#include "logfollow/trace_intake.h"
#include "logview/job_log_page.h"
#include "logview/log_view.h"
#include "logview/log_viewer.h"
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
        for (int i = 0; i < 40 && finished.isEmpty(); ++i) {
            m_sim->advance(60);
            QTest::qWait(60);
        }
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(follower.isFinished());
        QVERIFY(!follower.isPolling());
        const QByteArray last = m_sim->world().trace(demo::kRunningJobId);
        lvtest::settle(document);
        QCOMPARE(document.engine()->byteSize(), last.size());
        QVERIFY(document.engine()->isComplete());
        QCOMPARE(fileBytes(follower.cachePath(), last.size()), last);
        const int requestsAtFinish = traceRequestsOnWire(demo::kRunningJobId);
        QTest::qWait(400);
        QCOMPARE(traceRequestsOnWire(demo::kRunningJobId), requestsAtFinish);
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
        const int requests = traceRequestsOnWire(987654);
        QTest::qWait(300);
        QCOMPARE(traceRequestsOnWire(987654), requests);
    }
};

QTEST_MAIN(TestJobLogFollow)
#include "tst_job_log_follow.moc"
