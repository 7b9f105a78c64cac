#include "pipelines/pipeline_graph_view.h"

#include "models/jobs/jobs_model.h"
#include "pipelines/pipeline_graph_accessible.h"
#include "widgets/plain_label.h"
#include "widgets/status_style.h"
#include "widgets/time_text.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

namespace pipedeck {

using gitlab::CiStatus;
using models::JobsModel;

namespace {

constexpr int kMargin = 16;
constexpr int kColumnWidth = 212;
constexpr int kColumnGap = 24;
constexpr int kHeaderHeight = 30;
constexpr int kCardHeight = 46;
constexpr int kCardGap = 8;
constexpr int kBandGap = 14;
constexpr int kBandPadding = 12;
constexpr int kBandHeaderHeight = 30;
constexpr int kIconSize = 16;
constexpr int kChevronSize = 18;
constexpr qreal kRadius = 6;

CiStatus statusAt(const QModelIndex &index)
{
    return static_cast<CiStatus>(index.data(JobsModel::StatusRole).toInt());
}

JobsModel::DownstreamState downstreamStateAt(const QModelIndex &index)
{
    return index.data(JobsModel::DownstreamStateRole).value<JobsModel::DownstreamState>();
}

bool isExpanded(const QModelIndex &bridge)
{
    const auto state = downstreamStateAt(bridge);
    return state == JobsModel::DownstreamState::Loading ||
           state == JobsModel::DownstreamState::Loaded ||
           state == JobsModel::DownstreamState::Stale;
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.88);
    return font;
}

QColor mutedColor(const QPalette &palette)
{
    QColor color = palette.color(QPalette::Text);
    color.setAlphaF(0.65f);
    return color;
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

PipelineGraphView::PipelineGraphView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    // Once per process: the cards as accessible children (pipeline_graph_accessible.h).
    static const bool accessibleCards =
        (QAccessible::installFactory(&PipelineGraphAccessible::factory), true);
    Q_UNUSED(accessibleCards)
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Window);
    setFrameShape(QFrame::NoFrame);
    horizontalScrollBar()->setSingleStep(24);
    verticalScrollBar()->setSingleStep(24);
    setAccessibleName(tr("Pipeline jobs"));
}

PipelineGraphView::~PipelineGraphView() = default;

JobsModel *PipelineGraphView::model() const
{
    return m_model;
}

QSize PipelineGraphView::sizeHint() const
{
    return {3 * (kColumnWidth + kColumnGap) + 2 * kMargin, 320};
}

void PipelineGraphView::setModel(JobsModel *model)
{
    if (m_model == model)
        return;
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_model = model;
    m_current = 0;
    m_pendingCurrent = 0;
    m_optimistic.clear();
    if (model) {
        const auto relayout = [this] { invalidateLayout(); };
        m_connections = {
            connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, relayout),
            connect(model, &QAbstractItemModel::rowsInserted, this, relayout),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, relayout),
            connect(model, &QAbstractItemModel::rowsRemoved, this, relayout),
            connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, relayout),
            connect(model, &QAbstractItemModel::rowsMoved, this, relayout),
            connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, relayout),
            connect(model, &QAbstractItemModel::layoutChanged, this, relayout),
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, relayout),
            connect(model, &QAbstractItemModel::modelReset, this,
                    [this] {
                        m_current = 0;
                        m_hovered = 0;
                        invalidateLayout();
                        Q_EMIT currentJobChanged(0);
                    }),
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                        // Only an expansion state change moves cards; the rest is a repaint.
                        if (roles.isEmpty() || roles.contains(JobsModel::DownstreamStateRole) ||
                            roles.contains(JobsModel::DownstreamErrorRole))
                            invalidateLayout();
                        else
                            viewport()->update();
                    }),
        };
    }
    invalidateLayout();
}

void PipelineGraphView::invalidateLayout()
{
    m_layoutDirty = true;
    viewport()->update();
    // Keep the scroll range right even when nothing paints (an offscreen or hidden view).
    QMetaObject::invokeMethod(
        this, [this] { ensureLayout(); }, Qt::QueuedConnection);
}

