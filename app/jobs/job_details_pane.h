#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QFormLayout;
class QHBoxLayout;
class QLabel;

namespace pipedeck {

namespace models {
class JobsModel;
}
class PlainLabel;

//! The details of the current job or trigger job: status, stage, runner, tags, queued and run
//! time, failure reason, artifacts, who started it, whether it may fail, its web link, and
//! buttons for its actions (the page's QActions, enabled or not with a reason as tooltip).
//! Every value that comes from the server is a PlainLabel: markup in it is shown literally.
//! Follows the model: a refresh that changes the job updates the pane in place.
class JobDetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailsPane(QWidget *parent = nullptr);

    void setModel(models::JobsModel *model); //!< not owned
    void setJob(qint64 jobId);               //!< 0: nothing selected
    qint64 jobId() const { return m_jobId; }
    //! Buttons for these actions go into the pane's header (the actions stay the caller's).
    void setActions(const QList<QAction *> &actions);

    //! The labels by field, for tests: "name", "status", "stage", "runner", "tags", "queued",
    //! "duration", "started", "finished", "failure", "artifacts", "user", "allowFailure",
    //! "webUrl", "downstream".
    QLabel *field(const QString &key) const;

Q_SIGNALS:
    //! The job shown was refreshed (for the page's action states).
    void jobChanged(qint64 jobId);

private:
    void refresh();
    PlainLabel *addRow(const QString &key, const QString &label);
    void setRowVisible(const QString &key, bool visible);

    QPointer<models::JobsModel> m_model;
    qint64 m_jobId = 0;
    QLabel *m_icon = nullptr;
    PlainLabel *m_name = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_body = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QFormLayout *m_form = nullptr;
    QHash<QString, PlainLabel *> m_fields;
    QHash<QString, QLabel *> m_labels;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace pipedeck
