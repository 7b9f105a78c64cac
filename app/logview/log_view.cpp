#include "logview/log_view.h"

#include "logview/log_view_accessible.h"

#include "core/logging.h"
#include "log/logdocument.h"
#include "log/logengine.h"
#include "log/logsyntax.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <limits>

namespace pipedeck {

namespace {
// Text beyond this many characters of one line is not laid out (a 10 MB single line would
// take seconds); selection and copy still use the whole line.
constexpr qsizetype kMaxDisplayChars = 20000;
constexpr qsizetype kLineEnd = std::numeric_limits<qsizetype>::max() / 4;
constexpr int kCacheLines = 4096;
constexpr int kSectionRefreshMs = 100;
constexpr int kTextPadding = 6;

qint64 steadyMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

QString displayed(const QString &text)
{
    if (text.size() <= kMaxDisplayChars)
        return text;
    return text.left(kMaxDisplayChars) + QStringLiteral(" \u2026");
}

QTextCharFormat formatFor(const log::Style &style, const LogViewTheme &theme,
                          const QColor &defaultText)
{
    QTextCharFormat format;
    const QColor background = theme.resolve(style.bg, QColor());
    // On a background the log chose itself, the log's own colours read best (white on red).
    const QColor foreground = background.isValid() && !theme.dark
                                  ? LogViewTheme::darkTheme().resolve(style.fg, defaultText)
                                  : theme.resolve(style.fg, defaultText);
    if (background.isValid())
        format.setBackground(background);
    if (style.has(log::Conceal))
        format.setForeground(background.isValid() ? background : theme.background);
    else
        format.setForeground(foreground);
    if (style.has(log::Bold))
        format.setFontWeight(QFont::Bold);
    if (style.has(log::Italic))
        format.setFontItalic(true);
    if (style.has(log::Underline))
        format.setFontUnderline(true);
    if (style.has(log::Strike))
        format.setFontStrikeOut(true);
    return format;
}

void layoutOneLine(QTextLayout &layout)
{
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.setCacheEnabled(false);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e7);
    layout.endLayout();
}
} // namespace

LogView::LogView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_cache(kCacheLines)
{
    // Once per process: the lines on screen as accessible children (log_view_accessible.h).
    static const bool accessibleLines =
        (QAccessible::installFactory(&LogViewAccessible::factory), true);
    Q_UNUSED(accessibleLines)
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, false);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_theme = LogViewTheme::forPalette(palette());
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    setFont(font);
    updateFontMetrics();

    m_sectionTimer.setSingleShot(true);
    m_sectionTimer.setInterval(kSectionRefreshMs);
    connect(&m_sectionTimer, &QTimer::timeout, this, &LogView::refreshSections);
    m_dragScrollTimer.setInterval(40);
    connect(&m_dragScrollTimer, &QTimer::timeout, this, &LogView::autoScrollDuringDrag);
}

LogView::~LogView() = default;

void LogView::setDocument(log::LogDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_engine = document ? document->engine() : nullptr;
    onReset();
    if (!document)
        return;
    connect(document, &log::LogDocument::reset, this, &LogView::onReset);
    connect(document, &log::LogDocument::linesAdded, this, &LogView::onLinesAdded);
    connect(document, &log::LogDocument::sectionsChanged, this, [this](qsizetype count) {
        m_sectionsAnnounced = count;
        if (steadyMs() - m_lastSectionRefreshMs >= kSectionRefreshMs || m_sections.empty())
            refreshSections();
        else if (!m_sectionTimer.isActive())
            m_sectionTimer.start();
    });
    connect(document, &log::LogDocument::indexingFinished, this, [this](qint64 lines) {
        onLinesAdded(lines);
        m_live = !m_engine->isComplete();
        notifyFollowing();
        refreshSections();
    });
    m_sectionsAnnounced = m_engine->sectionCount();
    if (m_engine->lineCount() > 0)
        onLinesAdded(m_engine->lineCount());
}

// --- model updates --------------------------------------------------------------------------

void LogView::onReset()
{
    m_sectionTimer.stop();
    m_sections.clear();
    m_sectionsAnnounced = 0;
    m_folds.clear();
    m_lineCount = 0;
    m_hasTimestamps = false;
    m_live = m_engine && !m_engine->isComplete();
    m_topRow = 0;
    m_currentLine = -1;
    m_anchor = m_cursor = {};
    m_currentHit.reset();
    m_widestLine = 0;
    m_firstPaintPending = true;
    invalidateCache();
    updateGutter();
    updateScrollBars();
    viewport()->update();
    Q_EMIT lineCountChanged(0);
    Q_EMIT sectionsChanged();
    notifyFollowing();
}

