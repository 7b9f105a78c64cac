#include "secrets/redaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <vector>

using namespace pipedeck;
using namespace Qt::StringLiterals;

namespace {

QStringList capturedMessages;
QtMessageHandler testHandlerPrevious = nullptr;

void capturingHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedMessages.append(message);
}

} // namespace

class RedactionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        // Tests register values; none must leak into the next test.
        for (const QString &secret : std::as_const(m_registered))
            unregisterSecret(secret);
        m_registered.clear();
        QCOMPARE(registeredSecretCount(), 0);
    }

    void masksEveryGitLabPrefix_data()
    {
        QTest::addColumn<QString>("prefix");
        for (const char *prefix :
             {"glpat-", "glptt-", "gldt-", "glrt-", "glcbt-", "gloas-", "glsoat-", "glft-",
              "glimt-", "glagent-", "glffct-", "GR1348941"})
            QTest::newRow(prefix) << QString::fromLatin1(prefix);
    }

    void masksEveryGitLabPrefix()
    {
        QFETCH(QString, prefix);
        const QString body = u"Xy9_zQ-7kLmN0pQrStUv"_s;
        const QString line = u"request failed with token "_s + prefix + body + u" at step 3"_s;
        const QString masked = redactSecrets(line);
        QVERIFY2(!masked.contains(body), qPrintable(masked));
        QCOMPARE(masked,
                 u"request failed with token "_s + prefix + redactedMarker + u" at step 3"_s);
        // The byte variant agrees.
        QCOMPARE(redactSecrets(line.toUtf8()), masked.toUtf8());
    }

    void masksRoutableTokensWithDotsButKeepsFullStop()
    {
        const QString token = u"glpat-AbCdEf0123456789xyzw.01.120abcdef"_s;
        QCOMPARE(redactSecrets(u"token "_s + token + u"."_s), u"token glpat-[redacted]."_s);
    }

    void masksTokensInsideUrlsAndJson()
    {
        const QString token = u"glptt-0a1b2c3d4e5f6a7b8c9d"_s;
        QUrl url(u"https://gitlab.example.com/api/v4/projects/1/trigger/pipeline"_s);
        url.setQuery(u"token="_s + token + u"&ref=main"_s);
        const QString error =
            u"Error transferring "_s + url.toString() + u" - server replied: Not Found"_s;
        const QString masked = redactSecrets(error);
        QVERIFY2(!masked.contains(u"0a1b2c3d4e5f"_s), qPrintable(masked));
        QVERIFY(masked.contains(u"token=glptt-[redacted]&ref=main"_s));

        const QByteArray json =
            QJsonDocument(QJsonObject{{u"token"_s, token}, {u"ref"_s, u"main"_s}})
                .toJson(QJsonDocument::Compact);
        const QByteArray maskedJson = redactSecrets(json);
        QVERIFY2(!maskedJson.contains("0a1b2c3d4e5f"), maskedJson.constData());
        QVERIFY(maskedJson.contains("\"ref\":\"main\""));
    }

    void masksAdjacentAndOverlappingCandidates()
    {
        QCOMPARE(redactSecrets(u"glglpat-abcdef123456,glrt-zzzzzz GR1348941GR1348941xyz"_s),
                 u"glglpat-[redacted],glrt-[redacted] GR1348941[redacted]"_s);
        QCOMPARE(redactSecrets(QByteArray("a=glpat-abc&b=gldt-def")),
                 QByteArray("a=glpat-[redacted]&b=gldt-[redacted]"));
    }

    void leavesOrdinaryTextAlone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("prose") << u"The pipeline glpat- failed; see gldt- docs."_s;
        QTest::newRow("word") << u"glob glpa glpatx GR134894 gR1348941abc"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("japanese") << u"パイプライン 成功 ✅"_s;
    }

    void leavesOrdinaryTextAlone()
    {
        QFETCH(QString, text);
        QCOMPARE(redactSecrets(text), text);
    }

    void masksRegisteredSecretInEveryEncoding()
    {
        // A custom token with no GitLab prefix and characters that URL and JSON encode.
        const QString secret = u"my s3cret/tok+en\"x"_s;
        QVERIFY(registerSecret(secret));
        m_registered << secret;

        QCOMPARE(redactSecrets(u"raw: "_s + secret), u"raw: [redacted]"_s);
        const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        QCOMPARE(redactSecrets(u"q?token="_s + percent), u"q?token=[redacted]"_s);
        QCOMPARE(redactSecrets(u"q?token="_s + percent.toLower()), u"q?token=[redacted]"_s);

        QUrlQuery query;
        query.addQueryItem(u"token"_s, secret);
        QUrl url(u"https://h.example/x"_s);
        url.setQuery(query);
        const QString viaQUrl = url.toString(QUrl::FullyEncoded);
        QVERIFY2(!redactSecrets(viaQUrl).contains(u"s3cret"_s), qPrintable(redactSecrets(viaQUrl)));
        QVERIFY2(!redactSecrets(url.toString()).contains(u"s3cret"_s),
                 qPrintable(redactSecrets(url.toString())));

        QString form = QString::fromLatin1(QUrl::toPercentEncoding(secret, " "));
        form.replace(u' ', u'+');
        QCOMPARE(redactSecrets(u"token="_s + form), u"token=[redacted]"_s);

        const QByteArray json =
            QJsonDocument(QJsonObject{{u"value"_s, secret}}).toJson(QJsonDocument::Compact);
        QCOMPARE(redactSecrets(json), QByteArray(R"({"value":"[redacted]"})"));
    }

    void masksNonAsciiSecretInEscapedForms()
    {
        const QString secret = u"pässwort-42"_s;
        QVERIFY(registerSecret(secret));
        m_registered << secret;
        for (const QString &form : {u"p%C3%A4sswort-42"_s, u"p%c3%a4sswort-42"_s,
                                    u"p\\u00e4sswort-42"_s, u"p\\u00E4sswort-42"_s}) {
            QCOMPARE(redactSecrets(u"<"_s + form + u">"_s), u"<[redacted]>"_s);
            QCOMPARE(redactSecrets((u"<"_s + form + u">"_s).toUtf8()), QByteArray("<[redacted]>"));
        }
        QCOMPARE(redactSecrets(secret.toUtf8()), QByteArray(redactedMarker.data()));
        QCOMPARE(redactSecrets(u"passwort-42"_s), u"passwort-42"_s);
    }

    void unregisterStopsMaskingAndCountsRegistrations()
    {
        const QString secret = u"trigger-value-42"_s;
        QVERIFY(registerSecret(secret));
        QVERIFY(registerSecret(secret));
        unregisterSecret(secret);
        QCOMPARE(redactSecrets(secret), QString(redactedMarker));
        unregisterSecret(secret);
        QCOMPARE(redactSecrets(secret), secret);
    }

    void refusesTooShortValues()
    {
        QVERIFY(!registerSecret(u"abc"_s));
        QCOMPARE(registeredSecretCount(), 0);
        QCOMPARE(redactSecrets(u"abc abc"_s), u"abc abc"_s);
    }

    void messageHandlerMasksEveryLine()
    {
        const QString secret = u"custom-9f8e7d6c5b4a"_s;
        QVERIFY(registerSecret(secret));
        m_registered << secret;

        capturedMessages.clear();
        testHandlerPrevious = qInstallMessageHandler(capturingHandler);
        installRedactingMessageHandler();
        installRedactingMessageHandler(); // idempotent: must not wrap itself
        qWarning("token %s and %s", "glpat-abcdefghij0123456789", qPrintable(secret));
        qDebug() << "url" << QUrl(u"https://h.example/?t="_s + secret);
        uninstallRedactingMessageHandler();
        qInstallMessageHandler(testHandlerPrevious);

        QCOMPARE(capturedMessages.size(), 2);
        for (const QString &line : std::as_const(capturedMessages)) {
            QVERIFY2(!line.contains(u"abcdefghij0123456789"_s), qPrintable(line));
            QVERIFY2(!line.contains(u"9f8e7d6c5b4a"_s), qPrintable(line));
            QVERIFY2(line.contains(redactedMarker), qPrintable(line));
        }
    }

    void isSafeUnderConcurrentUseAndRegistration()
    {
        // A stable secret whose encoded forms go through the compiled patterns, plus
        // registrations coming and going while two threads redact.
        const QString stable = u"stable secret/with+specials"_s;
        QVERIFY(registerSecret(stable));
        m_registered << stable;
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(stable));
        const QString base = u"concurrent-secret-"_s;
        std::vector<QFuture<int>> readers;
        for (int t = 0; t < 2; ++t) {
            readers.push_back(QtConcurrent::run([encoded] {
                int leaks = 0;
                for (int i = 0; i < 20000; ++i) {
                    const QString line =
                        u"x glpat-zzzzzzzzzzzzzzzzzzzz y ?t="_s + encoded + u" end"_s;
                    const QString masked = redactSecrets(line);
                    if (masked.contains(u"zzzz"_s) || masked.contains(u"specials"_s))
                        ++leaks;
                }
                return leaks;
            }));
        }
        for (int i = 0; i < 200; ++i) {
            const QString transient = base + QString::number(i) + u" /+"_s;
            registerSecret(transient);
            QCOMPARE(redactSecrets(transient), QString(redactedMarker));
            unregisterSecret(transient);
        }
        for (auto &reader : readers)
            QCOMPARE(reader.result(), 0);
    }

private:
    QStringList m_registered;
};

QTEST_GUILESS_MAIN(RedactionTest)
#include "tst_secrets_redaction.moc"
