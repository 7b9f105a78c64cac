// DraftStore on real files: kill -9 of the writer, a half-written temporary file, and the
// bytes of the draft file (no sensitive value).
#include "presets/draft_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <thread>

using namespace pipedeck;
using namespace pipedeck::presets;
using namespace Qt::StringLiterals;

namespace {

constexpr auto childDirVariable = "PIPEDECK_DRAFTS_CHILD_DIR";
constexpr auto childModeVariable = "PIPEDECK_DRAFTS_CHILD_MODE";

QString testKey()
{
    return DraftStore::playKey(QUrl(u"https://gitlab.example.com"_s), u"jdoe"_s, 42, u"deploy"_s);
}

Draft draftWith(const QString &ref, const QString &secret = {})
{
    Draft draft;
    draft.ref = ref;
    draft.rows = {{gitlab::VariableType::EnvVar, u"TARGET"_s, u"production"_s, false},
                  {gitlab::VariableType::File, u"CONFIG"_s, u"a=1\nb=2"_s, false}};
    if (!secret.isEmpty())
        draft.rows.append({gitlab::VariableType::EnvVar, u"API_TOKEN"_s, secret, true});
    draft.extra = QJsonObject{{u"inputs"_s, QJsonObject{{u"replicas"_s, 3}}}};
    return draft;
}

void waitForever()
{
    fflush(stdout);
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

// "save": saves a draft and waits to be killed. "half": saves a good draft, then starts the
// next write through QSaveFile, writes half of it and waits to be killed before commit().
int runChild(const QString &directory, const QByteArray &mode)
{
    DraftStore drafts(directory);
    if (!drafts.save(testKey(), draftWith(u"release/1.0"_s)))
        return 3;
    if (mode == "half") {
        QSaveFile next(drafts.filePath(testKey()));
        next.setDirectWriteFallback(false);
        if (!next.open(QIODevice::WriteOnly))
            return 4;
        next.write("{\"format\":\"pipedeck-draft\",\"version\":1,\"key\":\"");
        next.flush();
        fprintf(stdout, "half\n");
        waitForever();
    }
    fprintf(stdout, "saved\n");
    waitForever();
    return 0;
}

QByteArray runChildUntil(const QString &directory, const QByteArray &mode)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(childDirVariable), directory);
    env.insert(QString::fromLatin1(childModeVariable), QString::fromLatin1(mode));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForStarted())
        return {};
    QByteArray out;
    (void)QTest::qWaitFor(
        [&] {
            child.waitForReadyRead(100);
            out += child.readAllStandardOutput();
            return out.contains('\n') || child.state() == QProcess::NotRunning;
        },
        30000);
    child.kill(); // SIGKILL
    child.waitForFinished(10000);
    return out.trimmed();
}

} // namespace

class DraftsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void keysAndDefaultDirectory()
    {
        QCOMPARE(testKey(), u"play/https://gitlab.example.com/jdoe/42/deploy"_s);
        QCOMPARE(DraftStore::runKey(QUrl(u"https://gitlab.example.com/"_s), u"jdoe"_s, 42),
                 u"run/https://gitlab.example.com/jdoe/42"_s);
        QVERIFY(DraftStore::defaultDirectory().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        DraftStore drafts(m_dir.filePath(u"names"_s));
        const QString name = QFileInfo(drafts.filePath(testKey())).fileName();
        QVERIFY(name.endsWith(u".json"_s));
        QCOMPARE(name.size(), 64 + 5); // SHA-256 hex
        QVERIFY(drafts.filePath(testKey()) != drafts.filePath(testKey() + u'x'));
    }

    void saveLoadDiscard()
    {
        DraftStore drafts(m_dir.filePath(u"roundtrip"_s));
        QVERIFY(!drafts.load(testKey()));
        QVERIFY(drafts.save(testKey(), draftWith(u"main"_s)));
        const auto loaded = drafts.load(testKey());
        QVERIFY(loaded);
        QCOMPARE(loaded->ref, u"main"_s);
        QCOMPARE(loaded->rows, draftWith(u"main"_s).rows);
        QCOMPARE(loaded->extra, draftWith(u"main"_s).extra);
        QVERIFY(loaded->savedAt.isValid());
        QVERIFY(
            !drafts.load(DraftStore::runKey(QUrl(u"https://gitlab.example.com"_s), u"jdoe"_s, 42)));
        QVERIFY(drafts.discard(testKey()));
        QVERIFY(!drafts.load(testKey()));
        QVERIFY(drafts.discard(testKey())); // nothing there: still true
    }

    void sensitiveValueNeverInTheFile()
    {
        DraftStore drafts(m_dir.filePath(u"sensitive"_s));
        const QString secret = u"s3cr3t-"_s + QUuid::createUuid().toString(QUuid::Id128);
        QVERIFY(drafts.save(testKey(), draftWith(u"main"_s, secret)));
        QFile file(drafts.filePath(testKey()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("production")); // the grep sees values at all
        QVERIFY(bytes.contains("API_TOKEN"));
        QVERIFY(!bytes.contains(secret.toUtf8()));
        const auto loaded = drafts.load(testKey());
        QVERIFY(loaded);
        QCOMPARE(loaded->rows.size(), 3);
        QCOMPARE(loaded->rows.at(2).key, u"API_TOKEN"_s);
        QVERIFY(loaded->rows.at(2).sensitive);
        QVERIFY(loaded->rows.at(2).value.isEmpty());
        // And nothing else in the folder holds it (no temporary file left behind).
        const QStringList names = QDir(drafts.directory()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(names.size(), 1);
    }

    void draftSurvivesSigkillOfTheWriter()
    {
        const QString directory = m_dir.filePath(u"killed"_s);
        QCOMPARE(runChildUntil(directory, "save"), QByteArray("saved"));
        const auto loaded = DraftStore(directory).load(testKey());
        QVERIFY(loaded);
        QCOMPARE(loaded->ref, u"release/1.0"_s);
        QCOMPARE(loaded->rows, draftWith({}).rows);
    }

    void halfWrittenTempFileNeverReplacesAGoodDraft()
    {
        const QString directory = m_dir.filePath(u"half"_s);
        QCOMPARE(runChildUntil(directory, "half"), QByteArray("half"));
        DraftStore drafts(directory);
        const auto loaded = drafts.load(testKey());
        QVERIFY(loaded);
        QCOMPARE(loaded->ref, u"release/1.0"_s);
        // The killed write's temporary file may be left over; the next save still works and
        // replaces the good draft only when complete.
        QVERIFY(drafts.save(testKey(), draftWith(u"next"_s)));
        QCOMPARE(drafts.load(testKey())->ref, u"next"_s);
    }

    void damagedOrForeignFileIsNotADraft()
    {
        DraftStore drafts(m_dir.filePath(u"damaged"_s));
        QVERIFY(drafts.save(testKey(), draftWith(u"main"_s)));
        {
            QFile file(drafts.filePath(testKey()));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("{\"format\":\"pipedeck-draft\",\"ke");
        }
        QVERIFY(!drafts.load(testKey()));
        // A file whose key is another one (hash collision, hand-copied file) is not used.
        const QString other = testKey() + u"-other"_s;
        QVERIFY(drafts.save(other, draftWith(u"other"_s)));
        QVERIFY(QFile::remove(drafts.filePath(testKey())));
        QVERIFY(QFile::copy(drafts.filePath(other), drafts.filePath(testKey())));
        QVERIFY(!drafts.load(testKey()));
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString directory = qEnvironmentVariable(childDirVariable); !directory.isEmpty())
        return runChild(directory, qgetenv(childModeVariable));
    DraftsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_drafts.moc"
