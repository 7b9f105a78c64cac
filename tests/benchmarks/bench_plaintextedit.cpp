// The peer the viewer replaces: a plain QPlainTextEdit (offscreen) given the
// displayed text of the first N lines of a log.
//   bench_plaintextedit FILE [LINES]
#include "benchutil.h"

#include "log/logengine.h"
#include "log/logexport.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextStream>

using namespace pipedeck::bench;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() < 2)
        return 2;
    const qint64 wanted = args.size() > 2 ? args.at(2).toLongLong() : 1000000;
    QTextStream out(stdout);

    // The text a person sees, built with the engine, then handed over.
    pipedeck::log::LogEngine engine;
    QString error;
    engine.openFile(args.at(1), &error);
    engine.indexAll();
    const qint64 lines = qMin(wanted, engine.lineCount());
    QString text;
    for (qint64 first = 0; first < lines; first += 4096) {
        for (const auto &line : engine.lines(first, qMin<qint64>(4096, lines - first)))
            text += line.text + QLatin1Char('\n');
    }
    const Memory before = memory();
    const qsizetype textBytes = text.size() * 2;

    QPlainTextEdit edit;
    edit.resize(1200, 800);
    QElapsedTimer timer;
    timer.start();
    edit.setPlainText(text);
    edit.show();
    QApplication::processEvents();
    const double loadMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    edit.verticalScrollBar()->setValue(edit.verticalScrollBar()->maximum());
    QApplication::processEvents();
    const double jumpMs = double(timer.nsecsElapsed()) / 1e6;
    text.clear();
    text.squeeze();
    const Memory after = memory();
    const double perLine = double((after.rssKb - before.rssKb) * 1024 + textBytes) / double(lines);
    out << "| QPlainTextEdit, " << lines << " lines | setPlainText + show "
        << QString::number(loadMs, 'f', 0) << " ms; jump to end " << QString::number(jumpMs, 'f', 0)
        << " ms; " << QString::number(perLine, 'f', 0) << " bytes/line (RSS " << after.rssKb / 1024
        << " MB) |\n";
    return 0;
}
