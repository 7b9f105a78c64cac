#pragma once

#include "actions/action_controller.h"
#include "variables/variable_row.h"
#include "variables/variable_rules.h"

#include <QObject>
#include <QPointer>

namespace pipedeck::runs {

//! One manual job to play.
struct PlayTarget
{
    qint64 jobId = 0;
    QString name;
    QString stage;
    qint64 pipelineId = 0;
    bool triggerJob = false;

    friend bool operator==(const PlayTarget &, const PlayTarget &) = default;
};

//! What the Play dialog sends: kept whole by the controller, whatever GitLab answers.
struct PlayInput
{
    qint64 projectId = 0;
    QList<PlayTarget> jobs; //!< one, or several with the same variables
    QList<variables::VariableRow> rows;

    friend bool operator==(const PlayInput &, const PlayInput &) = default;
};

//! Plays one or more manual jobs with variables (job_variables_attributes), each POST sent once
//! through the account's ActionController, which re-reads a job whose reply was lost instead of
//! playing it again. The input stays in input() until the dialog closes, so a refusal loses
//! nothing the user typed.
class PlayController : public QObject
{
    Q_OBJECT
public:
    PlayController(actions::ActionController *actions, QObject *parent = nullptr);

    //! What a play accepts: key and value only (the API takes no variable type).
    static variables::VariableRules playRules();

    //! False (nothing sent) while an earlier submit is still running, with no jobs, or with a
    //! row that breaks playRules().
    bool submit(const PlayInput &input);

    bool isBusy() const { return !m_tickets.isEmpty(); }
    const PlayInput &input() const { return m_input; }
    //! The results of the last submit, in the order they came back.
    const QList<actions::ActionResult> &results() const { return m_results; }
    //! Jobs of the last submit that GitLab refused or whose outcome stayed unknown.
    QList<PlayTarget> unfinished() const;

Q_SIGNALS:
    void jobFinished(const pipedeck::actions::ActionResult &result);
    //! Every job of the submit has its result.
    void finished();

private:
    void onActionFinished(const actions::ActionResult &result);

    QPointer<actions::ActionController> m_actions;
    PlayInput m_input;
    QList<quint64> m_tickets;
    QList<actions::ActionResult> m_results;
};

} // namespace pipedeck::runs