void LogView::onLinesAdded(qint64 lineCount)
{
    if (!m_engine)
        return;
    // Every engine call may wait for the indexer's current slab: ask as little as possible.
    m_live = !m_engine->isComplete();
    if (!m_hasTimestamps && m_lineCount < 2 && lineCount > 0)
        m_hasTimestamps = m_engine->hasTimestamps();
    const qint64 old = m_lineCount;
    if (lineCount == old && old > 0) {
        // The open last line may have grown.
        m_cache.remove(old - 1);
        viewport()->update();
        Q_EMIT lastLineGrew();
        notifyFollowing();
        return;
    }
    const qint64 anchorLine = topLine();
    for (qint64 line = qMax<qint64>(0, old - 1); line < old; ++line)
        m_cache.remove(line);
    m_lineCount = lineCount;
    m_folds.update(m_sections, m_lineCount);
    const bool sectionsStale = m_sectionsAnnounced != qsizetype(m_sections.size()) ||
                               std::any_of(m_sections.begin(), m_sections.end(),
                                           [](const log::Section &s) { return s.isOpen(); });
    if (sectionsStale) {
        if (steadyMs() - m_lastSectionRefreshMs >= kSectionRefreshMs)
            refreshSections();
        else if (!m_sectionTimer.isActive())
            m_sectionTimer.start();
    }
    updateGutter();
    if (isFollowing())
        m_topRow = maxTopRow();
    else
        m_topRow = qBound<qint64>(0, m_folds.rowForLine(anchorLine), maxTopRow());
    updateScrollBars();
    viewport()->update();
    Q_EMIT lineCountChanged(m_lineCount);
    notifyFollowing();
}

void LogView::refreshSections()
{
    if (!m_engine)
        return;
    m_sectionTimer.stop();
    m_lastSectionRefreshMs = steadyMs();
    const qint64 anchorLine = topLine();
    m_sections = m_engine->sections();
    m_sectionsAnnounced = qMax(m_sectionsAnnounced, qsizetype(m_sections.size()));
    m_folds.update(m_sections, m_lineCount);
    if (isFollowing())
        m_topRow = maxTopRow();
    else
        m_topRow = qBound<qint64>(0, m_folds.rowForLine(anchorLine), maxTopRow());
    updateScrollBars();
    viewport()->update();
    Q_EMIT sectionsChanged();
}

void LogView::invalidateCache()
{
    m_cache.clear();
}

bool LogView::isLive() const
{
    return m_engine && m_live;
}

bool LogView::isFollowing() const
{
    return m_pinned && isLive();
}

void LogView::setPinned(bool pinned)
{
    m_pinned = pinned;
    notifyFollowing();
}

void LogView::notifyFollowing()
{
    const bool following = isFollowing();
    if (following != m_wasFollowing) {
        m_wasFollowing = following;
        Q_EMIT followingChanged(following);
    }
}

// --- geometry -------------------------------------------------------------------------------

void LogView::updateFontMetrics()
{
    const QFontMetricsF metrics(font());
    m_lineHeight = qMax(1, qCeil(metrics.height()) + 2);
    m_ascent = qCeil(metrics.ascent()) + 1;
    m_charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    m_foldColumn = m_lineHeight;
    invalidateCache();
    updateGutter();
}

void LogView::updateGutter()
{
    const int digits = qMax(4, int(QString::number(qMax<qint64>(1, m_lineCount)).size()));
    m_numberWidth = qCeil(m_charWidth * digits) + 2 * kTextPadding;
    m_gutterWidth = m_numberWidth + m_foldColumn;
    const bool showTime = m_showTimestamps && m_engine && m_hasTimestamps;
    m_timestampWidth = showTime ? qCeil(m_charWidth * 8) + 2 * kTextPadding : 0;
    m_textLeft = m_gutterWidth + m_timestampWidth + kTextPadding;
}

int LogView::visibleRowCount() const
{
    return viewport()->height() / m_lineHeight + 1;
}

qint64 LogView::maxTopRow() const
{
    const qint64 fullRows = qMax(1, viewport()->height() / m_lineHeight);
    return qMax<qint64>(0, rowCount() - fullRows);
}

qint64 LogView::topLine() const
{
    return m_lineCount == 0 ? 0 : m_folds.lineForRow(m_topRow);
}

void LogView::setScrollResolution(int maxScrollValue)
{
    m_scrollResolution = qMax(100, maxScrollValue);
    updateScrollBars();
}

void LogView::updateScrollBars()
{
    const qint64 maxTop = maxTopRow();
    const int pageRows = qMax(1, viewport()->height() / m_lineHeight);
    m_settingScrollBar = true;
    QScrollBar *bar = verticalScrollBar();
    if (maxTop <= m_scrollResolution) {
        bar->setRange(0, int(maxTop));
        bar->setPageStep(pageRows);
        bar->setSingleStep(1);
        bar->setValue(int(m_topRow));
    } else {
        // Too many rows for an int: the bar moves in fractions of the log.
        const long double scale = (long double)m_scrollResolution / (long double)maxTop;
        bar->setRange(0, m_scrollResolution);
        bar->setPageStep(qMax(1, int(pageRows * scale)));
        bar->setSingleStep(1);
        bar->setValue(int((long double)m_topRow * scale));
    }
    QScrollBar *hbar = horizontalScrollBar();
    const int contentWidth = m_textLeft + qCeil(m_widestLine) + 4 * kTextPadding;
    hbar->setRange(0, qMax(0, contentWidth - viewport()->width()));
    hbar->setPageStep(viewport()->width());
    hbar->setSingleStep(qMax(1, qRound(m_charWidth * 4)));
    m_settingScrollBar = false;
}

