#include "pipelines/pipeline_header.h"

#include "gitlab/types/ci_status.h"
#include "models/pipelines/pipelines_model.h"
#include "widgets/plain_label.h"
#include "widgets/status_style.h"
#include "widgets/time_text.h"

#include <QAction>
#include <QHBoxLayout>
#include <QToolBar>
#include <QVBoxLayout>

namespace pipedeck {

using gitlab::CiStatus;
using models::PipelinesModel;

PipelineHeader::PipelineHeader(QWidget *parent)
    : QWidget(parent)
{
    m_icon = new QLabel;
    m_icon->setFixedSize(22, 22);
    m_title = new PlainLabel;
    m_title->setObjectName(QStringLiteral("pipelineTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    m_status = new PlainLabel;
    m_status->setObjectName(QStringLiteral("pipelineStatus"));
    QFont statusFont = m_status->font();
    statusFont.setWeight(QFont::DemiBold);
    m_status->setFont(statusFont);
    m_detail = new PlainLabel;
    m_detail->setObjectName(QStringLiteral("pipelineDetail"));
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // A tool bar, not a row of buttons: where the window is too narrow for all of them (and
    // Japanese labels are wider), the last ones move into its » menu instead of off the edge.
    m_buttons = new QToolBar;
    m_buttons->setObjectName(QStringLiteral("pipelineActions"));
    m_buttons->setAccessibleName(tr("Pipeline actions"));
    m_buttons->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_buttons->setMovable(false);
    m_buttons->setFloatable(false);
    m_buttons->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(8);
    titleRow->addWidget(m_icon);
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_status);
    titleRow->addSpacing(16);
    titleRow->addWidget(m_buttons, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 4);
    layout->setSpacing(2);
    layout->addLayout(titleRow);
    layout->addWidget(m_detail);
    refresh();
}

void PipelineHeader::setModel(PipelinesModel *model)
{
    if (m_model == model)
        return;
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_model = model;
    if (model) {
        m_connections = {
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                        if (!m_model)
                            return;
                        const int row = m_model->rowOfId(m_pipelineId);
                        if (row >= topLeft.row() && row <= bottomRight.row())
                            refresh();
                    }),
            connect(model, &QAbstractItemModel::rowsInserted, this, [this] { refresh(); }),
            connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { refresh(); }),
        };
    }
    refresh();
}

void PipelineHeader::setPipeline(qint64 pipelineId)
{
    m_pipelineId = pipelineId;
    refresh();
}

void PipelineHeader::setActions(const QList<QAction *> &actions)
{
    m_buttons->clear();
    for (QAction *action : actions)
        addTrailingAction(action);
}

void PipelineHeader::addTrailingAction(QAction *action)
{
    m_buttons->addAction(action);
}

void PipelineHeader::refresh()
{
    const int row = m_model && m_pipelineId ? m_model->rowOfId(m_pipelineId) : -1;
    m_title->setText(m_pipelineId ? tr("Pipeline #%1").arg(m_pipelineId) : QString());
    if (row < 0) {
        m_icon->clear();
        m_status->clear();
        m_detail->setText(m_pipelineId ? QString() : tr("No pipeline selected."));
        Q_EMIT pipelineChanged(m_pipelineId);
        return;
    }
    const QModelIndex index = m_model->index(row);
    const auto status = static_cast<CiStatus>(index.data(PipelinesModel::StatusRole).toInt());
    m_icon->setPixmap(StatusStyle::icon(status).pixmap(22, 22));
    m_status->setText(
        StatusStyle::label(status, false, index.data(PipelinesModel::StatusNameRole).toString()));
    QPalette statusPalette = palette();
    statusPalette.setColor(QPalette::WindowText, StatusStyle::textColor(status, palette()));
    m_status->setPalette(statusPalette);

    QStringList parts;
    parts.append(index.data(PipelinesModel::RefRole).toString());
    const QString sha = index.data(PipelinesModel::ShaRole).toString().left(8);
    if (!sha.isEmpty())
        parts.append(sha);
    QString title = index.data(PipelinesModel::CommitTitleRole).toString();
    title.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (!title.isEmpty())
        parts.append(title);
    const QString source = index.data(PipelinesModel::SourceRole).toString();
    if (!source.isEmpty())
        parts.append(source);
    const QString user = index.data(PipelinesModel::UserRole).toString();
    if (!user.isEmpty())
        parts.append(QStringLiteral("@") + user);
    const QString duration = TimeText::duration(index.data(PipelinesModel::DurationRole));
    if (!duration.isEmpty())
        parts.append(duration);
    m_detail->setText(parts.join(QStringLiteral("  ·  ")));
    m_detail->setToolTip(plainToolTip(parts.join(QLatin1Char('\n'))));
    Q_EMIT pipelineChanged(m_pipelineId);
}

} // namespace pipedeck
