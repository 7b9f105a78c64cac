#include "models/jobs/stage_grouping.h"

#include "models/common/composite_status.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace pipedeck::models {

void StageOrder::observe(const QString &stage, qint64 jobId)
{
    auto it = m_firstId.find(stage);
    if (it == m_firstId.end())
        m_firstId.insert(stage, jobId);
    else if (jobId < it.value())
        it.value() = jobId;
}

int compareJobNames(const QString &left, const QString &right)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < left.size() && j < right.size()) {
        const QChar a = left.at(i);
        const QChar b = right.at(j);
        if (a.isDigit() && b.isDigit()) {
            // Compare the digit runs as numbers: skip leading zeros, then length, then digits.
            qsizetype endA = i;
            while (endA < left.size() && left.at(endA).isDigit())
                ++endA;
            qsizetype endB = j;
            while (endB < right.size() && right.at(endB).isDigit())
                ++endB;
            qsizetype startA = i;
            while (startA + 1 < endA && left.at(startA) == u'0')
                ++startA;
            qsizetype startB = j;
            while (startB + 1 < endB && right.at(startB) == u'0')
                ++startB;
            if (endA - startA != endB - startB)
                return endA - startA < endB - startB ? -1 : 1;
            const int digits = QStringView(left)
                                   .sliced(startA, endA - startA)
                                   .compare(QStringView(right).sliced(startB, endB - startB));
            if (digits != 0)
                return digits;
            i = endA;
            j = endB;
            continue;
        }
        if (a != b) {
            const QChar lowerA = a.toLower();
            const QChar lowerB = b.toLower();
            if (lowerA != lowerB)
                return lowerA < lowerB ? -1 : 1;
            return a < b ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if (i < left.size())
        return 1;
    if (j < right.size())
        return -1;
    return 0;
}

namespace {

// Attempts of one job (the same name) end up next to each other, the newest first.
bool jobBefore(const IncomingJob &a, const IncomingJob &b)
{
    const gitlab::JobCommon &left = a.common();
    const gitlab::JobCommon &right = b.common();
    if (const int byName = compareJobNames(left.name, right.name); byName != 0)
        return byName < 0;
    if (left.name != right.name) // "test 2" and "test 02": equal as numbers, not the same job
        return left.name < right.name;
    if (left.retried != right.retried)
        return !left.retried;
    return left.id > right.id;
}

// GitLab keeps one current job per name in a pipeline; include_retried lists the earlier
// attempts too, without saying which they are. Needs the order of jobBefore.
void markSupersededAttempts(QList<IncomingJob> &sorted)
{
    for (qsizetype i = 1; i < sorted.size(); ++i)
        sorted[i].superseded = sorted.at(i).common().name == sorted.at(i - 1).common().name;
}

} // namespace

QList<StageSnapshot> groupByStage(const QList<gitlab::Job> &jobs,
                                  const QList<gitlab::Bridge> &bridges, StageOrder &order)
{
    QHash<QString, qsizetype> stageIndex;
    QList<StageSnapshot> stages;
    const auto stageFor = [&](const QString &name) -> StageSnapshot & {
        auto it = stageIndex.constFind(name);
        if (it != stageIndex.cend())
            return stages[it.value()];
        stageIndex.insert(name, stages.size());
        stages.append(StageSnapshot{name, gitlab::CiStatus::Unknown, 0, {}});
        return stages.last();
    };
    for (const gitlab::Job &job : jobs) {
        order.observe(job.stage, job.id);
        stageFor(job.stage).jobs.append(IncomingJob{&job, nullptr});
    }
    for (const gitlab::Bridge &bridge : bridges) {
        order.observe(bridge.stage, bridge.id);
        stageFor(bridge.stage).jobs.append(IncomingJob{nullptr, &bridge});
    }

    QHash<qint64, int> ranks;
    ranks.reserve(jobs.size() + bridges.size());
    for (StageSnapshot &stage : stages) {
        // Last refresh's order first (new jobs at the end), then sort only if that is wrong.
        std::vector<std::pair<int, IncomingJob>> byRank;
        byRank.reserve(static_cast<size_t>(stage.jobs.size()));
        for (const IncomingJob &job : std::as_const(stage.jobs)) {
            const int rank = order.jobRank(job.common().id);
            byRank.emplace_back(rank < 0 ? std::numeric_limits<int>::max() : rank, job);
        }
        std::stable_sort(byRank.begin(), byRank.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (size_t i = 0; i < byRank.size(); ++i)
            stage.jobs[static_cast<qsizetype>(i)] = byRank[i].second;
        if (!std::is_sorted(stage.jobs.cbegin(), stage.jobs.cend(), jobBefore))
            std::stable_sort(stage.jobs.begin(), stage.jobs.end(), jobBefore);
        markSupersededAttempts(stage.jobs);

        QList<StatusMember> members;
        members.reserve(stage.jobs.size());
        for (qsizetype i = 0; i < stage.jobs.size(); ++i) {
            const IncomingJob &incoming = stage.jobs.at(i);
            const gitlab::JobCommon &job = incoming.common();
            ranks.insert(job.id, static_cast<int>(i));
            if (!incoming.retried())
                members.append({job.status, job.allowFailure});
        }
        stage.jobCount = static_cast<int>(members.size());
        stage.status = compositeStatus(members);
    }
    order.setJobRanks(std::move(ranks));
    std::sort(stages.begin(), stages.end(),
              [&order](const StageSnapshot &a, const StageSnapshot &b) {
                  const qint64 rankA = order.rank(a.name);
                  const qint64 rankB = order.rank(b.name);
                  if (rankA != rankB)
                      return rankA < rankB;
                  return a.name < b.name;
              });
    return stages;
}

} // namespace pipedeck::models