void LogView::setTopRow(qint64 row, bool byUser)
{
    const qint64 maxTop = maxTopRow();
    row = qBound<qint64>(0, row, maxTop);
    if (row != m_topRow) {
        m_topRow = row;
        updateScrollBars();
        viewport()->update();
    }
    if (byUser)
        setPinned(m_topRow >= maxTop);
}

void LogView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx)
    if (m_settingScrollBar) {
        viewport()->update();
        return;
    }
    if (dy != 0) {
        const qint64 maxTop = maxTopRow();
        const int value = verticalScrollBar()->value();
        qint64 row = value;
        if (maxTop > m_scrollResolution)
            row =
                qint64((long double)value * (long double)maxTop / (long double)m_scrollResolution);
        if (value == verticalScrollBar()->maximum())
            row = maxTop;
        setTopRow(row, true);
    }
    viewport()->update();
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (isFollowing())
        m_topRow = maxTopRow();
    else
        m_topRow = qMin(m_topRow, maxTopRow());
    updateScrollBars();
}

void LogView::scrollToLine(qint64 line, ScrollHint hint)
{
    if (m_lineCount == 0)
        return;
    line = qBound<qint64>(0, line, m_lineCount - 1);
    // Unfold every folded section that hides the line.
    bool unfolded = false;
    while (m_folds.isHidden(line)) {
        const qint64 headerRow = m_folds.rowForLine(line);
        const int section = sectionStartingAt(m_folds.lineForRow(headerRow));
        if (section < 0 || !m_folds.isFolded(section))
            break;
        m_folds.setFolded(section, false);
        unfolded = true;
    }
    if (unfolded)
        Q_EMIT foldingChanged();
    const qint64 row = m_folds.rowForLine(line);
    const qint64 fullRows = qMax(1, viewport()->height() / m_lineHeight);
    qint64 top = m_topRow;
    switch (hint) {
    case ScrollHint::EnsureVisible:
        if (row < m_topRow)
            top = row;
        else if (row >= m_topRow + fullRows)
            top = row - fullRows + 1;
        break;
    case ScrollHint::Center:
        top = row - fullRows / 2;
        break;
    case ScrollHint::Top:
        top = row;
        break;
    }
    updateScrollBars();
    setTopRow(top, true);
    viewport()->update();
}

void LogView::goToLine(qint64 line)
{
    if (m_lineCount == 0)
        return;
    line = qBound<qint64>(0, line, m_lineCount - 1);
    scrollToLine(line, ScrollHint::Center);
    m_currentLine = line;
    setSelection({line, 0}, {line, kLineEnd});
    Q_EMIT currentLineChanged(line);
}

void LogView::scrollToEnd()
{
    setTopRow(maxTopRow(), false);
    setPinned(true);
}

bool LogView::isAtEnd() const
{
    return m_topRow >= maxTopRow();
}

// --- folding --------------------------------------------------------------------------------

int LogView::sectionStartingAt(qint64 line) const
{
    const auto it = std::lower_bound(
        m_sections.begin(), m_sections.end(), line,
        [](const log::Section &section, qint64 l) { return section.startLine < l; });
    if (it == m_sections.end() || it->startLine != line)
        return -1;
    return int(it - m_sections.begin());
}

void LogView::setFolded(int section, bool folded)
{
    if (section < 0 || size_t(section) >= m_sections.size() || m_folds.isFolded(section) == folded)
        return;
    QElapsedTimer timer;
    timer.start();
    const qint64 anchorLine = topLine();
    m_folds.setFolded(section, folded);
    m_topRow = qBound<qint64>(0, m_folds.rowForLine(anchorLine), maxTopRow());
    if (m_currentLine >= 0 && m_folds.isHidden(m_currentLine))
        m_currentLine = m_sections[size_t(section)].startLine;
    updateScrollBars();
    viewport()->update();
    qCDebug(lcPerf) << "fold" << folded << "of section" << section << "took"
                    << timer.nsecsElapsed() / 1e6 << "ms";
    Q_EMIT foldingChanged();
}

void LogView::toggleFolded(int section)
{
    setFolded(section, !m_folds.isFolded(section));
}

