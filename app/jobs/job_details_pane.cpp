#include "jobs/job_details_pane.h"

#include "gitlab/types/ci_status.h"
#include "jobs/failure_reason.h"
#include "models/jobs/jobs_model.h"
#include "widgets/plain_label.h"
#include "widgets/status_style.h"
#include "widgets/time_text.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace pipedeck {

using gitlab::CiStatus;
using models::JobsModel;

JobDetailsPane::JobDetailsPane(QWidget *parent)
    : QWidget(parent)
{
    m_icon = new QLabel;
    m_icon->setFixedSize(20, 20);
    m_name = new PlainLabel;
    m_name->setObjectName(QStringLiteral("jobName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setWeight(QFont::DemiBold);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(4);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_icon);
    header->addWidget(m_name, 1);
    header->addLayout(m_buttons);

    m_body = new QWidget;
    m_form = new QFormLayout(m_body);
    m_form->setContentsMargins(28, 4, 0, 0);
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(4);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields.insert(QStringLiteral("name"), m_name);
    addRow(QStringLiteral("status"), tr("Status"));
    addRow(QStringLiteral("failure"), tr("Failure"));
    addRow(QStringLiteral("stage"), tr("Stage"));
    addRow(QStringLiteral("downstream"), tr("Downstream"));
    addRow(QStringLiteral("runner"), tr("Runner"));
    addRow(QStringLiteral("tags"), tr("Tags"));
    addRow(QStringLiteral("queued"), tr("Queued"));
    addRow(QStringLiteral("duration"), tr("Duration"));
    addRow(QStringLiteral("started"), tr("Started"));
    addRow(QStringLiteral("finished"), tr("Finished"));
    addRow(QStringLiteral("artifacts"), tr("Artifacts"));
    addRow(QStringLiteral("user"), tr("Started by"));
    addRow(QStringLiteral("allowFailure"), tr("May fail"));
    addRow(QStringLiteral("webUrl"), tr("Web page"));

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_placeholder = new QLabel(tr("Select a job to see its details."));
    m_placeholder->setObjectName(QStringLiteral("jobPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_placeholder, 1);
    refresh();
}

PlainLabel *JobDetailsPane::addRow(const QString &key, const QString &label)
{
    auto *value = new PlainLabel;
    value->setObjectName(QStringLiteral("job_") + key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    auto *caption = new QLabel(label);
    QPalette muted = caption->palette();
    QColor text = muted.color(QPalette::WindowText);
    text.setAlphaF(0.7f);
    muted.setColor(QPalette::WindowText, text);
    caption->setPalette(muted);
    m_form->addRow(caption, value);
    m_fields.insert(key, value);
    m_labels.insert(key, caption);
    return value;
}

void JobDetailsPane::setRowVisible(const QString &key, bool visible)
{
    m_form->setRowVisible(m_fields.value(key), visible);
}

QLabel *JobDetailsPane::field(const QString &key) const
{
    return m_fields.value(key);
}

void JobDetailsPane::setActions(const QList<QAction *> &actions)
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (QAction *action : actions) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(false);
        m_buttons->addWidget(button);
    }
}

void JobDetailsPane::setModel(JobsModel *model)
{
    if (m_model == model)
        return;
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_model = model;
    if (model) {
        const auto update = [this] { refresh(); };
        m_connections = {
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                        if (!m_model || !m_jobId)
                            return;
                        const QModelIndex shown = m_model->indexOfJob(m_jobId);
                        if (shown.isValid() && shown.parent() == topLeft.parent() &&
                            shown.row() >= topLeft.row() && shown.row() <= bottomRight.row())
                            refresh();
                    }),
            connect(model, &QAbstractItemModel::rowsRemoved, this, update),
            connect(model, &QAbstractItemModel::modelReset, this, update),
        };
    }
    refresh();
}

void JobDetailsPane::setJob(qint64 jobId)
{
    m_jobId = jobId;
    refresh();
}

void JobDetailsPane::refresh()
{
    const QModelIndex index = m_model && m_jobId ? m_model->indexOfJob(m_jobId) : QModelIndex();
    const bool shown = index.isValid();
    m_body->parentWidget()->parentWidget()->setVisible(shown); // the scroll area
    m_placeholder->setVisible(!shown);
    m_icon->setVisible(shown);
    m_name->setVisible(shown);
    for (int i = 0; i < m_buttons->count(); ++i) {
        if (QWidget *button = m_buttons->itemAt(i)->widget())
            button->setVisible(shown);
    }
    if (!shown) {
        m_placeholder->setText(m_jobId ? tr("This job is no longer shown in the pipeline.")
                                       : tr("Select a job to see its details."));
        return;
    }

    const auto status = static_cast<CiStatus>(index.data(JobsModel::StatusRole).toInt());
    const bool allowFailure = index.data(JobsModel::AllowFailureRole).toBool();
    const bool bridge = m_model->kindAt(index) == JobsModel::NodeKind::Bridge;
    m_icon->setPixmap(StatusStyle::icon(status, allowFailure).pixmap(20, 20));
    m_name->setText(index.data(JobsModel::NameRole).toString());
    m_name->setToolTip(plainToolTip(index.data(JobsModel::NameRole).toString()));

    const QString statusText =
        StatusStyle::label(status, allowFailure, index.data(JobsModel::StatusNameRole).toString());
    QString statusLine = statusText;
    if (index.data(JobsModel::RetriedRole).toBool())
        statusLine += QStringLiteral(" · ") + tr("retried (an older attempt)");
    if (index.data(JobsModel::ErasedAtRole).toDateTime().isValid())
        statusLine += QStringLiteral(" · ") + tr("log and artifacts erased");
    m_fields[QStringLiteral("status")]->setText(statusLine);
    QPalette statusPalette = palette();
    statusPalette.setColor(QPalette::WindowText,
                           StatusStyle::textColor(status, palette(), allowFailure));
    m_fields[QStringLiteral("status")]->setPalette(statusPalette);

    const QString failure = index.data(JobsModel::FailureReasonRole).toString();
    m_fields[QStringLiteral("failure")]->setText(FailureReason::text(failure));
    setRowVisible(QStringLiteral("failure"), status == CiStatus::Failed && !failure.isEmpty());

    m_fields[QStringLiteral("stage")]->setText(index.data(JobsModel::StageRole).toString());

    const QVariant downstream = index.data(JobsModel::DownstreamPipelineIdRole);
    if (bridge) {
        const auto downstreamStatus =
            static_cast<CiStatus>(index.data(JobsModel::DownstreamStatusRole).toInt());
        m_fields[QStringLiteral("downstream")]->setText(
            downstream.isValid() ? tr("Pipeline #%1 · %2")
                                       .arg(downstream.toLongLong())
                                       .arg(StatusStyle::label(downstreamStatus))
                                 : tr("Not created yet"));
    }
    setRowVisible(QStringLiteral("downstream"), bridge);

    const QString runner = index.data(JobsModel::RunnerRole).toString();
    m_fields[QStringLiteral("runner")]->setText(runner);
    setRowVisible(QStringLiteral("runner"), !bridge && !runner.isEmpty());
    const QStringList tags = index.data(JobsModel::TagsRole).toStringList();
    m_fields[QStringLiteral("tags")]->setText(tags.join(QStringLiteral(", ")));
    setRowVisible(QStringLiteral("tags"), !tags.isEmpty());

    const QString queued = TimeText::duration(index.data(JobsModel::QueuedDurationRole));
    m_fields[QStringLiteral("queued")]->setText(queued);
    setRowVisible(QStringLiteral("queued"), !queued.isEmpty());
    const QString duration = TimeText::duration(index.data(JobsModel::DurationRole));
    m_fields[QStringLiteral("duration")]->setText(duration);
    setRowVisible(QStringLiteral("duration"), !duration.isEmpty());
    const QDateTime started = index.data(JobsModel::StartedAtRole).toDateTime();
    m_fields[QStringLiteral("started")]->setText(TimeText::dateTime(started));
    m_fields[QStringLiteral("started")]->setToolTip(TimeText::exact(started));
    setRowVisible(QStringLiteral("started"), started.isValid());
    const QDateTime finished = index.data(JobsModel::FinishedAtRole).toDateTime();
    m_fields[QStringLiteral("finished")]->setText(TimeText::dateTime(finished));
    m_fields[QStringLiteral("finished")]->setToolTip(TimeText::exact(finished));
    setRowVisible(QStringLiteral("finished"), finished.isValid());

    QStringList artifacts;
    const QVariantList list = index.data(JobsModel::ArtifactsRole).toList();
    for (const QVariant &entry : list) {
        const QVariantMap artifact = entry.toMap();
        const QString name = artifact.value(QStringLiteral("filename")).toString();
        const qint64 size = artifact.value(QStringLiteral("size")).toLongLong();
        artifacts.append(tr("%1 (%2)").arg(name, QLocale().formattedDataSize(size)));
    }
    m_fields[QStringLiteral("artifacts")]->setText(artifacts.join(QLatin1Char('\n')));
    setRowVisible(QStringLiteral("artifacts"), !artifacts.isEmpty());

    const QString user = index.data(JobsModel::UserRole).toString();
    m_fields[QStringLiteral("user")]->setText(user.isEmpty() ? QString()
                                                             : QStringLiteral("@") + user);
    setRowVisible(QStringLiteral("user"), !user.isEmpty());
    m_fields[QStringLiteral("allowFailure")]->setText(allowFailure ? tr("Yes") : tr("No"));
    const QUrl web = index.data(JobsModel::WebUrlRole).toUrl();
    m_fields[QStringLiteral("webUrl")]->setText(web.toDisplayString());
    setRowVisible(QStringLiteral("webUrl"), web.isValid());
    Q_EMIT jobChanged(m_jobId);
}

} // namespace pipedeck
