#pragma once

#include "sim/pipeline_inputs.h"
#include "sim/sim_clock.h"
#include "sim/trace_generator.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>

#include <map>
#include <memory>
#include <optional>
#include <set>

namespace pipedeck::sim {

// Access levels as GitLab numbers them.
enum AccessLevel : int {
    NoAccess = 0,
    Guest = 10,
    Reporter = 20,
    Developer = 30,
    Maintainer = 40,
    Owner = 50,
};

struct User
{
    qint64 id = 0;
    QString username;
    QString name;
    QString email;
    QString state = QStringLiteral("active");
    bool isAdmin = false;
    qint64 createdAtMs = 0;
};

struct Namespace
{
    qint64 id = 0;
    QString name;
    QString path; // full path, e.g. "platform"
    QString kind; // "group" or "user"
};

struct Commit
{
    QString sha;
    QString title;
    QString message;
    QString authorName;
    QString authorEmail;
    qint64 authoredAtMs = 0;
    QString parentSha;
};

struct Branch
{
    QString name;
    QString commitSha;
    bool isProtected = false;
};

struct Tag
{
    QString name;
    QString message;
    QString commitSha;
    bool isProtected = false;
    qint64 createdAtMs = 0;
};

struct Variable
{
    QString key;
    QString value;
    QString variableType = QStringLiteral("env_var"); // or "file"
    friend bool operator==(const Variable &, const Variable &) = default;
};

// What a job does when it runs. Builds and bridges (trigger jobs) share it.
struct JobSpec
{
    QString name;
    QString stage = QStringLiteral("test");
    bool manual = false;       // when: manual — waits to be played
    bool allowFailure = false; // manual jobs in GitLab default to allow_failure: true
    double queueSeconds = 3;   // pending -> running; < 0 = never picked up (stuck pending)
    double durationSeconds = 30;
    QString outcome = QStringLiteral("success"); // "success", "failed" or "canceled"
    QString failureReason = QStringLiteral("script_failure");
    QString frozenStatus; // non-empty: the job shows this status and never moves by itself
    QStringList tags;
    bool timestamps = false;   // FF_TIMESTAMPS-style prefixes in the trace
    bool generateTrace = true; // false: the trace is only what tests append
    bool artifacts = false;
    QString coverage; // e.g. "87.5"; empty = null
    // Bridges (trigger jobs): a downstream pipeline is created when the bridge runs.
    bool bridge = false;
    qint64 downstreamProjectId = 0; // 0 = a child pipeline in the same project
    QString downstreamRef;          // empty = the upstream ref (child) or the default branch
    QList<JobSpec> downstreamJobs;
};

struct Pipeline
{
    qint64 id = 0;
    qint64 iid = 0;
    qint64 projectId = 0;
    QString sha;
    QString beforeSha;
    QString ref;
    bool tag = false;
    QString status = QStringLiteral("created");
    QString source = QStringLiteral("push");
    QString name;
    qint64 userId = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 startedAtMs = 0;  // 0 = null
    qint64 finishedAtMs = 0; // 0 = null
    QList<Variable> variables;
    QJsonObject inputs; // spec inputs with their values (defaults included); GitLab has no REST
                        // endpoint for them, tests read them here
    qint64 upstreamBridgeId = 0; // set for downstream (child or multi-project) pipelines
    bool child = false;          // source parent_pipeline
    QStringList stages;          // in pipeline order
};

struct Job
{
    qint64 id = 0;
    qint64 pipelineId = 0;
    qint64 projectId = 0;
    JobSpec spec;
    QString status = QStringLiteral("created");
    bool retried = false;
    bool frozen = false;   // status set by hand: the clock does not move it
    QString failureReason; // set when failed
    qint64 userId = 0;
    qint64 createdAtMs = 0;
    qint64 queuedAtMs = 0;   // 0 = null
    qint64 startedAtMs = 0;  // 0 = null
    qint64 finishedAtMs = 0; // 0 = null
    qint64 erasedAtMs = 0;   // 0 = null
    qint64 runnerId = 0;
    QList<Variable> playVariables; // what a manual job was played with
    QByteArray jobToken;           // valid while the job runs
    qint64 downstreamPipelineId = 0;
    QByteArray appendedTrace; // what tests appended (after the generated part)
    bool traceErased = false;
    bool bigLog = false; // the 50 MB demo log
    quint64 traceSeed = 0;
    bool isBridge() const { return spec.bridge; }
};

struct Runner
{
    qint64 id = 0;
    QString description;
    bool isShared = true;
    QString runnerType = QStringLiteral("instance_type");
};

struct Trigger
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString token;
    QString description;
    qint64 ownerId = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 lastUsedMs = 0; // 0 = null
    QDate expiresAt;
};

