// The HTTP request parser and Rack-style parameter parsing, fed bytes directly.
#include "sim/http_parser.h"
#include "sim/request_params.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace pipedeck::sim;

class TestSimHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSplitAnywhere()
    {
        const QByteArray wire =
            "POST /api/v4/x?a=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
            "GET /y HTTP/1.1\r\nConnection: close\r\n\r\n";
        for (qsizetype split = 1; split < wire.size(); ++split) {
            HttpRequestParser parser;
            parser.feed(wire.left(split));
            QList<HttpRequest> got;
            auto drain = [&] {
                while (parser.parse() == HttpRequestParser::State::Complete)
                    got.append(parser.request());
            };
            drain();
            parser.feed(wire.mid(split));
            drain();
            QCOMPARE(got.size(), 2);
            QCOMPARE(got[0].method, QByteArray("POST"));
            QCOMPARE(got[0].path(), QByteArray("/api/v4/x"));
            QCOMPARE(got[0].query(), QByteArray("a=1"));
            QCOMPARE(got[0].body, QByteArray("hello"));
            QVERIFY(got[0].keepAlive());
            QVERIFY(!got[1].keepAlive());
        }
    }

    void headEndsAtItsFirstEmptyLine()
    {
        // Found by fuzz_sim_http_parser: a head ended by a bare LF LF was cut at a later
        // CRLF CRLF when the next request had arrived too, so the result depended on how the
        // bytes came in.
        const QByteArray bytes = "GET /a HTTP/1.1\nHost: x\n\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n";
        HttpRequestParser together;
        together.feed(bytes);
        QCOMPARE(together.parse(), HttpRequestParser::State::Complete);
        QCOMPARE(together.request().target, QByteArray("/a"));
        QCOMPARE(together.request().headers.size(), 1);
        QCOMPARE(together.parse(), HttpRequestParser::State::Complete);
        QCOMPARE(together.request().target, QByteArray("/b"));
        QCOMPARE(together.buffered(), 0);
    }

    void chunkedBody()
    {
        HttpRequestParser parser;
        parser.feed("POST / HTTP/1.1\r\nTransfer-Encoding: "
                    "chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n");
        QCOMPARE(parser.parse(), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().body, QByteArray("abcde"));
    }

    void rejectsGarbage_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("not http") << QByteArray("hello world\r\n\r\n") << 400;
        QTest::newRow("no slash") << QByteArray("GET x HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("http2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("bad length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -4\r\n\r\n") << 400;
        QTest::newRow("too long body")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n") << 413;
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nno colon here\r\n\r\n") << 400;
        QTest::newRow("gzip te") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << 501;
        QTest::newRow("bad chunk")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        // A chunk size that overflows when added to what came before must not slip past the cap.
        QTest::newRow("overflowing chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
                          "7fffffffffffffff\r\n")
            << 413;
        QTest::newRow("huge head")
            << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'x')) << 431;
    }
    void rejectsGarbage()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestParser parser;
        parser.feed(wire);
        QCOMPARE(parser.parse(), HttpRequestParser::State::Error);
        QCOMPARE(parser.errorStatus(), status);
        QCOMPARE(parser.buffered(), 0); // nothing is kept after an error
    }

    void randomBytesNeverCrash()
    {
        // Whatever arrives, the parser answers within its limits: a request it took whole
        // (consuming bytes), a known error status with nothing kept, or a wish for more that
        // holds no more than it was given.
        const QList<int> knownErrors{400, 413, 431, 501, 505};
        QRandomGenerator rng(42);
        int errors = 0, completes = 0;
        for (int round = 0; round < 2000; ++round) {
            QByteArray bytes(int(rng.bounded(300)), Qt::Uninitialized);
            for (char &c : bytes)
                c = char(rng.bounded(256));
            if (round % 2)
                bytes.prepend("GET / HTTP/1.1\r\n");
            if (round % 4 == 1) // a complete head: a request, then garbage after it
                bytes.insert(int(sizeof("GET / HTTP/1.1\r\n")) - 1, "Host: x\r\n\r\n");
            if (round % 2 == 0) // a head made of garbage, ended as a head ends
                bytes.append("\r\n\r\n");
            HttpRequestParser parser;
            parser.feed(bytes);
            for (int i = 0; i < 4; ++i) {
                const qsizetype before = parser.buffered();
                const HttpRequestParser::State state = parser.parse();
                if (state == HttpRequestParser::State::Complete) {
                    ++completes;
                    QVERIFY(!parser.request().method.isEmpty());
                    QVERIFY2(parser.buffered() < before, "a complete request consumed nothing");
                    continue;
                }
                if (state == HttpRequestParser::State::Error) {
                    ++errors;
                    QVERIFY2(knownErrors.contains(parser.errorStatus()),
                             QByteArray::number(parser.errorStatus()).constData());
                    QCOMPARE(parser.buffered(), 0);
                } else {
                    QVERIFY(parser.buffered() <= bytes.size());
                    QVERIFY(parser.buffered() <= HttpRequestParser::kMaxHeaderBytes);
                }
                break;
            }
        }
        // The rounds reached both ends: garbage refused, and requests taken from it.
        QVERIFY(errors > 100);
        QVERIFY(completes > 100);
    }

    void rackParams()
    {
        QString error;
        auto params = RequestParams::parse(
            "scope[]=failed&scope[]=running&variables[KEY]=v%201&per_page=5",
            "application/x-www-form-urlencoded",
            "job_variables_attributes[][key]=A&job_variables_attributes[][value]=1"
            "&job_variables_attributes[][key]=B&job_variables_attributes[][value]=2"
            "&pv[0][key]=X&pv[0][value]=y+z",
            &error);
        QVERIFY(params);
        QCOMPARE(params->stringList(QStringLiteral("scope")),
                 (QStringList{QStringLiteral("failed"), QStringLiteral("running")}));
        QCOMPARE(params->value(QStringLiteral("variables"))
                     .toObject()
                     .value(QStringLiteral("KEY"))
                     .toString(),
                 QStringLiteral("v 1"));
        QCOMPARE(params->integer(QStringLiteral("per_page")), std::optional<qint64>(5));
        const QJsonArray attributes =
            params->value(QStringLiteral("job_variables_attributes")).toArray();
        QCOMPARE(attributes.size(), 2);
        QCOMPARE(attributes[1].toObject().value(QStringLiteral("key")).toString(),
                 QStringLiteral("B"));
        QCOMPARE(attributes[1].toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("2"));
        QCOMPARE(params->value(QStringLiteral("pv"))
                     .toObject()
                     .value(QStringLiteral("0"))
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("y z"));

        QVERIFY(!RequestParams::parse({}, "application/json", "{not json", &error));
        QVERIFY(!error.isEmpty());
        params =
            RequestParams::parse("a=1", "application/json", "{\"b\":[1,2],\"a\":\"2\"}", &error);
        QVERIFY(params);
        QCOMPARE(params->string(QStringLiteral("a")), QStringLiteral("2")); // the body wins
    }
};

QTEST_GUILESS_MAIN(TestSimHttp)
#include "tst_sim_http.moc"
