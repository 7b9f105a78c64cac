// Renders the project page on the demo data for people to look at. With
// PIPEDECK_SCREENSHOT_DIR set (run it under Xvfb with QT_QPA_PLATFORM=xcb for real fonts) it
// writes pipeline-view.png and pipeline-failed-job.png there. Under ctest it checks what the
// picture shows: every visible job card carries its own status icon (found by the icon's colour
// in the grabbed image, at the place the graph says the card is), and the current card is the
// one described to assistive technology.
#include "page_fixture.h"

#include "models/job_rows.h"
#include "models/loaders/jobs_loader.h"
#include "pipelines/pipeline_graph_view.h"
#include "widgets/status_style.h"

#include <QDir>
#include <QHash>
#include <QIcon>
#include <QSignalSpy>

using namespace pipedeck;
using models::JobsModel;
namespace demo = pipedeck::sim::demo;

namespace {

constexpr int kIconSize = 16; // as the graph paints it

//! The colour that identifies a status icon: its most frequent opaque colour other than white.
QRgb iconColour(const QIcon &icon)
{
    const QImage image =
        icon.pixmap(kIconSize, kIconSize).toImage().convertToFormat(QImage::Format_ARGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) == 255 && (pixel & 0xffffff) != 0xffffff)
                ++counts[pixel];
        }
    }
    QRgb best = 0;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

int pixelsNear(const QImage &image, const QRect &area, QRgb colour)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += qAbs(qRed(p) - qRed(colour)) < 24 && qAbs(qGreen(p) - qGreen(colour)) < 24 &&
                         qAbs(qBlue(p) - qBlue(colour)) < 24
                     ? 1
                     : 0;
        }
    }
    return n;
}

using jobrows::collectJobs;

} // namespace

class TestPipelineScreenshot : public QObject
{
    Q_OBJECT

private:
    pagetest::PageFixture m_f;

    //! Checks the grabbed page: each job card the graph shows has its status icon drawn where
    //! the card is; returns how many cards were checked.
    int checkCards(const QImage &image)
    {
        PipelineGraphView *graph = m_f.page->graphView();
        QList<QModelIndex> jobs;
        collectJobs(*m_f.jobs(), {}, jobs);
        int checked = 0;
        for (const QModelIndex &job : jobs) {
            const qint64 jobId = job.data(JobsModel::IdRole).toLongLong();
            const QRect card = graph->cardRect(jobId);
            if (card.isNull() || !graph->viewport()->rect().contains(card) ||
                graph->isOlderAttempt(jobId))
                continue; // not on screen, or drawn faded
            const auto status =
                static_cast<gitlab::CiStatus>(job.data(JobsModel::StatusRole).toInt());
            const QRgb expected = iconColour(
                StatusStyle::icon(status, job.data(JobsModel::AllowFailureRole).toBool()));
            const QPoint topLeft = graph->viewport()->mapTo(
                m_f.page.get(),
                QPoint(card.left() + 10, card.top() + (card.height() - kIconSize) / 2));
            const QRect icon(topLeft * m_f.page->devicePixelRatio(),
                             QSize(kIconSize, kIconSize) * m_f.page->devicePixelRatio());
            const int found = pixelsNear(image, icon, expected);
            if (found < 20) {
                qWarning() << "job" << jobId << job.data(JobsModel::NameRole).toString() << "status"
                           << int(status) << "expected colour" << Qt::hex << expected << "found"
                           << Qt::dec << found << "pixels of it at" << icon;
                return -1;
            }
            ++checked;
        }
        return checked;
    }

    void save(const QString &name, int minimumCards)
    {
        const QImage image = m_f.page->grab().toImage().convertToFormat(QImage::Format_ARGB32);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_f.page->size() * m_f.page->devicePixelRatio());
        QVERIFY(m_f.page->graphView()->paintedCardCount() >= minimumCards);
        QVERIFY(checkCards(image) >= minimumCards);
        const qint64 current = m_f.page->graphView()->currentJobId();
        QVERIFY(current != 0);
        QCOMPARE(m_f.page->graphView()->accessibleDescription(),
                 m_f.page->graphView()->cardText(current));
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
        QCOMPARE(m_f.page->graphView()->currentJobId(), demo::kChildBridgeJobId);
        // The bridge, its multi-project sibling and the child pipeline's jobs.
        save(QStringLiteral("pipeline-view.png"), 4);
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
        QCOMPARE(m_f.page->graphView()->currentJobId(), demo::kFailedJobId);
        QVERIFY(m_f.page->graphView()->cardText(demo::kFailedJobId).contains(u"unit-tests"));
        save(QStringLiteral("pipeline-failed-job.png"), 3);
    }
};

QTEST_MAIN(TestPipelineScreenshot)
#include "tst_pipeline_screenshot.moc"
