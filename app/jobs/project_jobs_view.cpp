#include "jobs/project_jobs_view.h"

#include "core/logging.h"
#include "gitlab/types/ci_status.h"
#include "models/loaders/project_jobs_loader.h"
#include "models/project_jobs/project_jobs_model.h"
#include "widgets/status_style.h"
#include "widgets/time_text.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pipedeck {

using gitlab::CiStatus;
using models::ProjectJobsModel;

namespace {

//! The statuses the filter offers, in the order GitLab's job status filter lists them.
constexpr CiStatus kFilterStatuses[] = {
    CiStatus::Created,   CiStatus::Pending,
    CiStatus::Running,   CiStatus::Failed,
    CiStatus::Success,   CiStatus::Canceled,
    CiStatus::Skipped,   CiStatus::Manual,
    CiStatus::Scheduled, CiStatus::WaitingForResource,
    CiStatus::Preparing, CiStatus::Canceling,
};

//! What the table shows of the model's raw values: translated status labels with their icon
//! (shape and text, never colour alone), "#id" for pipelines, ages and durations as text. A
//! proxy rather than a delegate, so that screen readers read the same text as the eye.
class JobsPresentation : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    //! The source model's value (index.data() would come back here).
    QVariant raw(const QModelIndex &index, int role) const
    {
        return QIdentityProxyModel::data(index, role);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return {};
        const auto status = static_cast<CiStatus>(raw(index, ProjectJobsModel::StatusRole).toInt());
        const bool allowFailure = raw(index, ProjectJobsModel::AllowFailureRole).toBool();
        switch (index.column()) {
        case ProjectJobsModel::StatusColumn:
            if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
                return StatusStyle::label(status, allowFailure,
                                          raw(index, ProjectJobsModel::StatusNameRole).toString());
            if (role == Qt::DecorationRole)
                return StatusStyle::icon(status, allowFailure);
            break;
        case ProjectJobsModel::PipelineColumn:
            if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
                return ProjectJobsView::tr("#%1").arg(
                    raw(index, ProjectJobsModel::PipelineIdRole).toLongLong());
            break;
        case ProjectJobsModel::CreatedColumn: {
            const QDateTime when = raw(index, Qt::DisplayRole).toDateTime();
            if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
                return TimeText::age(when);
            if (role == Qt::ToolTipRole)
                return TimeText::exact(when);
            break;
        }
        case ProjectJobsModel::DurationColumn:
            if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
                return TimeText::duration(raw(index, ProjectJobsModel::DurationRole));
            break;
        case ProjectJobsModel::NameColumn:
            if (role == Qt::ToolTipRole) {
                const QString title = raw(index, ProjectJobsModel::CommitTitleRole).toString();
                return title.isEmpty() ? QVariant() : QVariant(title);
            }
            break;
        default:
            break;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

ProjectJobsView::ProjectJobsView(gitlab::Connection &connection, qint64 projectId,
                                 models::PollScheduler *scheduler, QWidget *parent)
    : QWidget(parent)
    , m_projectId(projectId)
{
    m_model = new ProjectJobsModel(this);
    m_loader = new models::ProjectJobsLoader(&connection, m_model, projectId, scheduler, this);

    m_statusMenu = new QMenu(this);
    m_statusMenu->setObjectName(QStringLiteral("jobStatusMenu"));
    m_statusMenu->setAccessibleName(tr("Statuses to show"));
    m_anyStatus = m_statusMenu->addAction(tr("Any status"));
    m_anyStatus->setCheckable(true);
    m_statusMenu->addSeparator();
    for (const CiStatus status : kFilterStatuses) {
        QAction *action =
            m_statusMenu->addAction(StatusStyle::icon(status), StatusStyle::label(status));
        action->setCheckable(true);
        action->setData(gitlab::ciStatusName(status));
        m_statusActions.append(action);
    }
    connect(m_anyStatus, &QAction::triggered, this, [this] { setStatusFilter({}); });
    for (QAction *action : std::as_const(m_statusActions))
        connect(action, &QAction::triggered, this, &ProjectJobsView::applyFilterFromControls);

    m_statusButton = new QToolButton;
    m_statusButton->setObjectName(QStringLiteral("jobStatusFilter"));
    m_statusButton->setMenu(m_statusMenu);
    m_statusButton->setPopupMode(QToolButton::InstantPopup);
    m_statusButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_statusButton->setAccessibleName(tr("Filter by status"));
    m_statusButton->setToolTip(tr("Show jobs with any of the checked statuses"));

    m_manualButton = new QToolButton;
    m_manualButton->setObjectName(QStringLiteral("manualJobsFilter"));
    m_manualButton->setCheckable(true);
    m_manualButton->setIcon(StatusStyle::icon(CiStatus::Manual));
    m_manualButton->setText(tr("&Manual jobs"));
    m_manualButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_manualButton->setAccessibleName(tr("Show only manual jobs"));
    m_manualButton->setToolTip(tr("Every job of the project waiting to be run"));
    connect(m_manualButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            showManualJobs();
        else if (statusFilter() == QStringList{QStringLiteral("manual")})
            setStatusFilter({});
    });

    m_refreshButton = new QToolButton;
    m_refreshButton->setObjectName(QStringLiteral("jobsRefresh"));
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setAccessibleName(tr("Refresh the jobs"));
    connect(m_refreshButton, &QToolButton::clicked, this, &ProjectJobsView::refresh);

    auto *presentation = new JobsPresentation(this);
    presentation->setSourceModel(m_model);

    m_view = new QTreeView;
    m_view->setObjectName(QStringLiteral("projectJobs"));
    m_view->setModel(presentation);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Jobs"));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ProjectJobsModel::NameColumn, QHeaderView::Stretch);
    m_view->installEventFilter(this);

    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("projectJobsState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->setContentsMargins(6, 2, 6, 2);
    m_state->hide();

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->setSpacing(6);
    filters->addWidget(m_statusButton);
    filters->addWidget(m_manualButton);
    filters->addStretch(1);
    filters->addWidget(m_refreshButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(filters);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    connect(m_model, &ProjectJobsModel::loadStateChanged, this, &ProjectJobsView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProjectJobsView::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProjectJobsView::updateState);
    connect(m_model, &ProjectJobsModel::scopesChanged, this, &ProjectJobsView::syncControls);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &ProjectJobsView::activate);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id =
                    current.isValid() ? current.data(ProjectJobsModel::IdRole).toLongLong() : 0;
                if (id == m_current)
                    return;
                m_current = id;
                Q_EMIT currentJobChanged(id);
            });
    // The mouse's menu (the keyboard's is taken in eventFilter()); `pos` is in the viewport.
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_view->setCurrentIndex(index);
        Q_EMIT contextMenuRequested(index.data(ProjectJobsModel::IdRole).toLongLong(),
                                    m_view->viewport()->mapToGlobal(pos));
    });

    syncControls();
    updateState();
    m_loader->refresh();
}

