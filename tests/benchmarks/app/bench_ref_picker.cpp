// The ref picker over 10,000 branches in pipedeck-sim (platform/deploy-tools with
// ServerOptions::manyBranches), as a user meets it: from the last keystroke of a search to the
// filtered list painted on screen. Each query is typed into the picker's field; the clock stops
// at the first paint of the list after the model holds that query's matches.
//   bench_ref_picker [--runs N]     (figures in README, "Performance: pipelines and start-up")
// Reported twice: with the picker's debounce (what the user sees) and the part after it
// (GitLab's two searches on loopback, the merge into the model and the paint).
#include "gitlab/net/connection.h"
#include "models/loaders/refs_loader.h"
#include "models/refs/refs_model.h"
#include "runs/ref_picker.h"
#include "sim/demo_data.h"
#include "sim/server.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace pipedeck;

namespace {

struct PaintCounter : QObject
{
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype i = std::min(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values.at(i);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int runs = 3;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = std::max(1, args.at(i + 1).toInt());

    sim::ServerOptions options;
    options.manyBranches = true;
    options.bigLog = false;
    options.clockRunning = false;
    options.tokens = {sim::TokenGrant{
        QStringLiteral("bench-token"), QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
    sim::Server server(options);
    if (!server.listen())
        return 1;
    gitlab::Connection connection(server.baseUrl());
    connection.setToken(QStringLiteral("bench-token"));

    RefPicker picker(&connection, gitlab::ProjectRef(sim::demo::kDeployToolsProjectId),
                     QStringLiteral("main"));
    picker.resize(600, 300);
    picker.show();
    if (!QTest::qWaitForWindowExposed(&picker))
        return 1;
    PaintCounter counter;
    picker.list()->viewport()->installEventFilter(&counter);
    if (!QTest::qWaitFor([&] { return picker.model()->rowCount() > 0; }, 10'000))
        return 1;
    std::printf("branches in the project: %d (plus main and wip/spike)\n",
                sim::demo::kManyBranches);

    const QStringList queries = {QStringLiteral("feature/JIRA-1"), QStringLiteral("rollback"),
                                 QStringLiteral("hotfix/JIRA-42"), QStringLiteral("^chore"),
                                 QStringLiteral("webhook"),        QStringLiteral("i18n-ui"),
                                 QStringLiteral("bugfix/JIRA-9"),  QStringLiteral("metrics$"),
                                 QStringLiteral("zzz-no-match"),   QStringLiteral("deploy")};
    QList<double> total;
    QList<double> afterDebounce;
    const int debounceMs = models::RefsLoader::kDebounceMs;
    for (int run = 0; run < runs; ++run) {
        for (const QString &query : queries) {
            picker.searchField()->clear();
            picker.model()->setSearchText({});
            QTest::qWait(debounceMs + 50);
            QTest::keyClicks(picker.searchField(), query);
            QElapsedTimer clock;
            clock.start();
            // The loader says when the model holds this query's matches; the next paint of
            // the list shows them.
            bool answered = false;
            const QMetaObject::Connection done =
                QObject::connect(picker.loader(), &models::RefsLoader::refreshed,
                                 [&](bool, const QString &searchText) {
                                     answered = answered || searchText == query;
                                 });
            int paintsAtResult = -1;
            bool shown = false;
            while (clock.elapsed() < 10'000) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
                if (answered && paintsAtResult < 0) {
                    paintsAtResult = counter.paints;
                    picker.list()->viewport()->update();
                }
                if (paintsAtResult >= 0 && counter.paints > paintsAtResult) {
                    shown = true;
                    break;
                }
            }
            QObject::disconnect(done);
            if (!shown) {
                std::fprintf(stderr, "query %s did not show\n", qPrintable(query));
                return 1;
            }
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            total.append(ms);
            afterDebounce.append(ms - debounceMs);
            if (run == 0)
                std::printf("  %-16s %4d matches%s  %.1f ms\n", qPrintable(query),
                            picker.model()->rowCount(),
                            picker.model()->isTruncated() ? " (first page)" : "", ms);
        }
    }
    std::printf("last keystroke -> filtered list painted, %lld searches: median %.1f ms, "
                "p95 %.1f ms (debounce %d ms included)\n",
                static_cast<long long>(total.size()), percentile(total, 0.5),
                percentile(total, 0.95), debounceMs);
    std::printf("after the debounce (two searches on loopback, merge, paint): median %.1f ms, "
                "p95 %.1f ms\n",
                percentile(afterDebounce, 0.5), percentile(afterDebounce, 0.95));
    return 0;
}
