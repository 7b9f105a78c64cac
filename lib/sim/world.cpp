#include "sim/world.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QtConcurrent>

#include <algorithm>

namespace pipedeck::sim {

namespace {

bool isComplete(const QString &status)
{
    return status == QLatin1String("success") || status == QLatin1String("failed") ||
           status == QLatin1String("canceled") || status == QLatin1String("skipped");
}

bool isDoneForNextStage(const Job &job)
{
    return isComplete(job.status) || job.status == QLatin1String("manual");
}

bool isCancelable(const QString &status)
{
    static const QStringList cancelable = {
        QStringLiteral("created"),
        QStringLiteral("pending"),
        QStringLiteral("running"),
        QStringLiteral("preparing"),
        QStringLiteral("waiting_for_resource"),
        QStringLiteral("scheduled"),
        QStringLiteral("waiting_for_callback"),
        QStringLiteral("canceling"),
    };
    return cancelable.contains(status);
}

quint64 splitmix(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Gate for a stage, from the jobs of the stages before it.
enum Gate { GateWait = 0, GateGo = 1, GateSkip = 2, GateBlocked = 3 };

// GitLab's Ci::Status::Composite over the latest jobs of a pipeline.
QString compositeStatus(const QList<const Job *> &jobs)
{
    if (jobs.isEmpty())
        return QStringLiteral("created");
    QSet<QString> set;
    for (const Job *job : jobs) {
        QString s = job->status;
        if (job->spec.allowFailure) {
            if (s == QLatin1String("failed"))
                s = QStringLiteral("success_with_warnings");
            else if (s == QLatin1String("canceled") || s == QLatin1String("manual"))
                s = QStringLiteral("ignored");
        }
        if (s == QLatin1String("canceling") || s == QLatin1String("waiting_for_callback"))
            s = QStringLiteral("running");
        set.insert(s);
    }
    auto onlyOf = [&set](std::initializer_list<const char *> allowed) {
        for (const QString &s : std::as_const(set)) {
            bool found = false;
            for (const char *a : allowed)
                found = found || s == QLatin1String(a);
            if (!found)
                return false;
        }
        return true;
    };
    auto anyOf = [&set](const char *s) { return set.contains(QLatin1String(s)); };
    if (onlyOf({"skipped", "ignored"}))
        return QStringLiteral("skipped");
    if (onlyOf({"success", "skipped", "success_with_warnings", "ignored"}))
        return QStringLiteral("success");
    if (onlyOf({"created", "success_with_warnings", "ignored"}))
        return QStringLiteral("created");
    if (onlyOf({"preparing", "success", "skipped", "success_with_warnings", "ignored"}))
        return QStringLiteral("preparing");
    if (onlyOf({"canceled", "success", "skipped", "success_with_warnings", "ignored"}))
        return QStringLiteral("canceled");
    if (onlyOf({"pending", "created", "skipped", "success_with_warnings", "ignored"}))
        return QStringLiteral("pending");
    if (anyOf("running") || anyOf("pending"))
        return QStringLiteral("running");
    if (anyOf("waiting_for_resource"))
        return QStringLiteral("waiting_for_resource");
    if (anyOf("manual"))
        return QStringLiteral("manual");
    if (anyOf("scheduled"))
        return QStringLiteral("scheduled");
    if (anyOf("preparing"))
        return QStringLiteral("preparing");
    if (anyOf("created"))
        return QStringLiteral("running");
    return QStringLiteral("failed");
}

} // namespace

World::World(SimClock &clock, quint64 seed)
    : m_clock(clock)
    , m_seed(seed)
    , m_rng(seed * 0x2545F4914F6CDD1DULL + 0x1234567ULL)
{
    const QStringList runners = {QStringLiteral("shared-runner-docker-1"),
                                 QStringLiteral("shared-runner-docker-2"),
                                 QStringLiteral("k8s-runner-arm64")};
    for (const QString &description : runners) {
        Runner runner;
        runner.id = 10 + m_runners.size() * 7 + 1;
        runner.description = description;
        m_runners.emplace(runner.id, runner);
    }
}

World::~World()
{
    if (m_bigLogFuture.isValid())
        m_bigLogFuture.waitForFinished();
}

QByteArray World::newToken(int hexChars)
{
    QByteArray out;
    while (out.size() < hexChars)
        out += QByteArray::number(splitmix(m_rng), 16).rightJustified(16, '0');
    return out.left(hexChars);
}

void World::setNextIds(qint64 pipelineId, qint64 jobId)
{
    m_pipelineCounter = std::max(m_pipelineCounter, pipelineId - 1);
    m_jobCounter = std::max(m_jobCounter, jobId - 1);
}

// --- users, namespaces, projects ------------------------------------------------------------

User &World::addUser(const QString &username, const QString &name)
{
    if (const User *existing = userByUsername(username))
        return m_users.at(existing->id);
    User user;
    user.id = nextId(m_userCounter);
    user.username = username;
    user.name = name;
    user.email = username + QStringLiteral("@example.com");
    user.createdAtMs = nowMs() - 400LL * 24 * 3600 * 1000 + user.id * 86400000LL;
    ++m_revision;
    return m_users.emplace(user.id, user).first->second;
}

const User *World::user(qint64 id) const
{
    const auto it = m_users.find(id);
    return it == m_users.end() ? nullptr : &it->second;
}

const User *World::userByUsername(const QString &username) const
{
    for (const auto &[id, user] : m_users) {
        if (user.username.compare(username, Qt::CaseInsensitive) == 0)
            return &user;
    }
    return nullptr;
}

QList<const User *> World::users() const
{
    QList<const User *> out;
    for (const auto &[id, user] : m_users)
        out.append(&user);
    return out;
}

Namespace &World::addNamespace(const QString &path, const QString &name, const QString &kind)
{
    for (auto &[id, ns] : m_namespaces) {
        if (ns.path == path)
            return ns;
    }
    Namespace ns;
    ns.id = nextId(m_namespaceCounter);
    ns.path = path;
    ns.name = name;
    ns.kind = kind;
    return m_namespaces.emplace(ns.id, ns).first->second;
}

const Namespace *World::ns(qint64 id) const
{
    const auto it = m_namespaces.find(id);
    return it == m_namespaces.end() ? nullptr : &it->second;
}

Project &World::createProject(const QString &namespacePath, const QString &path,
                              const QString &name, const QString &ownerUsername)
{
    const User *owner = userByUsername(ownerUsername);
    if (!owner)
        owner = &addUser(ownerUsername, ownerUsername);
    const bool personal = namespacePath == owner->username;
    Namespace &ns = addNamespace(namespacePath, personal ? owner->name : namespacePath,
                                 personal ? QStringLiteral("user") : QStringLiteral("group"));
    Project project;
    project.id = nextId(m_projectCounter);
    project.namespaceId = ns.id;
    project.path = path;
    project.name = name;
    project.createdAtMs = nowMs() - 300LL * 24 * 3600 * 1000 + project.id * 3600000LL;
    project.lastActivityAtMs = project.createdAtMs;
    project.members.insert(owner->id, Owner);
    auto &stored = m_projects.emplace(project.id, project).first->second;
    const Commit &initial =
        addCommit(QStringLiteral("Initial commit"), owner->username, project.createdAtMs);
    setBranchHead(stored, stored.defaultBranch, initial.sha);
    stored.branches.first().isProtected = true;
    ++m_revision;
    return stored;
}

Project *World::project(qint64 id)
{
    const auto it = m_projects.find(id);
    return it == m_projects.end() ? nullptr : &it->second;
}

const Project *World::project(qint64 id) const
{
    const auto it = m_projects.find(id);
    return it == m_projects.end() ? nullptr : &it->second;
}

Project *World::projectByPath(const QString &fullPath)
{
    for (auto &[id, project] : m_projects) {
        if (projectFullPath(project).compare(fullPath, Qt::CaseInsensitive) == 0)
            return &project;
    }
    return nullptr;
}

QString World::projectFullPath(const Project &project) const
{
    const Namespace *space = ns(project.namespaceId);
    return space ? space->path + QLatin1Char('/') + project.path : project.path;
}

QList<const Project *> World::projects() const
{
    QList<const Project *> out;
    for (const auto &[id, project] : m_projects)
        out.append(&project);
    return out;
}

int World::accessLevel(const Project &project, qint64 userId) const
{
    const int level = project.members.value(userId, NoAccess);
    if (level == NoAccess && project.visibility != QLatin1String("private"))
        return Guest;
    return level;
}

Commit &World::addCommit(const QString &title, const QString &authorUsername, qint64 atMs,
                         const QString &message)
{
    const User *author = userByUsername(authorUsername);
    Commit commit;
    const QByteArray material = QByteArray::number(m_seed) + '/' +
                                QByteArray::number(m_commits.size()) + '/' + title.toUtf8();
    commit.sha =
        QString::fromLatin1(QCryptographicHash::hash(material, QCryptographicHash::Sha1).toHex());
    commit.title = title;
    commit.message = message.isEmpty() ? title + QLatin1Char('\n') : message;
    commit.authorName = author ? author->name : authorUsername;
    commit.authorEmail = author ? author->email : authorUsername + QStringLiteral("@example.com");
    commit.authoredAtMs = atMs;
    ++m_revision;
    return *m_commits.insert(commit.sha, commit);
}

const Commit *World::commit(const QString &sha) const
{
    const auto it = m_commits.constFind(sha);
    return it == m_commits.constEnd() ? nullptr : &it.value();
}

void World::setBranchHead(Project &project, const QString &branchName, const QString &sha)
{
    for (Branch &branch : project.branches) {
        if (branch.name == branchName) {
            if (Commit *c = m_commits.contains(sha) ? &m_commits[sha] : nullptr;
                c && c->parentSha.isEmpty() && branch.commitSha != sha)
                c->parentSha = branch.commitSha;
            branch.commitSha = sha;
            ++m_revision;
            return;
        }
    }
    project.branches.append(Branch{branchName, sha, false});
    std::sort(project.branches.begin(), project.branches.end(),
              [](const Branch &a, const Branch &b) { return a.name < b.name; });
    ++m_revision;
}

const Branch *World::branch(const Project &project, const QString &name) const
{
    for (const Branch &b : project.branches) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

const Tag *World::tag(const Project &project, const QString &name) const
{
    for (const Tag &t : project.tags) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

// --- pipelines and jobs ---------------------------------------------------------------------

Pipeline &World::createPipeline(qint64 projectId, const PipelineSpec &spec)
{
    Project &pr = *project(projectId);
    const qint64 at = spec.createdAtMs ? spec.createdAtMs : nowMs();
    Pipeline p;
    p.id = nextId(m_pipelineCounter);
    p.iid = ++m_pipelineIidCounter[projectId];
    p.projectId = projectId;
    p.ref = spec.ref.isEmpty() ? pr.defaultBranch : spec.ref;
    p.source = spec.source;
    p.name = spec.name;
    p.variables = spec.variables;
    p.inputs = spec.inputs;
    p.createdAtMs = at;
    p.updatedAtMs = at;
    const User *starter = spec.username.isEmpty() ? nullptr : userByUsername(spec.username);
    if (!starter) {
        for (auto it = pr.members.cbegin(); it != pr.members.cend() && !starter; ++it) {
            if (it.value() == Owner)
                starter = user(it.key());
        }
    }
    p.userId = starter ? starter->id : 0;
    const Branch *onBranch = branch(pr, p.ref);
    const Tag *onTag = onBranch ? nullptr : tag(pr, p.ref);
    p.tag = onTag != nullptr;
    QString sha = onBranch ? onBranch->commitSha : onTag ? onTag->commitSha : QString();
    p.beforeSha = QStringLiteral("0000000000000000000000000000000000000000");
    if (!spec.commitTitle.isEmpty()) {
        const Commit &c = addCommit(spec.commitTitle, starter ? starter->username : QString(), at);
        p.beforeSha = sha.isEmpty() ? p.beforeSha : sha;
        sha = c.sha;
        if (onBranch)
            setBranchHead(pr, p.ref, sha);
    }
    p.sha = sha;
    Pipeline &stored = m_pipelines.emplace(p.id, p).first->second;
    const QList<JobSpec> &jobs = spec.jobs.isEmpty() ? pr.ciConfig : spec.jobs;
    for (const JobSpec &js : jobs)
        addJob(stored, js, at, stored.userId);
    pr.lastActivityAtMs = std::max(pr.lastActivityAtMs, at);
    recomputeStatus(stored, at);
    activate(stored);
    ++m_revision;
    return stored;
}

Job &World::addJob(Pipeline &pipeline, const JobSpec &spec, qint64 atMs, qint64 userId)
{
    Job job;
    job.id = nextId(m_jobCounter);
    job.pipelineId = pipeline.id;
    job.projectId = pipeline.projectId;
    job.spec = spec;
    job.userId = userId;
    job.createdAtMs = atMs;
    job.traceSeed = m_seed * 1000003ULL + quint64(job.id);
    if (!pipeline.stages.contains(spec.stage))
        pipeline.stages.append(spec.stage);
    if (!spec.frozenStatus.isEmpty()) {
        job.status = spec.frozenStatus;
        job.frozen = true;
        if (job.status != QLatin1String("created") && job.status != QLatin1String("skipped") &&
            job.status != QLatin1String("manual") && job.status != QLatin1String("scheduled"))
            job.queuedAtMs = atMs;
        if (job.status == QLatin1String("running")) {
            job.startedAtMs = atMs + qint64(spec.queueSeconds * 1000);
            job.runnerId = m_runners.begin()->first;
            job.jobToken = "glcbt-" + newToken(40);
            m_jobTokens.insert(job.jobToken, job.id);
        }
    }
    m_jobsByPipeline[pipeline.id].append(job.id);
    if (!spec.bridge)
        m_jobsByProject[pipeline.projectId].append(job.id);
    ++m_revision;
    return m_jobs.emplace(job.id, job).first->second;
}

Pipeline *World::pipeline(qint64 id)
{
    const auto it = m_pipelines.find(id);
    return it == m_pipelines.end() ? nullptr : &it->second;
}

const Pipeline *World::pipeline(qint64 id) const
{
    const auto it = m_pipelines.find(id);
    return it == m_pipelines.end() ? nullptr : &it->second;
}

QList<const Pipeline *> World::pipelinesOfProject(qint64 projectId) const
{
    QList<const Pipeline *> out;
    for (auto it = m_pipelines.rbegin(); it != m_pipelines.rend(); ++it) {
        if (it->second.projectId == projectId)
            out.append(&it->second);
    }
    return out;
}

Job *World::job(qint64 id)
{
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : &it->second;
}

const Job *World::job(qint64 id) const
{
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : &it->second;
}

QList<const Job *> World::jobsOfPipeline(qint64 pipelineId, bool includeRetried, bool bridges) const
{
    QList<const Job *> out;
    const QList<qint64> ids = m_jobsByPipeline.value(pipelineId);
    for (auto it = ids.crbegin(); it != ids.crend(); ++it) {
        const Job *j = job(*it);
        if (j && j->isBridge() == bridges && (includeRetried || !j->retried))
            out.append(j);
    }
    return out;
}

QList<const Job *> World::jobsOfProject(qint64 projectId) const
{
    QList<const Job *> out;
    const QList<qint64> ids = m_jobsByProject.value(projectId);
    out.reserve(ids.size());
    for (auto it = ids.crbegin(); it != ids.crend(); ++it) {
        if (const Job *j = job(*it))
            out.append(j);
    }
    return out;
}

const Job *World::jobByToken(const QByteArray &token) const
{
    const auto it = m_jobTokens.constFind(token);
    return it == m_jobTokens.constEnd() ? nullptr : job(it.value());
}

const Runner *World::runner(qint64 id) const
{
    const auto it = m_runners.find(id);
    return it == m_runners.end() ? nullptr : &it->second;
}

int World::stageIndex(const Pipeline &pipeline, const QString &stage) const
{
    return int(pipeline.stages.indexOf(stage));
}

void World::activate(Pipeline &pipeline)
{
    m_activePipelines.insert(pipeline.id);
}

// --- the lifecycle --------------------------------------------------------------------------

void World::update()
{
    const qint64 now = nowMs();
    for (int round = 0; round < 50 && !m_activePipelines.empty(); ++round) {
        const std::set<qint64> active = m_activePipelines;
        const quint64 before = m_revision;
        for (const qint64 id : active) {
            if (Pipeline *p = pipeline(id))
                processPipeline(*p, now);
            else
                m_activePipelines.erase(id);
        }
        if (m_revision == before)
            break;
    }
    for (auto it = m_activePipelines.begin(); it != m_activePipelines.end();) {
        const Pipeline *p = pipeline(*it);
        if (!p || isComplete(p->status) || p->status == QLatin1String("manual"))
            it = m_activePipelines.erase(it);
        else
            ++it;
    }
}

void World::processPipeline(Pipeline &pipeline, qint64 nowMs)
{
    const QList<qint64> ids = m_jobsByPipeline.value(pipeline.id);
    QList<Job *> jobs;
    for (const qint64 id : ids) {
        Job *j = job(id);
        if (j && !j->retried)
            jobs.append(j);
    }
    bool changed = false;
    for (int stage = 0; stage < pipeline.stages.size(); ++stage) {
        int gate = GateGo;
        qint64 readyMs = pipeline.createdAtMs;
        bool skip = false;
        bool blocked = false;
        for (const Job *earlier : std::as_const(jobs)) {
            const int s = stageIndex(pipeline, earlier->spec.stage);
            if (s >= stage)
                continue;
            if (!isDoneForNextStage(*earlier)) {
                gate = GateWait;
                break;
            }
            readyMs = std::max(readyMs, earlier->finishedAtMs);
            const bool blocking = !earlier->spec.allowFailure;
            if (blocking && (earlier->status == QLatin1String("failed") ||
                             earlier->status == QLatin1String("canceled")))
                skip = true;
            if (blocking && earlier->status == QLatin1String("manual"))
                blocked = true;
        }
        if (gate != GateWait)
            gate = skip ? GateSkip : blocked ? GateBlocked : GateGo;
        for (Job *j : std::as_const(jobs)) {
            if (stageIndex(pipeline, j->spec.stage) == stage)
                changed = stepJob(*j, pipeline, nowMs, readyMs, gate) || changed;
        }
    }
    const QString oldStatus = pipeline.status;
    recomputeStatus(pipeline, nowMs);
    if (changed || oldStatus != pipeline.status)
        ++m_revision;
}

bool World::stepJob(Job &job, Pipeline &pipeline, qint64 nowMs, qint64 readyMs, int gate)
{
    if (job.frozen || job.retried)
        return false;
    bool changed = false;
    for (int guard = 0; guard < 6; ++guard) {
        if (job.status == QLatin1String("created")) {
            if (gate == GateWait || gate == GateBlocked)
                return changed;
            const qint64 at = std::max(readyMs, job.createdAtMs);
            if (at > nowMs)
                return changed;
            changed = true;
            if (gate == GateSkip) {
                job.status = QStringLiteral("skipped");
                return true;
            }
            if (job.spec.manual) {
                job.status = QStringLiteral("manual");
                return true;
            }
            if (job.isBridge()) {
                startBridge(job, pipeline, at);
                continue;
            }
            job.status = QStringLiteral("pending");
            job.queuedAtMs = at;
            continue;
        }
        if (job.status == QLatin1String("pending") && !job.isBridge()) {
            if (job.spec.queueSeconds < 0)
                return changed;
            const qint64 at = job.queuedAtMs + qint64(job.spec.queueSeconds * 1000);
            if (at > nowMs)
                return changed;
            job.status = QStringLiteral("running");
            job.startedAtMs = at;
            const auto runnerIt =
                std::next(m_runners.begin(), qsizetype(job.id % qint64(m_runners.size())));
            job.runnerId = runnerIt->first;
            job.jobToken = "glcbt-" + newToken(40);
            m_jobTokens.insert(job.jobToken, job.id);
            changed = true;
            continue;
        }
        if (job.status == QLatin1String("running")) {
            if (job.isBridge()) {
                const Pipeline *downstream = this->pipeline(job.downstreamPipelineId);
                if (!downstream) {
                    job.failureReason = QStringLiteral("downstream_pipeline_creation_failed");
                    finishJob(job, nowMs, QStringLiteral("failed"));
                    return true;
                }
                if (!isComplete(downstream->status))
                    return changed;
                const QString status = downstream->status == QLatin1String("skipped")
                                           ? QStringLiteral("success")
                                           : downstream->status;
                finishJob(job, std::max(job.startedAtMs, downstream->finishedAtMs), status);
                return true;
            }
            const qint64 at = job.startedAtMs + qint64(job.spec.durationSeconds * 1000);
            if (at > nowMs)
                return changed;
            finishJob(job, at, job.spec.outcome);
            if (job.spec.outcome == QLatin1String("canceled")) {
                // As if someone pressed cancel on the pipeline while this job ran.
                for (const qint64 id : m_jobsByPipeline.value(pipeline.id)) {
                    Job *other = this->job(id);
                    if (other && !other->retried && isCancelable(other->status)) {
                        if (other->status == QLatin1String("running") ||
                            other->status == QLatin1String("pending"))
                            finishJob(*other, at, QStringLiteral("canceled"));
                        else
                            other->status = QStringLiteral("canceled");
                        other->frozen = false;
                    }
                }
            }
            return true;
        }
        return changed;
    }
    return changed;
}

void World::startBridge(Job &bridge, Pipeline &upstream, qint64 atMs)
{
    bridge.status = QStringLiteral("running");
    bridge.queuedAtMs = atMs;
    bridge.startedAtMs = atMs;
    const bool child = bridge.spec.downstreamProjectId == 0 ||
                       bridge.spec.downstreamProjectId == upstream.projectId;
    const qint64 projectId = child ? upstream.projectId : bridge.spec.downstreamProjectId;
    Project *target = project(projectId);
    if (!target) {
        bridge.failureReason = QStringLiteral("downstream_bridge_project_not_found");
        finishJob(bridge, atMs, QStringLiteral("failed"));
        return;
    }
    PipelineSpec spec;
    spec.ref = !bridge.spec.downstreamRef.isEmpty() ? bridge.spec.downstreamRef
               : child                              ? upstream.ref
                                                    : target->defaultBranch;
    spec.source = child ? QStringLiteral("parent_pipeline") : QStringLiteral("pipeline");
    const User *starter = user(bridge.userId);
    spec.username = starter ? starter->username : QString();
    spec.jobs = bridge.spec.downstreamJobs;
    if (spec.jobs.isEmpty()) {
        JobSpec fallback;
        fallback.name = QStringLiteral("downstream-job");
        spec.jobs.append(fallback);
    }
    spec.createdAtMs = atMs;
    spec.variables = upstream.variables;
    const qint64 upstreamId = upstream.id;
    const qint64 bridgeId = bridge.id;
    Pipeline &downstream = createPipeline(projectId, spec);
    if (child) {
        downstream.sha = this->pipeline(upstreamId)->sha;
        downstream.child = true;
    }
    downstream.upstreamBridgeId = bridgeId;
    job(bridgeId)->downstreamPipelineId = downstream.id;
}

void World::finishJob(Job &job, qint64 atMs, const QString &status)
{
    job.status = status;
    job.finishedAtMs = atMs;
    if (job.startedAtMs == 0 &&
        (status == QLatin1String("success") || status == QLatin1String("failed")))
        job.startedAtMs = atMs;
    if (status == QLatin1String("failed") && job.failureReason.isEmpty())
        job.failureReason = job.spec.failureReason.isEmpty() ? QStringLiteral("unknown_failure")
                                                             : job.spec.failureReason;
    if (!job.jobToken.isEmpty()) {
        m_jobTokens.remove(job.jobToken);
        job.jobToken.clear();
    }
    ++m_revision;
}

void World::recomputeStatus(Pipeline &pipeline, qint64 atMs)
{
    Q_UNUSED(atMs);
    const QList<const Job *> builds = jobsOfPipeline(pipeline.id, false, false);
    QList<const Job *> all = builds + jobsOfPipeline(pipeline.id, false, true);
    const QString status = compositeStatus(all);
    qint64 started = 0;
    qint64 finished = 0;
    qint64 updated = pipeline.createdAtMs;
    for (const Job *j : std::as_const(all)) {
        if (j->startedAtMs && (!started || j->startedAtMs < started))
            started = j->startedAtMs;
        finished = std::max(finished, j->finishedAtMs);
        updated =
            std::max({updated, j->finishedAtMs, j->startedAtMs, j->queuedAtMs, j->createdAtMs});
    }
    pipeline.status = status;
    pipeline.startedAtMs = started;
    pipeline.finishedAtMs = isComplete(status) ? std::max(finished, started) : 0;
    pipeline.updatedAtMs = std::max(pipeline.updatedAtMs, updated);
}

void World::resetSkippedAfter(Pipeline &pipeline, int stage)
{
    for (const qint64 id : m_jobsByPipeline.value(pipeline.id)) {
        Job *j = job(id);
        if (j && !j->retried && j->status == QLatin1String("skipped") && !j->frozen &&
            stageIndex(pipeline, j->spec.stage) > stage) {
            j->status = QStringLiteral("created");
            j->createdAtMs = std::max(j->createdAtMs, nowMs());
        }
    }
}

// --- test helpers ---------------------------------------------------------------------------

void World::setJobStatus(qint64 jobId, const QString &status)
{
    Job *j = job(jobId);
    if (!j)
        return;
    const qint64 now = nowMs();
    j->frozen = true;
    j->status = status;
    if (status == QLatin1String("pending") && !j->queuedAtMs)
        j->queuedAtMs = now;
    if (status == QLatin1String("running") && !j->startedAtMs) {
        j->startedAtMs = now;
        if (j->jobToken.isEmpty()) {
            j->jobToken = "glcbt-" + newToken(40);
            m_jobTokens.insert(j->jobToken, j->id);
        }
    }
    if (isComplete(status)) {
        if (!j->finishedAtMs)
            j->finishedAtMs = now;
        if (status == QLatin1String("failed") && j->failureReason.isEmpty())
            j->failureReason = j->spec.failureReason;
        if (!j->jobToken.isEmpty()) {
            m_jobTokens.remove(j->jobToken);
            j->jobToken.clear();
        }
    }
    if (Pipeline *p = pipeline(j->pipelineId)) {
        recomputeStatus(*p, now);
        activate(*p);
    }
    ++m_revision;
}

void World::appendTrace(qint64 jobId, const QByteArray &bytes)
{
    if (Job *j = job(jobId)) {
        j->appendedTrace += bytes;
        ++m_revision;
    }
}

void World::prepareBigLog()
{
    if (!m_bigLogEnabled || m_bigLogFuture.isValid() || m_bigLogFile)
        return;
    for (const auto &[id, j] : m_jobs) {
        if (!j.bigLog)
            continue;
        auto file = std::make_unique<QTemporaryFile>(QDir::tempPath() +
                                                     QStringLiteral("/pipedeck-sim-XXXXXX.log"));
        if (!file->open()) {
            qCWarning(lcSim) << "no temporary file for the big log:" << file->errorString();
            return; // bigLog() makes it in memory then
        }
        // Out of the directory at once where the system allows it (Unix): the space comes back
        // when the process ends, even by a signal (a demo ended with kill left 50 MB behind).
        // Elsewhere autoRemove deletes it with us.
        if (QFile::remove(file->fileName()))
            file->setAutoRemove(false); // the name may belong to another file later
        // Only the worker touches the file until the future has finished.
        QFileDevice *out = file.get();
        m_bigLogFile = std::move(file);
        m_bigLogFuture = QtConcurrent::run(
            [out, bytes = m_bigLogBytes, seed = m_seed, startedAtMs = j.startedAtMs] {
                return writeBigLog(*out, bytes, seed, startedAtMs) && out->flush();
            });
        return;
    }
}

const QByteArray &World::bigLog(const Job &job)
{
    if (!m_bigLog.isEmpty())
        return m_bigLog;
    prepareBigLog();
    const bool written = m_bigLogFuture.isValid() && m_bigLogFuture.result();
    m_bigLogFuture = {};
    uchar *mapped = nullptr;
    if (written && m_bigLogFile->size() > 0)
        mapped = m_bigLogFile->map(0, m_bigLogFile->size());
    if (mapped) {
        m_bigLog =
            QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), m_bigLogFile->size());
    } else {
        qCWarning(lcSim) << "the big log is kept in memory: its file could not be written";
        m_bigLogFile.reset();
        m_bigLog = generateBigLog(m_bigLogBytes, m_seed, job.startedAtMs);
    }
    return m_bigLog;
}

QList<TraceChunk> World::plannedTrace(const Job &job)
{
    const Pipeline *p = pipeline(job.pipelineId);
    const Project *pr = project(job.projectId);
    const Runner *r = runner(job.runnerId);
    TraceRecipe recipe;
    recipe.jobName = job.spec.name;
    recipe.stage = job.spec.stage;
    recipe.projectPath = pr ? projectFullPath(*pr) : QString();
    recipe.ref = p ? p->ref : QString();
    recipe.sha = p ? p->sha : QString();
    recipe.runnerDescription = r ? r->description : QStringLiteral("shared-runner");
    recipe.startedAtMs = job.startedAtMs;
    recipe.durationSeconds = job.spec.durationSeconds;
    recipe.outcome = job.spec.outcome;
    recipe.timestamps = job.spec.timestamps;
    for (const Variable &v : job.playVariables)
        recipe.variables.append({v.key, v.value});
    recipe.seed = job.traceSeed;
    return generateTrace(recipe);
}

QByteArray World::trace(qint64 jobId)
{
    Job *j = job(jobId);
    if (!j || j->isBridge())
        return {};
    if (j->traceErased)
        return j->appendedTrace;
    if (j->bigLog && m_bigLogEnabled && isComplete(j->status))
        return j->appendedTrace.isEmpty() ? bigLog(*j) : bigLog(*j) + j->appendedTrace;
    if (!j->spec.generateTrace || j->startedAtMs == 0)
        return j->appendedTrace;
    const bool finished = j->finishedAtMs != 0;
    const qint64 endMs = finished ? j->finishedAtMs : nowMs();
    const double elapsed = double(endMs - j->startedAtMs) / 1000.0;
    auto cached = m_generatedTraces.find(jobId);
    if (cached == m_generatedTraces.end()) {
        if (m_generatedTraces.size() > m_traceCacheLimit)
            m_generatedTraces.clear();
        cached = m_generatedTraces.insert(jobId, CachedTrace{false, plannedTrace(*j)});
    }
    const QList<TraceChunk> &chunks = cached->chunks;
    QByteArray out;
    const bool asPlanned =
        finished && j->status == j->spec.outcome && elapsed + 0.001 >= j->spec.durationSeconds;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const bool trailer = i == chunks.size() - 1;
        if (asPlanned || (!trailer && chunks[i].atSeconds <= elapsed))
            out += chunks[i].bytes;
    }
    if (finished && !asPlanned) {
        if (j->status == QLatin1String("canceled"))
            out += "\n\033[0;33mWARNING: Job was canceled\033[0;m\n";
        else if (j->status == QLatin1String("failed"))
            out += "\n\033[31;1mERROR: Job failed: exit code 1\n\033[0;m\n";
        else if (j->status == QLatin1String("success"))
            out += "\n\033[32;1mJob succeeded\033[0;m\n";
    }
    return out + j->appendedTrace;
}

// --- actions --------------------------------------------------------------------------------

const Job *World::play(qint64 jobId, qint64 userId, const QList<Variable> &variables,
                       QString *error)
{
    Job *j = job(jobId);
    if (!j)
        return nullptr;
    if (j->status == QLatin1String("manual")) {
        j->playVariables = variables;
        j->userId = userId;
        j->frozen = false;
        j->createdAtMs = std::max(j->createdAtMs, nowMs());
        if (j->isBridge()) {
            startBridge(*j, *pipeline(j->pipelineId), nowMs());
        } else {
            j->status = QStringLiteral("pending");
            j->queuedAtMs = nowMs();
        }
        Pipeline *p = pipeline(j->pipelineId);
        recomputeStatus(*p, nowMs());
        activate(*p);
        ++m_revision;
        update();
        return job(jobId);
    }
    if (j->spec.manual && isComplete(j->status) && j->status != QLatin1String("skipped")) {
        // Ci::PlayBuildService cannot enqueue a finished job and retries it instead, without the
        // variables sent now: the new job keeps the ones it was played with (Ci::Build#clone
        // copies job_variables_attributes; app/services/ci/retry_job_service.rb).
        return retry(jobId, userId, error);
    }
    if (error)
        *error = QStringLiteral("400 Bad request - Unplayable Job");
    return nullptr;
}

const Job *World::retry(qint64 jobId, qint64 userId, QString *error)
{
    Job *old = job(jobId);
    if (!old)
        return nullptr;
    const bool retryable = !old->retried && (old->status == QLatin1String("success") ||
                                             old->status == QLatin1String("failed") ||
                                             old->status == QLatin1String("canceled"));
    if (!retryable) {
        if (error)
            *error = QStringLiteral("403 Forbidden - Job is not retryable");
        return nullptr;
    }
    Pipeline &p = *pipeline(old->pipelineId);
    JobSpec spec = old->spec;
    spec.frozenStatus.clear();
    spec.manual = false; // a retried manual job runs at once
    const QList<Variable> variables = old->playVariables;
    old->retried = true;
    const qint64 oldId = old->id;
    Job &fresh = addJob(p, spec, nowMs(), userId);
    fresh.spec.manual = job(oldId)->spec.manual;
    fresh.playVariables = variables;
    fresh.bigLog = false;
    if (fresh.isBridge()) {
        startBridge(fresh, p, nowMs());
    } else {
        fresh.status = QStringLiteral("pending");
        fresh.queuedAtMs = nowMs();
    }
    resetSkippedAfter(p, stageIndex(p, spec.stage));
    recomputeStatus(p, nowMs());
    activate(p);
    const qint64 freshId = fresh.id;
    ++m_revision;
    update();
    return job(freshId);
}

const Job *World::cancel(qint64 jobId)
{
    Job *j = job(jobId);
    if (!j)
        return nullptr;
    if (isCancelable(j->status)) {
        const qint64 now = nowMs();
        j->frozen = false;
        if (j->status == QLatin1String("running") || j->status == QLatin1String("pending"))
            finishJob(*j, now, QStringLiteral("canceled"));
        else {
            j->status = QStringLiteral("canceled");
            ++m_revision;
        }
        if (j->isBridge()) {
            if (j->downstreamPipelineId)
                cancelPipeline(j->downstreamPipelineId);
        }
        Pipeline &p = *pipeline(j->pipelineId);
        activate(p);
        update();
        recomputeStatus(p, now);
    }
    return job(jobId);
}

const Job *World::erase(qint64 jobId, QString *error)
{
    Job *j = job(jobId);
    if (!j)
        return nullptr;
    const bool complete = j->status == QLatin1String("success") ||
                          j->status == QLatin1String("failed") ||
                          j->status == QLatin1String("canceled");
    if (!complete || j->erasedAtMs) {
        if (error)
            *error = QStringLiteral("403 Forbidden - Job is not erasable!");
        return nullptr;
    }
    j->traceErased = true;
    j->appendedTrace.clear();
    j->spec.artifacts = false;
    j->erasedAtMs = nowMs();
    m_generatedTraces.remove(jobId);
    ++m_revision;
    return j;
}

const Pipeline *World::retryPipeline(qint64 pipelineId, qint64 userId)
{
    Pipeline *p = pipeline(pipelineId);
    if (!p)
        return nullptr;
    const QList<qint64> ids = m_jobsByPipeline.value(pipelineId);
    for (const qint64 id : ids) {
        const Job *j = job(id);
        if (j && !j->retried &&
            (j->status == QLatin1String("failed") || j->status == QLatin1String("canceled")))
            retry(id, userId, nullptr);
    }
    resetSkippedAfter(*p, -1);
    activate(*p);
    update();
    return pipeline(pipelineId);
}

const Pipeline *World::cancelPipeline(qint64 pipelineId)
{
    Pipeline *p = pipeline(pipelineId);
    if (!p)
        return nullptr;
    const qint64 now = nowMs();
    for (const qint64 id : m_jobsByPipeline.value(pipelineId)) {
        Job *j = job(id);
        if (!j || j->retried || !isCancelable(j->status))
            continue;
        j->frozen = false;
        if (j->status == QLatin1String("running") || j->status == QLatin1String("pending"))
            finishJob(*j, now, QStringLiteral("canceled"));
        else
            j->status = QStringLiteral("canceled");
        if (j->isBridge() && j->downstreamPipelineId)
            cancelPipeline(j->downstreamPipelineId);
    }
    recomputeStatus(*p, now);
    ++m_revision;
    return p;
}

bool World::deletePipeline(qint64 pipelineId)
{
    if (!pipeline(pipelineId))
        return false;
    const QList<qint64> ids = m_jobsByPipeline.take(pipelineId);
    for (const qint64 id : ids) {
        Job *j = job(id);
        if (!j)
            continue;
        if (!j->jobToken.isEmpty())
            m_jobTokens.remove(j->jobToken);
        m_jobsByProject[j->projectId].removeOne(id);
        m_generatedTraces.remove(id);
        m_jobs.erase(id);
    }
    m_pipelines.erase(pipelineId);
    m_activePipelines.erase(pipelineId);
    ++m_revision;
    return true;
}

// --- trigger tokens -------------------------------------------------------------------------

Trigger &World::createTrigger(qint64 projectId, qint64 ownerId, const QString &description)
{
    Trigger t;
    t.id = nextId(m_triggerCounter);
    t.projectId = projectId;
    t.ownerId = ownerId;
    t.description = description;
    t.token = QStringLiteral("glptt-") + QString::fromLatin1(newToken(40));
    t.createdAtMs = nowMs();
    t.updatedAtMs = t.createdAtMs;
    ++m_revision;
    return m_triggers.emplace(t.id, t).first->second;
}

Trigger *World::trigger(qint64 id)
{
    const auto it = m_triggers.find(id);
    return it == m_triggers.end() ? nullptr : &it->second;
}

const Trigger *World::triggerByToken(const QString &token) const
{
    for (const auto &[id, t] : m_triggers) {
        if (t.token == token)
            return &t;
    }
    return nullptr;
}

QList<const Trigger *> World::triggersOfProject(qint64 projectId) const
{
    QList<const Trigger *> out;
    for (const auto &[id, t] : m_triggers) {
        if (t.projectId == projectId)
            out.append(&t);
    }
    return out;
}

bool World::deleteTrigger(qint64 id)
{
    ++m_revision;
    return m_triggers.erase(id) > 0;
}

void World::touchTrigger(qint64 id)
{
    if (Trigger *t = trigger(id)) {
        t->lastUsedMs = nowMs();
        ++m_revision;
    }
}

} // namespace pipedeck::sim