void PipelineGraphView::ensureLayout() const
{
    if (m_layoutDirty)
        const_cast<PipelineGraphView *>(this)->doLayout();
}

void PipelineGraphView::doLayout()
{
    m_layoutDirty = false;
    ++m_layoutPasses;
    m_cards.clear();
    m_columns.clear();
    m_bands.clear();
    m_cardOfJob.clear();
    int width = 0;
    int bottom = kMargin;
    if (m_model && m_model->rowCount() > 0)
        bottom = layoutLevel(QModelIndex(), kMargin, kMargin, &width);
    m_contentSize = QSize(width + 2 * kMargin, bottom + kMargin);
    m_cardOfJob.reserve(static_cast<qsizetype>(m_cards.size()));
    for (size_t i = 0; i < m_cards.size(); ++i)
        m_cardOfJob.insert(m_cards[i].jobId, static_cast<int>(i));
    updateScrollBars();

    if (m_pendingCurrent && m_cardOfJob.contains(m_pendingCurrent)) {
        const qint64 wanted = m_pendingCurrent;
        m_pendingCurrent = 0;
        makeCurrent(wanted, true);
    } else if (m_current && !m_cardOfJob.contains(m_current)) {
        m_current = 0;
        Q_EMIT currentJobChanged(0);
    }
    if (m_hovered && !m_cardOfJob.contains(m_hovered))
        m_hovered = 0;
}

int PipelineGraphView::layoutLevel(const QModelIndex &parent, int x, int y, int *width)
{
    const int stages = m_model->rowCount(parent);
    int columnX = x;
    int bottom = y + kHeaderHeight;
    std::vector<QModelIndex> expanded;
    for (int s = 0; s < stages; ++s) {
        const QModelIndex stage = m_model->index(s, 0, parent);
        m_columns.push_back({stage, QRect(columnX, y, kColumnWidth, kHeaderHeight)});
        int cardY = y + kHeaderHeight + 4;
        const int jobs = m_model->rowCount(stage);
        for (int j = 0; j < jobs; ++j) {
            const QModelIndex job = m_model->index(j, 0, stage);
            Card card;
            card.index = job;
            card.jobId = job.data(JobsModel::IdRole).toLongLong();
            // The model marks earlier attempts (a newer job of the same name) as retried.
            card.olderAttempt = job.data(JobsModel::RetriedRole).toBool();
            card.rect = QRect(columnX, cardY, kColumnWidth, kCardHeight);
            card.bridge = m_model->kindAt(job) == JobsModel::NodeKind::Bridge;
            if (card.bridge && downstreamStateAt(job) != JobsModel::DownstreamState::None) {
                card.chevron = QRect(card.rect.right() - kChevronSize - 6,
                                     card.rect.top() + (kCardHeight - kChevronSize) / 2,
                                     kChevronSize, kChevronSize);
                if (isExpanded(job))
                    expanded.push_back(job);
            }
            m_cards.push_back(card);
            cardY += kCardHeight + kCardGap;
        }
        bottom = std::max(bottom, cardY - kCardGap);
        columnX += kColumnWidth + kColumnGap;
    }
    int levelWidth = stages > 0 ? columnX - kColumnGap - x : kColumnWidth;
    for (const QModelIndex &bridge : expanded) {
        const int top = bottom + kBandGap;
        Band band;
        band.bridge = bridge;
        band.bridgeJobId = bridge.data(JobsModel::IdRole).toLongLong();
        int innerWidth = 0;
        int innerBottom = top + kBandHeaderHeight + kBandPadding;
        if (m_model->rowCount(bridge) > 0)
            innerBottom = layoutLevel(bridge, x + kBandPadding,
                                      top + kBandHeaderHeight + kBandPadding / 2, &innerWidth);
        else
            innerBottom = top + kBandHeaderHeight + 24; // "Loading…" or the error
        // Wide enough for the header's title, trigger and links, or the jobs below it.
        QFont bold = font();
        bold.setWeight(QFont::DemiBold);
        const QFontMetrics headerMetrics(font());
        const int headerWidth =
            kBandPadding * 2 + kIconSize + 8 +
            QFontMetrics(bold).horizontalAdvance(
                tr("Downstream pipeline #%1")
                    .arg(bridge.data(JobsModel::DownstreamPipelineIdRole).toLongLong())) +
            10 +
            std::min(headerMetrics.horizontalAdvance(
                         tr("triggered by %1").arg(bridge.data(JobsModel::NameRole).toString())),
                     kColumnWidth) +
            16 + headerMetrics.horizontalAdvance(tr("Open")) +
            headerMetrics.horizontalAdvance(tr("Collapse")) + 28;
        const int frameWidth = std::max(innerWidth + 2 * kBandPadding, headerWidth);
        band.frame = QRect(x, top, frameWidth, innerBottom + kBandPadding - top);
        band.header = QRect(x, top, frameWidth, kBandHeaderHeight);
        const QFontMetrics metrics(font());
        const int collapseWidth = metrics.horizontalAdvance(tr("Collapse")) + 12;
        const int openWidth = metrics.horizontalAdvance(tr("Open")) + 12;
        band.collapseLink = QRect(band.header.right() - kBandPadding - collapseWidth + 1, top + 4,
                                  collapseWidth, kBandHeaderHeight - 8);
        band.openLink = QRect(band.collapseLink.left() - 4 - openWidth, top + 4, openWidth,
                              kBandHeaderHeight - 8);
        m_bands.push_back(band);
        levelWidth = std::max(levelWidth, frameWidth);
        bottom = band.frame.bottom();
    }
    *width = levelWidth;
    return bottom;
}

