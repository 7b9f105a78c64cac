// The log viewer window: opening a saved log through the API and by drag and drop, a clear
// error for a file that cannot be opened, and saving as raw, plain text and HTML.
#include "logview_test_support.h"

#include "log/mapped_pages.h"

#include "logview/log_view.h"
#include "logview/log_viewer.h"
#include "logview/log_viewer_window.h"

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace pipedeck;
using namespace Qt::StringLiterals;

class TestLogViewerWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeSample(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        return lvtest::writeFile(path, bytes) ? path : QString();
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void opensAFileThroughTheApi()
    {
        const auto sample = lvtest::sampleLog(1000);
        const QString path = writeSample(u"job-1234.log"_s, sample.bytes);
        LogViewerWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString error;
        QVERIFY2(window.openFile(path, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        QTRY_COMPARE(window.viewer()->view()->lineCount(), sample.lines);
        QVERIFY(window.windowTitle().contains(u"job-1234.log"_s));
        QCOMPARE(window.filePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(window.viewer()->view()->renderedLines(0, 1).first().text,
                 u"Running with gitlab-runner 17.0.0"_s);
        QVERIFY(window.viewer()->statusLabel()->text().contains(QLocale().toString(sample.lines)));
    }

    void opensAFileFromTheFileMenu()
    {
        const auto sample = lvtest::sampleLog(300);
        const QString path = writeSample(u"from-menu.log"_s, sample.bytes);
        LogViewerWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *open = nullptr;
        const QList<QAction *> menus = window.menuBar()->actions();
        for (QAction *menu : menus) {
            if (!menu->menu())
                continue;
            const QList<QAction *> items = menu->menu()->actions();
            for (QAction *item : items) {
                if (item->shortcut() == QKeySequence(QKeySequence::Open))
                    open = item;
            }
        }
        QVERIFY(open);
        // The file dialog is modal: answer it from a timer.
        bool answered = false;
        QTimer answer;
        answer.setInterval(20);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            auto *name = dialog ? dialog->findChild<QLineEdit *>(u"fileNameEdit"_s) : nullptr;
            if (!name)
                return;
            answer.stop();
            answered = true;
            // Typed, as a person would (selectFile() waits for the directory listing).
            name->setText(path);
            QMetaObject::invokeMethod(dialog, &QDialog::accept);
        });
        answer.start();
        // Never hang on a dialog nobody answers.
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, this, [] {
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        guard.start(10000);
        open->trigger();
        QVERIFY(answered);
        QCOMPARE(window.filePath(), QFileInfo(path).absoluteFilePath());
        QTRY_COMPARE(window.viewer()->view()->lineCount(), sample.lines);
    }

    void opensADroppedFile()
    {
        const auto first = lvtest::sampleLog(10);
        const auto second = lvtest::sampleLog(500);
        LogViewerWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(writeSample(u"first.log"_s, first.bytes)));
        const QString path = writeSample(u"dropped.log"_s, second.bytes);

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(window.filePath(), QFileInfo(path).absoluteFilePath());
        QTRY_COMPARE(window.viewer()->view()->lineCount(), second.lines);

        // Something that is not a local file is refused.
        QMimeData text;
        text.setText(u"hello"_s);
        QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QCoreApplication::sendEvent(&window, &refused);
        QVERIFY(!refused.isAccepted());
    }

    // A search reads all of a big log; once searching has gone idle the window gives the log's
    // pages back (a 64 MiB log must not stay resident).
    void aSearchGivesThePagesBackWhenIdle()
    {
#ifndef Q_OS_LINUX
        QSKIP("reads /proc/self/smaps");
#else
        QByteArray bytes;
        for (int i = 0; bytes.size() < (64 << 20); ++i)
            bytes += "step " + QByteArray::number(i) + " \x1b[32mok\x1b[0m of a long job\n";
        const QString path = writeSample(u"big.log"_s, bytes);
        LogViewerWindow window;
        window.viewer()->setReleaseIdleMs(100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        window.viewer()->document()->waitForIndexed();
        QSignalSpy finished(window.viewer(), &LogViewer::searchFinished);
        window.viewer()->find(
            {u"step 999999 "_s, log::SearchQuery::Kind::Plain, Qt::CaseSensitive});
        QVERIFY(finished.wait(20'000));
        QVERIFY(finished.first().first().toLongLong() > 0);
        QTRY_VERIFY2(log::test::mappedResidentKb(path) < 12 * 1024,
                     qPrintable(QStringLiteral("%1 KiB of the log still mapped")
                                    .arg(log::test::mappedResidentKb(path))));
#endif
    }

    void aFileThatCannotBeOpenedKeepsTheShownLog()
    {
        const auto sample = lvtest::sampleLog(10);
        LogViewerWindow window;
        QVERIFY(window.openFile(writeSample(u"kept.log"_s, sample.bytes)));
        QString error;
        QVERIFY(!window.openFile(m_dir.filePath(u"missing.log"_s), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(window.viewer()->messageLabel()->text(), error);
        QTRY_COMPARE(window.viewer()->view()->lineCount(), sample.lines);
        QVERIFY(window.filePath().endsWith(u"kept.log"_s));
    }

    void savesRawPlainTextAndHtml()
    {
        QByteArray bytes = lvtest::sampleLog(5).bytes;
        bytes += "a <b> & \"c\"\n";
        const QString path = writeSample(u"save-me.log"_s, bytes);
        LogViewerWindow window;
        QVERIFY(window.openFile(path));
        lvtest::settle(*window.document());
        LogViewer *viewer = window.viewer();

        QString error;
        const QString raw = m_dir.filePath(u"out.log"_s);
        QVERIFY2(viewer->saveTo(raw, LogViewer::SaveFormat::Raw, &error), qPrintable(error));
        QCOMPARE(readAll(raw), bytes);

        const QString plain = m_dir.filePath(u"out.txt"_s);
        QCOMPARE(LogViewer::formatForFileName(plain), LogViewer::SaveFormat::PlainText);
        QVERIFY2(viewer->saveTo(plain, LogViewer::SaveFormat::PlainText, &error),
                 qPrintable(error));
        const QByteArray text = readAll(plain);
        QVERIFY(!text.contains('\x1b'));
        QVERIFY(!text.contains("section_start"));
        QVERIFY(text.startsWith("Running with gitlab-runner 17.0.0\nPreparing\nprep one\n"));
        QVERIFY(text.contains("\nERROR: Job failed: exit code 1\n"));
        QVERIFY(text.endsWith("a <b> & \"c\"\n"));

        const QString html = m_dir.filePath(u"out.html"_s);
        QCOMPARE(LogViewer::formatForFileName(html), LogViewer::SaveFormat::Html);
        QVERIFY2(viewer->saveTo(html, LogViewer::SaveFormat::Html, &error), qPrintable(error));
        const QByteArray page = readAll(html);
        QVERIFY(page.contains("<html"));
        QVERIFY(page.contains("a &lt;b&gt; &amp;"));
        QVERIFY(!page.contains("a <b>"));
        QVERIFY(page.contains("<details"));
        QVERIFY(!page.contains('\x1b'));

        // A folder that does not exist: a clear error, nothing written.
        QVERIFY(!viewer->saveTo(m_dir.filePath(u"no/such/dir/x.txt"_s),
                                LogViewer::SaveFormat::PlainText, &error));
        QVERIFY(error.contains(u"x.txt"_s));
    }
};

QTEST_MAIN(TestLogViewerWindow)
#include "tst_log_viewer_window.moc"
