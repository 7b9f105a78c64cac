#pragma once
// A gnome-keyring of the test's own that it can lock and unlock, for the keychain failure a
// real Secret Service produces (a locked collection), and the child-process run that gives a
// test one: the test binary runs itself under a private dbus-run-session with a fresh
// gnome-keyring, and private HOME and XDG directories, so nothing touches the shared keyring.
// Link Qt6::DBus.

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtGlobal>

#include <optional>

namespace pipedeck::testing {

inline const QString kLoginCollection = QStringLiteral("/org/freedesktop/secrets/collection/login");
inline constexpr auto kKeyringPasswordVariable = "PIPEDECK_TEST_KEYRING_PASSWORD";

// The Secret Service's item struct (oayays) for gnome-keyring's unlock call.
struct DBusSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

inline QDBusArgument &operator<<(QDBusArgument &argument, const DBusSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

inline const QDBusArgument &operator>>(const QDBusArgument &argument, DBusSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

inline QDBusMessage callSecretService(const QString &path, const QString &interface,
                                      const QString &method, const QList<QVariant> &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
                                                          path, interface, method);
    message.setArguments(arguments);
    return QDBusConnection::sessionBus().call(message, QDBus::Block, 10000);
}

inline std::optional<bool> collectionLocked(const QString &collection = kLoginCollection)
{
    const QDBusMessage reply = callSecretService(
        collection, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"),
        {QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked")});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return std::nullopt;
    return qdbus_cast<QDBusVariant>(reply.arguments().at(0)).variant().toBool();
}

// Empty on success, else the Secret Service's error text.
inline QString lockCollection(const QString &collection = kLoginCollection)
{
    const QDBusMessage reply = callSecretService(
        QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"),
        {QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(collection)})});
    return reply.type() == QDBusMessage::ReplyMessage ? QString() : reply.errorMessage();
}

// gnome-keyring's own unlock-with-password call, over a "plain" Secret Service session, with
// the password the private keyring was started with. Empty on success, else the error text.
inline QString unlockCollection(const QString &collection = kLoginCollection)
{
    qDBusRegisterMetaType<DBusSecret>();
    const QDBusMessage opened = callSecretService(
        QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"),
        {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2)
        return opened.errorMessage();
    const auto session = qdbus_cast<QDBusObjectPath>(opened.arguments().at(1));
    const DBusSecret password{
        session, {}, qgetenv(kKeyringPasswordVariable), QStringLiteral("text/plain")};
    const QDBusMessage unlocked = callSecretService(
        QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"),
        {QVariant::fromValue(QDBusObjectPath(collection)), QVariant::fromValue(password)});
    return unlocked.type() == QDBusMessage::ReplyMessage ? QString() : unlocked.errorMessage();
}

// Items stored by QtKeychain under `service` and `key`, locked ones included; -1 on error.
inline int keychainItemsFor(const QString &service, const QString &key)
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
    const QMap<QString, QString> attributes{{QStringLiteral("server"), service},
                                            {QStringLiteral("user"), key}};
    const QDBusMessage reply =
        callSecretService(QStringLiteral("/org/freedesktop/secrets"),
                          QStringLiteral("org.freedesktop.Secret.Service"),
                          QStringLiteral("SearchItems"), {QVariant::fromValue(attributes)});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return -1;
    const auto unlocked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0));
    const auto locked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
    return static_cast<int>(unlocked.size() + locked.size());
}

// HOME and the XDG directories of a child, inside `root`, private to the user.
inline bool privateHomeIn(const QTemporaryDir &root, QProcessEnvironment &env)
{
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                             "XDG_RUNTIME_DIR", "XDG_STATE_HOME"}) {
        const QString dir = root.filePath(QString::fromLatin1(name).toLower());
        if (!QDir().mkpath(dir))
            return false;
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.insert(QString::fromLatin1(name), dir);
    }
    for (const char *name :
         {"GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    return true;
}

// The program and arguments that run this test binary on a private bus with a fresh, unlocked
// gnome-keyring; the password goes into `env` for unlockCollection().
inline void inPrivateKeyring(QProcessEnvironment &env, QString *program, QStringList *arguments)
{
    env.insert(QString::fromLatin1(kKeyringPasswordVariable), QUuid::createUuid().toString());
    *program = QStringLiteral("dbus-run-session");
    *arguments = {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                  QStringLiteral("eval \"$(printf %s \"$PIPEDECK_TEST_KEYRING_PASSWORD\" | "
                                 "gnome-keyring-daemon --unlock --components=secrets)\" && "
                                 "exec \"$0\""),
                  QCoreApplication::applicationFilePath()};
}

struct ChildRun
{
    bool passed = false; // exited 0, every test function passed, none skipped
    QByteArray output;   // stdout and stderr
};

// Runs `program` and waits (up to `timeoutMs`) for a Qt Test child to pass.
inline ChildRun runTestChild(const QProcessEnvironment &env, const QString &program,
                             const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(program, arguments);
    ChildRun run;
    if (!child.waitForFinished(timeoutMs)) {
        child.kill();
        child.waitForFinished();
    }
    run.output = child.readAllStandardOutput() + child.readAllStandardError();
    run.passed = child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 &&
                 run.output.contains(" 0 failed, 0 skipped") &&
                 !run.output.contains("Totals: 0 passed");
    return run;
}

// Runs this test binary again with `childVariable` set to `scenario`, in a private HOME and
// XDG tree, on a private bus with a fresh gnome-keyring; prints the child's output when it
// fails, for the parent's log.
inline ChildRun runSelfInPrivateKeyring(const char *childVariable, const QString &scenario,
                                        int timeoutMs = 180000)
{
    QTemporaryDir root;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!root.isValid() || !privateHomeIn(root, env))
        return {};
    env.insert(QString::fromLatin1(childVariable), scenario);
    QString program;
    QStringList arguments;
    inPrivateKeyring(env, &program, &arguments);
    ChildRun run = runTestChild(env, program, arguments, timeoutMs);
    if (!run.passed) {
        for (const QByteArray &line : run.output.split('\n'))
            qInfo("child %s: %s", qPrintable(scenario), line.constData());
    }
    return run;
}

} // namespace pipedeck::testing

Q_DECLARE_METATYPE(pipedeck::testing::DBusSecret)
