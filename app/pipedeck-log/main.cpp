// pipedeck-log: the log engine on the command line.
//   pipedeck-log render --format text|html|json [--chunk-size N] FILE
//   pipedeck-log stats FILE
#include "core/logging.h"
#include "log/logengine.h"
#include "log/logexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace pipedeck::log;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName() << ": " << message << '\n';
    return 1;
}

// Feeds the file to the engine `chunkSize` bytes at a time, indexing after each
// piece, as a live trace arrives; the log is kept in a cache file.
bool loadInChunks(LogEngine &engine, const QString &path, qint64 chunkSize, QTemporaryDir &cacheDir,
                  QString *error)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("pipedeck-log", "Cannot open %1: %2")
                     .arg(path, input.errorString());
        return false;
    }
    if (!engine.startCache(cacheDir.filePath(QStringLiteral("trace.log")), error))
        return false;
    QByteArray buffer(int(qMin<qint64>(chunkSize, 1 << 24)), Qt::Uninitialized);
    for (;;) {
        qint64 got = 0;
        // Read exactly chunkSize bytes (or what is left), however large.
        qint64 wanted = chunkSize;
        while (wanted > 0) {
            const qint64 n = input.read(buffer.data(), qMin<qint64>(wanted, buffer.size()));
            if (n < 0) {
                *error = QCoreApplication::translate("pipedeck-log", "Cannot read %1: %2")
                             .arg(path, input.errorString());
                return false;
            }
            if (n == 0)
                break;
            if (!engine.append(QByteArrayView(buffer.constData(), n), error))
                return false;
            got += n;
            wanted -= n;
        }
        engine.indexAll();
        if (got < chunkSize)
            break;
    }
    engine.setComplete();
    engine.indexAll();
    return true;
}

int render(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "pipedeck-log", "Renders a GitLab job log as GitLab shows it."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(
        QStringLiteral("format"),
        QCoreApplication::translate("pipedeck-log", "Output format: text, html or json."),
        QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption chunkOption(
        QStringLiteral("chunk-size"),
        QCoreApplication::translate(
            "pipedeck-log", "Feed the log N bytes at a time, as a running job's log arrives."),
        QStringLiteral("N"));
    parser.addOption(formatOption);
    parser.addOption(chunkOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("pipedeck-log", "The raw job log."));
    parser.process(args);

    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QCoreApplication::translate("pipedeck-log", "Give exactly one log file."));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"html" && format != u"json")
        return fail(QCoreApplication::translate("pipedeck-log",
                                                "Unknown format \"%1\": use text, html or json.")
                        .arg(format));

    LogEngine engine;
    QString error;
    QTemporaryDir cacheDir;
    if (parser.isSet(chunkOption)) {
        bool ok = false;
        const qint64 chunkSize = parser.value(chunkOption).toLongLong(&ok);
        if (!ok || chunkSize <= 0)
            return fail(QCoreApplication::translate(
                "pipedeck-log", "--chunk-size needs a positive number of bytes."));
        if (!cacheDir.isValid())
            return fail(QCoreApplication::translate("pipedeck-log",
                                                    "Cannot create a temporary directory: %1")
                            .arg(cacheDir.errorString()));
        if (!loadInChunks(engine, files.front(), chunkSize, cacheDir, &error))
            return fail(error);
    } else {
        if (!engine.openFile(files.front(), &error))
            return fail(error);
        engine.indexAll();
    }

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return fail(
            QCoreApplication::translate("pipedeck-log", "Cannot write to standard output."));
    bool written = false;
    if (format == u"text")
        written = writePlainText(engine, out);
    else if (format == u"html")
        written = writeHtml(engine, out, QFileInfo(files.front()).fileName());
    else
        written = writeJson(engine, out);
    out.flush();
    return written
               ? 0
               : fail(QCoreApplication::translate("pipedeck-log", "Writing the output failed."));
}

int stats(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "pipedeck-log", "Indexes a job log and prints its size and structure."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("pipedeck-log", "The raw job log."));
    parser.process(args);
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QCoreApplication::translate("pipedeck-log", "Give exactly one log file."));

    LogEngine engine;
    QString error;
    QElapsedTimer timer;
    timer.start();
    if (!engine.openFile(files.front(), &error))
        return fail(error);
    engine.indexAll();
    const double indexMs = timer.nsecsElapsed() / 1e6;
    const LogStats s = engine.stats();
    // Fixed keys, one per line, for scripts.
    QTextStream out(stdout);
    out << "bytes: " << s.bytes << '\n'
        << "lines: " << s.lines << '\n'
        << "sections: " << s.sections << '\n'
        << "timestamps: " << (s.timestamps ? "yes" : "no") << '\n'
        << "index_ms: " << QString::number(indexMs, 'f', 1) << '\n'
        << "index_bytes: " << qulonglong(s.indexBytes) << '\n'
        << "index_bytes_per_line: "
        << QString::number(s.lines ? double(s.indexBytes) / double(s.lines) : 0.0, 'f', 2) << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pipedeck-log"));
    QStringList args = QCoreApplication::arguments();
    const QString usage = QCoreApplication::translate(
        "pipedeck-log", "Usage: pipedeck-log render --format text|html|json [--chunk-size N] FILE\n"
                        "       pipedeck-log stats FILE");
    if (args.size() < 2) {
        QTextStream(stderr) << usage << '\n';
        return 2;
    }
    const QString command = args.takeAt(1);
    if (command == u"render")
        return render(args);
    if (command == u"stats")
        return stats(args);
    if (command == u"--help" || command == u"-h") {
        QTextStream(stdout)
            << usage << "\n\n"
            << QCoreApplication::translate(
                   "pipedeck-log",
                   "Renders and measures GitLab CI job logs with the engine of Pipedeck's log "
                   "viewer:\nANSI colours, collapsible sections and runner timestamps as GitLab "
                   "shows them.\n\n"
                   "Commands:\n"
                   "  render   Print FILE as plain text, HTML or JSON lines, as GitLab renders "
                   "it.\n"
                   "  stats    Print FILE's size, lines and sections, and how long indexing "
                   "it took and how much memory.\n\n"
                   "Options:\n"
                   "  --format text|html|json  Output format of render.\n"
                   "  --chunk-size N           Feed the file N bytes at a time, as a live log "
                   "arrives.\n"
                   "  -h, --help               Displays this help.\n"
                   "  -v, --version            Displays version information.")
            << '\n';
        return 0;
    }
    if (command == u"--version" || command == u"-v") {
        QTextStream(stdout) << "pipedeck-log " << PIPEDECK_VERSION << '\n';
        return 0;
    }
    QTextStream(stderr)
        << QCoreApplication::translate("pipedeck-log", "Unknown command \"%1\".").arg(command)
        << '\n'
        << usage << '\n';
    return 2;
}
