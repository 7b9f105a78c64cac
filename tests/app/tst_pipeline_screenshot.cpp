// Renders the project page on the demo data for people to look at. With
// PIPEDECK_SCREENSHOT_DIR set (run it under Xvfb with QT_QPA_PLATFORM=xcb for real fonts) it
// writes pipeline-view.png and pipeline-running.png there; under ctest it only checks that the
// page renders with the expected parts.
#include "page_fixture.h"

#include "models/loaders/jobs_loader.h"
#include "pipelines/pipeline_graph_view.h"

#include <QDir>
#include <QSignalSpy>

using namespace pipedeck;
using models::JobsModel;
namespace demo = pipedeck::sim::demo;

class TestPipelineScreenshot : public QObject
{
    Q_OBJECT

private:
    pagetest::PageFixture m_f;

    void save(const QString &name)
    {
        const QImage image = m_f.page->grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_f.page->size() * m_f.page->devicePixelRatio());
        const QString dir = qEnvironmentVariable("PIPEDECK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void cleanup() { m_f.close(); }

    void downstreamPipelinesInline()
    {
        QVERIFY(m_f.start());
        m_f.server->advance(240);
        QVERIFY(m_f.open());
        m_f.page->resize(1240, 760);
        QVERIFY(m_f.showPipeline(demo::kBridgePipelineId));
        JobsModel *jobs = m_f.jobs();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->indexOfJob(demo::kChildBridgeJobId)
                                     .data(JobsModel::DownstreamPipelineIdRole)
                                     .isValid(),
                                 10'000);
        m_f.page->graphView()->toggleDownstream(demo::kChildBridgeJobId);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->rowCount(jobs->indexOfJob(demo::kChildBridgeJobId)) > 0,
                                 10'000);
        m_f.page->graphView()->setCurrentJob(demo::kChildBridgeJobId);
        QTest::qWait(300);
        save(QStringLiteral("pipeline-view.png"));
    }

    void runningPipelineWithJobDetails()
    {
        QVERIFY(m_f.start());
        m_f.server->advance(90);
        QVERIFY(m_f.open());
        m_f.page->resize(1240, 760);
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        m_f.page->graphView()->setCurrentJob(demo::kFailedJobId);
        m_f.page->graphView()->setFocus();
        QTest::qWait(300);
        save(QStringLiteral("pipeline-failed-job.png"));
    }
};

QTEST_MAIN(TestPipelineScreenshot)
#include "tst_pipeline_screenshot.moc"
