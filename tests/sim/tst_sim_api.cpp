// The simulator's REST API as a GitLab client sees it: auth, entity shapes, pagination, ETags,
// trigger tokens and pipeline creation. Every request goes over loopback HTTP.
#include "sim_test_client.h"

#include "sim/demo_data.h"
#include "sim/world.h"

#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace pipedeck::sim;
using namespace simtest;

class TestSimApi : public DemoServerTest
{
    Q_OBJECT

private:
    static QSet<QString> keysOf(const QJsonObject &o)
    {
        const QStringList keys = o.keys();
        return {keys.begin(), keys.end()};
    }

private Q_SLOTS:

    void authentication()
    {
        Client anonymous(m_server->baseUrl(), QString());
        Reply r = anonymous.get(QStringLiteral("/projects"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("401 Unauthorized"));

        Client wrong(m_server->baseUrl(), QStringLiteral("not-a-token"));
        r = wrong.get(QStringLiteral("/user"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray("{\"message\":\"401 Unauthorized\"}"));

        r = m_client->get(QStringLiteral("/user"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("username")).toString(), QStringLiteral("demo"));

        Client bearer(m_server->baseUrl(), QString());
        bearer.setAuthorization("Bearer " + kAliceToken.toUtf8());
        r = bearer.get(QStringLiteral("/user"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("username")).toString(), QStringLiteral("alice"));

        Client reader(m_server->baseUrl(), kReaderToken);
        QCOMPARE(reader.get(QStringLiteral("/projects/1/pipelines")).status, 200);
        r = reader.postJson(QStringLiteral("/projects/1/pipeline"),
                            {{QStringLiteral("ref"), QStringLiteral("main")}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("insufficient_scope"));
        QCOMPARE(r.object().value(QStringLiteral("scope")).toString(), QStringLiteral("api"));
        QCOMPARE(m_server->world().pipelinesOfProject(1).size(),
                 qsizetype(demo::kHistoryCount + 11 + 1)); // nothing was created

        Client expired(m_server->baseUrl(), kExpiredToken);
        r = expired.get(QStringLiteral("/user"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_token"));
        QVERIFY(r.hasHeader("WWW-Authenticate"));

        QCOMPARE(m_client->get(QStringLiteral("/no/such/route")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/no/such/route"))
                     .object()
                     .value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("404 Not Found"));
    }

    void instanceEndpoints()
    {
        Reply r = m_client->get(QStringLiteral("/version"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object()
                    .value(QStringLiteral("version"))
                    .toString()
                    .startsWith(QLatin1String("17.")));
        QVERIFY(r.object().contains(QStringLiteral("revision")));

        r = m_client->get(QStringLiteral("/personal_access_tokens/self"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("scopes")).toArray(),
                 QJsonArray{QStringLiteral("api")});
        QCOMPARE(r.object().value(QStringLiteral("user_id")).toInt(), int(demo::kDemoUserId));
        QVERIFY(r.object().value(QStringLiteral("expires_at")).isNull());
        QVERIFY(r.object().value(QStringLiteral("active")).toBool());

        Client reader(m_server->baseUrl(), kReaderToken);
        r = reader.get(QStringLiteral("/personal_access_tokens/self"));
        QCOMPARE(r.object().value(QStringLiteral("scopes")).toArray(),
                 QJsonArray{QStringLiteral("read_api")});

        // Names with Japanese and emoji come through as UTF-8.
        const User *yamada = m_server->world().user(demo::kYamadaUserId);
        QCOMPARE(yamada->name, QStringLiteral("山田 太郎"));
    }

    void projects()
    {
        Reply r = m_client->get(
            QStringLiteral("/projects?membership=true&simple=true&order_by=id&sort=asc"));
        QCOMPARE(r.status, 200);
        const QJsonArray list = r.array();
        QCOMPARE(list.size(), 7); // alice/private-notes is not visible to demo
        QCOMPARE(list.first().toObject().value(QStringLiteral("path_with_namespace")).toString(),
                 QStringLiteral("platform/api-gateway"));
        const QJsonObject simple = list.first().toObject();
        QVERIFY(simple.contains(QStringLiteral("namespace")));
        QVERIFY(
            !simple.contains(QStringLiteral("permissions"))); // simple=true is BasicProjectDetails
        QCOMPARE(simple.value(QStringLiteral("web_url")).toString(),
                 m_server->baseUrl().toString() + QStringLiteral("/platform/api-gateway"));

        r = m_client->get(QStringLiteral("/projects?search=gateway"));
        QCOMPARE(r.array().size(), 1);
        r = m_client->get(QStringLiteral("/projects?order_by=bogus"));
        QCOMPARE(r.status, 400);

        r = m_client->get(QStringLiteral("/projects/platform%2Fapi-gateway"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("id")).toInt(), int(demo::kDemoProjectId));
        QVERIFY(r.object().contains(QStringLiteral("permissions")));

        QCOMPARE(m_client->get(QStringLiteral("/projects/7")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/projects/7"))
                     .object()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("404 Project Not Found"));
        Client alice(m_server->baseUrl(), kAliceToken);
        QCOMPARE(alice.get(QStringLiteral("/projects/alice%2Fprivate-notes")).status, 200);

        r = m_client->get(QStringLiteral("/projects/1/repository/branches?search=feature"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 2);
        const QJsonObject branch = r.array().first().toObject();
        for (const char *key : {"name", "commit", "merged", "protected", "default",
                                "developers_can_push", "developers_can_merge", "web_url"})
            QVERIFY2(branch.contains(QLatin1String(key)), key);
        r = m_client->get(QStringLiteral("/projects/1/repository/branches/feature%2Frate-limit"));
        QCOMPARE(r.status, 200);
        r = m_client->get(QStringLiteral("/projects/1/repository/tags?order_by=name&sort=asc"));
        QCOMPARE(r.array().first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("v2.3.0"));
    }

    void offsetPagination()
    {
        Reply r =
            m_client->get(QStringLiteral("/projects/1/pipelines?per_page=10&page=2&ref=main"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 10);
        QCOMPARE(r.header("X-Page"), QByteArray("2"));
        QCOMPARE(r.header("X-Per-Page"), QByteArray("10"));
        QCOMPARE(r.header("X-Prev-Page"), QByteArray("1"));
        QCOMPARE(r.header("X-Next-Page"), QByteArray("3"));
        const int total = r.header("X-Total").toInt();
        QVERIFY(total > 20);
        QCOMPARE(r.header("X-Total-Pages").toInt(), (total + 9) / 10);
        const QByteArray link = r.header("Link");
        QVERIFY(link.contains("page=1&per_page=10>; rel=\"prev\""));
        QVERIFY(link.contains("page=3&per_page=10>; rel=\"next\""));
        QVERIFY(link.contains("rel=\"first\""));
        QVERIFY(link.contains("rel=\"last\""));
        QVERIFY(link.contains("ref=main")); // the other query parameters are kept

        // Follow X-Next-Page to the end: every pipeline exactly once, newest first.
        QList<int> ids;
        QByteArray next = "1";
        while (!next.isEmpty()) {
            r = m_client->get(QStringLiteral("/projects/1/pipelines?per_page=7&page=") +
                              QString::fromLatin1(next));
            for (const QJsonValue &v : r.array())
                ids.append(v.toObject().value(QStringLiteral("id")).toInt());
            next = r.header("X-Next-Page"); // empty on the last page
        }
        QCOMPARE(ids.size(), r.header("X-Total").toInt());
        QVERIFY(std::is_sorted(ids.rbegin(), ids.rend()));

        r = m_client->get(QStringLiteral("/projects/1/pipelines?per_page=1000"));
        QCOMPARE(r.header("X-Per-Page"), QByteArray("100"));
        r = m_client->get(QStringLiteral("/projects/1/pipelines"));
        QCOMPARE(r.header("X-Per-Page"), QByteArray("20"));
        QCOMPARE(r.header("X-Prev-Page"), QByteArray());
    }

    void pipelineFilters()
    {
        Reply r = m_client->get(QStringLiteral("/projects/1/pipelines?status=failed&per_page=100"));
        QVERIFY(r.array().size() >= 2);
        for (const QJsonValue &v : r.array())
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("failed"));
        r = m_client->get(QStringLiteral("/projects/1/pipelines?source=trigger&per_page=100"));
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue &v : r.array())
            QCOMPARE(v.toObject().value(QStringLiteral("source")).toString(),
                     QStringLiteral("trigger"));
        r = m_client->get(QStringLiteral("/projects/1/pipelines?username=alice&per_page=100"));
        QVERIFY(!r.array().isEmpty());
        r = m_client->get(QStringLiteral("/projects/1/pipelines?order_by=id&sort=asc&per_page=1"));
        QCOMPARE(r.array().first().toObject().value(QStringLiteral("id")).toInt(), 100);
        r = m_client->get(QStringLiteral("/projects/1/pipelines?status=nonsense"));
        QCOMPARE(r.status, 400);
        // Child pipelines only with source=parent_pipeline.
        r = m_client->get(QStringLiteral("/projects/1/pipelines?source=parent_pipeline"));
        QCOMPARE(r.array().size(), 1);

        // Every status the demo promises.
        QSet<QString> statuses;
        r = m_client->get(QStringLiteral("/projects/1/pipelines?per_page=100"));
        for (const QJsonValue &v : r.array())
            statuses.insert(v.toObject().value(QStringLiteral("status")).toString());
        for (const char *s :
             {"success", "failed", "canceled", "skipped", "manual", "running", "pending", "created",
              "scheduled", "waiting_for_resource", "preparing"})
            QVERIFY2(statuses.contains(QLatin1String(s)), s);

        r = m_client->get(QStringLiteral("/projects/1/pipelines/%1").arg(demo::kFailedPipelineId));
        const QJsonObject p = r.object();
        QCOMPARE(p.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(p.value(QStringLiteral("detailed_status"))
                     .toObject()
                     .value(QStringLiteral("group"))
                     .toString(),
                 QStringLiteral("failed"));
        QVERIFY(p.value(QStringLiteral("duration")).isDouble());
        QCOMPARE(
            p.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(),
            QStringLiteral("alice"));
        QCOMPARE(
            m_client->get(QStringLiteral("/projects/2/pipelines/%1").arg(demo::kFailedPipelineId))
                .status,
            404);
    }

    void jobShapesAndScopes()
    {
        Reply r = m_client->get(
            QStringLiteral("/projects/1/pipelines/%1/jobs").arg(demo::kFailedPipelineId));
        QCOMPARE(r.status, 200);
        QJsonObject failed;
        for (const QJsonValue &v : r.array()) {
            const QJsonObject job = v.toObject();
            for (const char *key : {"id",          "status",
                                    "stage",       "name",
                                    "ref",         "tag",
                                    "coverage",    "allow_failure",
                                    "created_at",  "started_at",
                                    "finished_at", "erased_at",
                                    "duration",    "queued_duration",
                                    "user",        "commit",
                                    "pipeline",    "web_url",
                                    "artifacts",   "artifacts_expire_at",
                                    "tag_list",    "runner",
                                    "project",     "archived"})
                QVERIFY2(job.contains(QLatin1String(key)), key);
            QCOMPARE(job.contains(QStringLiteral("failure_reason")),
                     job.value(QStringLiteral("status")).toString() == QLatin1String("failed"));
            if (job.value(QStringLiteral("id")).toInt() == demo::kFailedJobId)
                failed = job;
        }
        QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QStringLiteral("failure_reason")).toString(),
                 QStringLiteral("script_failure"));
        QCOMPARE(
            failed.value(QStringLiteral("pipeline")).toObject().value(QStringLiteral("id")).toInt(),
            int(demo::kFailedPipelineId));
        const QString title = failed.value(QStringLiteral("commit"))
                                  .toObject()
                                  .value(QStringLiteral("title"))
                                  .toString();
        QCOMPARE(title, QStringLiteral("WIP: token bucket per route"));
        QVERIFY(failed.value(QStringLiteral("web_url"))
                    .toString()
                    .endsWith(
                        QStringLiteral("/platform/api-gateway/-/jobs/%1").arg(demo::kFailedJobId)));

        r = m_client->get(
            QStringLiteral("/projects/1/jobs?scope[]=failed&scope[]=canceled&per_page=100"));
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue &v : r.array()) {
            const QString s = v.toObject().value(QStringLiteral("status")).toString();
            QVERIFY2(s == QLatin1String("failed") || s == QLatin1String("canceled"), qPrintable(s));
        }
        r = m_client->get(QStringLiteral("/projects/1/jobs?scope=manual"));
        QVERIFY(!r.array().isEmpty());
        r = m_client->get(QStringLiteral("/projects/1/jobs?scope[]=bogus"));
        QCOMPARE(r.status, 400);
        // Grape's values check answers before GitLab's own filter_builds message.
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("scope does not have a valid value"));
        // jobs.rb coerces Rack's hash form to its values; pipeline jobs do not.
        r = m_client->get(QStringLiteral("/projects/1/jobs?scope[0]=manual&per_page=100"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue &v : r.array())
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("manual"));
        QCOMPARE(m_client
                     ->get(QStringLiteral("/projects/1/pipelines/%1/jobs?scope[0]=manual")
                               .arg(demo::kManualPipelineId))
                     .status,
                 400);

        // Bridges are not jobs: not in /jobs lists, 404 as a job, listed under /bridges.
        QCOMPARE(m_client->get(QStringLiteral("/projects/1/jobs/%1").arg(demo::kChildBridgeJobId))
                     .status,
                 404);
        r = m_client->get(
            QStringLiteral("/projects/1/pipelines/%1/bridges").arg(demo::kBridgePipelineId));
        QCOMPARE(r.array().size(), 2);
        QHash<QString, QJsonObject> downstream;
        for (const QJsonValue &v : r.array())
            downstream.insert(v.toObject().value(QStringLiteral("name")).toString(),
                              v.toObject().value(QStringLiteral("downstream_pipeline")).toObject());
        QCOMPARE(downstream.value(QStringLiteral("trigger-docs"))
                     .value(QStringLiteral("project_id"))
                     .toInt(),
                 int(demo::kDemoProjectId));
        QCOMPARE(
            downstream.value(QStringLiteral("deploy")).value(QStringLiteral("project_id")).toInt(),
            int(demo::kDeployToolsProjectId));
        QCOMPARE(
            downstream.value(QStringLiteral("deploy")).value(QStringLiteral("source")).toString(),
            QStringLiteral("pipeline"));
        const int childId =
            downstream.value(QStringLiteral("trigger-docs")).value(QStringLiteral("id")).toInt();
        r = m_client->get(QStringLiteral("/projects/1/pipelines/%1/jobs").arg(childId));
        QCOMPARE(r.array().size(), 2);
        r = m_client->get(
            QStringLiteral("/projects/1/pipelines/%1/jobs").arg(demo::kBridgePipelineId));
        QCOMPARE(r.array().size(), 1); // only "compile": bridges are not included
    }

    void bigPipelineAcrossChildren()
    {
        Reply r = m_client->get(
            QStringLiteral("/projects/5/pipelines/%1/bridges").arg(demo::kBigPipelineId));
        QCOMPARE(r.array().size(), 4);
        int total =
            m_client->get(QStringLiteral("/projects/5/pipelines/%1/jobs").arg(demo::kBigPipelineId))
                .header("X-Total")
                .toInt();
        for (const QJsonValue &v : r.array()) {
            const int child = v.toObject()
                                  .value(QStringLiteral("downstream_pipeline"))
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toInt();
            total +=
                m_client->get(QStringLiteral("/projects/5/pipelines/%1/jobs?per_page=1").arg(child))
                    .header("X-Total")
                    .toInt();
        }
        QCOMPARE(total, demo::kBigPipelineJobCount);
    }

    void projectJobsKeysetAndNoTotals()
    {
        Reply r = m_client->get(QStringLiteral("/projects/1/jobs?per_page=50&page=2"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.hasHeader("X-Total"));
        QVERIFY(!r.hasHeader("X-Total-Pages"));
        QVERIFY(!r.header("Link").contains("rel=\"last\""));
        QCOMPARE(r.header("X-Next-Page"), QByteArray("3"));

        QList<int> offsetIds;
        for (int page = 1;; ++page) {
            r = m_client->get(QStringLiteral("/projects/1/jobs?per_page=100&page=%1").arg(page));
            for (const QJsonValue &v : r.array())
                offsetIds.append(v.toObject().value(QStringLiteral("id")).toInt());
            if (r.header("X-Next-Page").isEmpty())
                break;
        }
        QList<int> keysetIds;
        QString next =
            QStringLiteral("/projects/1/jobs?pagination=keyset&per_page=40&order_by=id&sort=desc");
        int pages = 0;
        while (!next.isEmpty()) {
            r = m_client->get(next);
            QCOMPARE(r.status, 200);
            QVERIFY(!r.hasHeader("X-Total"));
            for (const QJsonValue &v : r.array())
                keysetIds.append(v.toObject().value(QStringLiteral("id")).toInt());
            next.clear();
            const QByteArray link = r.header("Link");
            if (!link.isEmpty()) {
                QVERIFY(link.endsWith("rel=\"next\""));
                QVERIFY(link.contains("cursor="));
                // GitLab's cursor is padded URL-safe base64, '=' escaped as %3D in the link.
                const QByteArray cursor = QByteArray::fromPercentEncoding(
                    link.mid(link.indexOf("cursor=") + 7).split('&').first().split('>').first());
                QCOMPARE(cursor.size() % 4, 0);
                QVERIFY(!link.contains("=="));
                const QUrl url(QString::fromUtf8(link.mid(1, link.indexOf('>') - 1)));
                next = url.path().mid(7) + QLatin1Char('?') + url.query(QUrl::FullyEncoded);
            }
            ++pages;
        }
        QVERIFY(pages > 2);
        QCOMPARE(keysetIds, offsetIds);
        QVERIFY(std::is_sorted(keysetIds.rbegin(), keysetIds.rend()));
        QCOMPARE(m_client->get(QStringLiteral("/projects/1/jobs?pagination=keyset&order_by=name"))
                     .status,
                 405);
    }

    void etagAndNotModified()
    {
        const QString path =
            QStringLiteral("/projects/1/pipelines/%1").arg(demo::kFailedPipelineId);
        Reply r = m_client->get(path);
        const QByteArray etag = r.header("ETag");
        QVERIFY(etag.startsWith("W/\""));
        QCOMPARE(etag.size(), 3 + 32 + 1);
        QCOMPARE(r.header("Cache-Control"), QByteArray("max-age=0, private, must-revalidate"));
        r = m_client->get(path, {{"If-None-Match", etag}});
        QCOMPARE(r.status, 304);
        QVERIFY(r.body.isEmpty());
        r = m_client->get(path, {{"If-None-Match", "W/\"0123456789abcdef0123456789abcdef\""}});
        QCOMPARE(r.status, 200);
        const qsizetype fullSize = r.body.size();
        r = m_client->send("HEAD", path, {}, {});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("Content-Length").toLongLong(), qint64(fullSize));
        QCOMPARE(r.header("ETag"), etag);

        // The trace of a running job: 304 while nothing was appended, 200 with the old bytes as a
        // prefix once the job wrote more.
        const QString trace = QStringLiteral("/projects/1/jobs/%1/trace").arg(demo::kRunningJobId);
        r = m_client->get(trace);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
        const QByteArray first = r.body;
        const QByteArray traceEtag = r.header("ETag");
        QVERIFY(!first.isEmpty());
        QCOMPARE(m_client->get(trace, {{"If-None-Match", traceEtag}}).status, 304);
        m_server->advance(120);
        r = m_client->get(trace, {{"If-None-Match", traceEtag}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.size() > first.size());
        QVERIFY(r.body.startsWith(first));
        QVERIFY(r.header("ETag") != traceEtag);
    }

    // What the demo offers a token manager: a token whose owner was blocked (flagged, and
    // refused when used), another user's token about to expire, and a project where demo is a
    // Developer, for whom the trigger-token routes are 403.
    void demoTriggerTokensForTheManager()
    {
        Reply r =
            m_client->get(QStringLiteral("/projects/%1/triggers").arg(demo::kDeployToolsProjectId));
        QCOMPARE(r.status, 200);
        QString blockedDescription;
        bool expiring = false;
        for (const QJsonValue &v : r.array()) {
            const QJsonObject t = v.toObject();
            const QJsonObject owner = t.value(QStringLiteral("owner")).toObject();
            if (owner.value(QStringLiteral("state")).toString() == QLatin1String("blocked")) {
                blockedDescription = t.value(QStringLiteral("description")).toString();
                QCOMPARE(t.value(QStringLiteral("token")).toString().size(), 4);
            }
            if (!t.value(QStringLiteral("expires_at")).isNull())
                expiring = owner.value(QStringLiteral("username")).toString() == u"alice";
        }
        QCOMPARE(blockedDescription, QStringLiteral("Legacy release hook (Jenkins)"));
        QVERIFY(expiring);

        const Trigger *orphan = nullptr;
        for (const Trigger *t : m_server->world().triggersOfProject(demo::kDeployToolsProjectId))
            if (t->description == blockedDescription)
                orphan = t;
        QVERIFY(orphan);
        const auto pipelinesBefore =
            m_server->world().pipelinesOfProject(demo::kDeployToolsProjectId).size();
        Client anonymous(m_server->baseUrl(), QString());
        r = anonymous.postJson(
            QStringLiteral("/projects/%1/trigger/pipeline").arg(demo::kDeployToolsProjectId),
            {{QStringLiteral("token"), orphan->token},
             {QStringLiteral("ref"), QStringLiteral("main")}});
        QCOMPARE(r.status, 404);
        QCOMPARE(m_server->world().pipelinesOfProject(demo::kDeployToolsProjectId).size(),
                 pipelinesBefore);

        r = m_client->get(QStringLiteral("/projects/%1/triggers").arg(demo::kSharedCiProjectId));
        QCOMPARE(r.status, 403);
        r = m_client->get(QStringLiteral("/projects/%1").arg(demo::kSharedCiProjectId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object()
                     .value(QStringLiteral("permissions"))
                     .toObject()
                     .value(QStringLiteral("project_access"))
                     .toObject()
                     .value(QStringLiteral("access_level"))
                     .toInt(),
                 30); // Developer
    }

    void triggerTokens()
    {
        Reply r = m_client->get(QStringLiteral("/projects/1/triggers"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 2);
        QHash<QString, QString> tokens;
        for (const QJsonValue &v : r.array())
            tokens.insert(v.toObject()
                              .value(QStringLiteral("owner"))
                              .toObject()
                              .value(QStringLiteral("username"))
                              .toString(),
                          v.toObject().value(QStringLiteral("token")).toString());
        QVERIFY(tokens.value(QStringLiteral("demo")).size() > 20); // own token in full
        QCOMPARE(tokens.value(QStringLiteral("alice")).size(), 4); // somebody else's: 4 characters
        Client alice(m_server->baseUrl(), kAliceToken);
        r = alice.get(QStringLiteral("/projects/1/triggers"));
        for (const QJsonValue &v : r.array()) {
            const bool mine = v.toObject()
                                  .value(QStringLiteral("owner"))
                                  .toObject()
                                  .value(QStringLiteral("username"))
                                  .toString() == QLatin1String("alice");
            QCOMPARE(v.toObject().value(QStringLiteral("token")).toString().size() > 4, mine);
        }
        Client reader(m_server->baseUrl(), kReaderToken);
        QCOMPARE(reader.get(QStringLiteral("/projects/1/triggers")).status, 403);

        r = m_client->postJson(
            QStringLiteral("/projects/1/triggers"),
            {{QStringLiteral("description"), QStringLiteral("CI from Pipedeck ✨")}});
        QCOMPARE(r.status, 201);
        const int id = r.object().value(QStringLiteral("id")).toInt();
        const QString full = r.object().value(QStringLiteral("token")).toString();
        QVERIFY(full.startsWith(QLatin1String("glptt-")));
        QCOMPARE(alice.get(QStringLiteral("/projects/1/triggers/%1").arg(id))
                     .object()
                     .value(QStringLiteral("token"))
                     .toString(),
                 full.left(4));
        r = m_client->send("PUT", QStringLiteral("/projects/1/triggers/%1").arg(id),
                           "description=renamed", "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("description")).toString(),
                 QStringLiteral("renamed"));
        QCOMPARE(m_client->postJson(QStringLiteral("/projects/1/triggers")).status, 400);

        // Trigger with the token alone (no PAT), JSON variables.
        Client anonymous(m_server->baseUrl(), QString());
        r = anonymous.postJson(
            QStringLiteral("/projects/1/trigger/pipeline"),
            {{QStringLiteral("token"), full},
             {QStringLiteral("ref"), QStringLiteral("main")},
             {QStringLiteral("variables"),
              QJsonObject{{QStringLiteral("DEPLOY_TARGET"), QStringLiteral("staging")},
                          {QStringLiteral("NOTE"), QStringLiteral("日本語 ✅")}}}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("source")).toString(), QStringLiteral("trigger"));
        const int pipelineId = r.object().value(QStringLiteral("id")).toInt();
        r = m_client->get(QStringLiteral("/projects/1/pipelines/%1/variables").arg(pipelineId));
        QCOMPARE(r.array().size(), 2);
        QSet<QString> seen;
        for (const QJsonValue &v : r.array())
            seen.insert(v.toObject().value(QStringLiteral("key")).toString() + QLatin1Char('=') +
                        v.toObject().value(QStringLiteral("value")).toString());
        QVERIFY(seen.contains(QStringLiteral("NOTE=日本語 ✅")));
        QVERIFY(!m_client->get(QStringLiteral("/projects/1/triggers/%1").arg(id))
                     .object()
                     .value(QStringLiteral("last_used"))
                     .isNull());

        // Form fields variables[KEY]=value.
        r = anonymous.postForm(QStringLiteral("/projects/1/trigger/pipeline"),
                               "token=" + full.toUtf8() +
                                   "&ref=develop&variables%5BUPLOAD%5D=true"
                                   "&variables[MODE]=full%20run");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("ref")).toString(), QStringLiteral("develop"));
        r = m_client->get(QStringLiteral("/projects/1/pipelines/%1/variables")
                              .arg(r.object().value(QStringLiteral("id")).toInt()));
        QCOMPARE(r.array().size(), 2);

        // Wrong token, wrong project, non-string variables, missing ref.
        r = anonymous.postForm(QStringLiteral("/projects/1/trigger/pipeline"),
                               "token=glptt-wrong&ref=main");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("404 Not Found"));
        r = anonymous.postForm(QStringLiteral("/projects/2/trigger/pipeline"),
                               "token=" + full.toUtf8() + "&ref=main");
        QCOMPARE(r.status, 404);
        r = anonymous.postJson(
            QStringLiteral("/projects/1/trigger/pipeline"),
            {{QStringLiteral("token"), full},
             {QStringLiteral("ref"), QStringLiteral("main")},
             {QStringLiteral("variables"), QJsonObject{{QStringLiteral("N"), 3}}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("variables needs to be a map of key-valued strings"));
        r = anonymous.postForm(QStringLiteral("/projects/1/trigger/pipeline"),
                               "token=" + full.toUtf8());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("ref is missing"));

        QCOMPARE(m_client->send("DELETE", QStringLiteral("/projects/1/triggers/%1").arg(id), {}, {})
                     .status,
                 204);
        QCOMPARE(m_client->get(QStringLiteral("/projects/1/triggers/%1").arg(id)).status, 404);
        r = anonymous.postForm(QStringLiteral("/projects/1/trigger/pipeline"),
                               "token=" + full.toUtf8() + "&ref=main");
        QCOMPARE(r.status, 404);
    }

    void createPipelineWithVariables()
    {
        QJsonArray variables{
            QJsonObject{{QStringLiteral("key"), QStringLiteral("A")},
                        {QStringLiteral("value"), QStringLiteral("1")}},
            QJsonObject{{QStringLiteral("key"), QStringLiteral("CONFIG")},
                        {QStringLiteral("value"), QStringLiteral("x: 1\n")},
                        {QStringLiteral("variable_type"), QStringLiteral("file")}}};
        Reply r = m_client->postJson(QStringLiteral("/projects/1/pipeline"),
                                     {{QStringLiteral("ref"), QStringLiteral("main")},
                                      {QStringLiteral("variables"), variables}});
        QCOMPARE(r.status, 201);
        const int id = r.object().value(QStringLiteral("id")).toInt();
        QCOMPARE(r.object().value(QStringLiteral("source")).toString(), QStringLiteral("api"));
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        r = m_client->get(QStringLiteral("/projects/1/pipelines/%1/variables").arg(id));
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(r.array().at(1).toObject().value(QStringLiteral("variable_type")).toString(),
                 QStringLiteral("file"));

        r = m_client->postForm(QStringLiteral("/projects/1/pipeline"),
                               "ref=develop&variables[0][key]=B&variables[0][value]=2"
                               "&variables[0][variable_type]=env_var");
        QCOMPARE(r.status, 201);
        r = m_client->get(QStringLiteral("/projects/1/pipelines/%1/variables")
                              .arg(r.object().value(QStringLiteral("id")).toInt()));
        QCOMPARE(r.array().first().toObject().value(QStringLiteral("key")).toString(),
                 QStringLiteral("B"));

        QCOMPARE(m_client->postJson(QStringLiteral("/projects/1/pipeline"))
                     .object()
                     .value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("ref is missing"));
        r = m_client->postJson(QStringLiteral("/projects/1/pipeline"),
                               {{QStringLiteral("ref"), QStringLiteral("nope")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object()
                     .value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("base"))
                     .toArray()
                     .first()
                     .toString(),
                 QStringLiteral("Reference not found"));
        r = m_client->postJson(
            QStringLiteral("/projects/1/pipeline"),
            {{QStringLiteral("ref"), QStringLiteral("main")},
             {QStringLiteral("variables"),
              QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("A")},
                                     {QStringLiteral("value"), QStringLiteral("1")},
                                     {QStringLiteral("variable_type"), QStringLiteral("bad")}}}}});
        QCOMPARE(r.status, 400);

        // The new pipeline runs its jobs in simulated time.
        m_server->advance(3600);
        r = m_client->get(QStringLiteral("/projects/1/pipelines/%1").arg(id));
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    }

    void pipelineActions()
    {
        Reply r = m_client->postJson(
            QStringLiteral("/projects/1/pipelines/%1/retry").arg(demo::kFailedPipelineId));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        r = m_client->postJson(
            QStringLiteral("/projects/1/pipelines/%1/cancel").arg(demo::kFailedPipelineId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("canceled"));
        Client yamada(m_server->baseUrl(), kAliceToken); // a maintainer, not the owner
        QCOMPARE(yamada
                     .send("DELETE",
                           QStringLiteral("/projects/1/pipelines/%1").arg(demo::kFailedPipelineId),
                           {}, {})
                     .status,
                 403);
        QCOMPARE(m_client
                     ->send("DELETE",
                            QStringLiteral("/projects/1/pipelines/%1").arg(demo::kFailedPipelineId),
                            {}, {})
                     .status,
                 204);
        QCOMPARE(
            m_client->get(QStringLiteral("/projects/1/pipelines/%1").arg(demo::kFailedPipelineId))
                .status,
            404);
        QCOMPARE(
            m_client->get(QStringLiteral("/projects/1/jobs/%1").arg(demo::kFailedJobId)).status,
            404);
    }

    void garbageRequests()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("THIS IS NOT HTTP\r\n\r\n");
        // The server runs in this thread: wait with the event loop running, not blocking.
        QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() > 0, 5000);
        const QByteArray answer = socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);

        QTcpSocket huge;
        huge.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(huge.waitForConnected(5000));
        huge.write("GET /api/v4/version HTTP/1.1\r\nX-Big: " + QByteArray(200 * 1024, 'a'));
        QTRY_VERIFY_WITH_TIMEOUT(huge.bytesAvailable() > 0, 5000);
        QVERIFY(huge.readAll().startsWith("HTTP/1.1 431"));

        QTcpSocket chunked;
        chunked.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(chunked.waitForConnected(5000));
        chunked.write(
            "POST /api/v4/projects/1/triggers HTTP/1.1\r\nHost: x\r\nPRIVATE-TOKEN: " +
            kDemoToken.toUtf8() +
            "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Transfer-Encoding: chunked\r\n\r\n6\r\ndescri\r\na\r\nption=chnk\r\n0\r\n\r\n"
            "GET /api/v4/version HTTP/1.1\r\nPRIVATE-TOKEN: " +
            kDemoToken.toUtf8() + "\r\n\r\n");
        QByteArray both;
        for (int i = 0; i < 50 && both.count("HTTP/1.1 ") < 2; ++i) {
            QTest::qWait(50);
            both += chunked.readAll();
        }
        QVERIFY2(both.startsWith("HTTP/1.1 201"), both.left(200).constData());
        QVERIFY(both.contains("\"description\":\"chnk\""));
        QCOMPARE(both.count("HTTP/1.1 200"), 1); // the pipelined request on the same connection

        // The server still works.
        QCOMPARE(m_client->get(QStringLiteral("/version")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSimApi)
#include "tst_sim_api.moc"