struct Project
{
    qint64 id = 0;
    qint64 namespaceId = 0;
    QString name;
    QString path;
    QString description;
    QString defaultBranch = QStringLiteral("main");
    QString visibility = QStringLiteral("private");
    qint64 createdAtMs = 0;
    qint64 lastActivityAtMs = 0;
    int starCount = 0;
    QStringList topics;
    QHash<qint64, int> members; // user id -> access level
    QList<Branch> branches;
    QList<Tag> tags;
    QList<JobSpec> ciConfig;     // what a new pipeline (create / trigger / push) runs
    QList<SpecInput> specInputs; // `spec: inputs:` of the project's .gitlab-ci.yml
    // Wildcard patterns (`*` = anything) of refs for which the config's `workflow: rules:` create
    // no pipeline (e.g. `when: never` for `$CI_COMMIT_REF_NAME =~ /^wip\//`).
    QStringList workflowRefusedRefs;
};

// What createPipeline() needs besides the project.
struct PipelineSpec
{
    QString ref; // empty = the default branch
    QString source = QStringLiteral("push");
    QString username; // who started it; empty = the project's first owner
    QList<Variable> variables;
    QJsonObject inputs;
    QList<JobSpec> jobs;    // empty = the project's ciConfig
    QString commitTitle;    // empty = the ref's head commit
    qint64 createdAtMs = 0; // 0 = now; in the past, the pipeline has already run up to now
    QString name;
};

// The living state of the simulated GitLab instance. Time moves through the SimClock; update()
// brings jobs and pipelines up to the clock's now. Lookups return nullptr when there is no such
// thing. Pointers stay valid until the thing is deleted.
class World
{
public:
    World(SimClock &clock, quint64 seed);
    ~World();
    World(const World &) = delete;
    World &operator=(const World &) = delete;

    SimClock &clock() { return m_clock; }
    qint64 nowMs() const { return m_clock.nowMs(); }
    quint64 seed() const { return m_seed; }

    // Users and namespaces
    User &addUser(const QString &username, const QString &name);
    const User *user(qint64 id) const;
    const User *userByUsername(const QString &username) const;
    QList<const User *> users() const;
    Namespace &addNamespace(const QString &path, const QString &name, const QString &kind);
    const Namespace *ns(qint64 id) const;

    // Projects
    Project &createProject(const QString &namespacePath, const QString &path, const QString &name,
                           const QString &ownerUsername);
    Project *project(qint64 id);
    const Project *project(qint64 id) const;
    Project *projectByPath(const QString &fullPath);
    QString projectFullPath(const Project &project) const;
    QList<const Project *> projects() const;
    int accessLevel(const Project &project, qint64 userId) const;
    Commit &addCommit(const QString &title, const QString &authorUsername, qint64 atMs,
                      const QString &message = {});
    const Commit *commit(const QString &sha) const;
    void setBranchHead(Project &project, const QString &branch, const QString &sha);
    const Branch *branch(const Project &project, const QString &name) const;
    const Tag *tag(const Project &project, const QString &name) const;

    // Pipelines and jobs
    Pipeline &createPipeline(qint64 projectId, const PipelineSpec &spec);
    Pipeline *pipeline(qint64 id);
    const Pipeline *pipeline(qint64 id) const;
    QList<const Pipeline *> pipelinesOfProject(qint64 projectId) const; // newest first
    Job *job(qint64 id);
    const Job *job(qint64 id) const;
    QList<const Job *> jobsOfPipeline(qint64 pipelineId, bool includeRetried, bool bridges) const;
    QList<const Job *> jobsOfProject(qint64 projectId) const; // builds only, newest first
    const Job *jobByToken(const QByteArray &token) const;
    const Runner *runner(qint64 id) const;

    // Things tests do by hand
    void setJobStatus(qint64 jobId, const QString &status); // freezes the job at that status
    void appendTrace(qint64 jobId, const QByteArray &bytes);
    QByteArray trace(qint64 jobId); // what GET .../trace returns now

    // Actions as the API performs them. They return the job or pipeline, or nullptr with *error
    // set to GitLab's message.
    const Job *play(qint64 jobId, qint64 userId, const QList<Variable> &variables, QString *error);
    const Job *retry(qint64 jobId, qint64 userId, QString *error);
    const Job *cancel(qint64 jobId);
    const Job *erase(qint64 jobId, QString *error);
    const Pipeline *retryPipeline(qint64 pipelineId, qint64 userId);
    const Pipeline *cancelPipeline(qint64 pipelineId);
    bool deletePipeline(qint64 pipelineId);

    // Trigger tokens
    Trigger &createTrigger(qint64 projectId, qint64 ownerId, const QString &description);
    Trigger *trigger(qint64 id);
    const Trigger *triggerByToken(const QString &token) const;
    QList<const Trigger *> triggersOfProject(qint64 projectId) const;
    bool deleteTrigger(qint64 id);
    void touchTrigger(qint64 id);

