// The log view and viewer offscreen: painting only what is on screen, folding by click and
// keyboard, line mapping, selection and copy, timestamps, search, go to line, next error,
// outline, 64-bit scroll mapping and pinning to the end of a growing log.
#include "logview_test_support.h"

#include "log/logexport.h"
#include "logview/error_finder.h"
#include "logview/log_search_bar.h"
#include "logview/log_view.h"
#include "logview/log_viewer.h"
#include "logview/section_outline_model.h"

#include <QAccessible>
#include <QAction>
#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace pipedeck;
using namespace Qt::StringLiterals;

class TestLogView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // A document over a file holding `bytes`, indexed.
    std::unique_ptr<log::LogDocument> open(const QByteArray &bytes,
                                           const QString &name = u"a.log"_s)
    {
        const QString path = m_dir.filePath(name);
        if (!lvtest::writeFile(path, bytes))
            return nullptr;
        auto document = std::make_unique<log::LogDocument>();
        QString error;
        if (!document->openFile(path, &error))
            return nullptr;
        lvtest::settle(*document);
        return document;
    }

    static void showView(QWidget &widget, QSize size = {900, 400})
    {
        widget.resize(size);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
    }

    // Share of the pixels in `rect` of `image` that have `colour`.
    static double share(const QImage &image, const QRect &rect, const QColor &colour)
    {
        int hits = 0, total = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            for (int x = rect.left(); x <= rect.right(); ++x) {
                if (!image.rect().contains(x, y))
                    continue;
                ++total;
                hits += image.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
            }
        }
        return total ? double(hits) / total : 0;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // pipedeck.perf tells how long opening took until the first paint, indexing and a search.
    void perfCategoryReportsOpenIndexAndSearch()
    {
        static QStringList messages;
        messages.clear();
        // Off by default; QT_LOGGING_RULES="pipedeck.perf.info=true" turns it on.
        QLoggingCategory::setFilterRules(u"pipedeck.perf.info=true"_s);
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &context, const QString &text) {
                if (qstrcmp(context.category, "pipedeck.perf") == 0)
                    messages.append(text);
            });
        const auto sample = lvtest::sampleLog(200000); // ~3 MiB: indexed in several steps
        const QString path = m_dir.filePath(u"perf.log"_s);
        QVERIFY(lvtest::writeFile(path, sample.bytes));
        log::LogDocument document;
        LogViewer viewer;
        viewer.setDocument(&document);
        showView(viewer);
        QVERIFY(document.openFile(path, nullptr));
        auto logged = [](const QString &start) {
            return std::any_of(messages.begin(), messages.end(),
                               [&](const QString &m) { return m.startsWith(start); });
        };
        // Generous timeouts: the sanitizer build is many times slower.
        QTRY_VERIFY_WITH_TIMEOUT(logged(u"open to first paint: "_s), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(logged(u"indexed "_s), 30000);
        viewer.find({u"needle"_s, log::SearchQuery::Kind::Plain, Qt::CaseSensitive});
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isSearching(), 60000);
        QCOMPARE(viewer.hitCount(), sample.needleLines);
        QVERIFY2(logged(u"search done: "_s + QString::number(sample.needleLines) + u" hits"_s),
                 qPrintable(messages.join(u'\n')));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules({});
        // Painted once per opening, not at every paint.
        const auto firstPaints =
            std::count_if(messages.begin(), messages.end(),
                          [](const QString &m) { return m.contains(u"open to first paint"_s); });
        QCOMPARE(firstPaints, 1);
    }

    void paintsOnlyTheVisibleLines()
    {
        const auto sample = lvtest::sampleLog(200000);
        auto document = open(sample.bytes);
        QVERIFY(document);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_COMPARE(view.lineCount(), sample.lines);
        view.viewport()->repaint();
        const int visible = view.visibleRowCount();
        QVERIFY(visible > 5);
        QVERIFY(view.linesPaintedInLastPaint() > 0);
        QVERIFY(view.linesPaintedInLastPaint() <= visible);
        QVERIFY(view.linesFetchedInLastPaint() <= visible);

        view.scrollToLine(150000, LogView::ScrollHint::Top);
        view.viewport()->repaint();
        QCOMPARE(view.topLine(), 150000);
        QVERIFY(view.linesPaintedInLastPaint() <= visible);
        QVERIFY(view.linesFetchedInLastPaint() > 0); // new lines came from the engine
        QVERIFY(view.linesFetchedInLastPaint() <= visible);
        // Painting again the same screen renders nothing new.
        view.viewport()->repaint();
        QCOMPARE(view.linesFetchedInLastPaint(), 0);
    }

    // A screen reader reads the lines on screen, with their numbers, and only those: a huge log
    // costs it a screenful. Folded lines are not among them.
    void visibleLinesAreAccessibleText()
    {
        auto document = open("first line\n"
                             "\x1b[0Ksection_start:1:build[collapsed=true]\r\x1b[0KBuilding\n"
                             "hidden inside\n"
                             "\x1b[0Ksection_end:1:build\r\x1b[0K\n"
                             "\x1b[31mred\x1b[0m after\n");
        QVERIFY(document);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_VERIFY(view.lineCount() >= 4);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        QStringList names;
        for (int i = 0; i < list->childCount(); ++i)
            names << list->child(i)->text(QAccessible::Name);
        QVERIFY2(names.size() >= 3, qPrintable(names.join(u'|')));
        QCOMPARE(names.at(0), u"Line 1: first line"_s);
        QCOMPARE(names.at(1), u"Line 2: Building"_s);
        QVERIFY2(!names.join(u'|').contains(u"hidden inside"_s), qPrintable(names.join(u'|')));
        QVERIFY2(names.join(u'|').contains(u": red after"_s), qPrintable(names.join(u'|')));
        QCOMPARE(list->child(0)->text(QAccessible::Value), u"first line"_s);
        QCOMPARE(list->indexOfChild(list->child(1)), 1);
        const QRect second = list->child(1)->rect();
        QCOMPARE(list->childAt(second.center().x(), second.center().y()), list->child(1));

        // A long log: as many children as rows on screen, however long it is.
        const auto sample = lvtest::sampleLog(200000);
        auto big = open(sample.bytes, u"big.log"_s);
        QVERIFY(big);
        view.setDocument(big.get());
        QTRY_COMPARE(view.lineCount(), sample.lines);
        view.scrollToLine(150000, LogView::ScrollHint::Top);
        QCOMPARE(list->childCount(), view.visibleRowCount());
        QVERIFY(list->child(0)->text(QAccessible::Name).startsWith(u"Line 150001: "_s));
    }

    void collapsedSectionsStartFolded()
    {
        const auto sample = lvtest::sampleLog();
        auto document = open(sample.bytes);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_COMPARE(view.sections().size(), size_t(3));
        const auto &sections = view.sections();
        QCOMPARE(sections[0].name, u"prepare"_s);
        QVERIFY(sections[0].collapsed);
        QVERIFY(view.isFolded(0));
        QVERIFY(!view.isFolded(1));
        QVERIFY(!view.isFolded(2));
        // prepare (lines 1..5) shows only its header: 4 hidden rows.
        QCOMPARE(view.rowCount(), sample.lines - 4);
        QCOMPARE(view.foldMap().lineForRow(1), 1);
        QCOMPARE(view.foldMap().lineForRow(2), 6);
        QCOMPARE(view.foldMap().rowForLine(3), 1);
    }

    void clickOnHeaderFoldsAndUnfolds()
    {
        auto document = open(lvtest::sampleLog().bytes);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_COMPARE(view.sections().size(), size_t(3));
        const qint64 before = view.rowCount();
        const int build = view.sectionStartingAt(6);
        QCOMPARE(build, 1);

        // A click on the header text folds ...
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.pointFor({6, 3}));
        QVERIFY(view.isFolded(build));
        QCOMPARE(view.rowCount(), before - 12); // lines 7..18 hidden
        QCOMPARE(view.foldMap().lineForRow(view.foldMap().rowForLine(6) + 1), 19);
        QVERIFY(!view.hasSelection());
        // ... and a click on the fold marker unfolds.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.foldMarkerPoint(6));
        QVERIFY(!view.isFolded(build));
        QCOMPARE(view.rowCount(), before);

        // Dragging over a header selects text instead of folding.
        const QPoint from = view.pointFor({6, 0});
        const QPoint to = view.pointFor({6, 5});
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, view.viewport()->mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, {});
        QCoreApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
        QVERIFY(!view.isFolded(build));
        QCOMPARE(view.selectedText(), u"Build"_s);

        // Keyboard: Left folds the current header, Right unfolds, Space toggles.
        view.goToLine(6);
        QTest::keyClick(&view, Qt::Key_Left);
        QVERIFY(view.isFolded(build));
        QTest::keyClick(&view, Qt::Key_Right);
        QVERIFY(!view.isFolded(build));
        QTest::keyClick(&view, Qt::Key_Space);
        QVERIFY(view.isFolded(build));
        // Down from a folded header skips the hidden lines.
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.currentLine(), 19);
    }

    void lineMappingAfterFoldingNestedSections()
    {
        auto document = open(lvtest::sampleLog(100).bytes);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_COMPARE(view.sections().size(), size_t(3));
        view.setFolded(0, false);
        view.setFolded(2, true); // compile: lines 9..12 hidden
        QCOMPARE(view.foldMap().lineForRow(9), 13);
        view.setFolded(1, true); // build hides compile too
        QCOMPARE(view.foldMap().lineForRow(7), 19);
        QCOMPARE(
            view.positionAt(QPoint(view.pointFor({19, 0}).x(), view.pointFor({19, 0}).y())).line,
            19);
        view.setFolded(1, false); // compile stays folded inside
        QCOMPARE(view.foldMap().lineForRow(9), 13);
        view.setAllFolded(false);
        QCOMPARE(view.rowCount(), view.lineCount());
    }

    void foldingKeepsTheNextHeaderOnTheEndLine()
    {
        // The runner writes section_end and the next section_start on one line.
        QByteArray bytes;
        bytes += lvtest::marker("start", 100, "get_sources") + "Getting source\n"; // 0
        bytes += "fetching\nchecking out\n";                                       // 1-2
        bytes += lvtest::marker("end", 103, "get_sources") +
                 lvtest::marker("start", 103, "restore_cache") + "Restoring cache\n"; // 3
        bytes += "cache hit\n";                                                       // 4
        bytes += lvtest::marker("end", 104, "restore_cache") + "\n";                  // 5
        auto document = open(bytes, u"adjacent.log"_s);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_COMPARE(view.sections().size(), size_t(2));
        QCOMPARE(view.sections()[1].startLine, 3);
        view.setFolded(0, true);
        QCOMPARE(view.foldMap().lineForRow(1), 3); // the next header stays visible
        QCOMPARE(view.rowCount(), 4);
        view.setFolded(1, true);
        QCOMPARE(view.rowCount(), 2);
        QCOMPARE(view.foldMap().lineForRow(1), 3);
    }

    void goToLineUnfoldsAndCentres()
    {
        auto document = open(lvtest::sampleLog(5000).bytes);
        LogViewer viewer;
        viewer.setDocument(document.get());
        showView(viewer, {1000, 500});
        LogView *view = viewer.view();
        QTRY_VERIFY(view->isFolded(0));
        view->goToLine(3); // inside the folded "prepare"
        QVERIFY(!view->isFolded(0));
        QCOMPARE(view->currentLine(), 3);
        QCOMPARE(view->selectedText(), u"prep two"_s);

        // Ctrl+L, type a number, Enter.
        viewer.goToLineAction()->trigger();
        QVERIFY(viewer.goToLineBar()->isVisible());
        QTest::keyClicks(viewer.goToLineField(), u"4000"_s);
        QTest::keyClick(viewer.goToLineField(), Qt::Key_Return);
        QCOMPARE(view->currentLine(), 3999);
        QVERIFY(view->topRow() <= view->foldMap().rowForLine(3999));
        QVERIFY(view->topRow() + view->visibleRowCount() > view->foldMap().rowForLine(3999));
        QVERIFY(!viewer.goToLineBar()->isVisible());
    }

    void copyGivesPlainTextWithoutEscapes()
    {
        const auto sample = lvtest::sampleLog(3);
        auto document = open(sample.bytes);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_COMPARE(view.lineCount(), sample.lines);
        view.setSelection({6, 0}, {9, 5});
        QCOMPARE(view.selectedText(), u"Build step\n$ make all\nCompiling\ncc -c"_s);
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 u"Build step\n$ make all\nCompiling\ncc -c"_s);

        // Ctrl+A copies the whole log as a person sees it: what the plain-text export writes.
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        const QString all = QGuiApplication::clipboard()->text();
        QVERIFY(!all.contains(QChar(0x1b)));
        QVERIFY(!all.contains(u"section_start"_s));
        QBuffer plain;
        plain.open(QIODevice::WriteOnly);
        QVERIFY(log::writePlainText(*document->engine(), plain));
        QCOMPARE(all + u"\n"_s, QString::fromUtf8(plain.data()));

        // Shift+Down extends a selection by whole lines.
        view.goToLine(13);
        view.clearSelection();
        QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view.selectedText(), u"build output 13\nbuild output 14"_s);

        // A truncated copy says so.
        bool truncated = false;
        QCOMPARE(view.selectedText(5, &truncated), u"build"_s);
        QVERIFY(truncated);
    }

    void timestampsShownHiddenUtcOrLocal()
    {
        QByteArray bytes;
        bytes += "2024-05-14T11:19:19.899359Z 00O Hello\n";
        bytes += "2024-05-14T11:19:20.000001Z 01O World\n";
        auto document = open(bytes, u"ts.log"_s);
        LogViewer viewer;
        viewer.setDocument(document.get());
        showView(viewer);
        LogView *view = viewer.view();
        QTRY_COMPARE(view->lineCount(), 2);
        QVERIFY(viewer.timestampsAction()->isEnabled());
        QCOMPARE(view->renderedLines(0, 1).first().text, u"Hello"_s);
        QCOMPARE(view->timestampText(u"2024-05-14T11:19:19.899359Z"_s), u"11:19:19"_s);
        viewer.utcAction()->setChecked(false);
        QCOMPARE(view->timeZone(), LogView::TimeZone::Local);
        const QDateTime utc(QDate(2024, 5, 14), QTime(11, 19, 19), Qt::UTC);
        QCOMPARE(view->timestampText(u"2024-05-14T11:19:19.899359Z"_s),
                 utc.toLocalTime().toString(u"HH:mm:ss"_s));
        // Hiding the column moves the text left.
        const int shownX = view->pointFor({0, 0}).x();
        viewer.timestampsAction()->setChecked(false);
        QVERIFY(!view->timestampsVisible());
        QVERIFY(view->pointFor({0, 0}).x() < shownX - 30);
        viewer.timestampsAction()->setChecked(true);
        QCOMPARE(view->pointFor({0, 0}).x(), shownX);

        // A log without prefixes has nothing to toggle.
        auto plain = open(lvtest::sampleLog().bytes, u"plain.log"_s);
        viewer.setDocument(plain.get());
        QVERIFY(!viewer.timestampsAction()->isEnabled());
        viewer.setDocument(nullptr);
    }

    void searchStreamsCountsAndMoves()
    {
        const auto sample = lvtest::sampleLog(200000);
        auto document = open(sample.bytes);
        LogViewer viewer;
        viewer.setDocument(document.get());
        showView(viewer, {1000, 500});
        QTRY_COMPARE(viewer.view()->lineCount(), sample.lines);

        QSignalSpy finished(&viewer, &LogViewer::searchFinished);
        QList<QString> countTexts;
        connect(&viewer, &LogViewer::searchFinished, this, [] {});
        QLabel *count = viewer.searchBar()->countLabel();
        viewer.findAction()->trigger();
        QVERIFY(viewer.searchBar()->isVisible());
        QTest::keyClicks(viewer.searchBar()->field(), u"NEEDLE"_s);
        // Watch the count while the search runs.
        QElapsedTimer timer;
        timer.start();
        while (finished.isEmpty() && timer.elapsed() < 20000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (countTexts.isEmpty() || countTexts.last() != count->text())
                countTexts.append(count->text());
        }
        QCOMPARE(finished.size(), 1);
        QCOMPARE(viewer.hitCount(), sample.needleLines); // plain search ignores case
        QCOMPARE(count->text(), u"1 of %1"_s.arg(QLocale().toString(sample.needleLines)));
        QVERIFY2(countTexts.size() >= 2, qPrintable(countTexts.join(u" | "_s)));
        QCOMPARE(viewer.currentHitIndex(), 0);
        const log::SearchHit first = viewer.storedHits().front();
        QCOMPARE(first.line, 20);
        QCOMPARE(viewer.view()->currentHit()->line, 20);

        // The current hit is painted in its own colour.
        viewer.view()->viewport()->repaint();
        QImage image = viewer.view()->viewport()->grab().toImage();
        const QPoint start = viewer.view()->pointFor({first.line, first.from});
        const QPoint end = viewer.view()->pointFor({first.line, first.from + first.length});
        const QRect hitRect(start.x() + 1, start.y() - 3, end.x() - start.x() - 3, 6);
        QVERIFY(share(image, hitRect, viewer.view()->theme().currentHit) > 0.3);
        // ... and the other hits on screen in the highlight colour.
        const log::SearchHit second = viewer.storedHits()[1];
        const QPoint s2 = viewer.view()->pointFor({second.line, second.from});
        const QPoint e2 = viewer.view()->pointFor({second.line, second.from + second.length});
        QVERIFY(share(image, QRect(s2.x() + 1, s2.y() - 3, e2.x() - s2.x() - 3, 6),
                      viewer.view()->theme().hit) > 0.3);

        // Enter, F3 and Shift+F3 move; previous from the first wraps to the last.
        QTest::keyClick(viewer.searchBar()->field(), Qt::Key_Return);
        QCOMPARE(viewer.currentHitIndex(), 1);
        QCOMPARE(viewer.view()->currentHit()->line, 22);
        QTest::keyClick(viewer.searchBar()->field(), Qt::Key_F3);
        QCOMPARE(viewer.currentHitIndex(), 2);
        QTest::keyClick(viewer.searchBar()->field(), Qt::Key_F3, Qt::ShiftModifier);
        QTest::keyClick(viewer.searchBar()->field(), Qt::Key_F3, Qt::ShiftModifier);
        QTest::keyClick(viewer.searchBar()->field(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(viewer.currentHitIndex(), sample.needleLines - 1);
        QCOMPARE(count->text(), u"%1 of %1"_s.arg(QLocale().toString(sample.needleLines)));
        const qint64 lastLine = viewer.storedHits().back().line;
        QVERIFY(viewer.view()->topRow() <= viewer.view()->foldMap().rowForLine(lastLine));

        // Case-sensitive: "NEEDLE" is not in the log.
        viewer.searchBar()->caseButton()->setChecked(true);
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(viewer.hitCount(), 0);
        QCOMPARE(count->text(), u"No matches"_s);
        // Regular expression.
        viewer.searchBar()->caseButton()->setChecked(false);
        viewer.searchBar()->regexButton()->setChecked(true);
        QTRY_VERIFY(finished.size() >= 3 && !viewer.isSearching());
        viewer.searchBar()->setQueryText(u"line 1[0-9] (needle|other)$"_s);
        QTRY_VERIFY(!viewer.isSearching() && finished.size() >= 4);
        QCOMPARE(viewer.hitCount(), 10);
        // A broken regular expression says why instead of searching.
        viewer.searchBar()->setQueryText(u"(unclosed"_s);
        QVERIFY(!count->text().isEmpty());
        QCOMPARE(viewer.hitCount(), 0);
    }

    void searchContinuesAsTheLogGrows()
    {
        log::LogDocument document;
        QString error;
        QVERIFY(document.startCache(m_dir.filePath(u"search-growing.cache"_s), &error));
        LogViewer viewer;
        viewer.setDocument(&document);
        showView(viewer);
        document.append("alpha needle\nbeta\nneed");
        lvtest::settle(document);
        QTRY_COMPARE(viewer.view()->lineCount(), 3);
        QSignalSpy finished(&viewer, &LogViewer::searchFinished);
        viewer.find({u"needle"_s, log::SearchQuery::Kind::Plain, Qt::CaseSensitive});
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(viewer.hitCount(), 1);
        // The open last line completes into a hit, and new lines bring more.
        document.append("le here\ngamma needle\n");
        lvtest::settle(document);
        QTRY_COMPARE(viewer.hitCount(), 3);
        QTRY_VERIFY(!viewer.isSearching());
        QCOMPARE(viewer.storedHits().size(), size_t(3));
        QCOMPARE(viewer.storedHits()[1].line, 2);
        QCOMPARE(viewer.storedHits()[2].line, 3);
        viewer.setDocument(nullptr);
    }

    void nextErrorFindsRedTextAndPatterns()
    {
        QByteArray bytes = lvtest::sampleLog().bytes;
        for (int i = 0; i < 30; ++i)
            bytes += "fine " + QByteArray::number(i) + "\n"; // 20..49
        bytes += "Traceback (most recent call last):\n";     // 50
        bytes += "all good\n";                               // 51
        bytes += "\x1b[38;5;196mbroken\x1b[0m\n";            // 52
        bytes += "src/a.c:3: error: expected ';'\n";         // 53
        auto document = open(bytes, u"errors.log"_s);
        LogViewer viewer;
        viewer.setDocument(document.get());
        showView(viewer);
        QTRY_COMPARE(viewer.view()->lineCount(), 54);
        QSignalSpy done(&viewer, &LogViewer::errorSearchFinished);
        viewer.view()->goToLine(0);
        viewer.nextErrorAction()->trigger();
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(viewer.view()->currentLine(), 19);
        viewer.nextErrorAction()->trigger();
        QTRY_COMPARE(done.size(), 2);
        QCOMPARE(viewer.view()->currentLine(), 50);
        viewer.nextErrorAction()->trigger();
        QTRY_COMPARE(done.size(), 3);
        QCOMPARE(viewer.view()->currentLine(), 52);
        viewer.nextErrorAction()->trigger();
        QTRY_COMPARE(done.size(), 4);
        QCOMPARE(viewer.view()->currentLine(), 53);
        viewer.nextErrorAction()->trigger(); // wraps round
        QTRY_COMPARE(done.size(), 5);
        QCOMPARE(viewer.view()->currentLine(), 19);
        viewer.previousErrorAction()->trigger();
        QTRY_COMPARE(done.size(), 6);
        QCOMPARE(viewer.view()->currentLine(), 53);

        log::RenderedLine line;
        line.text = u"all tests passed, 0 errors"_s;
        QVERIFY(!isErrorLine(line));
        for (const QString &text :
             {u"FAILED tests/test_a.py::test_x"_s, u"fatal: not a git repository"_s,
              u"ERROR: Job failed: exit code 2"_s, u"Process exited with status 137"_s,
              u"npm ERR! code ELIFECYCLE"_s}) {
            line.text = text;
            QVERIFY2(isErrorLine(line), qPrintable(text));
        }
        line.text = u"exit code 0"_s;
        QVERIFY(!isErrorLine(line));
    }

    void outlineListsSectionsAndJumps()
    {
        auto document = open(lvtest::sampleLog(3000).bytes);
        LogViewer viewer;
        viewer.setDocument(document.get());
        showView(viewer, {1000, 400});
        QTRY_COMPARE(viewer.view()->sections().size(), size_t(3));
        SectionOutlineModel *model = viewer.outlineModel();
        QVERIFY(viewer.outlineView()->isVisible());
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex build = model->index(1, 0);
        QCOMPARE(build.data().toString(), u"Build step"_s);
        QCOMPARE(model->index(1, SectionOutlineModel::DurationColumn).data().toString(),
                 u"01:01:30"_s);
        QCOMPARE(model->rowCount(build), 1);
        QCOMPARE(model->index(0, 0, build).data().toString(), u"Compiling"_s);
        QCOMPARE(model->index(0, 1, build).data().toString(), u"01:04"_s);

        viewer.view()->scrollToLine(2500, LogView::ScrollHint::Top);
        viewer.outlineView()->expandAll();
        const QRect rect = viewer.outlineView()->visualRect(model->index(0, 0, build));
        QTest::mouseClick(viewer.outlineView()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(viewer.view()->currentLine(), 8);
        QCOMPARE(viewer.view()->topLine(), 8);
        viewer.outlineAction()->setChecked(false);
        QVERIFY(!viewer.outlineView()->isVisible());
    }

    void scrollRangeIsMappedForHugeLogs()
    {
        const auto sample = lvtest::sampleLog(100000);
        auto document = open(sample.bytes);
        LogView view;
        view.setDocument(document.get());
        showView(view);
        QTRY_COMPARE(view.lineCount(), sample.lines);
        QScrollBar *bar = view.verticalScrollBar();
        QCOMPARE(qint64(bar->maximum()),
                 view.rowCount() - (view.viewport()->height() / view.lineHeight()));
        // Pretend the int range were too small: values become fractions of the log.
        view.setScrollResolution(1000);
        QCOMPARE(bar->maximum(), 1000);
        const qint64 maxTop = view.rowCount() - view.viewport()->height() / view.lineHeight();
        bar->setValue(500);
        QVERIFY(qAbs(view.topRow() - maxTop / 2) <= 1);
        view.goToLine(77777);
        QVERIFY(qAbs(bar->value() - int(view.topRow() * 1000 / maxTop)) <= 1);
        QCOMPARE(view.currentLine(), 77777);
        bar->setValue(1000);
        QCOMPARE(view.topRow(), maxTop);
        bar->setValue(0);
        QCOMPARE(view.topRow(), 0);
        // Wheel scrolling moves by rows, not by scaled bar steps.
        QWheelEvent wheel(QPointF(100, 100), view.viewport()->mapToGlobal(QPointF(100, 100)),
                          QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QCOMPARE(view.topRow(), qint64(QApplication::wheelScrollLines()));
    }

    void pinnedToTheEndOfAGrowingLog()
    {
        log::LogDocument document;
        QString error;
        QVERIFY(document.startCache(m_dir.filePath(u"growing.cache"_s), &error));
        LogView view;
        view.setDocument(&document);
        showView(view);
        QSignalSpy following(&view, &LogView::followingChanged);
        QByteArray chunk;
        for (int i = 0; i < 200; ++i)
            chunk += "output " + QByteArray::number(i) + "\n";
        document.append(chunk);
        lvtest::settle(document);
        QTRY_COMPARE(view.lineCount(), 200);
        QVERIFY(view.isFollowing());
        QCOMPARE(view.topRow(), view.rowCount() - view.viewport()->height() / view.lineHeight());

        document.append(chunk);
        lvtest::settle(document);
        QTRY_COMPARE(view.lineCount(), 400);
        QVERIFY(view.isAtEnd());

        // The user scrolls up: new output no longer moves the view.
        view.verticalScrollBar()->setValue(10);
        QVERIFY(!view.isFollowing());
        QVERIFY(!following.isEmpty() && !following.last().at(0).toBool());
        document.append(chunk);
        lvtest::settle(document);
        QTRY_COMPARE(view.lineCount(), 600);
        QCOMPARE(view.topRow(), 10);
        // Back to the end: pinned again.
        view.scrollToEnd();
        QVERIFY(view.isFollowing());
        document.append(chunk);
        lvtest::settle(document);
        QTRY_COMPARE(view.lineCount(), 800);
        QVERIFY(view.isAtEnd());
        // A complete log is not "following".
        document.setComplete();
        lvtest::settle(document);
        QTRY_VERIFY(!view.isFollowing());
    }
};

QTEST_MAIN(TestLogView)
#include "tst_log_view.moc"
