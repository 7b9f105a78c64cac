#include "sim/demo_data.h"

#include "sim/world.h"

#include <QTimeZone>

#include <algorithm>

namespace pipedeck::sim {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

JobSpec job(const QString &name, const QString &stage, double seconds,
            const QString &outcome = QStringLiteral("success"))
{
    JobSpec spec;
    spec.name = name;
    spec.stage = stage;
    spec.durationSeconds = seconds;
    spec.outcome = outcome;
    spec.tags = {QStringLiteral("docker"), QStringLiteral("linux")};
    return spec;
}

JobSpec manualJob(const QString &name, const QString &stage, bool allowFailure)
{
    JobSpec spec = job(name, stage, 45);
    spec.manual = true;
    spec.allowFailure = allowFailure;
    return spec;
}

JobSpec frozenJob(const QString &name, const QString &stage, const QString &status)
{
    JobSpec spec = job(name, stage, 60);
    spec.frozenStatus = status;
    return spec;
}

JobSpec bridge(const QString &name, const QString &stage, qint64 downstreamProjectId,
               const QList<JobSpec> &downstreamJobs)
{
    JobSpec spec;
    spec.name = name;
    spec.stage = stage;
    spec.bridge = true;
    spec.downstreamProjectId = downstreamProjectId;
    spec.downstreamJobs = downstreamJobs;
    return spec;
}

QList<JobSpec> gatewayConfig()
{
    JobSpec compile = job(QStringLiteral("compile"), QStringLiteral("build"), 40);
    compile.artifacts = true;
    JobSpec unit = job(QStringLiteral("unit-tests"), QStringLiteral("test"), 90);
    unit.coverage = QStringLiteral("84.2");
    unit.artifacts = true;
    return {compile, unit, job(QStringLiteral("lint"), QStringLiteral("test"), 25),
            job(QStringLiteral("deploy-staging"), QStringLiteral("deploy"), 35),
            manualJob(QStringLiteral("deploy-production"), QStringLiteral("deploy"), true)};
}

const QStringList &commitTitles()
{
    static const QStringList titles = {
        QStringLiteral("Add rate limiting middleware ✨"),
        QStringLiteral("Fix token refresh race 🐛"),
        QStringLiteral("ログイン画面のレイアウトを修正"),
        QStringLiteral("Update dependencies 📦"),
        QStringLiteral("認証トークンの有効期限チェックを追加 🔐"),
        QStringLiteral("Refactor router tables"),
        QStringLiteral("Merge branch 'feature/ログイン-ui' into 'main'"),
        QStringLiteral("Improve p99 latency by 30% 🚀"),
        QStringLiteral("ドキュメントを更新 📝"),
        QStringLiteral("Revert \"Enable HTTP/3\""),
        QStringLiteral("Add Prometheus metrics endpoint 📈"),
        QStringLiteral("CI: cache node_modules"),
        QStringLiteral("修正: レート制限の境界値バグ"),
        QStringLiteral("Bump Go to 1.22 🐹"),
    };
    return titles;
}

void addMember(World &world, Project &project, const QString &username, int level)
{
    if (const User *user = world.userByUsername(username))
        project.members.insert(user->id, level);
}

void addTag(World &world, Project &project, const QString &name, const QString &title, qint64 atMs)
{
    const Commit &commit = world.addCommit(title, QStringLiteral("demo"), atMs);
    project.tags.append(Tag{name, QStringLiteral("Release ") + name, commit.sha, true, atMs});
}

} // namespace

