#include "logview/log_viewer.h"

#include "core/logging.h"
#include "log/logdocument.h"
#include "log/logengine.h"
#include "log/logexport.h"
#include "logview/error_finder.h"
#include "logview/log_search_bar.h"
#include "logview/log_view.h"
#include "logview/section_outline_model.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QRegularExpressionValidator>
#include <QSaveFile>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace pipedeck {

namespace {
constexpr qint64 kCopyChunk = qint64(4) << 20;

QAction *makeAction(QWidget *owner, const QString &text, const QKeySequence &shortcut,
                    const QString &toolTip = {})
{
    auto *action = new QAction(text, owner);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    const QString tip = toolTip.isEmpty() ? text : toolTip;
    action->setToolTip(shortcut.isEmpty()
                           ? tip
                           : tip + QStringLiteral(" (") +
                                 shortcut.toString(QKeySequence::NativeText) + QLatin1Char(')'));
    owner->addAction(action);
    return action;
}
} // namespace

LogViewer::LogViewer(QWidget *parent)
    : QWidget(parent)
{
    m_view = new LogView(this);
    m_search = new log::LogSearch(this);
    m_errorFinder = new ErrorFinder(this);
    m_outlineModel = new SectionOutlineModel(this);
    buildActions();
    buildLayout();
    setFocusProxy(m_view);

    connect(m_search, &log::LogSearch::hitsFound, this, &LogViewer::onHits);
    connect(m_search, &log::LogSearch::finished, this, &LogViewer::onSearchFinished);
    connect(m_search, &log::LogSearch::failed, this, [this](const QString &error) {
        m_searchRunning = false;
        m_searchBar->showError(error);
    });
    connect(m_searchBar, &LogSearchBar::queryChanged, this, &LogViewer::onQueryChanged);
    connect(m_searchBar, &LogSearchBar::nextRequested, this, &LogViewer::findNext);
    connect(m_searchBar, &LogSearchBar::previousRequested, this, &LogViewer::findPrevious);
    connect(m_searchBar, &LogSearchBar::closed, this, [this] {
        m_view->setFocus();
        find({});
    });
    connect(m_errorFinder, &ErrorFinder::found, this, [this](qint64 line, bool wrapped) {
        m_view->goToLine(line);
        showMessage(wrapped ? tr("Error line %1 (search wrapped around)").arg(line + 1)
                            : tr("Error line %1").arg(line + 1));
        Q_EMIT errorSearchFinished(true);
    });
    connect(m_errorFinder, &ErrorFinder::notFound, this, [this] {
        showMessage(tr("No error lines found"));
        Q_EMIT errorSearchFinished(false);
    });
    connect(m_view, &LogView::followingChanged, this, &LogViewer::updateStatus);
    connect(m_view, &LogView::lineCountChanged, this, [this] {
        updateStatus();
        m_outlineModel->refreshArrivingTitles();
        continueSearch();
    });
    connect(m_view, &LogView::lastLineGrew, this, [this] {
        m_outlineModel->refreshArrivingTitles();
        continueSearch();
    });
    connect(m_view, &LogView::sectionsChanged, this, [this] {
        m_outlineModel->setSections(m_view->sections());
        updateActions();
    });
    connect(m_view, &LogView::copyTruncated, this, [this](qsizetype chars) {
        showMessage(tr("Copied only the first %1 characters; save the log to keep all of it.")
                        .arg(QLocale().toString(qint64(chars))),
                    true);
    });
    connect(&m_saveWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_saveWatcher.result();
        const QString path = m_saveWatcher.property("path").toString();
        if (error.isEmpty())
            showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        else
            showMessage(error, true);
        Q_EMIT saved(path, error.isEmpty(), error);
    });
    updateActions();
    updateStatus();
}

LogViewer::~LogViewer()
{
    m_search->cancel();
    m_errorFinder->cancel();
    m_saveWatcher.waitForFinished();
}

