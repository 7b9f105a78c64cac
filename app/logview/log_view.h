#pragma once

#include "log/foldmap.h"
#include "log/linerenderer.h"
#include "log/logdocument.h"
#include "log/logsearch.h"
#include "log/sectiontree.h"
#include "logview/log_view_theme.h"

#include <QAbstractScrollArea>
#include <QCache>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace pipedeck {

// A view of a job log of any size: a QAbstractScrollArea that lays out and paints only the
// rows on screen (QPlainTextEdit costs ~660 bytes per line and seconds per million lines).
// Rows are log lines minus those hidden in folded sections (FoldMap); scrolling is in rows,
// with 64-bit row numbers mapped onto the scroll bar's int range for logs of billions of
// lines. Rendered lines are cached for the rows near the screen only.
class LogView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // A place in the log: a line and a UTF-16 column of its displayed text.
    struct Position
    {
        qint64 line = 0;
        qsizetype column = 0;
        friend bool operator==(const Position &, const Position &) = default;
        friend bool operator<(const Position &a, const Position &b)
        {
            return a.line < b.line || (a.line == b.line && a.column < b.column);
        }
    };
    enum class TimeZone { Utc, Local };

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    // Not owned. The view follows the document's signals (lines added, reset, sections).
    void setDocument(log::LogDocument *document);
    log::LogDocument *document() const { return m_document; }

    // --- Lines, rows and scrolling ---
    qint64 lineCount() const { return m_lineCount; }
    qint64 rowCount() const { return m_folds.rowCount(); }
    qint64 topRow() const { return m_topRow; }
    qint64 topLine() const;
    // Rows that fit in the viewport (the last one may be partly visible).
    int visibleRowCount() const;
    int lineHeight() const { return m_lineHeight; }
    // Scrolls so that `line` is visible (unfolding the sections that hide it).
    enum class ScrollHint { EnsureVisible, Center, Top };
    void scrollToLine(qint64 line, ScrollHint hint = ScrollHint::EnsureVisible);
    // Moves the current line there, selects it and centres it.
    void goToLine(qint64 line);
    qint64 currentLine() const { return m_currentLine; }
    void scrollToEnd();
    bool isAtEnd() const;
    // A scroll bar value is a row up to this many rows; beyond, values are scaled.
    void setScrollResolution(int maxScrollValue);
    int scrollResolution() const { return m_scrollResolution; }

    // --- Following a growing log ---
    // True while the log is live (not complete) and the view is pinned to its end: new lines
    // scroll into view. Scrolling up unpins; scrolling back to the end pins again.
    bool isFollowing() const;
    bool isPinnedToEnd() const { return m_pinned; }

    // --- Sections and folding ---
    const std::vector<log::Section> &sections() const { return m_sections; }
    const log::FoldMap &foldMap() const { return m_folds; }
    bool isFolded(int section) const { return m_folds.isFolded(section); }
    void setFolded(int section, bool folded);
    void toggleFolded(int section);
    void setAllFolded(bool folded);
    // The outermost section whose header is `line`, or -1.
    int sectionStartingAt(qint64 line) const;

    // --- Display options ---
    void setTimestampsVisible(bool visible);
    bool timestampsVisible() const { return m_showTimestamps; }
    void setTimeZone(TimeZone zone);
    TimeZone timeZone() const { return m_timeZone; }
    // "HH:MM:SS" of a runner timestamp in the chosen zone (empty when there is none).
    QString timestampText(const QString &isoTimestamp) const;
    void setTheme(const LogViewTheme &theme);
    const LogViewTheme &theme() const { return m_theme; }

    // --- Selection and copy ---
    bool hasSelection() const { return m_anchor != m_cursor; }
    Position selectionStart() const { return qMin(m_anchor, m_cursor); }
    Position selectionEnd() const { return qMax(m_anchor, m_cursor); }
    void setSelection(Position anchor, Position cursor);
    void clearSelection();
    void selectAll();
    // The selected displayed text, lines joined with '\n', no escapes. Stops after `maxChars`
    // and sets *truncated then.
    QString selectedText(qsizetype maxChars = kMaxCopyChars, bool *truncated = nullptr) const;
    void copy();
    static constexpr qsizetype kMaxCopyChars = qsizetype(64) << 20;

    // --- Search highlighting (the search itself runs in LogViewer) ---
    // Highlights every match of `query` on screen; an invalid or empty query clears.
    void setHighlight(const log::SearchQuery &query);
    void clearHighlight();
    void setCurrentHit(const log::SearchHit &hit);
    void clearCurrentHit();
    std::optional<log::SearchHit> currentHit() const { return m_currentHit; }

    // --- Geometry, for the outline, tests and tools ---
    // Viewport point in the middle of `column` of `line` (the line must be visible).
    QPoint pointFor(const Position &position) const;
    // Viewport point in the fold marker of the row showing `line`.
    QPoint foldMarkerPoint(qint64 line) const;
    Position positionAt(const QPoint &viewportPoint) const;

    // How many lines the last paint laid out and how many it fetched from the engine
    // (bounded by the rows on screen; the rest came from the cache).
    int linesPaintedInLastPaint() const { return m_paintedLastPaint; }
    int linesFetchedInLastPaint() const { return m_fetchedLastPaint; }

    // Renders lines [first, first+count) through the view's cache (display order).
    QList<log::RenderedLine> renderedLines(qint64 first, qint64 count) const;

