#pragma once

#include <QtGlobal>

namespace pipedeck::sim {

class World;
struct Project;

// Stable ids in the demo data (ServerOptions::demoData), for tests and docs/simulator.md.
namespace demo {
// Users: "demo" owns most things; "alice" is a maintainer of platform/api-gateway and owns a
// trigger there; "yamada" (山田 太郎) is a developer; "reader" is a reporter everywhere.
inline constexpr qint64 kDemoUserId = 1;
inline constexpr qint64 kAliceUserId = 2;
inline constexpr qint64 kYamadaUserId = 3;
inline constexpr qint64 kReaderUserId = 4;

inline constexpr qint64 kDemoProjectId = 1;        // platform/api-gateway
inline constexpr qint64 kDeployToolsProjectId = 2; // platform/deploy-tools (multi-project target)
inline constexpr qint64 kIosAppProjectId = 3;      // mobile/ios-app
inline constexpr qint64 kAndroidAppProjectId = 4;  // mobile/android-app
inline constexpr qint64 kEtlProjectId = 5;         // data/etl
inline constexpr qint64 kSandboxProjectId = 6;     // demo/sandbox (the demo user's namespace)
inline constexpr qint64 kPrivateProjectId = 7;     // alice/private-notes: not visible to demo
inline constexpr qint64 kSharedCiProjectId = 8;    // alice/shared-ci: demo is a Developer there
inline constexpr const char *kDemoProjectPath = "platform/api-gateway";

// Pipelines of platform/api-gateway. Older finished pipelines have ids 100..(100+kHistoryCount-1).
inline constexpr int kHistoryCount = 45;
inline constexpr qint64 kRunningPipelineId = 1000; // runs for several simulated minutes
inline constexpr qint64 kRunningJobId = 10001;     // "unit-tests": running, trace grows
inline constexpr qint64 kTimestampsJobId = 10002;  // "integration-tests": FF_TIMESTAMPS prefixes
inline constexpr qint64 kManualPipelineId = 1001;  // blocked on a manual job -> status manual
inline constexpr qint64 kManualJobId = 10102;      // "deploy-production", manual, blocking
inline constexpr qint64 kFailedPipelineId = 1002;
inline constexpr qint64 kFailedJobId = 10201;             // "unit-tests", failed (script_failure)
inline constexpr qint64 kBridgePipelineId = 1003;         // child and multi-project downstreams
inline constexpr qint64 kChildBridgeJobId = 10301;        // "trigger-docs" -> child pipeline
inline constexpr qint64 kMultiProjectBridgeJobId = 10302; // "deploy" -> platform/deploy-tools
inline constexpr qint64 kCanceledPipelineId = 1004;
inline constexpr qint64 kSkippedPipelineId = 1005;
inline constexpr qint64 kPendingPipelineId = 1006; // stuck pending (no runner)
inline constexpr qint64 kCreatedPipelineId = 1007;
inline constexpr qint64 kScheduledPipelineId = 1008;
inline constexpr qint64 kWaitingPipelineId = 1009; // waiting_for_resource
inline constexpr qint64 kPreparingPipelineId = 1010;

// data/etl
inline constexpr qint64 kBigPipelineId = 2000; // 1,500 jobs across 4 child pipelines
inline constexpr int kBigPipelineJobCount = 1500;
inline constexpr qint64 kBigLogPipelineId = 3000;
inline constexpr qint64 kBigLogJobId = 30000; // a 50 MiB log when ServerOptions::bigLog
inline constexpr qint64 kBigLogBytes = 50 * 1024 * 1024;

// platform/deploy-tools: a deploy job that asks for variables, a release pipeline with several
// manual jobs, spec inputs and a workflow rule (added after everything above, so no earlier id
// moved).
inline constexpr qint64 kDeployPipelineId = 4000;
inline constexpr qint64 kDeployJobId = 40001; // "deploy:production", manual, in stage deploy
inline constexpr qint64 kReleasePipelineId = 4001;
inline constexpr qint64 kReleaseNotesJobId = 40101;    // "release:notes", manual
inline constexpr qint64 kReleasePublishJobId = 40102;  // "release:publish", manual
inline constexpr qint64 kReleaseAnnounceJobId = 40103; // "release:announce", manual
// Its workflow rules create no pipeline for refs matching this (a branch "wip/spike" exists).
inline constexpr const char *kWorkflowRefusedRef = "wip/*";
inline constexpr int kManyBranches = 10000; // ServerOptions::manyBranches
// mobile/android-app: the demo user's pipeline that `pipedeck --demo` watches; it runs at the
// start and fails about a minute later (its e2e job), so a new user sees a notification.
inline constexpr qint64 kWatchedPipelineId = 5000;
inline constexpr qint64 kWatchedFailingJobId = 50002; // "e2e-tests"
inline constexpr const char *kWatchedProjectPath = "mobile/android-app";
} // namespace demo

// Fills an empty World with the demo data above; deterministic for World::seed().
void populateDemoData(World &world, bool bigLog);

// Adds `count` branches named like `feature/JIRA-1234-rate-limit`, deterministic for
// World::seed(), to the project (ServerOptions::manyBranches does it to platform/deploy-tools).
void addManyBranches(World &world, Project &project, int count);

// Keeps the demo alive while its clock runs: every few simulated minutes somebody pushes and a new
// pipeline starts. Call it often; it does nothing until simulated time reaches *nextAtMs (0 =
// schedule the first push a few minutes from now).
void runDemoActivity(World &world, qint64 *nextAtMs);

} // namespace pipedeck::sim