void LogView::setAllFolded(bool folded)
{
    const qint64 anchorLine = topLine();
    m_folds.setAllFolded(folded);
    m_topRow = qBound<qint64>(0, m_folds.rowForLine(anchorLine), maxTopRow());
    updateScrollBars();
    viewport()->update();
    Q_EMIT foldingChanged();
}

// --- options --------------------------------------------------------------------------------

void LogView::setTimestampsVisible(bool visible)
{
    if (m_showTimestamps == visible)
        return;
    m_showTimestamps = visible;
    updateGutter();
    updateScrollBars();
    viewport()->update();
}

void LogView::setTimeZone(TimeZone zone)
{
    m_timeZone = zone;
    viewport()->update();
}

QString LogView::timestampText(const QString &iso) const
{
    // "2024-05-14T11:19:19.899359Z"
    if (iso.size() < 19)
        return {};
    auto number = [&](int from, int length) { return QStringView(iso).mid(from, length).toInt(); };
    const QDateTime utc(QDate(number(0, 4), number(5, 2), number(8, 2)),
                        QTime(number(11, 2), number(14, 2), number(17, 2)), Qt::UTC);
    if (!utc.isValid())
        return {};
    const QDateTime shown = m_timeZone == TimeZone::Utc ? utc : utc.toLocalTime();
    return shown.toString(QStringLiteral("HH:mm:ss"));
}

void LogView::setTheme(const LogViewTheme &theme)
{
    m_theme = theme;
    m_themeFromPalette = false;
    viewport()->update();
}

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_themeFromPalette) {
        m_theme = LogViewTheme::forPalette(palette());
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        updateFontMetrics();
        updateScrollBars();
        viewport()->update();
    }
}

// --- search highlighting --------------------------------------------------------------------

void LogView::setHighlight(const log::SearchQuery &query)
{
    ++m_highlightGeneration;
    m_highlighter.reset();
    if (!query.pattern.isEmpty()) {
        auto searcher = std::make_unique<log::LogSearcher>(query);
        if (searcher->isValid())
            m_highlighter = std::move(searcher);
    }
    viewport()->update();
}

void LogView::clearHighlight()
{
    ++m_highlightGeneration;
    m_highlighter.reset();
    m_currentHit.reset();
    viewport()->update();
}

void LogView::setCurrentHit(const log::SearchHit &hit)
{
    m_currentHit = hit;
    scrollToLine(hit.line, ScrollHint::EnsureVisible);
    // Keep the hit away from the edges.
    const qint64 row = m_folds.rowForLine(hit.line);
    const qint64 fullRows = qMax(1, viewport()->height() / m_lineHeight);
    if (row - m_topRow < 2 || m_topRow + fullRows - row < 3)
        scrollToLine(hit.line, ScrollHint::Center);
    m_currentLine = hit.line;
    // Horizontal: bring the hit into view.
    const CachedLine *entry = cached(hit.line);
    if (entry) {
        const QString text = displayed(entry->rendered.text);
        const qreal x = xForColumn(text, hit.from);
        QScrollBar *hbar = horizontalScrollBar();
        const int textWidth = viewport()->width() - m_textLeft;
        if (x < hbar->value() || x > hbar->value() + textWidth - 4 * m_charWidth) {
            m_widestLine = qMax(m_widestLine, x + textWidth);
            updateScrollBars();
            hbar->setValue(qMax(0, int(x - textWidth / 3)));
        }
    }
    viewport()->update();
}

void LogView::clearCurrentHit()
{
    m_currentHit.reset();
    viewport()->update();
}

// --- lines ----------------------------------------------------------------------------------

int LogView::fetchLines(qint64 first, qint64 count) const
{
    if (!m_engine)
        return 0;
    int fetched = 0;
    qint64 line = first;
    const qint64 end = first + count;
    while (line < end) {
        if (m_cache.contains(line)) {
            ++line;
            continue;
        }
        qint64 runEnd = line + 1;
        while (runEnd < end && !m_cache.contains(runEnd))
            ++runEnd;
        const QList<log::RenderedLine> lines = m_engine->lines(line, runEnd - line);
        for (qsizetype i = 0; i < lines.size(); ++i)
            m_cache.insert(line + i, new CachedLine{lines[i], 0, {}});
        fetched += int(lines.size());
        if (lines.size() < runEnd - line)
            break; // the log changed underneath
        line = runEnd;
    }
    return fetched;
}

const LogView::CachedLine *LogView::cached(qint64 line) const
{
    if (line < 0 || line >= m_lineCount)
        return nullptr;
    if (!m_cache.contains(line))
        fetchLines(line, 1);
    return m_cache.object(line);
}

QList<log::RenderedLine> LogView::renderedLines(qint64 first, qint64 count) const
{
    QList<log::RenderedLine> out;
    fetchLines(first, count);
    for (qint64 line = first; line < first + count; ++line) {
        if (const CachedLine *entry = cached(line))
            out.append(entry->rendered);
    }
    return out;
}