void LogViewer::buildActions()
{
    m_findAction = makeAction(this, tr("Find"), QKeySequence::Find, tr("Find in the log"));
    m_findNextAction = makeAction(this, tr("Find Next"), QKeySequence::FindNext);
    m_findPreviousAction = makeAction(this, tr("Find Previous"), QKeySequence::FindPrevious);
    m_goToAction = makeAction(this, tr("Go to Line"), QKeySequence(Qt::CTRL | Qt::Key_L));
    m_nextErrorAction = makeAction(this, tr("Next Error"), QKeySequence(Qt::Key_F8),
                                   tr("Go to the next error line"));
    m_previousErrorAction =
        makeAction(this, tr("Previous Error"), QKeySequence(Qt::SHIFT | Qt::Key_F8),
                   tr("Go to the previous error line"));
    m_timestampsAction = makeAction(this, tr("Timestamps"), QKeySequence(Qt::CTRL | Qt::Key_T),
                                    tr("Show the runner's timestamps"));
    m_timestampsAction->setCheckable(true);
    m_timestampsAction->setChecked(true);
    m_utcAction = makeAction(this, tr("UTC"), {}, tr("Show times in UTC (off: local time)"));
    m_utcAction->setCheckable(true);
    m_utcAction->setChecked(true);
    m_outlineAction = makeAction(this, tr("Outline"), QKeySequence(Qt::CTRL | Qt::Key_B),
                                 tr("Show the outline of sections"));
    m_outlineAction->setCheckable(true);
    m_outlineAction->setChecked(true);
    m_foldAllAction = makeAction(this, tr("Collapse All"), {}, tr("Collapse every section"));
    m_unfoldAllAction = makeAction(this, tr("Expand All"), {}, tr("Expand every section"));
    m_endAction = makeAction(this, tr("Go to End"), QKeySequence(Qt::CTRL | Qt::Key_End),
                             tr("Go to the end of the log"));
    m_saveAction = makeAction(this, tr("Save As\u2026"), QKeySequence::SaveAs,
                              tr("Save the log as raw text, plain text or HTML"));

    connect(m_findAction, &QAction::triggered, this, [this] { m_searchBar->activate(); });
    connect(m_findNextAction, &QAction::triggered, this, &LogViewer::findNext);
    connect(m_findPreviousAction, &QAction::triggered, this, &LogViewer::findPrevious);
    connect(m_goToAction, &QAction::triggered, this, &LogViewer::showGoToLine);
    connect(m_nextErrorAction, &QAction::triggered, this, &LogViewer::findNextError);
    connect(m_previousErrorAction, &QAction::triggered, this, &LogViewer::findPreviousError);
    connect(m_timestampsAction, &QAction::toggled, m_view, &LogView::setTimestampsVisible);
    connect(m_utcAction, &QAction::toggled, this, [this](bool utc) {
        m_view->setTimeZone(utc ? LogView::TimeZone::Utc : LogView::TimeZone::Local);
    });
    connect(m_outlineAction, &QAction::toggled, this,
            [this](bool shown) { m_outline->setVisible(shown && !m_view->sections().empty()); });
    connect(m_foldAllAction, &QAction::triggered, this, [this] { m_view->setAllFolded(true); });
    connect(m_unfoldAllAction, &QAction::triggered, this, [this] { m_view->setAllFolded(false); });
    connect(m_endAction, &QAction::triggered, this, [this] {
        m_view->scrollToEnd();
        m_view->setFocus();
    });
    connect(m_saveAction, &QAction::triggered, this, &LogViewer::saveAsInteractive);
}

