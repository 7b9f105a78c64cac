#include "pipelines/pipelines_panel.h"

#include "gitlab/types/ci_status.h"
#include "models/pipelines/pipelines_model.h"
#include "pipelines/pipeline_item_delegate.h"
#include "widgets/status_style.h"

#include <QComboBox>
#include <QGridLayout>
#include <QIdentityProxyModel>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

namespace pipedeck {

using gitlab::CiStatus;
using models::PipelinesModel;

namespace {

//! What a screen reader says for a row is what the eye reads on it (status, title, number, ref,
//! source, user), not the bare ref the model's display text is.
class PipelineRowsForReaders : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::AccessibleTextRole && index.isValid())
            return PipelineItemDelegate::summaryText(index);
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

namespace {
constexpr int kTypingDelayMs = 350; // one request per pause in typing, not per key
}

PipelinesPanel::PipelinesPanel(QWidget *parent)
    : QWidget(parent)
{
    m_ref = new QLineEdit;
    m_ref->setObjectName(QStringLiteral("pipelineRefFilter"));
    m_ref->setPlaceholderText(tr("Branch or tag"));
    m_ref->setClearButtonEnabled(true);
    m_ref->setAccessibleName(tr("Filter by branch or tag"));

    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("pipelineUserFilter"));
    m_user->setPlaceholderText(tr("Username"));
    m_user->setClearButtonEnabled(true);
    m_user->setAccessibleName(tr("Filter by who started the pipeline"));

    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("pipelineStatusFilter"));
    m_status->setAccessibleName(tr("Filter by status"));
    m_status->addItem(tr("Any status"), QString());
    static constexpr CiStatus kStatuses[] = {CiStatus::Running,  CiStatus::Pending,
                                             CiStatus::Success,  CiStatus::Failed,
                                             CiStatus::Canceled, CiStatus::Skipped,
                                             CiStatus::Manual,   CiStatus::Scheduled,
                                             CiStatus::Created,  CiStatus::WaitingForResource,
                                             CiStatus::Preparing};
    for (const CiStatus status : kStatuses)
        m_status->addItem(StatusStyle::icon(status), StatusStyle::label(status),
                          gitlab::ciStatusName(status));

    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("pipelineSourceFilter"));
    m_source->setAccessibleName(tr("Filter by source"));
    m_source->addItem(tr("Any source"), QString());
    // GitLab's source names, shown as GitLab's UI shows them.
    const std::pair<QString, QString> sources[] = {
        {QStringLiteral("push"), tr("Push")},
        {QStringLiteral("web"), tr("Web")},
        {QStringLiteral("schedule"), tr("Schedule")},
        {QStringLiteral("merge_request_event"), tr("Merge request")},
        {QStringLiteral("trigger"), tr("Trigger")},
        {QStringLiteral("api"), tr("API")},
        {QStringLiteral("pipeline"), tr("Multi-project pipeline")},
        {QStringLiteral("parent_pipeline"), tr("Child pipeline")},
    };
    for (const auto &[name, label] : sources)
        m_source->addItem(label, name);

    m_view = new QListView;
    m_view->setObjectName(QStringLiteral("pipelines"));
    m_delegate = new PipelineItemDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(true);
    // Rows fit the list's width and elide; nothing hides to the right behind a scroll bar.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Pipelines"));

    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("pipelinesState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->setContentsMargins(6, 2, 6, 2);
    m_state->hide();

    auto *filters = new QGridLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->setHorizontalSpacing(6);
    filters->setVerticalSpacing(6);
    filters->addWidget(m_ref, 0, 0);
    filters->addWidget(m_status, 0, 1);
    filters->addWidget(m_user, 1, 0);
    filters->addWidget(m_source, 1, 1);
    filters->setColumnStretch(0, 3);
    filters->setColumnStretch(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(filters);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);

    m_typingDelay = new QTimer(this);
    m_typingDelay->setSingleShot(true);
    m_typingDelay->setInterval(kTypingDelayMs);
    connect(m_typingDelay, &QTimer::timeout, this, &PipelinesPanel::applyFilter);
    connect(m_ref, &QLineEdit::textChanged, m_typingDelay, qOverload<>(&QTimer::start));
    connect(m_user, &QLineEdit::textChanged, m_typingDelay, qOverload<>(&QTimer::start));
    connect(m_ref, &QLineEdit::returnPressed, this, &PipelinesPanel::applyFilter);
    connect(m_user, &QLineEdit::returnPressed, this, &PipelinesPanel::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &PipelinesPanel::applyFilter);
    connect(m_source, &QComboBox::currentIndexChanged, this, &PipelinesPanel::applyFilter);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_view->setCurrentIndex(index);
        Q_EMIT contextMenuRequested(index.data(PipelinesModel::IdRole).toLongLong(),
                                    m_view->viewport()->mapToGlobal(pos));
    });
}

models::PipelineFilter PipelinesPanel::filterFromControls() const
{
    models::PipelineFilter filter;
    filter.ref = m_ref->text().trimmed();
    filter.username = m_user->text().trimmed();
    filter.status = m_status->currentData().toString();
    filter.source = m_source->currentData().toString();
    return filter;
}

void PipelinesPanel::applyFilter()
{
    m_typingDelay->stop();
    if (m_model)
        m_model->setFilter(filterFromControls());
}

void PipelinesPanel::setModel(PipelinesModel *model)
{
    if (m_model == model)
        return;
    disconnect(m_stateConnection);
    m_model = model;
    if (!m_forReaders)
        m_forReaders = new PipelineRowsForReaders(this);
    m_forReaders->setSourceModel(model);
    m_view->setModel(model ? m_forReaders : nullptr);
    if (model) {
        m_stateConnection =
            connect(model, &PipelinesModel::loadStateChanged, this, &PipelinesPanel::updateState);
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex &current) {
                    const qint64 id =
                        current.isValid() ? current.data(PipelinesModel::IdRole).toLongLong() : 0;
                    if (id == m_current)
                        return;
                    m_current = id;
                    Q_EMIT currentPipelineChanged(id);
                });
        const models::PipelineFilter filter = model->filter();
        const QSignalBlocker refBlocker(m_ref), userBlocker(m_user), statusBlocker(m_status),
            sourceBlocker(m_source);
        m_ref->setText(filter.ref);
        m_user->setText(filter.username);
        m_status->setCurrentIndex(std::max(0, m_status->findData(filter.status)));
        m_source->setCurrentIndex(std::max(0, m_source->findData(filter.source)));
    }
    updateState();
}

qint64 PipelinesPanel::currentPipelineId() const
{
    return m_current;
}

bool PipelinesPanel::selectPipeline(qint64 pipelineId)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOfId(pipelineId);
    if (row < 0)
        return false;
    const QModelIndex index = m_forReaders->mapFromSource(m_model->index(row));
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(index);
    return true;
}

void PipelinesPanel::updateState()
{
    QString text;
    if (!m_model) {
        text.clear();
    } else if (m_model->isStale()) {
        text = tr("Showing older data. %1").arg(m_model->errorText());
    } else if (!m_model->errorText().isEmpty()) {
        text = tr("Could not load more pipelines. %1").arg(m_model->errorText());
    } else if (m_model->isLoading() && m_model->rowCount() == 0) {
        text = tr("Loading pipelines…");
    } else if (m_model->loadState().loaded && m_model->rowCount() == 0) {
        text = m_model->filter() == models::PipelineFilter{}
                   ? tr("This project has no pipelines yet.")
                   : tr("No pipeline matches these filters.");
    }
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
}

} // namespace pipedeck