    // The big log: generated once into a temporary file, served from a read-only mapping (never
    // a copy on the heap, so it costs the process no anonymous memory).
    void setBigLogEnabled(bool enabled) { m_bigLogEnabled = enabled; }
    // Makes later pipelines and jobs get ids from these on (never lowers the counters).
    void setNextIds(qint64 pipelineId, qint64 jobId);
    void setTraceCacheLimit(int jobs) { m_traceCacheLimit = jobs; }
    void setActsOnTriggerJobs(bool acts) { m_actsOnTriggerJobs = acts; }
    bool actsOnTriggerJobs() const { return m_actsOnTriggerJobs; }
    // GitLab 17.10 added `inputs` to POST /projects/:id/pipeline; false emulates an older one.
    void setAcceptsPipelineInputs(bool accepts) { m_acceptsPipelineInputs = accepts; }
    bool acceptsPipelineInputs() const { return m_acceptsPipelineInputs; }
    // What a job was played with (Ci::JobVariable rows; a retry copies them), for tests: GitLab
    // shows them in no REST entity.
    QList<Variable> playedVariables(qint64 jobId) const
    {
        const Job *j = job(jobId);
        return j ? j->playVariables : QList<Variable>();
    }
    // Whether the project's workflow rules create a pipeline for the ref.
    bool workflowAllows(const Project &project, const QString &ref) const;
    bool bigLogEnabled() const { return m_bigLogEnabled; }
    // Starts generating the big log in a worker thread, so the first request for it does not
    // stall the thread that serves (the GUI thread under `pipedeck --demo`). A request that
    // comes before waits for it.
    void prepareBigLog();

    // Brings every active pipeline up to the clock's now.
    void update();

    // A stamp that changes whenever anything changes (for cheap ETag reuse).
    quint64 revision() const { return m_revision; }

private:
    qint64 nextId(qint64 &counter) { return ++counter; }
    Job &addJob(Pipeline &pipeline, const JobSpec &spec, qint64 atMs, qint64 userId);
    void processPipeline(Pipeline &pipeline, qint64 nowMs);
    bool stepJob(Job &job, Pipeline &pipeline, qint64 nowMs, qint64 readyMs, int gate);
    void startBridge(Job &bridge, Pipeline &pipeline, qint64 atMs);
    void finishJob(Job &job, qint64 atMs, const QString &status);
    void recomputeStatus(Pipeline &pipeline, qint64 atMs);
    void propagateToUpstream(const Pipeline &pipeline, qint64 atMs);
    void resetSkippedAfter(Pipeline &pipeline, int stageIndex);
    void activate(Pipeline &pipeline);
    int stageIndex(const Pipeline &pipeline, const QString &stage) const;
    QByteArray newToken(int hexChars);
    QList<TraceChunk> plannedTrace(const Job &job);
    const QByteArray &bigLog(const Job &job);

    SimClock &m_clock;
    quint64 m_seed = 1;
    quint64 m_rng = 0;
    quint64 m_revision = 0;
    bool m_bigLogEnabled = true;
    qint64 m_userCounter = 0;
    qint64 m_namespaceCounter = 0;
    qint64 m_projectCounter = 0;
    qint64 m_pipelineCounter = 0;
    qint64 m_jobCounter = 0;
    qint64 m_triggerCounter = 0;
    std::map<qint64, User> m_users;
    std::map<qint64, Namespace> m_namespaces;
    std::map<qint64, Project> m_projects;
    std::map<qint64, Pipeline> m_pipelines;
    std::map<qint64, Job> m_jobs;
    std::map<qint64, Trigger> m_triggers;
    std::map<qint64, Runner> m_runners;
    QHash<QString, Commit> m_commits;
    QHash<qint64, QList<qint64>> m_jobsByPipeline;
    QHash<qint64, QList<qint64>> m_jobsByProject;
    QHash<qint64, qint64> m_pipelineIidCounter;
    QHash<QByteArray, qint64> m_jobTokens;
    std::set<qint64> m_activePipelines;
    struct CachedTrace
    {
        bool final = false;
        QList<TraceChunk> chunks;
    };
    QHash<qint64, CachedTrace> m_generatedTraces;
    std::unique_ptr<QTemporaryFile> m_bigLogFile;
    QFuture<bool> m_bigLogFuture;
    QByteArray m_bigLog; // a raw view of m_bigLogFile's mapping (or, without a file, the bytes)
    int m_traceCacheLimit = 4000;
    bool m_actsOnTriggerJobs = true;
    bool m_acceptsPipelineInputs = true;
    qint64 m_bigLogBytes = 50 * 1024 * 1024;
};

} // namespace pipedeck::sim