void LogViewer::buildLayout()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_findAction);
    m_toolBar->addAction(m_goToAction);
    m_toolBar->addAction(m_nextErrorAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_timestampsAction);
    m_toolBar->addAction(m_utcAction);
    m_toolBar->addAction(m_outlineAction);
    m_toolBar->addAction(m_foldAllAction);
    m_toolBar->addAction(m_unfoldAllAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_endAction);
    m_toolBar->addAction(m_saveAction);

    m_outline = new QTreeView(this);
    m_outline->setModel(m_outlineModel);
    m_outline->setUniformRowHeights(true);
    m_outline->setHeaderHidden(true);
    m_outline->setAlternatingRowColors(false);
    m_outline->setExpandsOnDoubleClick(false);
    m_outline->header()->setStretchLastSection(false);
    m_outline->header()->setSectionResizeMode(SectionOutlineModel::TitleColumn,
                                              QHeaderView::Stretch);
    m_outline->header()->setSectionResizeMode(SectionOutlineModel::DurationColumn,
                                              QHeaderView::ResizeToContents);
    m_outline->setVisible(false);
    auto jumpToSection = [this](const QModelIndex &index) {
        const qint64 line = index.data(SectionOutlineModel::StartLineRole).toLongLong();
        m_view->scrollToLine(line, LogView::ScrollHint::Top);
        m_view->goToLine(line);
        m_view->scrollToLine(line, LogView::ScrollHint::Top);
    };
    connect(m_outline, &QTreeView::clicked, this, jumpToSection);
    connect(m_outline, &QTreeView::activated, this, jumpToSection);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_outline);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 800});
    m_splitter->setChildrenCollapsible(false);

    m_searchBar = new LogSearchBar(this);
    m_searchBar->hide();

    m_goToBar = new QWidget(this);
    auto *goToLayout = new QHBoxLayout(m_goToBar);
    goToLayout->setContentsMargins(6, 3, 6, 3);
    auto *goToLabel = new QLabel(tr("Go to line:"), m_goToBar);
    m_goToField = new QLineEdit(m_goToBar);
    m_goToField->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{1,15}")), m_goToField));
    m_goToField->setMaximumWidth(160);
    goToLabel->setBuddy(m_goToField);
    m_goToRange = new QLabel(m_goToBar);
    goToLayout->addWidget(goToLabel);
    goToLayout->addWidget(m_goToField);
    goToLayout->addWidget(m_goToRange);
    goToLayout->addStretch();
    m_goToBar->hide();
    connect(m_goToField, &QLineEdit::returnPressed, this, &LogViewer::goToTypedLine);
    auto *closeGoTo = new QAction(m_goToBar);
    closeGoTo->setShortcut(Qt::Key_Escape);
    closeGoTo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_goToBar->addAction(closeGoTo);
    connect(closeGoTo, &QAction::triggered, this, [this] {
        m_goToBar->hide();
        m_view->setFocus();
    });

    auto *statusLine = new QWidget(this);
    auto *statusLayout = new QHBoxLayout(statusLine);
    statusLayout->setContentsMargins(6, 2, 6, 2);
    m_status = new QLabel(statusLine);
    m_progress = new QProgressBar(statusLine);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_liveHint =
        new QLabel(tr("GitLab may deliver live output in steps of up to a minute."), statusLine);
    m_liveHint->setEnabled(false);
    m_liveHint->hide();
    m_jumpLive = new QToolButton(statusLine);
    m_jumpLive->setText(tr("Jump to Live"));
    m_jumpLive->setToolTip(tr("Scroll to the newest output and follow it"));
    m_jumpLive->setArrowType(Qt::DownArrow);
    m_jumpLive->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_jumpLive->hide();
    connect(m_jumpLive, &QToolButton::clicked, this, [this] {
        m_view->scrollToEnd();
        m_view->setFocus();
    });
    m_message = new QLabel(statusLine);
    m_message->setTextFormat(Qt::PlainText);
    statusLayout->addWidget(m_status);
    statusLayout->addWidget(m_progress);
    statusLayout->addWidget(m_jumpLive);
    statusLayout->addWidget(m_liveHint);
    statusLayout->addStretch();
    statusLayout->addWidget(m_message);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_goToBar);
    layout->addWidget(statusLine);
}

void LogViewer::setDocument(log::LogDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_search->cancel();
    m_errorFinder->cancel();
    m_document = document;
    m_outlineModel->setEngine(document ? document->engine() : nullptr);
    m_view->setDocument(document);
    m_hits.clear();
    m_hitCount = 0;
    m_currentHit = -1;
    if (document) {
        connect(document, &log::LogDocument::progress, this, [this](qint64 indexed, qint64 total) {
            m_indexedBytes = indexed;
            m_totalBytes = total;
            m_indexing = indexed < total;
            updateStatus();
        });
        connect(document, &log::LogDocument::indexingFinished, this, [this] {
            m_indexing = false;
            updateStatus();
            updateActions();
        });
        connect(document, &log::LogDocument::reset, this, [this] {
            // Line numbers changed: search again from scratch.
            if (!m_query.pattern.isEmpty())
                onQueryChanged(m_query);
        });
    }
    if (!m_query.pattern.isEmpty())
        onQueryChanged(m_query);
    updateActions();
    updateStatus();
}

// --- search ---------------------------------------------------------------------------------

void LogViewer::find(const log::SearchQuery &query)
{
    if (!query.pattern.isEmpty())
        m_searchBar->show();
    onQueryChanged(query);
}

bool LogViewer::isSearching() const
{
    return m_searchRunning;
}

