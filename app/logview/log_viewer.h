#pragma once

#include "log/logdocument.h"
#include "log/logsearch.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QToolBar;
class QToolButton;
class QTreeView;

namespace pipedeck {

namespace log {
class LogDocument;
class LogEngine;
} // namespace log

class ErrorFinder;
class LogSearchBar;
class LogView;
class SectionOutlineModel;

// A log with everything around it: the toolbar (find, go to line, next error, timestamps,
// UTC/local, outline, jump to the end or to live output, save as), the outline of sections,
// the find and go-to-line bars, and a status line (lines, size, indexing progress, following).
// Used by LogViewerWindow (saved files) and JobLogPage (a job's trace).
class LogViewer : public QWidget
{
    Q_OBJECT
public:
    enum class SaveFormat { Raw, PlainText, Html };

    explicit LogViewer(QWidget *parent = nullptr);
    ~LogViewer() override;

    // Not owned.
    void setDocument(log::LogDocument *document);
    log::LogDocument *document() const { return m_document; }
    // Where the raw bytes are (the opened file or the trace cache), for "save as raw".
    void setRawSourcePath(const QString &path) { m_rawPath = path; }
    // The title of a saved HTML page.
    void setTitle(const QString &title) { m_title = title; }

    LogView *view() const { return m_view; }
    LogSearchBar *searchBar() const { return m_searchBar; }
    QTreeView *outlineView() const { return m_outline; }
    SectionOutlineModel *outlineModel() const { return m_outlineModel; }
    QToolBar *toolBar() const { return m_toolBar; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *messageLabel() const { return m_message; }
    QProgressBar *progressBar() const { return m_progress; }
    // "GitLab may deliver live output in steps…", shown while a running job is followed.
    QLabel *liveNoticeLabel() const { return m_liveHint; }
    QToolButton *jumpToLiveButton() const { return m_jumpLive; }
    QWidget *goToLineBar() const { return m_goToBar; }
    QLineEdit *goToLineField() const { return m_goToField; }

    QAction *findAction() const { return m_findAction; }
    QAction *goToLineAction() const { return m_goToAction; }
    QAction *nextErrorAction() const { return m_nextErrorAction; }
    QAction *previousErrorAction() const { return m_previousErrorAction; }
    QAction *timestampsAction() const { return m_timestampsAction; }
    QAction *utcAction() const { return m_utcAction; }
    QAction *outlineAction() const { return m_outlineAction; }
    QAction *jumpToEndAction() const { return m_endAction; }
    QAction *saveAsAction() const { return m_saveAction; }

    // --- Search ---
    void find(const log::SearchQuery &query);
    bool isSearching() const;
    qint64 hitCount() const { return m_hitCount; }
    // Index of the current hit among all hits, or -1.
    qint64 currentHitIndex() const { return m_currentHit; }
    const std::vector<log::SearchHit> &storedHits() const { return m_hits; }
    void findNext();
    void findPrevious();

    // --- Errors ---
    void findNextError();
    void findPreviousError();
    bool isFindingError() const;

    // --- Saving ---
    // Writes the whole log to `path` (atomically); runs on any thread.
    bool saveTo(const QString &path, SaveFormat format, QString *error) const;
    static bool saveLog(const std::shared_ptr<const log::LogEngine> &engine, const QString &rawPath,
                        const QString &title, const QString &path, SaveFormat format,
                        QString *error);
    static SaveFormat formatForFileName(const QString &path);
    // Asks for a file name and saves in the background.
    void saveAsInteractive();
    bool isSaving() const { return m_saveWatcher.isRunning(); }

    // --- State shown in the status line ---
    // The log is a running job's: say that GitLab delivers it in steps.
    void setLive(bool live);
    // A download the user waits for: shown with its progress until it ends.
    void setDownloading(bool downloading);
    // `total` is -1 (or smaller than `received`) when the size is not known.
    void setDownloadProgress(qint64 received, qint64 total);
    // How long after a search the log's pages are given back (tests shorten it).
    void setReleaseIdleMs(int ms) { m_releaseIdleMs = ms; }
    // A message at the right of the status line (job status, errors).
    void showMessage(const QString &text, bool isError = false);

    static constexpr size_t kMaxStoredHits = 1'000'000;

Q_SIGNALS:
    void searchFinished(qint64 hits);
    void errorSearchFinished(bool found);
    void saved(const QString &path, bool ok, const QString &error);

private:
    void buildActions();
    void buildLayout();
    void onQueryChanged(const log::SearchQuery &query);
    void onHits(const QList<log::SearchHit> &hits, qint64 runningCount);
    void onSearchFinished(qint64 total, bool cancelled);
    void continueSearch();
    void selectHit(qint64 index);
    qint64 firstHitFrom(qint64 line) const;
    void updateCount();
    void updateStatus();
    QString downloadText() const;
    void updateActions();
    void showGoToLine();
    void goToTypedLine();

    QPointer<log::LogDocument> m_document;
    QString m_rawPath;
    QString m_title;
    bool m_live = false;
    bool m_downloading = false;
    int m_releaseIdleMs = 30'000;
    qint64 m_downloadedBytes = 0;
    qint64 m_downloadTotal = -1;
    QElapsedTimer m_sinceStatusUpdate;

    QToolBar *m_toolBar = nullptr;
    QSplitter *m_splitter = nullptr;
    LogView *m_view = nullptr;
    QTreeView *m_outline = nullptr;
    SectionOutlineModel *m_outlineModel = nullptr;
    LogSearchBar *m_searchBar = nullptr;
    QWidget *m_goToBar = nullptr;
    QLineEdit *m_goToField = nullptr;
    QLabel *m_goToRange = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_liveHint = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_jumpLive = nullptr;

    QAction *m_findAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QAction *m_goToAction = nullptr;
    QAction *m_nextErrorAction = nullptr;
    QAction *m_previousErrorAction = nullptr;
    QAction *m_timestampsAction = nullptr;
    QAction *m_utcAction = nullptr;
    QAction *m_outlineAction = nullptr;
    QAction *m_foldAllAction = nullptr;
    QAction *m_unfoldAllAction = nullptr;
    QAction *m_endAction = nullptr;
    QAction *m_saveAction = nullptr;

    log::LogSearch *m_search = nullptr;
    log::SearchQuery m_query;
    std::vector<log::SearchHit> m_hits;
    qint64 m_hitCount = 0;
    qint64 m_baseCount = 0; // hits before the line a continued search started at
    qint64 m_currentHit = -1;
    qint64 m_searchedLines = 0;
    qint64 m_searchedBytes = 0; // indexed when the last search started: the last line grows
    bool m_searchRunning = false;
    bool m_jumpToFirstHit = false;
    qint64 m_searchOrigin = 0;

    ErrorFinder *m_errorFinder = nullptr;
    qint64 m_indexedBytes = 0;
    qint64 m_totalBytes = 0;
    bool m_indexing = false;
    QFutureWatcher<QString> m_saveWatcher;
};

} // namespace pipedeck