void PipelineGraphView::updateScrollBars()
{
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, m_contentSize.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setRange(0, std::max(0, m_contentSize.height() - view.height()));
    verticalScrollBar()->setPageStep(view.height());
}

QPoint PipelineGraphView::offset() const
{
    return {horizontalScrollBar()->value(), verticalScrollBar()->value()};
}

void PipelineGraphView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    ensureLayout();
    updateScrollBars();
}

void PipelineGraphView::scrollContentsBy(int, int)
{
    viewport()->update();
}

const PipelineGraphView::Card *PipelineGraphView::cardOf(qint64 jobId) const
{
    ensureLayout();
    const auto it = m_cardOfJob.constFind(jobId);
    return it == m_cardOfJob.cend() ? nullptr : &m_cards[static_cast<size_t>(it.value())];
}

const PipelineGraphView::Card *PipelineGraphView::cardAtContent(const QPoint &contentPos) const
{
    ensureLayout();
    for (const Card &card : m_cards) {
        if (card.rect.contains(contentPos))
            return &card;
    }
    return nullptr;
}

const PipelineGraphView::Band *PipelineGraphView::bandAtContent(const QPoint &contentPos) const
{
    ensureLayout();
    for (const Band &band : m_bands) {
        if (band.header.contains(contentPos))
            return &band;
    }
    return nullptr;
}

int PipelineGraphView::cardCount() const
{
    ensureLayout();
    return static_cast<int>(m_cards.size());
}

QRect PipelineGraphView::cardRect(qint64 jobId) const
{
    const Card *card = cardOf(jobId);
    return card ? card->rect.translated(-offset()) : QRect();
}

bool PipelineGraphView::isOlderAttempt(qint64 jobId) const
{
    const Card *card = cardOf(jobId);
    return card && card->olderAttempt;
}

qint64 PipelineGraphView::jobAt(const QPoint &viewportPos) const
{
    const Card *card = cardAtContent(viewportPos + offset());
    return card ? card->jobId : 0;
}

void PipelineGraphView::setCurrentJob(qint64 jobId)
{
    if (jobId && !cardOf(jobId)) {
        m_pendingCurrent = jobId;
        return;
    }
    m_pendingCurrent = 0;
    makeCurrent(jobId, true);
}

