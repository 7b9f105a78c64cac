#pragma once

#include "models/pipelines/pipeline_filter.h"

#include <QWidget>

class QIdentityProxyModel;

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QTimer;

namespace pipedeck {

namespace models {
class PipelinesModel;
}
class PipelineItemDelegate;

//! The pipelines of one project: filters (ref, status, source, username) above a list that
//! pages in more rows as it is scrolled (PipelinesModel::fetchMore), with the model's loading,
//! stale and error state in a line below the filters.
class PipelinesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PipelinesPanel(QWidget *parent = nullptr);

    void setModel(models::PipelinesModel *model); //!< not owned
    models::PipelinesModel *model() const { return m_model; }

    qint64 currentPipelineId() const;
    //! Selects the row of `pipelineId` if it is loaded; returns whether it was.
    bool selectPipeline(qint64 pipelineId);

    QListView *view() const { return m_view; }
    PipelineItemDelegate *delegate() const { return m_delegate; }
    QLineEdit *refFilter() const { return m_ref; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *sourceFilter() const { return m_source; }
    QLineEdit *userFilter() const { return m_user; }
    //! The filter the controls describe now.
    models::PipelineFilter filterFromControls() const;

Q_SIGNALS:
    void currentPipelineChanged(qint64 pipelineId); //!< 0: none
    void contextMenuRequested(qint64 pipelineId, const QPoint &globalPos);

private:
    void applyFilter();
    void updateState();

    models::PipelinesModel *m_model = nullptr;
    QIdentityProxyModel *m_forReaders = nullptr; // the model as the view and readers see it
    QLineEdit *m_ref = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_user = nullptr;
    QListView *m_view = nullptr;
    PipelineItemDelegate *m_delegate = nullptr;
    QLabel *m_state = nullptr;
    QTimer *m_typingDelay = nullptr;
    qint64 m_current = 0;
    QMetaObject::Connection m_stateConnection;
};

} // namespace pipedeck