const QList<log::SearchHit> &LogView::hitsOf(qint64 line, const CachedLine &entry) const
{
    auto &mutableEntry = const_cast<CachedLine &>(entry);
    if (mutableEntry.highlightGeneration != m_highlightGeneration) {
        mutableEntry.hits.clear();
        if (m_highlighter)
            m_highlighter->matchText(entry.rendered.text, line, mutableEntry.hits);
        mutableEntry.highlightGeneration = m_highlightGeneration;
    }
    return entry.hits;
}

// --- painting -------------------------------------------------------------------------------

void LogView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(viewport());
    const QRect area = viewport()->rect();
    painter.fillRect(area, m_theme.background);
    painter.fillRect(QRect(0, 0, m_gutterWidth, area.height()), m_theme.gutterBackground);
    m_paintedLastPaint = 0;
    m_fetchedLastPaint = 0;
    if (!m_engine || m_lineCount == 0)
        return;

    const qint64 rows = qMin<qint64>(visibleRowCount(), rowCount() - m_topRow);
    std::vector<qint64> lines;
    lines.reserve(size_t(qMax<qint64>(0, rows)));
    for (qint64 r = 0; r < rows; ++r)
        lines.push_back(m_folds.lineForRow(m_topRow + r));
    // Fetch what is not cached in runs of consecutive lines (one style walk per run).
    for (size_t i = 0; i < lines.size();) {
        size_t j = i + 1;
        while (j < lines.size() && lines[j] == lines[j - 1] + 1)
            ++j;
        m_fetchedLastPaint += fetchLines(lines[i], qint64(j - i));
        i = j;
    }
    painter.setFont(font());
    const qreal widestBefore = m_widestLine;
    for (size_t i = 0; i < lines.size(); ++i) {
        const CachedLine *entry = cached(lines[i]);
        if (!entry)
            continue;
        paintRow(painter, m_topRow + qint64(i), lines[i], int(i) * m_lineHeight, *entry);
        ++m_paintedLastPaint;
    }
    if (m_firstPaintPending && m_paintedLastPaint > 0 && m_document) {
        m_firstPaintPending = false;
        qCInfo(lcPerf).nospace() << "open to first paint: " << m_document->msSinceOpened()
                                 << " ms (" << m_paintedLastPaint << " lines of " << m_lineCount
                                 << " indexed so far)";
    }
    // The horizontal range grows with the widest line seen; not from inside a paint.
    if (m_widestLine > widestBefore)
        QMetaObject::invokeMethod(this, &LogView::updateScrollBars, Qt::QueuedConnection);
}