void LogViewer::onQueryChanged(const log::SearchQuery &query)
{
    m_search->cancel();
    m_query = query;
    m_hits.clear();
    m_hitCount = 0;
    m_baseCount = 0;
    m_currentHit = -1;
    m_searchRunning = false;
    m_view->clearCurrentHit();
    if (query.pattern.isEmpty() || !m_document) {
        m_view->clearHighlight();
        updateCount();
        return;
    }
    m_view->setHighlight(query);
    const auto engine = m_document->engine();
    m_searchedBytes = engine->indexedBytes();
    m_searchedLines = engine->lineCount();
    m_searchOrigin = m_view->currentLine() >= 0 ? m_view->currentLine() : m_view->topLine();
    m_jumpToFirstHit = true;
    m_searchRunning = true;
    m_search->start(engine, query, 0);
    updateCount();
}

void LogViewer::continueSearch()
{
    if (m_searchRunning || m_query.pattern.isEmpty() || !m_document)
        return;
    const auto engine = m_document->engine();
    const qint64 bytes = engine->indexedBytes();
    const qint64 lines = engine->lineCount();
    const bool grew =
        lines > m_searchedLines || (lines == m_searchedLines && bytes > m_searchedBytes);
    if (!grew || m_hitCount > qint64(m_hits.size()))
        return;
    // The last line searched may have grown: search it again.
    const qint64 from = qMax<qint64>(0, m_searchedLines - 1);
    const auto firstDropped =
        std::lower_bound(m_hits.begin(), m_hits.end(), from,
                         [](const log::SearchHit &hit, qint64 line) { return hit.line < line; });
    if (m_currentHit >= firstDropped - m_hits.begin())
        m_currentHit = -1;
    m_hits.erase(firstDropped, m_hits.end());
    m_baseCount = qint64(m_hits.size());
    m_hitCount = m_baseCount;
    m_searchedLines = lines;
    m_searchedBytes = bytes;
    m_searchRunning = true;
    m_search->start(engine, m_query, from);
}

void LogViewer::onHits(const QList<log::SearchHit> &hits, qint64 runningCount)
{
    for (const log::SearchHit &hit : hits) {
        if (m_hits.size() >= kMaxStoredHits)
            break;
        m_hits.push_back(hit);
    }
    m_hitCount = m_baseCount + runningCount;
    if (m_jumpToFirstHit) {
        const qint64 index = firstHitFrom(m_searchOrigin);
        if (index >= 0) {
            m_jumpToFirstHit = false;
            selectHit(index);
        }
    }
    updateCount();
}

void LogViewer::onSearchFinished(qint64 total, bool cancelled)
{
    if (cancelled)
        return;
    m_searchRunning = false;
    // The search mapped all of the log; a next one soon (the user is still typing) reuses that.
    if (m_document)
        m_document->releasePagesWhenIdle(m_releaseIdleMs);
    if (total >= 0)
        m_hitCount = m_baseCount + total;
    if (m_jumpToFirstHit && !m_hits.empty()) {
        m_jumpToFirstHit = false;
        selectHit(0);
    }
    m_jumpToFirstHit = false;
    updateCount();
    Q_EMIT searchFinished(m_hitCount);
    // Lines may have arrived while searching.
    continueSearch();
}

qint64 LogViewer::firstHitFrom(qint64 line) const
{
    const auto it =
        std::lower_bound(m_hits.begin(), m_hits.end(), line,
                         [](const log::SearchHit &hit, qint64 l) { return hit.line < l; });
    return it == m_hits.end() ? -1 : qint64(it - m_hits.begin());
}

void LogViewer::selectHit(qint64 index)
{
    if (index < 0 || index >= qint64(m_hits.size()))
        return;
    m_currentHit = index;
    m_view->setCurrentHit(m_hits[size_t(index)]);
    updateCount();
}

void LogViewer::findNext()
{
    if (m_hits.empty()) {
        if (m_query.pattern.isEmpty() && !m_searchBar->query().pattern.isEmpty())
            onQueryChanged(m_searchBar->query());
        return;
    }
    m_jumpToFirstHit = false;
    if (m_currentHit < 0) {
        const qint64 from = m_view->currentLine() >= 0 ? m_view->currentLine() : m_view->topLine();
        const qint64 index = firstHitFrom(from);
        selectHit(index < 0 ? 0 : index);
        return;
    }
    selectHit((m_currentHit + 1) % qint64(m_hits.size()));
}

