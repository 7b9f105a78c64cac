// The job details pane and every place a job's server text appears show it as plain text:
// a name full of markup is shown literally, never interpreted.
#include "page_fixture.h"

#include "jobs/job_details_pane.h"
#include "pipelines/pipeline_graph_view.h"
#include "pipelines/pipeline_header.h"
#include "pipelines/pipelines_panel.h"
#include "widgets/plain_label.h"

#include <QLabel>

using namespace pipedeck;
using models::JobsModel;
namespace demo = pipedeck::sim::demo;

namespace {
const QString kHostile =
    QStringLiteral("<b>x</b><img src=\"file:///etc/hostname\"><a href=x>y</a>");
}

class TestJobDetails : public QObject
{
    Q_OBJECT

private:
    pagetest::PageFixture m_f;

private Q_SLOTS:
    void cleanup() { m_f.close(); }

    void detailsOfAFailedJob()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        m_f.page->graphView()->setCurrentJob(demo::kFailedJobId);
        JobDetailsPane *pane = m_f.page->jobDetails();
        QCOMPARE(pane->jobId(), demo::kFailedJobId);
        QCOMPARE(pane->field(QStringLiteral("name"))->text(), QStringLiteral("unit-tests"));
        QVERIFY(pane->field(QStringLiteral("status"))->text().startsWith(QStringLiteral("Failed")));
        QVERIFY(pane->field(QStringLiteral("failure"))->isVisible());
        QVERIFY(pane->field(QStringLiteral("failure"))->text().contains(QStringLiteral("script")));
        QCOMPARE(pane->field(QStringLiteral("stage"))->text(),
                 m_f.server->world().job(demo::kFailedJobId)->spec.stage);
        QVERIFY(!pane->field(QStringLiteral("duration"))->text().isEmpty());
        QVERIFY(!pane->field(QStringLiteral("runner"))->text().isEmpty());
        QVERIFY(pane->field(QStringLiteral("webUrl"))
                    ->text()
                    .contains(QStringLiteral("/-/jobs/%1").arg(demo::kFailedJobId)));
        QVERIFY(!pane->field(QStringLiteral("user"))->text().isEmpty());
    }

    void followsRefreshes()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kRunningPipelineId));
        m_f.page->graphView()->setCurrentJob(demo::kRunningJobId);
        QLabel *status = m_f.page->jobDetails()->field(QStringLiteral("status"));
        QVERIFY(status->text().startsWith(QStringLiteral("Running")));
        m_f.server->advance(3600);
        m_f.page->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Passed")), 10'000);
        QVERIFY(!m_f.page->jobDetails()->field(QStringLiteral("finished"))->text().isEmpty());
    }

    void hostileServerTextIsPlain()
    {
        QVERIFY(m_f.start());
        sim::PipelineSpec spec;
        spec.ref = kHostile;
        spec.commitTitle = kHostile;
        sim::JobSpec job;
        job.name = kHostile;
        job.stage = kHostile;
        job.frozenStatus = QStringLiteral("failed");
        spec.jobs = {job};
        const qint64 pipelineId = m_f.server->world().createPipeline(demo::kDemoProjectId, spec).id;
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(pipelineId));
        const qint64 jobId =
            m_f.server->world().jobsOfPipeline(pipelineId, false, false).first()->id;
        m_f.page->graphView()->setCurrentJob(jobId);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_f.page->pipelineHeader()->detailLabel()->text().contains(kHostile), 10'000);

        // Every label in the page that shows the text shows it literally, as plain text.
        int showing = 0;
        const QList<QLabel *> labels = m_f.page->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (!label->text().contains(QStringLiteral("<b>x</b>")))
                continue;
            ++showing;
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
        QVERIFY(showing >= 3); // job name, stage, pipeline header
        JobDetailsPane *pane = m_f.page->jobDetails();
        QCOMPARE(pane->field(QStringLiteral("name"))->text(), kHostile);
        QCOMPARE(pane->field(QStringLiteral("stage"))->text(), kHostile);
        // The painted card carries the literal name too, and the tooltip escapes it.
        QVERIFY(m_f.page->graphView()->cardText(jobId).startsWith(kHostile));
        QVERIFY(plainToolTip(kHostile).contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")));
        QVERIFY(!plainToolTip(kHostile).contains(QStringLiteral("<img")));
    }
};

QTEST_MAIN(TestJobDetails)
#include "tst_job_details.moc"
