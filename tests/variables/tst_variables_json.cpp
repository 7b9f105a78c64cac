// GitLab's JSON array format: export, import, round trip, and sensitive rows left out.
#include "variables/variables_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pipedeck::variables;
using namespace Qt::StringLiterals;
using pipedeck::gitlab::VariableType;

class TestVariablesJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const QList<VariableRow> rows{
            {VariableType::EnvVar, u"DEPLOY_ENV"_s, u"production"_s, false},
            {VariableType::File, u"CA_CERT"_s, u"-----BEGIN-----\nabc\n-----END-----\n"_s, false},
            {VariableType::EnvVar, u"GREETING"_s, u"\u3053\u3093\u306B\u3061\u306F \"q\""_s, false},
            {VariableType::EnvVar, u"EMPTY"_s, QString(), false},
        };
        const ExportResult exported = exportVariablesJson(rows);
        QCOMPARE(exported.sensitiveLeftOut, 0);
        const PasteResult imported = importVariablesJson(exported.json);
        QVERIFY(imported.recognised);
        QVERIFY(imported.problems.isEmpty());
        QCOMPARE(imported.rows, rows);
    }

    void exportIsGitLabsFormat()
    {
        const ExportResult exported =
            exportVariablesJson({{VariableType::File, u"CERT"_s, u"pem"_s, false},
                                 {VariableType::EnvVar, u"A"_s, u"1"_s, false}});
        const QJsonArray array = QJsonDocument::fromJson(exported.json).array();
        QCOMPARE(array.size(), 2);
        const QJsonObject first = array.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{u"key"_s, u"value"_s, u"variable_type"_s}));
        QCOMPARE(first.value("key"_L1).toString(), u"CERT"_s);
        QCOMPARE(first.value("value"_L1).toString(), u"pem"_s);
        QCOMPARE(first.value("variable_type"_L1).toString(), u"file"_s);
        QCOMPARE(array.at(1).toObject().value("variable_type"_L1).toString(), u"env_var"_s);
    }

    void sensitiveRowsLeftOutAndCounted()
    {
        const QList<VariableRow> rows{
            {VariableType::EnvVar, u"PUBLIC"_s, u"visible"_s, false},
            {VariableType::EnvVar, u"TOKEN"_s, u"s3cr3t-value"_s, true},
            {VariableType::File, u"KEY_FILE"_s, u"private-key-body"_s, true},
        };
        const ExportResult exported = exportVariablesJson(rows);
        QCOMPARE(exported.sensitiveLeftOut, 2);
        QVERIFY(!exported.json.contains("s3cr3t-value"));
        QVERIFY(!exported.json.contains("private-key-body"));
        QVERIFY2(!exported.json.contains("TOKEN"), "the row is left out entirely, key too");
        QCOMPARE(importVariablesJson(exported.json).rows, rows.first(1));
    }

    void blankRowsNotExported()
    {
        const ExportResult exported =
            exportVariablesJson({VariableRow{}, {VariableType::EnvVar, u"A"_s, u"1"_s, false}});
        QCOMPARE(QJsonDocument::fromJson(exported.json).array().size(), 1);
        QCOMPARE(exported.sensitiveLeftOut, 0);
    }

    void importRefusesWhatIsNotAnArray_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("object") << QByteArray(R"({"key":"A","value":"1"})");
        QTest::newRow("truncated") << QByteArray(R"([{"key":"A")");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("A=1");
    }

    void importRefusesWhatIsNotAnArray()
    {
        QFETCH(QByteArray, json);
        const PasteResult imported = importVariablesJson(json);
        QVERIFY(!imported.recognised);
        QVERIFY(imported.rows.isEmpty());
        QCOMPARE(imported.problems.size(), 1);
    }

    void importReadsGlabOutput()
    {
        // glab variable export: masked, protected, raw, environment_scope, description.
        const QByteArray glab = R"([
          {"key":"A","value":"1","variable_type":"env_var","protected":false,"masked":true,
           "raw":true,"environment_scope":"*","description":null},
          {"key":"F","value":"x","variable_type":"file","protected":true,"masked":false,
           "raw":false,"environment_scope":"prod","description":"cert"}
        ])";
        const PasteResult imported = importVariablesJson(glab);
        QVERIFY(imported.problems.isEmpty());
        QCOMPARE(imported.rows, (QList<VariableRow>{{VariableType::EnvVar, u"A"_s, u"1"_s, false},
                                                    {VariableType::File, u"F"_s, u"x"_s, false}}));
    }
};

QTEST_GUILESS_MAIN(TestVariablesJson)
#include "tst_variables_json.moc"
