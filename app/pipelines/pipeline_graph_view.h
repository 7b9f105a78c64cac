#pragma once

#include "gitlab/types/ci_status.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QModelIndex>
#include <QPointer>
#include <optional>
#include <vector>

namespace pipedeck {

namespace models {
class JobsModel;
}

//! A pipeline drawn as GitLab draws it: stages as columns of job cards (status icon, name,
//! duration, allowed-to-fail and retried marks), and trigger jobs whose downstream pipelines
//! expand inline below, several at once, each refreshing with the rest.
//!
//! All cards are painted by this one widget from JobsModel (no widget per job): a 1,500-job
//! pipeline costs one layout pass over the model when its structure changes and a paint of
//! the visible cards. Status changes repaint without re-layout. The current card, expansion
//! (kept by the model) and scroll position survive refreshes because everything here is keyed
//! by job id, never by row.
//!
//! Keyboard: arrows move between cards, Home/End, Enter opens a job or expands/collapses a
//! trigger job's downstream pipeline, the context-menu key (or Shift+F10) opens the actions.
class PipelineGraphView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit PipelineGraphView(QWidget *parent = nullptr);
    ~PipelineGraphView() override;

    void setModel(models::JobsModel *model); //!< not owned
    models::JobsModel *model() const;

    qint64 currentJobId() const { return m_current; }
    //! Makes the card of `jobId` current (and scrolls to it). If it is not shown yet (a job
    //! just created by a retry), it becomes current as soon as it appears.
    void setCurrentJob(qint64 jobId);
    //! Expands or collapses the downstream pipeline of a trigger job.
    void toggleDownstream(qint64 bridgeJobId);

    //! While an action runs: the status GitLab is expected to report, and a short note
    //! ("Retrying…") painted on the card. Cleared with std::nullopt / an empty note.
    void setOptimistic(qint64 jobId, std::optional<gitlab::CiStatus> status, const QString &note);
    void clearOptimistic();

    // For tests and accessibility.
    int cardCount() const;
    QRect cardRect(qint64 jobId) const; //!< in viewport coordinates; null if not shown
    int paintedCardCount() const { return m_paintedCards; }
    int layoutPasses() const { return m_layoutPasses; }
    qint64 jobAt(const QPoint &viewportPos) const;
    QString cardText(qint64 jobId) const; //!< the texts painted on a card
    //! The job ids of the cards, in reading order (stage by stage, downstreams in place).
    QList<qint64> cardJobIds() const;
    //! The place of a card in that order, or -1; the job id at a place, or 0.
    int cardIndexOf(qint64 jobId) const;
    qint64 cardJobIdAt(int index) const;
    //! What a screen reader says for a card: name, stage, status and the second line.
    QString cardAccessibleName(qint64 jobId) const;
    //! An earlier attempt of a job that was retried: GitLab marks it only in some versions,
    //! so a newer job of the same name in the same stage says so too.
    bool isOlderAttempt(qint64 jobId) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void currentJobChanged(qint64 jobId); //!< 0: no card is current
    void jobActivated(qint64 jobId);      //!< Enter or double click on a job card
    void contextMenuRequested(qint64 jobId, const QPoint &globalPos);
    void openPipelineRequested(qint64 projectId, qint64 pipelineId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Card
    {
        QModelIndex index;
        qint64 jobId = 0;
        QRect rect; //!< content coordinates
        bool bridge = false;
        bool olderAttempt = false;
        QRect chevron; //!< bridges with a downstream: the expand/collapse control
    };
    struct Column
    {
        QModelIndex stage;
        QRect header;
    };
    struct Band
    {
        QModelIndex bridge;
        qint64 bridgeJobId = 0;
        QRect frame;
        QRect header;
        QRect openLink;
        QRect collapseLink;
    };

    void invalidateLayout();
    void ensureLayout() const;
    void doLayout();
    int layoutLevel(const QModelIndex &parent, int x, int y, int *width);
    void updateScrollBars();
    QPoint offset() const;
    const Card *cardOf(qint64 jobId) const;
    const Card *cardAtContent(const QPoint &contentPos) const;
    const Band *bandAtContent(const QPoint &contentPos) const;
    void moveCurrent(int dx, int dy);
    void ensureVisible(const QRect &contentRect);
    void activate(const Card &card);
    void makeCurrent(qint64 jobId, bool scroll);
    void paintCard(QPainter &painter, const Card &card) const;
    void paintColumnHeader(QPainter &painter, const Column &column) const;
    void paintBand(QPainter &painter, const Band &band) const;
    QString secondLine(const Card &card) const;
    //! The status a card shows: GitLab's, or the one an action in flight expects.
    gitlab::CiStatus shownStatus(const Card &card) const;
    QString statusLabel(const Card &card) const;

    QPointer<models::JobsModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    std::vector<Card> m_cards;
    std::vector<Column> m_columns;
    std::vector<Band> m_bands;
    QHash<qint64, int> m_cardOfJob;
    QSize m_contentSize;
    bool m_layoutDirty = true;
    qint64 m_current = 0;
    qint64 m_pendingCurrent = 0;
    qint64 m_hovered = 0;
    QHash<qint64, std::pair<std::optional<gitlab::CiStatus>, QString>> m_optimistic;
    mutable int m_paintedCards = 0;
    int m_layoutPasses = 0;
};

} // namespace pipedeck
