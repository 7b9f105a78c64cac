// pipedeck-sim: the GitLab simulator as a program, for tests and for other GitLab clients.
#include "sim/server.h"
#include "sim/world.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace pipedeck::sim;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pipedeck-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIPEDECK_VERSION));

    // Command-line help is developer tooling, not part of the translated user interface.
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A GitLab REST API v4 simulator on loopback, serving demo data."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (0 = any free port)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token"),
        QStringLiteral("Personal access token (api scope) of the demo user."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption readerOption(
        QStringLiteral("reader-token"),
        QStringLiteral("Optional read_api token of the user \"reader\"."), QStringLiteral("TOKEN"));
    const QCommandLineOption aliceOption(
        QStringLiteral("alice-token"), QStringLiteral("Optional api token of the user \"alice\"."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed for the demo data and timing."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
                                         QStringLiteral("Simulated seconds per wall-clock second."),
                                         QStringLiteral("F"), QStringLiteral("1"));
    const QCommandLineOption noBigLogOption(
        QStringLiteral("no-big-log"),
        QStringLiteral("Serve a normal log instead of the 50 MB one."));
    const QCommandLineOption oldTriggerJobsOption(
        QStringLiteral("no-trigger-job-actions"),
        QStringLiteral("Answer 404 to retrying or playing a trigger job, as GitLab before 17.1."));
    const QCommandLineOption noInputsOption(
        QStringLiteral("no-pipeline-inputs"),
        QStringLiteral("Ignore `inputs` on POST /projects/:id/pipeline, as GitLab before 17.10."));
    const QCommandLineOption manyBranchesOption(
        QStringLiteral("many-branches"),
        QStringLiteral("Give platform/deploy-tools 10,000 more branches (ref-picker benchmark)."));
    parser.addOptions({portOption, tokenOption, readerOption, aliceOption, seedOption, speedOption,
                       noBigLogOption, oldTriggerJobsOption, noInputsOption, manyBranchesOption});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "pipedeck-sim: --port must be a number from 0 to 65535\n";
        return 2;
    }
    const QString token = parser.value(tokenOption);
    if (token.isEmpty()) {
        err << "pipedeck-sim: --token is required\n";
        return 2;
    }
    ServerOptions options;
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        err << "pipedeck-sim: --seed must be a non-negative number\n";
        return 2;
    }
    options.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || options.speed <= 0) {
        err << "pipedeck-sim: --speed must be a positive number\n";
        return 2;
    }
    options.bigLog = !parser.isSet(noBigLogOption);
    options.triggerJobActions = !parser.isSet(oldTriggerJobsOption);
    options.pipelineInputs = !parser.isSet(noInputsOption);
    options.manyBranches = parser.isSet(manyBranchesOption);
    options.tokens.append(TokenGrant{token, QStringLiteral("demo"), {QStringLiteral("api")}, {}});
    if (parser.isSet(readerOption))
        options.tokens.append(TokenGrant{parser.value(readerOption),
                                         QStringLiteral("reader"),
                                         {QStringLiteral("read_api")},
                                         {}});
    if (parser.isSet(aliceOption))
        options.tokens.append(TokenGrant{
            parser.value(aliceOption), QStringLiteral("alice"), {QStringLiteral("api")}, {}});

    Server server(options);
    if (!server.listen(QHostAddress::LocalHost, quint16(port))) {
        err << "pipedeck-sim: cannot listen on 127.0.0.1:" << port << '\n';
        return 1;
    }
    // One line per request: method, path (never the query, which may carry a token), status.
    QObject::connect(&server, &Server::requestHandled, &app, [](const RecordedRequest &request) {
        QByteArray path = request.target;
        if (const qsizetype q = path.indexOf('?'); q >= 0)
            path.truncate(q);
        const QByteArray line =
            request.method + ' ' + path + ' ' + QByteArray::number(request.status) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    });
    const QByteArray ready = "pipedeck-sim listening on " + server.baseUrl().toEncoded() + '\n';
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stderr);
    std::fflush(stderr);
    return app.exec();
}