void LogViewer::findPrevious()
{
    if (m_hits.empty())
        return;
    m_jumpToFirstHit = false;
    if (m_currentHit < 0) {
        const qint64 from = m_view->currentLine() >= 0 ? m_view->currentLine() : m_view->topLine();
        const qint64 index = firstHitFrom(from);
        selectHit(index <= 0 ? qint64(m_hits.size()) - 1 : index - 1);
        return;
    }
    selectHit((m_currentHit + qint64(m_hits.size()) - 1) % qint64(m_hits.size()));
}

void LogViewer::updateCount()
{
    m_searchBar->showCount(m_currentHit, m_hitCount, m_searchRunning);
}

// --- errors ---------------------------------------------------------------------------------

void LogViewer::findNextError()
{
    if (!m_document)
        return;
    const qint64 from = m_view->currentLine() >= 0 ? m_view->currentLine() : m_view->topLine() - 1;
    showMessage(tr("Looking for errors\u2026"));
    m_errorFinder->find(m_document->engine(), from, true);
}

void LogViewer::findPreviousError()
{
    if (!m_document)
        return;
    const qint64 from = m_view->currentLine() >= 0 ? m_view->currentLine() : m_view->topLine();
    showMessage(tr("Looking for errors\u2026"));
    m_errorFinder->find(m_document->engine(), from, false);
}

bool LogViewer::isFindingError() const
{
    return m_errorFinder->isRunning();
}

// --- go to line -----------------------------------------------------------------------------

void LogViewer::showGoToLine()
{
    m_goToRange->setText(
        tr("(1\u2013%1)").arg(QLocale().toString(qMax<qint64>(1, m_view->lineCount()))));
    m_goToBar->show();
    m_goToField->setFocus(Qt::ShortcutFocusReason);
    m_goToField->selectAll();
}

void LogViewer::goToTypedLine()
{
    bool ok = false;
    const qint64 line = m_goToField->text().toLongLong(&ok);
    if (!ok || m_view->lineCount() == 0)
        return;
    m_view->goToLine(qBound<qint64>(1, line, m_view->lineCount()) - 1);
    m_goToBar->hide();
    m_view->setFocus();
}

// --- saving ---------------------------------------------------------------------------------

LogViewer::SaveFormat LogViewer::formatForFileName(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return SaveFormat::Html;
    if (suffix == QLatin1String("txt"))
        return SaveFormat::PlainText;
    return SaveFormat::Raw;
}

bool LogViewer::saveTo(const QString &path, SaveFormat format, QString *error) const
{
    if (!m_document) {
        if (error)
            *error = tr("There is no log to save.");
        return false;
    }
    return saveLog(m_document->engine(), m_rawPath, m_title, path, format, error);
}

bool LogViewer::saveLog(const std::shared_ptr<const log::LogEngine> &engine, const QString &rawPath,
                        const QString &title, const QString &path, SaveFormat format,
                        QString *error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error =
                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString());
        return false;
    }
    bool ok = false;
    switch (format) {
    case SaveFormat::PlainText:
        ok = log::writePlainText(*engine, out);
        break;
    case SaveFormat::Html:
        ok = log::writeHtml(*engine, out,
                            title.isEmpty() ? QFileInfo(path).completeBaseName() : title);
        break;
    case SaveFormat::Raw: {
        // The raw bytes are in the opened file or the trace cache (which may be longer than
        // the log while it grows: copy exactly the log's size).
        QFile source(rawPath);
        if (rawPath.isEmpty() || !source.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("The raw log is not available: %1").arg(source.errorString());
            return false;
        }
        qint64 remaining = engine->byteSize();
        ok = true;
        while (remaining > 0 && ok) {
            const QByteArray chunk = source.read(qMin(remaining, kCopyChunk));
            if (chunk.isEmpty())
                break;
            ok = out.write(chunk) == chunk.size();
            remaining -= chunk.size();
        }
        ok = ok && remaining == 0;
        break;
    }
    }
    if (!ok || !out.commit()) {
        if (error)
            *error =
                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString());
        out.cancelWriting();
        return false;
    }
    return true;
}