void PipelineGraphView::makeCurrent(qint64 jobId, bool scroll)
{
    const Card *card = cardOf(jobId);
    if (scroll && card)
        ensureVisible(card->rect);
    if (jobId == m_current)
        return;
    m_current = jobId;
    viewport()->update();
    if (card)
        setAccessibleDescription(cardText(jobId));
    if (card && QAccessible::isActive()) {
        QAccessibleInterface *graph = QAccessible::queryAccessibleInterface(this);
        if (QAccessibleInterface *cardInterface =
                graph ? graph->child(cardIndexOf(jobId)) : nullptr) {
            QAccessibleEvent event(cardInterface,
                                   hasFocus() ? QAccessible::Focus : QAccessible::Selection);
            QAccessible::updateAccessibility(&event);
        }
    }
    Q_EMIT currentJobChanged(jobId);
}

void PipelineGraphView::ensureVisible(const QRect &contentRect)
{
    const QRect visible(offset(), viewport()->size());
    const QRect wanted = contentRect.adjusted(-kMargin / 2, -kMargin / 2, kMargin / 2, kMargin / 2);
    if (wanted.left() < visible.left())
        horizontalScrollBar()->setValue(wanted.left());
    else if (wanted.right() > visible.right())
        horizontalScrollBar()->setValue(wanted.right() - visible.width() + 1);
    if (wanted.top() < visible.top())
        verticalScrollBar()->setValue(wanted.top());
    else if (wanted.bottom() > visible.bottom())
        verticalScrollBar()->setValue(wanted.bottom() - visible.height() + 1);
}

void PipelineGraphView::toggleDownstream(qint64 bridgeJobId)
{
    if (!m_model)
        return;
    const QModelIndex bridge = m_model->indexOfJob(bridgeJobId);
    if (!bridge.isValid() || m_model->kindAt(bridge) != JobsModel::NodeKind::Bridge)
        return;
    if (isExpanded(bridge))
        m_model->collapseDownstream(bridge);
    else
        m_model->expandDownstream(bridge);
}

void PipelineGraphView::setOptimistic(qint64 jobId, std::optional<CiStatus> status,
                                      const QString &note)
{
    if (!status && note.isEmpty())
        m_optimistic.remove(jobId);
    else
        m_optimistic.insert(jobId, {status, note});
    viewport()->update();
}

void PipelineGraphView::clearOptimistic()
{
    m_optimistic.clear();
    viewport()->update();
}

void PipelineGraphView::activate(const Card &card)
{
    if (card.bridge && !card.chevron.isNull())
        toggleDownstream(card.jobId);
    else
        Q_EMIT jobActivated(card.jobId);
}

// ---- input -------------------------------------------------------------------------------

void PipelineGraphView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint() + offset();
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    if (const Band *band = bandAtContent(pos); band && event->button() == Qt::LeftButton) {
        if (band->collapseLink.contains(pos)) {
            toggleDownstream(band->bridgeJobId);
            return;
        }
        if (band->openLink.contains(pos)) {
            const QVariant project = band->bridge.data(JobsModel::DownstreamProjectIdRole);
            const QVariant pipeline = band->bridge.data(JobsModel::DownstreamPipelineIdRole);
            Q_EMIT openPipelineRequested(project.toLongLong(), pipeline.toLongLong());
            return;
        }
    }
    if (const Card *card = cardAtContent(pos)) {
        makeCurrent(card->jobId, false);
        if (event->button() == Qt::LeftButton && card->chevron.contains(pos))
            toggleDownstream(card->jobId);
    }
}

void PipelineGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint() + offset();
    if (const Card *card = cardAtContent(pos); card && !card->chevron.contains(pos))
        activate(*card);
}