void LogView::paintRow(QPainter &painter, qint64 row, qint64 line, int y, const CachedLine &entry)
{
    Q_UNUSED(row)
    const int width = viewport()->width();
    const int section = sectionStartingAt(line);
    const bool header = section >= 0;
    const QRect rowRect(m_gutterWidth, y, width - m_gutterWidth, m_lineHeight);
    if (header)
        painter.fillRect(rowRect, m_theme.headerBackground);
    else if (line == m_currentLine)
        painter.fillRect(rowRect, m_theme.currentLine);

    // Gutter: line number and fold marker.
    painter.setPen(line == m_currentLine ? m_theme.text : m_theme.gutterText);
    painter.drawText(QRect(0, y, m_numberWidth - kTextPadding, m_lineHeight),
                     Qt::AlignRight | Qt::AlignVCenter, QString::number(line + 1));
    if (header) {
        const bool folded = m_folds.isFolded(section);
        const QRectF box(m_numberWidth, y, m_foldColumn, m_lineHeight);
        const QPointF c = box.center();
        const qreal s = m_lineHeight * 0.2;
        QPolygonF arrow;
        if (folded)
            arrow << QPointF(c.x() - s * 0.6, c.y() - s) << QPointF(c.x() + s * 0.8, c.y())
                  << QPointF(c.x() - s * 0.6, c.y() + s);
        else
            arrow << QPointF(c.x() - s, c.y() - s * 0.6) << QPointF(c.x() + s, c.y() - s * 0.6)
                  << QPointF(c.x(), c.y() + s * 0.8);
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_theme.foldMarker);
        painter.drawPolygon(arrow);
        painter.restore();
    }

    painter.save();
    painter.setClipRect(QRect(m_gutterWidth, y, width - m_gutterWidth, m_lineHeight));
    if (m_timestampWidth > 0 && !entry.rendered.timestamp.isEmpty()) {
        painter.setPen(m_theme.timestampText);
        painter.drawText(QRect(m_gutterWidth + kTextPadding, y, m_timestampWidth, m_lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, timestampText(entry.rendered.timestamp));
    }

    const QString text = displayed(entry.rendered.text);
    QTextLayout layout(text, font());
    QList<QTextLayout::FormatRange> formats;
    const QColor defaultText = header ? m_theme.headerText : m_theme.text;
    {
        QTextLayout::FormatRange all;
        all.start = 0;
        all.length = int(text.size());
        all.format.setForeground(defaultText);
        if (header)
            all.format.setFontWeight(QFont::DemiBold);
        formats.append(all);
    }
    for (const log::StyleRun &run : entry.rendered.runs) {
        if (run.from >= text.size())
            break;
        QTextLayout::FormatRange range;
        range.start = int(run.from);
        range.length = int(qMin(run.to, text.size()) - run.from);
        range.format = formatFor(run.style, m_theme, defaultText);
        if (header && !run.style.has(log::Bold))
            range.format.setFontWeight(QFont::DemiBold);
        formats.append(range);
    }
    layout.setFormats(formats);
    layoutOneLine(layout);
    m_widestLine = qMax(m_widestLine, layout.lineAt(0).naturalTextWidth());

    QList<QTextLayout::FormatRange> overlays;
    for (const log::SearchHit &hit : hitsOf(line, entry)) {
        if (hit.from >= text.size())
            break;
        QTextLayout::FormatRange range;
        range.start = int(hit.from);
        range.length = int(qMin(hit.from + hit.length, text.size()) - hit.from);
        const bool current =
            m_currentHit && m_currentHit->line == line && m_currentHit->from == hit.from;
        range.format.setBackground(current ? m_theme.currentHit : m_theme.hit);
        if (current)
            range.format.setForeground(QColor(0x1f, 0x1f, 0x1f));
        overlays.append(range);
    }
    if (hasSelection()) {
        const Position start = selectionStart();
        const Position end = selectionEnd();
        if (line >= start.line && line <= end.line) {
            const qsizetype from = line == start.line ? qMin(start.column, text.size()) : 0;
            const qsizetype to = line == end.line ? qMin(end.column, text.size()) : text.size();
            if (to > from) {
                QTextLayout::FormatRange range;
                range.start = int(from);
                range.length = int(to - from);
                range.format.setBackground(m_theme.selection);
                range.format.setForeground(m_theme.selectionText);
                overlays.append(range);
            }
            // A selected line break shows as a small block after the text.
            if (line < end.line) {
                const qreal x = m_textLeft - horizontalScrollBar()->value() +
                                layout.lineAt(0).naturalTextWidth();
                painter.fillRect(QRectF(x, y, m_charWidth * 0.6, m_lineHeight), m_theme.selection);
            }
        }
    }
    const QPointF origin(m_textLeft - horizontalScrollBar()->value(),
                         y + (m_lineHeight - layout.lineAt(0).height()) / 2.0);
    painter.setClipRect(QRect(m_gutterWidth + m_timestampWidth, y,
                              width - m_gutterWidth - m_timestampWidth, m_lineHeight));
    layout.draw(&painter, origin, overlays);

    if (header) {
        const log::Section &s = m_sections[size_t(section)];
        if (!s.hideDuration && !s.isOpen()) {
            const QString duration = log::syntax::formatSectionDuration(s.durationSeconds());
            const int w = QFontMetrics(font()).horizontalAdvance(duration) + 2 * kTextPadding;
            const QRect badge(width - w - kTextPadding, y, w, m_lineHeight);
            painter.setClipping(false);
            painter.fillRect(badge.adjusted(-kTextPadding, 0, kTextPadding, 0),
                             m_theme.headerBackground);
            painter.setPen(m_theme.durationText);
            painter.drawText(badge, Qt::AlignCenter, duration);
        }
    }
    painter.restore();
}

// --- positions ------------------------------------------------------------------------------

qreal LogView::xForColumn(const QString &text, qsizetype column) const
{
    const QString shown = displayed(text);
    QTextLayout layout(shown, font());
    layoutOneLine(layout);
    return layout.lineAt(0).cursorToX(int(qBound<qsizetype>(0, column, shown.size())));
}

qsizetype LogView::columnForX(const QString &text, qreal x) const
{
    const QString shown = displayed(text);
    QTextLayout layout(shown, font());
    layoutOneLine(layout);
    const int column = layout.lineAt(0).xToCursor(x, QTextLine::CursorBetweenCharacters);
    return qMin<qsizetype>(column, text.size());
}

LogView::Position LogView::positionAt(const QPoint &point) const
{
    if (m_lineCount == 0)
        return {};
    const qint64 row =
        qBound<qint64>(0, m_topRow + qFloor(qreal(point.y()) / m_lineHeight), rowCount() - 1);
    if (point.y() < 0 && m_topRow == 0)
        return {m_folds.lineForRow(0), 0};
    const qint64 line = m_folds.lineForRow(row);
    const CachedLine *entry = cached(line);
    if (!entry)
        return {line, 0};
    const qreal x = point.x() - m_textLeft + horizontalScrollBar()->value();
    return {line, columnForX(entry->rendered.text, x)};
}

