#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QToolBar;
class QLabel;

namespace pipedeck {

namespace models {
class PipelinesModel;
}
class PlainLabel;

//! The top of the pipeline view: status, "Pipeline #id", ref, commit, source, who started it
//! and how long it took (from the pipelines list model, updated as it refreshes), and buttons
//! for the pipeline's actions.
class PipelineHeader : public QWidget
{
    Q_OBJECT
public:
    explicit PipelineHeader(QWidget *parent = nullptr);

    void setModel(models::PipelinesModel *model); //!< not owned
    void setPipeline(qint64 pipelineId);          //!< 0: none
    qint64 pipelineId() const { return m_pipelineId; }
    void setActions(const QList<QAction *> &actions);
    void addTrailingAction(QAction *action);

    PlainLabel *titleLabel() const { return m_title; }
    PlainLabel *detailLabel() const { return m_detail; }

Q_SIGNALS:
    //! The shown pipeline's row changed (status: the page updates its actions).
    void pipelineChanged(qint64 pipelineId);

private:
    void refresh();

    QPointer<models::PipelinesModel> m_model;
    qint64 m_pipelineId = 0;
    QLabel *m_icon = nullptr;
    PlainLabel *m_title = nullptr;
    PlainLabel *m_status = nullptr;
    PlainLabel *m_detail = nullptr;
    QToolBar *m_buttons = nullptr;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace pipedeck