ProjectJobsView::~ProjectJobsView() = default;

qint64 ProjectJobsView::currentJobId() const
{
    return m_current;
}

bool ProjectJobsView::selectJob(qint64 jobId)
{
    const int row = m_model->rowOfId(jobId);
    if (row < 0)
        return false;
    const QModelIndex index = m_view->model()->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ProjectJobsView::setStatusFilter(const QStringList &scopes)
{
    m_model->setScopes(scopes);
    syncControls(); // also when the set did not change, to undo a stray toggle
}

QStringList ProjectJobsView::statusFilter() const
{
    return m_model->scopes();
}

void ProjectJobsView::refresh()
{
    m_loader->refresh();
}

QAction *ProjectJobsView::statusAction(const QString &scope) const
{
    for (QAction *action : m_statusActions) {
        if (action->data().toString() == scope)
            return action;
    }
    return nullptr;
}

void ProjectJobsView::applyFilterFromControls()
{
    QStringList scopes;
    for (const QAction *action : std::as_const(m_statusActions)) {
        if (action->isChecked())
            scopes.append(action->data().toString());
    }
    setStatusFilter(scopes);
}

void ProjectJobsView::syncControls()
{
    const QStringList scopes = m_model->scopes();
    QStringList labels;
    for (QAction *action : std::as_const(m_statusActions)) {
        const bool on = scopes.contains(action->data().toString());
        const QSignalBlocker blocker(action);
        action->setChecked(on);
        if (on)
            labels.append(action->text());
    }
    {
        const QSignalBlocker blocker(m_anyStatus);
        m_anyStatus->setChecked(scopes.isEmpty());
    }
    {
        const QSignalBlocker blocker(m_manualButton);
        m_manualButton->setChecked(scopes == QStringList{QStringLiteral("manual")});
    }
    m_statusButton->setText(scopes.isEmpty() ? tr("Status: any")
                                             : tr("Status: %1").arg(labels.join(tr(", "))));
}

void ProjectJobsView::updateState()
{
    QString text;
    if (m_model->isStale()) {
        text = tr("Showing older data. %1").arg(m_model->errorText());
    } else if (!m_model->errorText().isEmpty()) {
        text = tr("Could not load more jobs. %1").arg(m_model->errorText());
    } else if (m_model->isLoading() && m_model->rowCount() == 0) {
        text = tr("Loading jobs…");
    } else if (m_model->loadState().loaded && m_model->rowCount() == 0) {
        text = m_model->scopes().isEmpty() ? tr("This project has no jobs yet.")
               : m_model->scopes() == QStringList{QStringLiteral("manual")}
                   ? tr("No job is waiting to be run.")
                   : tr("No job has these statuses.");
    }
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
}

void ProjectJobsView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 jobId = index.data(ProjectJobsModel::IdRole).toLongLong();
    const qint64 pipelineId = index.data(ProjectJobsModel::PipelineIdRole).toLongLong();
    qCDebug(lcUi) << "open job" << jobId << "of pipeline" << pipelineId;
    Q_EMIT jobActivated(pipelineId, jobId);
}

bool ProjectJobsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Enter opens the job here on every platform, not only where the style says that
        // Return activates; and it is taken, so that it never reaches a dialog's default button.
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            activate(m_view->currentIndex());
            return true;
        }
    }
    if (watched == m_view && event->type() == QEvent::ContextMenu &&
        static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard) {
        // The Menu key: the menu belongs to the current row, shown beside it, whatever point
        // the platform put into the event.
        const QModelIndex index = m_view->currentIndex();
        if (index.isValid()) {
            Q_EMIT contextMenuRequested(
                index.data(ProjectJobsModel::IdRole).toLongLong(),
                m_view->viewport()->mapToGlobal(m_view->visualRect(index).center()));
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pipedeck