void LogViewer::saveAsInteractive()
{
    if (!m_document || isSaving())
        return;
    const QString raw = tr("Raw log with colour codes (*.log)");
    const QString plain = tr("Plain text (*.txt)");
    const QString html = tr("Web page (*.html)");
    QString filter = raw;
    const QString suggested =
        m_title.isEmpty() ? QStringLiteral("job.log") : m_title + QStringLiteral(".log");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Log"), suggested,
        raw + QStringLiteral(";;") + plain + QStringLiteral(";;") + html, &filter);
    if (path.isEmpty())
        return;
    SaveFormat format = filter == html    ? SaveFormat::Html
                        : filter == plain ? SaveFormat::PlainText
                                          : SaveFormat::Raw;
    if (QFileInfo(path).suffix().isEmpty() == false && formatForFileName(path) != SaveFormat::Raw)
        format = formatForFileName(path);
    showMessage(tr("Saving\u2026"));
    m_saveWatcher.setProperty("path", path);
    m_saveWatcher.setFuture(
        QtConcurrent::run([engine = std::shared_ptr<const log::LogEngine>(m_document->engine()),
                           raw = m_rawPath, title = m_title, path, format] {
            QString error;
            if (!saveLog(engine, raw, title, path, format, &error) && error.isEmpty())
                error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
            return error;
        }));
}

// --- status ---------------------------------------------------------------------------------

void LogViewer::setLive(bool live)
{
    m_live = live;
    updateStatus();
}

void LogViewer::setDownloading(bool downloading)
{
    if (downloading && !m_downloading) {
        m_downloadedBytes = 0;
        m_downloadTotal = -1;
    }
    m_downloading = downloading;
    updateStatus();
}

void LogViewer::setDownloadProgress(qint64 received, qint64 total)
{
    m_downloadedBytes = received;
    m_downloadTotal = total >= received ? total : -1;
    // Progress comes with every network read; the status line need not change that often.
    if (m_sinceStatusUpdate.isValid() && m_sinceStatusUpdate.elapsed() < 50 && received != total)
        return;
    updateStatus();
}

QString LogViewer::downloadText() const
{
    const QLocale locale;
    const auto size = [&locale](qint64 bytes) {
        return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    if (m_downloadedBytes <= 0)
        return tr("Downloading the log\u2026");
    if (m_downloadTotal > 0)
        return tr("Downloading the log\u2026 %1 of %2")
            .arg(size(m_downloadedBytes), size(m_downloadTotal));
    return tr("Downloading the log\u2026 %1").arg(size(m_downloadedBytes));
}

void LogViewer::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #dd2b0e") : QString());
}

void LogViewer::updateActions()
{
    const bool hasLog = m_document != nullptr;
    const bool hasSections = !m_view->sections().empty();
    const bool timestamps = hasLog && m_document->engine()->hasTimestamps();
    m_timestampsAction->setEnabled(timestamps);
    m_utcAction->setEnabled(timestamps && m_timestampsAction->isChecked());
    m_outlineAction->setEnabled(hasSections);
    m_foldAllAction->setEnabled(hasSections);
    m_unfoldAllAction->setEnabled(hasSections);
    m_outline->setVisible(hasSections && m_outlineAction->isChecked());
    for (QAction *action : {m_findAction, m_goToAction, m_nextErrorAction, m_previousErrorAction,
                            m_endAction, m_saveAction})
        action->setEnabled(hasLog);
}

void LogViewer::updateStatus()
{
    m_sinceStatusUpdate.start();
    const QLocale locale;
    if (!m_document) {
        m_status->setText(tr("No log"));
    } else if (m_downloading && m_view->lineCount() == 0) {
        // Nothing to count yet: say what the wait is for.
        m_status->setText(downloadText());
    } else {
        const qint64 bytes = m_document->engine()->byteSize();
        m_status->setText(
            tr("%1 lines, %2")
                .arg(locale.toString(m_view->lineCount()),
                     locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat)));
    }
    if (m_downloading) {
        // While the trace streams in, the download is what the user waits for, not indexing.
        if (m_downloadTotal > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(m_downloadedBytes * 1000 / m_downloadTotal));
        } else {
            m_progress->setRange(0, 0);
        }
        m_progress->setToolTip(downloadText());
        m_progress->show();
    } else if (m_indexing && m_totalBytes > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(m_indexedBytes * 1000 / m_totalBytes));
        m_progress->setToolTip(tr("Indexing the log\u2026"));
        m_progress->show();
    } else {
        m_progress->hide();
    }
    const bool live = m_live && m_document && !m_document->engine()->isComplete();
    m_liveHint->setVisible(live);
    m_jumpLive->setVisible(live && !m_view->isFollowing());
    m_endAction->setText(live ? tr("Jump to Live") : tr("Go to End"));
    if (live && m_view->isFollowing())
        m_status->setText(m_status->text() + QStringLiteral(" \u2014 ") + tr("following"));
    updateActions();
}

} // namespace pipedeck