QPoint LogView::pointFor(const Position &position) const
{
    const qint64 row = m_folds.rowForLine(position.line) - m_topRow;
    const int y = int(row) * m_lineHeight + m_lineHeight / 2;
    const CachedLine *entry = cached(position.line);
    const qreal x = entry ? xForColumn(entry->rendered.text, position.column) : 0;
    return QPoint(m_textLeft - horizontalScrollBar()->value() + qRound(x) + 1, y);
}

QPoint LogView::foldMarkerPoint(qint64 line) const
{
    const qint64 row = m_folds.rowForLine(line) - m_topRow;
    return QPoint(m_numberWidth + m_foldColumn / 2, int(row) * m_lineHeight + m_lineHeight / 2);
}

// --- selection ------------------------------------------------------------------------------

void LogView::setSelection(Position anchor, Position cursor)
{
    m_anchor = anchor;
    m_cursor = cursor;
    viewport()->update();
    Q_EMIT selectionChanged();
}

void LogView::clearSelection()
{
    setSelection(m_cursor, m_cursor);
}

void LogView::selectAll()
{
    if (m_lineCount == 0)
        return;
    setSelection({0, 0}, {m_lineCount - 1, kLineEnd});
}

QString LogView::selectedText(qsizetype maxChars, bool *truncated) const
{
    if (truncated)
        *truncated = false;
    if (!hasSelection() || !m_engine)
        return {};
    const Position start = selectionStart();
    const Position end = selectionEnd();
    QString out;
    constexpr qint64 kBatch = 4096;
    for (qint64 first = start.line; first <= end.line; first += kBatch) {
        const qint64 count = qMin(kBatch, end.line - first + 1);
        const QList<log::RenderedLine> lines = m_engine->lines(first, count);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const qint64 line = first + i;
            const QString &text = lines[i].text;
            const qsizetype from = line == start.line ? qMin(start.column, text.size()) : 0;
            const qsizetype to = line == end.line ? qMin(end.column, text.size()) : text.size();
            if (line != start.line)
                out += QLatin1Char('\n');
            out += QStringView(text).mid(from, qMax<qsizetype>(0, to - from));
            if (out.size() >= maxChars) {
                out.truncate(maxChars);
                if (truncated)
                    *truncated = true;
                return out;
            }
        }
        if (lines.size() < count)
            break;
    }
    return out;
}

void LogView::copy()
{
    if (!hasSelection())
        return;
    bool truncated = false;
    const QString text = selectedText(kMaxCopyChars, &truncated);
    QGuiApplication::clipboard()->setText(text);
    if (truncated)
        Q_EMIT copyTruncated(text.size());
}

// --- input ----------------------------------------------------------------------------------