void PipelineGraphView::mouseMoveEvent(QMouseEvent *event)
{
    const Card *card = cardAtContent(event->position().toPoint() + offset());
    const qint64 hovered = card ? card->jobId : 0;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        viewport()->update();
    }
    const Band *band = bandAtContent(event->position().toPoint() + offset());
    const bool overLink =
        (card && card->chevron.contains(event->position().toPoint() + offset())) ||
        (band && (band->openLink.contains(event->position().toPoint() + offset()) ||
                  band->collapseLink.contains(event->position().toPoint() + offset())));
    viewport()->setCursor(overLink ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void PipelineGraphView::leaveEvent(QEvent *event)
{
    m_hovered = 0;
    viewport()->update();
    QAbstractScrollArea::leaveEvent(event);
}

void PipelineGraphView::moveCurrent(int dx, int dy)
{
    ensureLayout();
    if (m_cards.empty())
        return;
    const Card *from = cardOf(m_current);
    if (!from) {
        makeCurrent(m_cards.front().jobId, true);
        return;
    }
    const QPoint origin = from->rect.center();
    const Card *best = nullptr;
    qint64 bestScore = std::numeric_limits<qint64>::max();
    for (const Card &card : m_cards) {
        if (card.jobId == from->jobId)
            continue;
        const QPoint delta = card.rect.center() - origin;
        const int along = dx != 0 ? delta.x() * dx : delta.y() * dy;
        const int across = dx != 0 ? std::abs(delta.y()) : std::abs(delta.x());
        if (along <= 0)
            continue;
        // Prefer the same row/column: moving sideways costs more than moving along.
        const qint64 score = qint64(along) + 4 * qint64(across);
        if (score < bestScore) {
            bestScore = score;
            best = &card;
        }
    }
    if (best)
        makeCurrent(best->jobId, true);
}

void PipelineGraphView::keyPressEvent(QKeyEvent *event)
{
    ensureLayout();
    switch (event->key()) {
    case Qt::Key_Left:
        moveCurrent(-1, 0);
        return;
    case Qt::Key_Right:
        moveCurrent(1, 0);
        return;
    case Qt::Key_Up:
        moveCurrent(0, -1);
        return;
    case Qt::Key_Down:
        moveCurrent(0, 1);
        return;
    case Qt::Key_Home:
        if (!m_cards.empty())
            makeCurrent(m_cards.front().jobId, true);
        return;
    case Qt::Key_End:
        if (!m_cards.empty())
            makeCurrent(m_cards.back().jobId, true);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const Card *card = cardOf(m_current))
            activate(*card);
        return;
    case Qt::Key_Menu:
        if (const Card *card = cardOf(m_current))
            Q_EMIT contextMenuRequested(
                card->jobId, viewport()->mapToGlobal(card->rect.translated(-offset()).center()));
        return;
    case Qt::Key_F10:
        if (event->modifiers() & Qt::ShiftModifier) {
            if (const Card *card = cardOf(m_current))
                Q_EMIT contextMenuRequested(
                    card->jobId,
                    viewport()->mapToGlobal(card->rect.translated(-offset()).center()));
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void PipelineGraphView::contextMenuEvent(QContextMenuEvent *event)
{
    if (event->reason() == QContextMenuEvent::Keyboard) {
        if (const Card *card = cardOf(m_current))
            Q_EMIT contextMenuRequested(
                card->jobId, viewport()->mapToGlobal(card->rect.translated(-offset()).center()));
        return;
    }
    const QPoint viewportPos = viewport()->mapFrom(this, event->pos());
    if (const Card *card = cardAtContent(viewportPos + offset())) {
        makeCurrent(card->jobId, false);
        Q_EMIT contextMenuRequested(card->jobId, event->globalPos());
    }
}

void PipelineGraphView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    ensureLayout();
    if (!m_current && !m_cards.empty() && event->reason() != Qt::PopupFocusReason)
        makeCurrent(m_cards.front().jobId, true);
    viewport()->update();
}

void PipelineGraphView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

bool PipelineGraphView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint pos = help->pos() + offset();
        QString tip;
        if (const Card *card = cardAtContent(pos)) {
            if (card->chevron.contains(pos))
                tip = isExpanded(card->index) ? tr("Collapse the downstream pipeline")
                                              : tr("Expand the downstream pipeline here");
            else
                tip = cardText(card->jobId);
        } else if (const Band *band = bandAtContent(pos)) {
            if (band->openLink.contains(pos))
                tip = tr("Show this downstream pipeline on its own");
            else if (band->collapseLink.contains(pos))
                tip = tr("Collapse the downstream pipeline");
        }
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), plainToolTip(tip), viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

// ---- painting ----------------------------------------------------------------------------

QString PipelineGraphView::secondLine(const Card &card) const
{
    const auto optimistic = m_optimistic.constFind(card.jobId);
    if (optimistic != m_optimistic.cend() && !optimistic->second.isEmpty())
        return optimistic->second;
    QStringList parts;
    const QModelIndex &index = card.index;
    if (card.bridge) {
        const QVariant downstream = index.data(JobsModel::DownstreamPipelineIdRole);
        if (downstream.isValid()) {
            parts.append(tr("Downstream #%1").arg(downstream.toLongLong()));
            const auto state = downstreamStateAt(index);
            if (state == JobsModel::DownstreamState::Loading)
                parts.append(tr("loading…"));
            else if (state == JobsModel::DownstreamState::Stale)
                parts.append(tr("not refreshed"));
        } else {
            parts.append(tr("Trigger job"));
        }
    } else {
        const QString duration = TimeText::duration(index.data(JobsModel::DurationRole));
        parts.append(duration.isEmpty()
                         ? StatusStyle::label(statusAt(index), false,
                                              index.data(JobsModel::StatusNameRole).toString())
                         : duration);
    }
    if (index.data(JobsModel::AllowFailureRole).toBool())
        parts.append(tr("allowed to fail"));
    if (card.olderAttempt)
        parts.append(tr("retried"));
    return parts.join(QStringLiteral(" · "));
}

CiStatus PipelineGraphView::shownStatus(const Card &card) const
{
    const auto optimistic = m_optimistic.constFind(card.jobId);
    if (optimistic != m_optimistic.cend() && optimistic->first)
        return *optimistic->first;
    return statusAt(card.index);
}

QString PipelineGraphView::statusLabel(const Card &card) const
{
    return StatusStyle::label(shownStatus(card),
                              card.index.data(JobsModel::AllowFailureRole).toBool(),
                              card.index.data(JobsModel::StatusNameRole).toString());
}

QString PipelineGraphView::cardText(qint64 jobId) const
{
    const Card *card = cardOf(jobId);
    if (!card)
        return {};
    return oneLine(card->index.data(JobsModel::NameRole).toString()) + QStringLiteral(" — ") +
           statusLabel(*card) + QStringLiteral(" — ") + secondLine(*card);
}

QList<qint64> PipelineGraphView::cardJobIds() const
{
    ensureLayout();
    QList<qint64> ids;
    ids.reserve(static_cast<qsizetype>(m_cards.size()));
    for (const Card &card : m_cards)
        ids.append(card.jobId);
    return ids;
}

int PipelineGraphView::cardIndexOf(qint64 jobId) const
{
    ensureLayout();
    return m_cardOfJob.value(jobId, -1);
}

qint64 PipelineGraphView::cardJobIdAt(int index) const
{
    ensureLayout();
    return index >= 0 && size_t(index) < m_cards.size() ? m_cards[size_t(index)].jobId : 0;
}

QString PipelineGraphView::cardAccessibleName(qint64 jobId) const
{
    const Card *card = cardOf(jobId);
    if (!card)
        return {};
    QString name =
        tr("%1, stage %2, %3")
            .arg(oneLine(card->index.data(JobsModel::NameRole).toString()),
                 oneLine(card->index.data(JobsModel::StageRole).toString()), statusLabel(*card));
    if (const QString second = secondLine(*card); !second.isEmpty())
        name += QStringLiteral(", ") + second;
    return name;
}

void PipelineGraphView::paintEvent(QPaintEvent *event)
{
    ensureLayout();
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QPoint off = offset();
    const QRect visible = event->rect().translated(off);
    painter.translate(-off);
    m_paintedCards = 0;

    if (!m_model || m_cards.empty()) {
        painter.resetTransform();
        painter.setPen(mutedColor(palette()));
        QString text;
        if (!m_model || m_model->pipelineId() == 0)
            text = tr("Select a pipeline to see its jobs.");
        else if (m_model->isStale())
            text = tr("Could not load the jobs. %1").arg(m_model->errorText());
        else if (m_model->isLoading() || !m_model->loadState(m_model->pipelineId()).loaded)
            text = tr("Loading jobs…");
        else
            text = tr("This pipeline has no jobs.");
        painter.drawText(viewport()->rect().adjusted(kMargin, kMargin, -kMargin, -kMargin),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        return;
    }

    for (const Band &band : m_bands) {
        if (band.frame.intersects(visible))
            paintBand(painter, band);
    }
    for (const Column &column : m_columns) {
        if (column.header.intersects(visible))
            paintColumnHeader(painter, column);
    }
    for (const Card &card : m_cards) {
        if (card.rect.intersects(visible)) {
            paintCard(painter, card);
            ++m_paintedCards;
        }
    }
}

void PipelineGraphView::paintColumnHeader(QPainter &painter, const Column &column) const
{
    const QRect r = column.header;
    const CiStatus status = statusAt(column.stage);
    const QRect icon(r.left() + 2, r.top() + (r.height() - 14) / 2, 14, 14);
    StatusStyle::icon(status).paint(&painter, icon);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    painter.setFont(bold);
    painter.setPen(palette().color(QPalette::WindowText));
    const QString count = QString::number(column.stage.data(JobsModel::JobCountRole).toInt());
    const QFontMetrics small(smallFont(font()));
    const int countWidth = small.horizontalAdvance(count) + 4;
    const QRect name(icon.right() + 8, r.top(), r.width() - 24 - countWidth, r.height());
    painter.drawText(
        name, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(oneLine(column.stage.data(JobsModel::NameRole).toString()),
                                      Qt::ElideRight, name.width()));
    painter.setFont(smallFont(font()));
    painter.setPen(mutedColor(palette()));
    painter.drawText(QRect(r.right() - countWidth, r.top(), countWidth, r.height()),
                     Qt::AlignRight | Qt::AlignVCenter, count);
}

void PipelineGraphView::paintBand(QPainter &painter, const Band &band) const
{
    const QPalette &pal = palette();
    const bool dark = StatusStyle::isDark(pal);
    QColor fill = pal.color(QPalette::Window);
    fill = dark ? fill.lighter(118) : fill.darker(104);
    QPainterPath path;
    path.addRoundedRect(QRectF(band.frame).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter.fillPath(path, fill);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.drawPath(path);

    const QModelIndex &bridge = band.bridge;
    const QRect header = band.header.adjusted(kBandPadding, 0, -kBandPadding, 0);
    const auto downstreamStatus =
        static_cast<CiStatus>(bridge.data(JobsModel::DownstreamStatusRole).toInt());
    const QRect icon(header.left(), header.top() + (header.height() - kIconSize) / 2, kIconSize,
                     kIconSize);
    StatusStyle::icon(downstreamStatus).paint(&painter, icon);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    const QString title = tr("Downstream pipeline #%1")
                              .arg(bridge.data(JobsModel::DownstreamPipelineIdRole).toLongLong());
    const QString trigger =
        tr("triggered by %1").arg(oneLine(bridge.data(JobsModel::NameRole).toString()));
    const int textLeft = icon.right() + 8;
    const int textRight = band.openLink.left() - 8;
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::WindowText));
    const QFontMetrics boldMetrics(bold);
    const int titleWidth = std::min(boldMetrics.horizontalAdvance(title) + 6, textRight - textLeft);
    painter.drawText(QRect(textLeft, header.top(), titleWidth, header.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     boldMetrics.elidedText(title, Qt::ElideRight, titleWidth));
    painter.setFont(font());
    painter.setPen(mutedColor(pal));
    const QRect triggerRect(textLeft + titleWidth + 10, header.top(),
                            std::max(0, textRight - textLeft - titleWidth - 10), header.height());
    painter.drawText(triggerRect, Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(trigger, Qt::ElideRight, triggerRect.width()));

    painter.setPen(pal.color(QPalette::Link));
    painter.drawText(band.openLink, Qt::AlignCenter, tr("Open"));
    painter.drawText(band.collapseLink, Qt::AlignCenter, tr("Collapse"));

    if (m_model && m_model->rowCount(bridge) == 0) {
        const QRect body(band.frame.left() + kBandPadding, band.header.bottom() + 2,
                         band.frame.width() - 2 * kBandPadding, 22);
        const auto state = downstreamStateAt(bridge);
        const QString text =
            state == JobsModel::DownstreamState::Stale
                ? bridge.data(JobsModel::DownstreamErrorRole).toString()
                : (state == JobsModel::DownstreamState::Loaded ? tr("This pipeline has no jobs.")
                                                               : tr("Loading jobs…"));
        painter.setPen(mutedColor(pal));
        painter.drawText(body, Qt::AlignLeft | Qt::AlignVCenter,
                         fontMetrics().elidedText(text, Qt::ElideRight, body.width()));
    }
}

void PipelineGraphView::paintCard(QPainter &painter, const Card &card) const
{
    const QPalette &pal = palette();
    const QModelIndex &index = card.index;
    const bool current = card.jobId == m_current;
    const bool hovered = card.jobId == m_hovered;
    const bool retried = card.olderAttempt;
    const bool allowFailure = index.data(JobsModel::AllowFailureRole).toBool();
    const CiStatus status = shownStatus(card);

    painter.save();
    if (retried)
        painter.setOpacity(0.6);
    QPainterPath path;
    path.addRoundedRect(QRectF(card.rect).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    QColor fill = pal.color(QPalette::Base);
    if (current) {
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlphaF(0.12f);
        painter.fillPath(path, fill);
        fill = tint;
    }
    painter.fillPath(path, fill);
    QColor border = pal.color(QPalette::Mid);
    qreal borderWidth = 1;
    if (current) {
        border = pal.color(QPalette::Highlight);
        borderWidth = hasFocus() ? 2 : 1.5;
    } else if (hovered) {
        border = pal.color(QPalette::Highlight);
        border.setAlphaF(0.55f);
    }
    painter.setPen(QPen(border, borderWidth));
    painter.drawPath(path);

    const QRect inner = card.rect.adjusted(10, 6, -8, -6);
    const QRect icon(inner.left(), card.rect.top() + (card.rect.height() - kIconSize) / 2,
                     kIconSize, kIconSize);
    StatusStyle::icon(status, allowFailure).paint(&painter, icon);
    int right = inner.right();
    if (!card.chevron.isNull())
        right = card.chevron.left() - 4;
    const int textLeft = icon.right() + 9;
    const int textWidth = right - textLeft;
    const QFontMetrics metrics(font());
    const QFont small = smallFont(font());
    const QFontMetrics smallMetrics(small);
    const int textHeight = metrics.height() + 1 + smallMetrics.height();
    const int top = card.rect.top() + (card.rect.height() - textHeight) / 2;
    QFont nameFont = font();
    if (current)
        nameFont.setWeight(QFont::DemiBold);
    painter.setFont(nameFont);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(
        QRect(textLeft, top, textWidth, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(nameFont).elidedText(oneLine(index.data(JobsModel::NameRole).toString()),
                                          Qt::ElideRight, textWidth));
    painter.setFont(small);
    const auto optimistic = m_optimistic.constFind(card.jobId);
    const bool noted = optimistic != m_optimistic.cend() && !optimistic->second.isEmpty();
    painter.setPen(noted ? StatusStyle::textColor(status, pal) : mutedColor(pal));
    painter.drawText(QRect(textLeft, top + metrics.height() + 1, textWidth, smallMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     smallMetrics.elidedText(secondLine(card), Qt::ElideRight, textWidth));

    if (!card.chevron.isNull()) {
        const bool expanded = isExpanded(index);
        const QRectF c = QRectF(card.chevron).adjusted(4, 5, -4, -5);
        QPainterPath arrow;
        if (expanded) { // pointing up: collapse
            arrow.moveTo(c.left(), c.bottom());
            arrow.lineTo(c.center().x(), c.top());
            arrow.lineTo(c.right(), c.bottom());
        } else { // pointing down: expand below
            arrow.moveTo(c.left(), c.top());
            arrow.lineTo(c.center().x(), c.bottom());
            arrow.lineTo(c.right(), c.top());
        }
        painter.setPen(
            QPen(pal.color(QPalette::Text), 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(arrow);
    }
    painter.restore();
}

} // namespace pipedeck