void populateDemoData(World &world, bool bigLog)
{
    const qint64 now = world.nowMs();
    world.addUser(QStringLiteral("demo"), QStringLiteral("Demo Developer"));
    world.addUser(QStringLiteral("alice"), QStringLiteral("Alice Liddell"));
    world.addUser(QStringLiteral("yamada"), QStringLiteral("山田 太郎"));
    world.addUser(QStringLiteral("reader"), QStringLiteral("Read-only Reviewer 👀"));
    world.addUser(QStringLiteral("release-bot"), QStringLiteral("Release Bot 🤖"));

    // --- projects (ids 1..7) ----------------------------------------------------------------
    Project &gateway =
        world.createProject(QStringLiteral("platform"), QStringLiteral("api-gateway"),
                            QStringLiteral("API Gateway"), QStringLiteral("demo"));
    gateway.description = QStringLiteral("Edge API gateway: routing, auth and rate limits");
    gateway.topics = {QStringLiteral("go"), QStringLiteral("gateway")};
    gateway.starCount = 42;
    gateway.ciConfig = gatewayConfig();
    Project &deployTools =
        world.createProject(QStringLiteral("platform"), QStringLiteral("deploy-tools"),
                            QStringLiteral("Deploy Tools"), QStringLiteral("demo"));
    deployTools.description = QStringLiteral("Terraform and rollout tooling");
    deployTools.ciConfig = {job(QStringLiteral("plan"), QStringLiteral("plan"), 30),
                            job(QStringLiteral("apply"), QStringLiteral("apply"), 45)};
    Project &ios = world.createProject(QStringLiteral("mobile"), QStringLiteral("ios-app"),
                                       QStringLiteral("iOS App"), QStringLiteral("demo"));
    ios.description = QStringLiteral("iPhone と iPad 向けアプリ 📱");
    ios.ciConfig = {job(QStringLiteral("build:ios"), QStringLiteral("build"), 120),
                    job(QStringLiteral("test:unit"), QStringLiteral("test"), 80),
                    job(QStringLiteral("test:ui"), QStringLiteral("test"), 150),
                    manualJob(QStringLiteral("testflight"), QStringLiteral("release"), true)};
    Project &android = world.createProject(QStringLiteral("mobile"), QStringLiteral("android-app"),
                                           QStringLiteral("Android App"), QStringLiteral("demo"));
    android.description = QStringLiteral("The Android client");
    android.visibility = QStringLiteral("public");
    android.ciConfig = {job(QStringLiteral("assembleRelease"), QStringLiteral("build"), 140),
                        job(QStringLiteral("lintRelease"), QStringLiteral("test"), 50),
                        job(QStringLiteral("testReleaseUnitTest"), QStringLiteral("test"), 95)};
    Project &etl = world.createProject(QStringLiteral("data"), QStringLiteral("etl"),
                                       QStringLiteral("ETL"), QStringLiteral("demo"));
    etl.description = QStringLiteral("Nightly extract, transform and load into the warehouse");
    etl.ciConfig = {job(QStringLiteral("extract"), QStringLiteral("extract"), 60),
                    job(QStringLiteral("transform"), QStringLiteral("transform"), 90),
                    job(QStringLiteral("load"), QStringLiteral("load"), 60)};
    Project &sandbox = world.createProject(QStringLiteral("demo"), QStringLiteral("sandbox"),
                                           QStringLiteral("Sandbox"), QStringLiteral("demo"));
    sandbox.description = QStringLiteral("Try things here");
    sandbox.ciConfig = {job(QStringLiteral("hello"), QStringLiteral("test"), 15)};
    Project &notes = world.createProject(QStringLiteral("alice"), QStringLiteral("private-notes"),
                                         QStringLiteral("Private Notes"), QStringLiteral("alice"));
    notes.ciConfig = {job(QStringLiteral("spellcheck"), QStringLiteral("test"), 10)};

    for (Project *p : {&gateway, &deployTools, &ios, &android, &etl}) {
        addMember(world, *p, QStringLiteral("reader"), Reporter);
        addMember(world, *p, QStringLiteral("yamada"), Developer);
    }
    addMember(world, gateway, QStringLiteral("alice"), Maintainer);
    addMember(world, deployTools, QStringLiteral("alice"), Maintainer);

    // Branches and tags
    const qint64 monthAgo = now - 30 * 24 * kHour;
    for (const QString &name :
         {QStringLiteral("develop"), QStringLiteral("feature/rate-limit"),
          QStringLiteral("feature/ログイン-ui"), QStringLiteral("release/2.4")}) {
        const Commit &c =
            world.addCommit(QStringLiteral("Start ") + name, QStringLiteral("yamada"), monthAgo);
        world.setBranchHead(gateway, name, c.sha);
    }
    addTag(world, gateway, QStringLiteral("v2.3.0"), QStringLiteral("Release 2.3.0"), monthAgo);
    addTag(world, gateway, QStringLiteral("v2.4.0-rc1"), QStringLiteral("Release 2.4.0-rc1"),
           monthAgo + 10 * 24 * kHour);
    addTag(world, gateway, QStringLiteral("v2.4.0"), QStringLiteral("Release 2.4.0 🎉"),
           monthAgo + 20 * 24 * kHour);
    const Commit &iosBranch =
        world.addCommit(QStringLiteral("ダークモード対応 🌙"), QStringLiteral("yamada"), monthAgo);
    world.setBranchHead(ios, QStringLiteral("feature/dark-mode"), iosBranch.sha);

    // --- platform/api-gateway history: pipelines 100.. --------------------------------------
    world.setNextIds(100, 1000);
    static const QStringList sources = {
        QStringLiteral("push"), QStringLiteral("push"),     QStringLiteral("merge_request_event"),
        QStringLiteral("web"),  QStringLiteral("schedule"), QStringLiteral("push"),
        QStringLiteral("api"),  QStringLiteral("trigger")};
    static const QStringList refs = {QStringLiteral("main"),
                                     QStringLiteral("main"),
                                     QStringLiteral("develop"),
                                     QStringLiteral("feature/rate-limit"),
                                     QStringLiteral("feature/ログイン-ui"),
                                     QStringLiteral("release/2.4")};
    static const QStringList users = {QStringLiteral("demo"), QStringLiteral("yamada"),
                                      QStringLiteral("alice"), QStringLiteral("release-bot")};
    for (int i = 0; i < demo::kHistoryCount; ++i) {
        PipelineSpec spec;
        const int age = demo::kHistoryCount - i; // oldest first
        spec.createdAtMs = now - qint64(age) * 3 * kHour - 9 * kHour;
        spec.ref = refs[i % refs.size()];
        spec.source = sources[i % sources.size()];
        spec.username = users[i % users.size()];
        spec.commitTitle = commitTitles()[i % commitTitles().size()];
        spec.jobs = gatewayConfig();
        if (i % 7 == 3)
            spec.jobs[1].outcome = QStringLiteral("failed");
        if (i % 11 == 5)
            spec.jobs[2].outcome = QStringLiteral("canceled");
        if (i % 5 == 1) {
            spec.jobs[2].allowFailure = true;
            spec.jobs[2].outcome = QStringLiteral("failed");
        }
        if (spec.source == QLatin1String("trigger"))
            spec.variables = {Variable{QStringLiteral("DEPLOY_TARGET"), QStringLiteral("staging"),
                                       QStringLiteral("env_var")}};
        world.createPipeline(gateway.id, spec);
    }

    // --- platform/api-gateway: one pipeline per interesting status ---------------------------
    {
        world.setNextIds(demo::kRunningPipelineId, 10000);
        PipelineSpec spec;
        spec.createdAtMs = now - 100 * 1000;
        spec.username = QStringLiteral("yamada");
        spec.commitTitle = QStringLiteral("レート制限のテストを追加 🧪");
        JobSpec unit = job(QStringLiteral("unit-tests"), QStringLiteral("test"), 900);
        unit.coverage = QStringLiteral("86.9");
        JobSpec integration = job(QStringLiteral("integration-tests"), QStringLiteral("test"), 600);
        integration.timestamps = true;
        spec.jobs = {
            job(QStringLiteral("compile"), QStringLiteral("build"), 30),
            unit,
            integration,
            job(QStringLiteral("lint"), QStringLiteral("test"), 20),
            job(QStringLiteral("deploy-staging"), QStringLiteral("deploy"), 60),
            manualJob(QStringLiteral("deploy-production"), QStringLiteral("deploy"), true)};
        world.createPipeline(gateway.id, spec);
    }
    {
        world.setNextIds(demo::kManualPipelineId, 10100);
        PipelineSpec spec;
        spec.createdAtMs = now - 2 * kHour;
        spec.ref = QStringLiteral("main");
        spec.commitTitle = QStringLiteral("Release 2.4.1 🚢");
        spec.jobs = {
            job(QStringLiteral("compile"), QStringLiteral("build"), 40),
            job(QStringLiteral("unit-tests"), QStringLiteral("test"), 70),
            manualJob(QStringLiteral("deploy-production"), QStringLiteral("deploy"), false),
            job(QStringLiteral("smoke-test"), QStringLiteral("verify"), 30)};
        world.createPipeline(gateway.id, spec);
    }
    {
        world.setNextIds(demo::kFailedPipelineId, 10200);
        PipelineSpec spec;
        spec.createdAtMs = now - 5 * kHour;
        spec.ref = QStringLiteral("feature/rate-limit");
        spec.username = QStringLiteral("alice");
        spec.commitTitle = QStringLiteral("WIP: token bucket per route");
        spec.jobs = {
            job(QStringLiteral("compile"), QStringLiteral("build"), 40),
            job(QStringLiteral("unit-tests"), QStringLiteral("test"), 80, QStringLiteral("failed")),
            job(QStringLiteral("lint"), QStringLiteral("test"), 20),
            job(QStringLiteral("deploy-staging"), QStringLiteral("deploy"), 30)};
        world.createPipeline(gateway.id, spec);
    }
    {
        world.setNextIds(demo::kBridgePipelineId, 10300);
        PipelineSpec spec;
        spec.createdAtMs = now - 3 * kHour;
        spec.commitTitle = QStringLiteral("Publish docs and deploy 📚");
        spec.jobs = {job(QStringLiteral("compile"), QStringLiteral("build"), 40),
                     bridge(QStringLiteral("trigger-docs"), QStringLiteral("downstream"), 0,
                            {job(QStringLiteral("docs-build"), QStringLiteral("build"), 50),
                             job(QStringLiteral("docs-linkcheck"), QStringLiteral("test"), 30)}),
                     bridge(QStringLiteral("deploy"), QStringLiteral("downstream"),
                            demo::kDeployToolsProjectId,
                            {job(QStringLiteral("plan"), QStringLiteral("plan"), 30),
                             job(QStringLiteral("apply"), QStringLiteral("apply"), 40)})};
        world.createPipeline(gateway.id, spec);
    }
    {
        world.setNextIds(demo::kCanceledPipelineId, 10400);
        PipelineSpec spec;
        spec.createdAtMs = now - 6 * kHour;
        spec.ref = QStringLiteral("develop");
        spec.jobs = {job(QStringLiteral("compile"), QStringLiteral("build"), 40),
                     job(QStringLiteral("unit-tests"), QStringLiteral("test"), 60,
                         QStringLiteral("canceled")),
                     job(QStringLiteral("lint"), QStringLiteral("test"), 90),
                     job(QStringLiteral("deploy-staging"), QStringLiteral("deploy"), 30)};
        world.createPipeline(gateway.id, spec);
    }
    auto frozenPipeline = [&](qint64 pipelineId, const QString &status, qint64 ago,
                              const QString &title) {
        world.setNextIds(pipelineId, 10000 + (pipelineId - 1000) * 100);
        PipelineSpec spec;
        spec.createdAtMs = now - ago;
        spec.commitTitle = title;
        if (status == QLatin1String("pending")) {
            JobSpec stuck = job(QStringLiteral("build-arm64"), QStringLiteral("build"), 60);
            stuck.queueSeconds = -1;
            stuck.tags = {QStringLiteral("arm64"), QStringLiteral("gpu")};
            spec.jobs = {stuck};
        } else if (status == QLatin1String("waiting_for_resource")) {
            spec.jobs = {
                job(QStringLiteral("compile"), QStringLiteral("build"), 30),
                frozenJob(QStringLiteral("deploy-staging"), QStringLiteral("deploy"), status)};
        } else {
            spec.jobs = {
                frozenJob(QStringLiteral("compile"), QStringLiteral("build"), status),
                frozenJob(QStringLiteral("unit-tests"), QStringLiteral("test"),
                          status == QLatin1String("skipped") ? status : QStringLiteral("created"))};
        }
        world.createPipeline(gateway.id, spec);
    };
    frozenPipeline(demo::kSkippedPipelineId, QStringLiteral("skipped"), 7 * kHour,
                   QStringLiteral("Update README [ci skip]"));
    frozenPipeline(demo::kPendingPipelineId, QStringLiteral("pending"), 10 * kMinute,
                   QStringLiteral("Build for arm64 🦾"));
    frozenPipeline(demo::kCreatedPipelineId, QStringLiteral("created"), 2 * kMinute,
                   QStringLiteral("Tidy imports"));
    frozenPipeline(demo::kScheduledPipelineId, QStringLiteral("scheduled"), 20 * kMinute,
                   QStringLiteral("Delayed rollout ⏰"));
    frozenPipeline(demo::kWaitingPipelineId, QStringLiteral("waiting_for_resource"), 15 * kMinute,
                   QStringLiteral("Deploy queue test"));
    frozenPipeline(demo::kPreparingPipelineId, QStringLiteral("preparing"), 1 * kMinute,
                   QStringLiteral("Warm runner cache"));

    // --- data/etl: 1,500 jobs across 4 child pipelines ----------------------------------------
    {
        world.setNextIds(demo::kBigPipelineId, 20000);
        PipelineSpec spec;
        spec.createdAtMs = now - 4 * kHour;
        spec.source = QStringLiteral("schedule");
        spec.commitTitle = QStringLiteral("Nightly full reload 🌙 全件再取り込み");
        spec.name = QStringLiteral("Nightly full reload");
        constexpr int kParentJobs = 20;
        constexpr int kShards = 4;
        constexpr int kPerShard = (demo::kBigPipelineJobCount - kParentJobs) / kShards; // 370
        for (int i = 1; i <= kParentJobs; ++i)
            spec.jobs.append(job(QStringLiteral("extract:source-%1").arg(i),
                                 QStringLiteral("extract"), 60 + (i * 37) % 240));
        for (int s = 1; s <= kShards; ++s) {
            QList<JobSpec> children;
            for (int j = 1; j <= kPerShard; ++j) {
                const QString stage = j <= 70    ? QStringLiteral("validate")
                                      : j <= 220 ? QStringLiteral("transform")
                                                 : QStringLiteral("load");
                JobSpec child = job(stage + QStringLiteral(" %1/%2").arg(j).arg(kPerShard), stage,
                                    20 + (j * 13 + s * 7) % 100);
                if ((j * 31 + s) % 97 == 0) {
                    child.allowFailure = true;
                    child.outcome = QStringLiteral("failed");
                }
                children.append(child);
            }
            spec.jobs.append(
                bridge(QStringLiteral("shard-%1").arg(s), QStringLiteral("shards"), 0, children));
        }
        world.createPipeline(etl.id, spec);
    }
    {
        world.setNextIds(demo::kBigLogPipelineId, demo::kBigLogJobId);
        PipelineSpec spec;
        spec.createdAtMs = now - 26 * kHour;
        spec.source = QStringLiteral("schedule");
        spec.commitTitle = QStringLiteral("Load warehouse with verbose logging");
        spec.jobs = {job(QStringLiteral("load-warehouse"), QStringLiteral("load"), 1800)};
        Pipeline &pipeline = world.createPipeline(etl.id, spec);
        if (Job *big = world.job(demo::kBigLogJobId); big && big->pipelineId == pipeline.id)
            big->bigLog = bigLog;
    }

    // --- the other projects ---------------------------------------------------------------
    static const QStringList iosTitles = {QStringLiteral("プッシュ通知の不具合を修正 🔔"),
                                          QStringLiteral("Add widget extension 🧩"),
                                          QStringLiteral("ダークモード対応 🌙"),
                                          QStringLiteral("Localize settings screen 🇯🇵"),
                                          QStringLiteral("クラッシュ修正: 起動時の nil 参照 💥"),
                                          QStringLiteral("Bump version to 3.2.0")};
    for (int i = 0; i < iosTitles.size(); ++i) {
        PipelineSpec spec;
        spec.createdAtMs = now - qint64(iosTitles.size() - i) * 5 * kHour;
        spec.username = i % 2 ? QStringLiteral("demo") : QStringLiteral("yamada");
        spec.commitTitle = iosTitles[i];
        spec.jobs = ios.ciConfig;
        if (i == 4)
            spec.jobs[2].outcome = QStringLiteral("failed");
        world.createPipeline(ios.id, spec);
    }
    for (int i = 0; i < 5; ++i) {
        PipelineSpec spec;
        spec.createdAtMs = now - qint64(5 - i) * 7 * kHour;
        spec.commitTitle = QStringLiteral("Android release train #%1 🤖").arg(40 + i);
        spec.jobs = android.ciConfig;
        world.createPipeline(android.id, spec);
    }
    for (int i = 0; i < 3; ++i) {
        PipelineSpec spec;
        spec.createdAtMs = now - qint64(3 - i) * 24 * kHour;
        spec.commitTitle = QStringLiteral("Infra change #%1").arg(i + 1);
        world.createPipeline(deployTools.id, spec);
    }
    {
        PipelineSpec spec;
        spec.createdAtMs = now - 12 * kHour;
        spec.commitTitle = QStringLiteral("Hello, pipelines 👋");
        world.createPipeline(sandbox.id, spec);
        PipelineSpec secret;
        secret.createdAtMs = now - 12 * kHour;
        secret.commitTitle = QStringLiteral("Private thoughts");
        world.createPipeline(notes.id, secret);
    }

    // --- trigger tokens ---------------------------------------------------------------------
    const User *demoUser = world.userByUsername(QStringLiteral("demo"));
    const User *alice = world.userByUsername(QStringLiteral("alice"));
    Trigger &nightly =
        world.createTrigger(gateway.id, demoUser->id, QStringLiteral("Nightly build from ops"));
    nightly.lastUsedMs = now - 9 * kHour;
    world.createTrigger(gateway.id, alice->id, QStringLiteral("Release automation (Alice)"));
    world.createTrigger(deployTools.id, demoUser->id, QStringLiteral("Deploy from api-gateway"));

    // --- platform/deploy-tools: manual jobs worth playing (after all of the above) -------------
    deployTools.specInputs = {
        SpecInput{QStringLiteral("environment"), QStringLiteral("string"),
                  QJsonValue(QStringLiteral("staging")),
                  QJsonArray{QStringLiteral("staging"), QStringLiteral("production")},
                  QStringLiteral("Where to deploy")},
        SpecInput{QStringLiteral("replicas"),
                  QStringLiteral("number"),
                  QJsonValue(2),
                  {},
                  QStringLiteral("How many instances")},
        SpecInput{QStringLiteral("dry_run"),
                  QStringLiteral("boolean"),
                  QJsonValue(false),
                  {},
                  QStringLiteral("Plan only")},
        SpecInput{QStringLiteral("regions"),
                  QStringLiteral("array"),
                  QJsonValue(QJsonArray{QStringLiteral("eu-west-1")}),
                  {},
                  QStringLiteral("Regions to roll out to")},
    };
    deployTools.workflowRefusedRefs = {QString::fromLatin1(demo::kWorkflowRefusedRef)};
    const Commit &spike =
        world.addCommit(QStringLiteral("Spike: blue/green"), QStringLiteral("alice"), monthAgo);
    world.setBranchHead(deployTools, QStringLiteral("wip/spike"), spike.sha);
    JobSpec deployProduction =
        manualJob(QStringLiteral("deploy:production"), QStringLiteral("deploy"), false);
    deployProduction.durationSeconds = 40;
    {
        world.setNextIds(demo::kDeployPipelineId, demo::kDeployJobId - 1);
        PipelineSpec spec;
        spec.createdAtMs = now - 90 * kMinute;
        spec.commitTitle = QStringLiteral("Roll out gateway 2.4.1 🚀");
        spec.jobs = {job(QStringLiteral("plan"), QStringLiteral("plan"), 30), deployProduction};
        world.createPipeline(deployTools.id, spec);
    }
    {
        world.setNextIds(demo::kReleasePipelineId, demo::kReleaseNotesJobId - 1);
        PipelineSpec spec;
        spec.createdAtMs = now - 40 * kMinute;
        spec.ref = QStringLiteral("main");
        spec.username = QStringLiteral("release-bot");
        spec.commitTitle = QStringLiteral("Release 3.0.0 🎉");
        spec.jobs = {
            job(QStringLiteral("build"), QStringLiteral("build"), 30),
            manualJob(QStringLiteral("release:notes"), QStringLiteral("release"), true),
            manualJob(QStringLiteral("release:publish"), QStringLiteral("release"), true),
            manualJob(QStringLiteral("release:announce"), QStringLiteral("release"), true)};
        world.createPipeline(deployTools.id, spec);
    }

    // --- what a token manager has to show: another owner's tokens, a blocked owner, a project
    // where demo is only a Developer (after all of the above, so no earlier id moved) ---------
    User &leaver = world.addUser(QStringLiteral("former-ops"), QStringLiteral("Former Ops"));
    leaver.state = QStringLiteral("blocked");
    Trigger &orphan = world.createTrigger(deployTools.id, leaver.id,
                                          QStringLiteral("Legacy release hook (Jenkins)"));
    orphan.createdAtMs = now - 400 * 24 * kHour;
    orphan.lastUsedMs = now - 200 * 24 * kHour;
    Trigger &expiring = world.createTrigger(deployTools.id, alice->id,
                                            QStringLiteral("Staging smoke tests (Alice)"));
    expiring.expiresAt = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).date().addDays(12);
    Project &sharedCi = world.createProject(QStringLiteral("alice"), QStringLiteral("shared-ci"),
                                            QStringLiteral("Shared CI"), QStringLiteral("alice"));
    sharedCi.description = QStringLiteral("CI templates everyone includes; Alice maintains them");
    sharedCi.ciConfig = {job(QStringLiteral("lint-templates"), QStringLiteral("test"), 20)};
    addMember(world, sharedCi, QStringLiteral("demo"), Developer);
    world.createTrigger(sharedCi.id, alice->id, QStringLiteral("Template release (Alice)"));
    {
        PipelineSpec spec;
        spec.createdAtMs = now - 5 * kHour;
        spec.username = QStringLiteral("alice");
        spec.commitTitle = QStringLiteral("Templates: cache keys per job");
        world.createPipeline(sharedCi.id, spec);
    }

    // --- the pipeline the demo watches (last, so no earlier id moved) -------------------------
    {
        world.setNextIds(demo::kWatchedPipelineId, demo::kWatchedFailingJobId - 1);
        PipelineSpec spec;
        spec.createdAtMs = now - 10 * 1000;
        spec.ref = QStringLiteral("main");
        spec.username = QStringLiteral("demo");
        spec.commitTitle = QStringLiteral("Login screen: remember the last account 🔑");
        spec.jobs = {
            job(QStringLiteral("assemble"), QStringLiteral("build"), 5),
            job(QStringLiteral("e2e-tests"), QStringLiteral("test"), 55, QStringLiteral("failed"))};
        world.createPipeline(android.id, spec);
    }
}

void runDemoActivity(World &world, qint64 *nextAtMs)
{
    constexpr qint64 kEvery = 8 * kMinute;
    const qint64 now = world.nowMs();
    if (*nextAtMs == 0) {
        *nextAtMs = now + 5 * kMinute;
        return;
    }
    // After a long pause (a laptop asleep), push once, not once per missed interval.
    if (now < *nextAtMs)
        return;
    const qint64 round = (*nextAtMs / kEvery);
    const qint64 projectId = round % 3 == 2 ? demo::kIosAppProjectId : demo::kDemoProjectId;
    PipelineSpec spec;
    spec.createdAtMs = *nextAtMs;
    spec.username = round % 2 ? QStringLiteral("yamada") : QStringLiteral("demo");
    spec.commitTitle = commitTitles()[round % commitTitles().size()];
    if (world.project(projectId))
        world.createPipeline(projectId, spec);
    *nextAtMs = std::max(*nextAtMs + kEvery, now + kMinute);
}

} // namespace pipedeck::sim