void LogView::moveCurrentLine(qint64 line, bool extendSelection)
{
    if (m_lineCount == 0)
        return;
    line = qBound<qint64>(0, line, m_lineCount - 1);
    const qint64 previous = m_currentLine < 0 ? topLine() : m_currentLine;
    if (extendSelection) {
        if (!hasSelection())
            m_anchor = line >= previous ? Position{previous, 0} : Position{previous, kLineEnd};
        const Position cursor =
            line >= m_anchor.line ? Position{line, kLineEnd} : Position{line, 0};
        setSelection(m_anchor, cursor);
    } else if (hasSelection()) {
        clearSelection();
    }
    m_currentLine = line;
    scrollToLine(line, ScrollHint::EnsureVisible);
    if (line == m_lineCount - 1)
        scrollToEnd();
    viewport()->update();
    Q_EMIT currentLineChanged(line);
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    if (m_lineCount == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const qint64 current = m_currentLine < 0 ? topLine() : m_currentLine;
    const qint64 currentRow = m_folds.rowForLine(current);
    const qint64 pageRows = qMax(1, viewport()->height() / m_lineHeight - 1);
    auto lineAtRow = [this](qint64 row) {
        return m_folds.lineForRow(qBound<qint64>(0, row, rowCount() - 1));
    };
    switch (event->key()) {
    case Qt::Key_Up:
        moveCurrentLine(lineAtRow(currentRow - 1), shift);
        return;
    case Qt::Key_Down:
        moveCurrentLine(lineAtRow(currentRow + 1), shift);
        return;
    case Qt::Key_PageUp:
        setTopRow(m_topRow - pageRows, true);
        moveCurrentLine(lineAtRow(currentRow - pageRows), shift);
        return;
    case Qt::Key_PageDown:
        setTopRow(m_topRow + pageRows, true);
        moveCurrentLine(lineAtRow(currentRow + pageRows), shift);
        return;
    case Qt::Key_Home:
        moveCurrentLine(0, shift);
        setTopRow(0, true);
        return;
    case Qt::Key_End:
        moveCurrentLine(m_lineCount - 1, shift);
        scrollToEnd();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int section = sectionStartingAt(current);
        const bool fold = event->key() == Qt::Key_Left;
        if (section >= 0 && m_folds.isFolded(section) != fold) {
            setFolded(section, fold);
        } else if (fold) {
            const int inner = m_engine->innermostSection(current);
            if (inner >= 0 && size_t(inner) < m_sections.size())
                moveCurrentLine(m_sections[size_t(inner)].startLine, false);
        } else {
            QScrollBar *hbar = horizontalScrollBar();
            hbar->setValue(hbar->value() + hbar->singleStep());
        }
        return;
    }
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const int section = sectionStartingAt(current);
        if (section >= 0) {
            toggleFolded(section);
            return;
        }
        break;
    }
    case Qt::Key_Escape:
        if (hasSelection()) {
            clearSelection();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LogView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier ||
        qAbs(event->angleDelta().x()) > qAbs(event->angleDelta().y())) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    const QPoint pixels = event->pixelDelta();
    qint64 rows = 0;
    if (!pixels.isNull())
        rows = -pixels.y() / m_lineHeight;
    else
        rows = -qint64(event->angleDelta().y()) * QApplication::wheelScrollLines() / 120;
    if (rows == 0 && event->angleDelta().y() != 0)
        rows = event->angleDelta().y() > 0 ? -1 : 1;
    setTopRow(m_topRow + rows, true);
    event->accept();
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_lineCount == 0) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const QPoint p = event->position().toPoint();
    const Position pos = positionAt(p);
    const int section = sectionStartingAt(pos.line);
    m_pendingToggleSection = -1;
    if (p.x() < m_gutterWidth) {
        if (p.x() >= m_numberWidth && section >= 0) {
            toggleFolded(section);
            return;
        }
        // A click on the line number selects the line.
        m_currentLine = pos.line;
        setSelection({pos.line, 0}, {pos.line, kLineEnd});
        Q_EMIT currentLineChanged(pos.line);
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        setSelection(m_anchor, pos);
    } else {
        setSelection(pos, pos);
        m_pendingToggleSection = section;
    }
    m_selecting = true;
    m_pressPoint = p;
    m_currentLine = pos.line;
    Q_EMIT currentLineChanged(pos.line);
    viewport()->update();
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    const QPoint p = event->position().toPoint();
    if ((p - m_pressPoint).manhattanLength() >= QApplication::startDragDistance())
        m_pendingToggleSection = -1;
    m_lastDragPoint = p;
    setSelection(m_anchor, positionAt(p));
    if (p.y() < 0 || p.y() > viewport()->height()) {
        if (!m_dragScrollTimer.isActive())
            m_dragScrollTimer.start();
    } else {
        m_dragScrollTimer.stop();
    }
}

void LogView::autoScrollDuringDrag()
{
    if (!m_selecting) {
        m_dragScrollTimer.stop();
        return;
    }
    const int y = m_lastDragPoint.y();
    const int rows =
        y < 0 ? -(1 + -y / m_lineHeight) : 1 + (y - viewport()->height()) / m_lineHeight;
    setTopRow(m_topRow + rows, true);
    setSelection(m_anchor, positionAt(m_lastDragPoint));
}

void LogView::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    if (event->button() != Qt::LeftButton || !m_selecting)
        return;
    m_selecting = false;
    m_dragScrollTimer.stop();
    if (m_pendingToggleSection >= 0) {
        const int section = m_pendingToggleSection;
        m_pendingToggleSection = -1;
        clearSelection();
        toggleFolded(section);
    }
}

void LogView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_lineCount == 0)
        return;
    const QPoint p = event->position().toPoint();
    if (p.x() < m_gutterWidth)
        return;
    const Position pos = positionAt(p);
    const CachedLine *entry = cached(pos.line);
    if (!entry)
        return;
    const QString &text = entry->rendered.text;
    auto isWord = [&](qsizetype i) {
        return i >= 0 && i < text.size() &&
               (text.at(i).isLetterOrNumber() || text.at(i) == QLatin1Char('_'));
    };
    qsizetype from = pos.column;
    qsizetype to = pos.column;
    if (!isWord(from) && isWord(from - 1))
        from = to = from - 1;
    while (isWord(from - 1))
        --from;
    while (isWord(to))
        ++to;
    m_pendingToggleSection = -1;
    m_selecting = false;
    setSelection({pos.line, from}, {pos.line, to});
}

bool LogView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Position pos = positionAt(help->pos());
        const CachedLine *entry = cached(pos.line);
        if (entry && !entry->rendered.timestamp.isEmpty() && help->pos().x() >= m_gutterWidth &&
            help->pos().x() < m_gutterWidth + m_timestampWidth) {
            QToolTip::showText(help->globalPos(), entry->rendered.timestamp, viewport());
            return true;
        }
        const int section = sectionStartingAt(pos.line);
        if (section >= 0 && help->pos().x() < m_gutterWidth) {
            QToolTip::showText(help->globalPos(), m_sections[size_t(section)].name, viewport());
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace pipedeck
