// The pure rules of the network layer: Retry-After, backoff, Link/pagination headers,
// origins, reply classification and Status texts.
#include "gitlab/net/http_headers.h"
#include "gitlab/net/origin.h"
#include "gitlab/net/pagination.h"
#include "gitlab/net/reply_classifier.h"
#include "gitlab/net/retry_policy.h"
#include "gitlab/net/status.h"

#include <QTest>

using namespace pipedeck::gitlab;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kNow = 1'700'000'000'000; // 2023-11-14T22:13:20Z
constexpr qint64 kHour = 3'600'000;

HttpHeaders headers(std::initializer_list<std::pair<QByteArray, QByteArray>> items)
{
    HttpHeaders h;
    for (const auto &item : items)
        h.items.append(item);
    return h;
}
} // namespace

class TestGitlabNetRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1: unreadable
        QTest::newRow("seconds") << QByteArray("7") << qint64(7000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 12 ") << qint64(12000);
        QTest::newRow("huge clamped") << QByteArray("999999") << kHour;
        QTest::newRow("absurd clamped") << QByteArray("99999999999999999999999") << kHour;
        QTest::newRow("http-date") << QByteArray("Tue, 14 Nov 2023 22:13:50 GMT") << qint64(30000);
        QTest::newRow("http-date past") << QByteArray("Tue, 14 Nov 2023 22:00:00 GMT") << qint64(0);
        QTest::newRow("http-date far") << QByteArray("Fri, 01 Jan 2100 00:00:00 GMT") << kHour;
        QTest::newRow("garbage") << QByteArray("soon-ish") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const auto parsed = parseRetryAfterMs(value, kNow, kHour);
        QCOMPARE(parsed.value_or(-1), expected);
    }

    void backoffIsCappedFullJitter()
    {
        RetryPolicy policy;
        policy.baseDelayMs = 1000;
        policy.maxDelayMs = 10'000;
        // With r -> 1 the delay approaches the ceiling min(cap, base * 2^(n-1)).
        const auto top = [] { return 0.999999; };
        QCOMPARE(backoffDelayMs(policy, 1, top), 999);
        QCOMPARE(backoffDelayMs(policy, 2, top), 1999);
        QCOMPARE(backoffDelayMs(policy, 4, top), 7999);
        QCOMPARE(backoffDelayMs(policy, 5, top), 9999);  // capped
        QCOMPARE(backoffDelayMs(policy, 40, top), 9999); // no overflow
        QCOMPARE(backoffDelayMs(policy, 3, [] { return 0.0; }), 0);
        QCOMPARE(backoffDelayMs(policy, 3, [] { return 0.5; }), 2000);
        for (int attempt = 1; attempt < 8; ++attempt) {
            for (double r : {0.0, 0.1, 0.37, 0.9}) {
                const qint64 delay = backoffDelayMs(policy, attempt, [r] { return r; });
                QVERIFY(delay >= 0);
                QVERIFY(delay <= std::min<qint64>(10'000, 1000LL << (attempt - 1)));
            }
        }
    }

    void linkHeader()
    {
        const QByteArray value =
            R"(<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=1&per_page=3>; rel="prev", )"
            R"(<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=3&per_page=3>; rel="next", )"
            R"(<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=1&per_page=3>; rel="first", )"
            R"(<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=3&per_page=3>; rel="last")";
        const auto links = parseLinkHeader(value);
        QCOMPARE(links.size(), 4);
        QCOMPARE(links.value(u"next"_s).query(), u"page=3&per_page=3"_s);
        const auto keyset = parseLinkHeader(
            R"(<http://127.0.0.1:5000/api/v4/projects/1/jobs?cursor=eyJpZCI6IjQyIn0%3D&order_by=id&pagination=keyset&per_page=100&sort=desc>; rel="next")");
        QVERIFY(keyset.value(u"next"_s)
                    .query(QUrl::FullyEncoded)
                    .contains("cursor=eyJpZCI6IjQyIn0%3D"_L1));
        QVERIFY(parseLinkHeader("garbage, <unterminated").isEmpty());
        QVERIFY(parseLinkHeader("").isEmpty());
        const auto relative = parseLinkHeader(R"(</api/v4/x?page=2>; rel=next)",
                                              QUrl(u"https://h.example/api/v4/x"_s));
        QCOMPARE(relative.value(u"next"_s), QUrl(u"https://h.example/api/v4/x?page=2"_s));
    }

    void pageInfo()
    {
        const QUrl url(u"https://h.example/api/v4/projects/1/pipelines"_s);
        PageInfo info = pageInfoFromHeaders(headers({{"X-Page", "2"},
                                                     {"X-Per-Page", "100"},
                                                     {"X-Next-Page", "3"},
                                                     {"X-Total-Pages", "5"},
                                                     {"X-Total", "480"}}),
                                            url);
        QCOMPARE(info.page, 2);
        QCOMPARE(info.nextPage, 3);
        QCOMPARE(info.totalPages, 5);
        QCOMPARE(info.total, 480);
        QVERIFY(info.hasNext());
        // Last page: X-Next-Page is empty; totals absent (project jobs, > 10,000 rows).
        info = pageInfoFromHeaders(headers({{"x-page", "7"}, {"x-next-page", ""}}), url);
        QCOMPARE(info.nextPage, 0);
        QCOMPARE(info.totalPages, -1);
        QCOMPARE(info.total, -1);
        QVERIFY(!info.hasNext());
        // A page number beyond int is nonsense, not page 2 (4294967298 wrapped round).
        info = pageInfoFromHeaders(headers({{"X-Next-Page", "4294967298"},
                                            {"X-Total-Pages", "99999999999"},
                                            {"X-Total", "99999999999"}}),
                                   url);
        QCOMPARE(info.nextPage, 0);
        QVERIFY(!info.hasNext());
        QCOMPARE(info.totalPages, -1);
        QCOMPARE(info.total, Q_INT64_C(99999999999));
    }

    void origins()
    {
        const QUrl base(u"https://gitlab.example.com/api/v4"_s);
        QVERIFY(isSameOrigin(base, QUrl(u"https://GITLAB.example.com:443/other"_s)));
        QVERIFY(!isSameOrigin(base, QUrl(u"http://gitlab.example.com/api/v4"_s)));
        QVERIFY(!isSameOrigin(base, QUrl(u"https://gitlab.example.com:8443/api/v4"_s)));
        QVERIFY(!isSameOrigin(base, QUrl(u"https://evil.example/api/v4"_s)));
        QVERIFY(!isSameOrigin(base, QUrl()));
        QCOMPARE(sanitizedOrigin(QUrl(
                     u"https://user:pw@new.example:8443/api/v4/x?private_token=glpat-abc#f"_s)),
                 u"https://new.example:8443"_s);
        QVERIFY(isLoopbackHost(QUrl(u"http://127.0.0.1:1234"_s)));
        QVERIFY(isLoopbackHost(QUrl(u"http://localhost"_s)));
        QVERIFY(isLoopbackHost(QUrl(u"http://[::1]:80"_s)));
        QVERIFY(!isLoopbackHost(QUrl(u"http://gitlab.invalid"_s)));
    }

    void classify_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("contentLength");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("isAction");
        QTest::addColumn<bool>("deadline");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("transient");

        const QByteArray json = "application/json";
        using E = QNetworkReply;
        QTest::newRow("200") << int(E::NoError) << 200 << json << QByteArray() << QByteArray("{}")
                             << false << false << int(Status::Success) << false;
        QTest::newRow("304") << int(E::NoError) << 304 << json << QByteArray() << QByteArray()
                             << false << false << int(Status::Success) << false;
        QTest::newRow("401") << int(E::AuthenticationRequiredError) << 401 << json << QByteArray()
                             << QByteArray(R"({"message":"401 Unauthorized"})") << false << false
                             << int(Status::Unauthorized) << false;
        QTest::newRow("403") << int(E::ContentAccessDenied) << 403 << json << QByteArray()
                             << QByteArray() << true << false << int(Status::Forbidden) << false;
        QTest::newRow("404") << int(E::ContentNotFoundError) << 404 << json << QByteArray()
                             << QByteArray() << false << false << int(Status::NotFound) << false;
        QTest::newRow("429") << int(E::UnknownContentError) << 429 << QByteArray("text/plain")
                             << QByteArray() << QByteArray("Retry later") << false << false
                             << int(Status::TooManyRequests) << true;
        QTest::newRow("503") << int(E::ServiceUnavailableError) << 503 << json << QByteArray()
                             << QByteArray() << false << false << int(Status::ServerError) << true;
        QTest::newRow("501 not transient")
            << int(E::OperationNotImplementedError) << 501 << json << QByteArray() << QByteArray()
            << false << false << int(Status::ServerError) << false;
        QTest::newRow("302") << int(E::NoError) << 302 << QByteArray() << QByteArray()
                             << QByteArray() << false << false << int(Status::Redirected) << false;
        QTest::newRow("html 200") << int(E::NoError) << 200
                                  << QByteArray("text/html; charset=utf-8") << QByteArray()
                                  << QByteArray("<html>") << false << false << int(Status::BadReply)
                                  << false;
        QTest::newRow("html 200 action")
            << int(E::NoError) << 200 << QByteArray("text/html") << QByteArray()
            << QByteArray("<html>") << true << false << int(Status::OutcomeUnknown) << false;
        QTest::newRow("cut short GET")
            << int(E::RemoteHostClosedError) << 200 << json << QByteArray("100") << QByteArray("[{")
            << false << false << int(Status::BadReply) << true;
        QTest::newRow("cut short action")
            << int(E::RemoteHostClosedError) << 201 << json << QByteArray("100") << QByteArray("{")
            << true << false << int(Status::OutcomeUnknown) << true;
        QTest::newRow("short body no error")
            << int(E::NoError) << 200 << json << QByteArray("100") << QByteArray("[]") << false
            << false << int(Status::BadReply) << true;
        QTest::newRow("closed, no reply, GET")
            << int(E::RemoteHostClosedError) << 0 << QByteArray() << QByteArray() << QByteArray()
            << false << false << int(Status::NetworkError) << true;
        QTest::newRow("closed, no reply, POST")
            << int(E::RemoteHostClosedError) << 0 << QByteArray() << QByteArray() << QByteArray()
            << true << false << int(Status::OutcomeUnknown) << true;
        QTest::newRow("refused, POST")
            << int(E::ConnectionRefusedError) << 0 << QByteArray() << QByteArray() << QByteArray()
            << true << false << int(Status::NetworkError) << true;
        QTest::newRow("status 0 no error POST")
            << int(E::NoError) << 0 << QByteArray() << QByteArray() << QByteArray() << true << false
            << int(Status::OutcomeUnknown) << true;
        QTest::newRow("transfer timeout")
            << int(E::OperationCanceledError) << 0 << QByteArray() << QByteArray() << QByteArray()
            << false << false << int(Status::Timeout) << true;
        QTest::newRow("deadline") << int(E::OperationCanceledError) << 200 << json << QByteArray()
                                  << QByteArray("[") << false << true << int(Status::Timeout)
                                  << true;
        QTest::newRow("deadline action")
            << int(E::OperationCanceledError) << 0 << QByteArray() << QByteArray() << QByteArray()
            << true << true << int(Status::OutcomeUnknown) << true;
        QTest::newRow("tls") << int(E::SslHandshakeFailedError) << 0 << QByteArray() << QByteArray()
                             << QByteArray() << false << false << int(Status::TlsError) << false;
    }
    void classify()
    {
        QFETCH(int, error);
        QFETCH(int, http);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, contentLength);
        QFETCH(QByteArray, body);
        QFETCH(bool, isAction);
        QFETCH(bool, deadline);
        QFETCH(int, code);
        QFETCH(bool, transient);
        ReplyFacts facts;
        facts.error = QNetworkReply::NetworkError(error);
        facts.httpStatus = http;
        if (!contentType.isEmpty())
            facts.headers.items.append({"Content-Type", contentType});
        if (!contentLength.isEmpty())
            facts.headers.items.append({"Content-Length", contentLength});
        if (http == 302)
            facts.headers.items.append(
                {QByteArray("Location"),
                 QByteArray("https://other.example:444/login?token=glpat-secretsecret")});
        facts.body = body;
        facts.isAction = isAction;
        facts.deadlineHit = deadline;
        facts.requestUrl = QUrl(u"https://gitlab.example.com/api/v4/x"_s);
        const ReplyClassification result = classifyReply(facts);
        QCOMPARE(Status::codeName(result.status.code()), Status::codeName(Status::Code(code)));
        QCOMPARE(result.transient, transient);
        if (http == 302)
            QCOMPARE(result.status.origin(), u"https://other.example:444"_s);
    }

    void callerAbortIsCanceledNotTimeout()
    {
        ReplyFacts facts;
        facts.error = QNetworkReply::OperationCanceledError;
        facts.canceledByCaller = true;
        QCOMPARE(classifyReply(facts).status.code(), Status::Canceled);
    }

    void userTexts()
    {
        for (int code = Status::Success; code <= Status::Canceled; ++code) {
            Status status(Status::Code(code), 500, u"server said glpat-AbCdEfGhIjKlMnOpQrSt"_s);
            status.setOrigin(u"https://moved.example"_s);
            const QString text = status.userText();
            QVERIFY2(!text.isEmpty(), qPrintable(Status::codeName(Status::Code(code))));
            QVERIFY2(!text.contains(u"AbCdEfGhIjKlMnOpQrSt"_s), qPrintable(text));
        }
        Status moved(Status::Redirected, 301);
        moved.setOrigin(u"https://moved.example"_s);
        QVERIFY(moved.userText().contains(u"https://moved.example"_s));
        Status forbidden = Status::fromHttpStatus(403, u"403 Forbidden - Job is not erasable!"_s);
        QCOMPARE(forbidden.code(), Status::Forbidden);
        QVERIFY(forbidden.userText().contains(u"Job is not erasable!"_s));
        QVERIFY(Status(Status::OutcomeUnknown).needsReconcile());
        QVERIFY(!Status(Status::Timeout).needsReconcile());
        QCOMPARE(Status::fromHttpStatus(422).code(), Status::BadRequest);
        QCOMPARE(Status::fromHttpStatus(409).code(), Status::Conflict);
        QCOMPARE(Status::fromHttpStatus(418).code(), Status::ClientError);
        QCOMPARE(Status::fromHttpStatus(502).code(), Status::ServerError);
    }
};

QTEST_GUILESS_MAIN(TestGitlabNetRules)
#include "tst_gitlab_net_rules.moc"