Q_SIGNALS:
    void followingChanged(bool following);
    void currentLineChanged(qint64 line);
    void foldingChanged();
    void selectionChanged();
    void sectionsChanged();
    void lineCountChanged(qint64 lines);
    // More of the log was indexed without a new line: the last line may have grown.
    void lastLineGrew();
    // copy() put only part of a huge selection on the clipboard.
    void copyTruncated(qsizetype copiedChars);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct CachedLine
    {
        log::RenderedLine rendered;
        quint64 highlightGeneration = 0;
        QList<log::SearchHit> hits;
    };

    void onLinesAdded(qint64 lineCount);
    void onReset();
    void refreshSections();
    void updateFontMetrics();
    void updateGutter();
    void updateScrollBars();
    void setTopRow(qint64 row, bool byUser);
    qint64 maxTopRow() const;
    void setPinned(bool pinned);
    void invalidateCache();
    // Fills the cache for lines [first, first+count); returns how many came from the engine.
    int fetchLines(qint64 first, qint64 count) const;
    const CachedLine *cached(qint64 line) const;
    const QList<log::SearchHit> &hitsOf(qint64 line, const CachedLine &entry) const;
    void moveCurrentLine(qint64 line, bool extendSelection);
    void paintRow(QPainter &painter, qint64 row, qint64 line, int y, const CachedLine &entry);
    qreal xForColumn(const QString &text, qsizetype column) const;
    qsizetype columnForX(const QString &text, qreal x) const;
    void notifyFollowing();
    bool isLive() const;
    int textLeft() const { return m_textLeft; }
    void autoScrollDuringDrag();

    QPointer<log::LogDocument> m_document;
    std::shared_ptr<log::LogEngine> m_engine;
    std::vector<log::Section> m_sections;
    log::FoldMap m_folds;
    qint64 m_lineCount = 0;
    // Cached from the engine (each call may wait for the indexer's slab in progress).
    bool m_live = false;
    bool m_hasTimestamps = false;
    qsizetype m_sectionsAnnounced = 0;
    qint64 m_topRow = 0;
    qint64 m_currentLine = -1;
    bool m_pinned = true;
    bool m_wasFollowing = false;
    bool m_settingScrollBar = false;
    int m_scrollResolution = 1 << 30;
    QTimer m_sectionTimer;
    qint64 m_lastSectionRefreshMs = -1;

    LogViewTheme m_theme;
    bool m_themeFromPalette = true;
    bool m_showTimestamps = true;
    TimeZone m_timeZone = TimeZone::Utc;
    int m_lineHeight = 16;
    int m_ascent = 12;
    qreal m_charWidth = 8;
    int m_gutterWidth = 0;
    int m_numberWidth = 0;
    int m_foldColumn = 16;
    int m_timestampWidth = 0;
    int m_textLeft = 0;
    qreal m_widestLine = 0;

    Position m_anchor;
    Position m_cursor;
    bool m_selecting = false;
    QPoint m_pressPoint;
    int m_pendingToggleSection = -1;
    QTimer m_dragScrollTimer;
    QPoint m_lastDragPoint;

    std::unique_ptr<log::LogSearcher> m_highlighter;
    quint64 m_highlightGeneration = 1;
    std::optional<log::SearchHit> m_currentHit;

    mutable QCache<qint64, CachedLine> m_cache;
    int m_paintedLastPaint = 0;
    int m_fetchedLastPaint = 0;
    // The first paint with lines after the log was opened (or reset) is reported on
    // pipedeck.perf.
    bool m_firstPaintPending = false;
};

} // namespace pipedeck
