#pragma once

// A small synchronous HTTP client over QNetworkAccessManager for the simulator's tests: every
// request goes over real loopback HTTP, exactly as the app's requests will.
#include "sim/server.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>

#include <memory>

namespace simtest {

inline const QString kDemoToken = QStringLiteral("sim-test-demo-api");
inline const QString kReaderToken = QStringLiteral("sim-test-reader-read-api");
inline const QString kAliceToken = QStringLiteral("sim-test-alice-api");
inline const QString kExpiredToken = QStringLiteral("sim-test-expired");

inline pipedeck::sim::ServerOptions testOptions(bool demoData = true)
{
    using namespace pipedeck::sim;
    ServerOptions options;
    options.seed = 7;
    options.clockRunning = false;
    options.bigLog = false;
    options.demoData = demoData;
    options.startTime = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    options.tokens = {
        TokenGrant{kDemoToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}},
        TokenGrant{kReaderToken, QStringLiteral("reader"), {QStringLiteral("read_api")}, {}},
        TokenGrant{kAliceToken, QStringLiteral("alice"), {QStringLiteral("api")}, {}},
        TokenGrant{
            kExpiredToken, QStringLiteral("demo"), {QStringLiteral("api")}, QDate(2025, 12, 31)},
    };
    return options;
}

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

class Client
{
public:
    explicit Client(const QUrl &baseUrl, const QString &token = kDemoToken)
        : m_base(baseUrl)
        , m_token(token)
    {}

    void setToken(const QString &token) { m_token = token; }
    void setAuthorization(const QByteArray &header) { m_authHeader = header; }

    Reply get(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", path, {}, {}, headers);
    }
    Reply postJson(const QString &path, const QJsonObject &body = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    "application/json");
    }
    Reply postForm(const QString &path, const QByteArray &body)
    {
        return send("POST", path, body, "application/x-www-form-urlencoded");
    }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body,
               const QByteArray &contentType,
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 0)
    {
        QUrl url = m_base;
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(QStringLiteral("/api/v4") + (q < 0 ? path : path.left(q)), QUrl::TolerantMode);
        if (q >= 0)
            url.setQuery(path.mid(q + 1), QUrl::TolerantMode);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        if (timeoutMs > 0)
            request.setTransferTimeout(timeoutMs);
        if (!m_token.isEmpty() && m_authHeader.isEmpty())
            request.setRawHeader("PRIVATE-TOKEN", m_token.toUtf8());
        if (!m_authHeader.isEmpty())
            request.setRawHeader("Authorization", m_authHeader);
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        for (const auto &[key, value] : headers)
            request.setRawHeader(key, value);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply out;
        out.elapsedMs = timer.elapsed();
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.headers = reply->rawHeaderPairs();
        out.error = reply->isFinished() ? reply->error() : QNetworkReply::TimeoutError;
        reply->abort();
        reply->deleteLater();
        return out;
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    QByteArray m_authHeader;
};

//! Base of test classes whose every test function gets a fresh demo server (testOptions()) and a
//! client with the demo user's token.
class DemoServerTest : public QObject
{
    Q_OBJECT
protected:
    std::unique_ptr<pipedeck::sim::Server> m_server;
    std::unique_ptr<Client> m_client;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<pipedeck::sim::Server>(testOptions());
        QVERIFY(m_server->listen());
        m_client = std::make_unique<Client>(m_server->baseUrl());
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }
};

} // namespace simtest
