#pragma once

#include "gitlab/net/status.h"
#include "gitlab/requests/project_ref.h"
#include "gitlab/types/pipeline.h"
#include "runs/created_pipeline_lookup.h"
#include "variables/variable_row.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace pipedeck::gitlab {
class Connection;
class Request;
} // namespace pipedeck::gitlab

namespace pipedeck::runs {

//! What the Run pipeline dialog sends: kept whole by the controller, whatever GitLab answers.
struct RunPipelineInput
{
    qint64 projectId = 0;
    QString ref;
    QList<variables::VariableRow> rows;
    //! Pipeline inputs (GitLab 17.10+): name -> typed JSON value.
    QJsonObject inputs;

    friend bool operator==(const RunPipelineInput &, const RunPipelineInput &) = default;
};

//! Runs a pipeline for a ref with variables and inputs: POST /projects/:id/pipeline, sent once.
//!
//! - A refusal (400 with GitLab's messages, 403, 429 with its Retry-After time) is reported
//!   with GitLab's text; input() still holds everything the user typed.
//! - A lost reply is never re-sent: the controller asks GitLab for pipelines on that ref by
//!   this user, from the API, newer than the newest one before the send, and reports the one
//!   it finds (created(pipeline, true)), or outcomeUnknown() with a checkAgain() to ask again.
//!   The newest pipeline id is read just before the POST, so the answer does not depend on the
//!   two clocks agreeing; if that read fails the lookup falls back to created_after.
class RunPipelineController : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Sending, Checking, Done, Refused, Unknown };
    Q_ENUM(State)

    //! Client and server clocks differ: the lookup after a lost reply reaches this far back
    //! before the send. A pipeline the user made in that window by the API is the one found.
    static constexpr int kClockSkewSeconds = runs::CreatedPipelineLookup::kClockSkewSeconds;

    //! `username`: the signed-in account, whose pipelines the lookup lists.
    RunPipelineController(gitlab::Connection *connection, QString username,
                          QObject *parent = nullptr);
    ~RunPipelineController() override;

    //! Sends the input. False (and nothing sent) while a send or check is under way, for an
    //! empty ref, a row that breaks GitLab's variable rules, or without a connection.
    bool submit(const RunPipelineInput &input);
    //! After outcomeUnknown(): look again (a GET; the POST is never sent again).
    bool checkAgain();

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Sending || m_state == State::Checking; }
    const RunPipelineInput &input() const { return m_input; }
    const gitlab::Status &lastStatus() const { return m_status; }
    //! When the POST left (UTC): the lookup's starting point.
    const QDateTime &sentAt() const { return m_sentAt; }

Q_SIGNALS:
    void stateChanged(pipedeck::runs::RunPipelineController::State state);
    //! `reconciled`: the reply was lost and the lookup found it.
    void created(const pipedeck::gitlab::Pipeline &pipeline, bool reconciled);
    void refused(const pipedeck::gitlab::Status &status);
    void outcomeUnknown(const pipedeck::gitlab::Status &status);

private:
    void setState(State state);
    void send();
    void lookUp();

    QPointer<gitlab::Connection> m_connection;
    QString m_username;
    RunPipelineInput m_input;
    State m_state = State::Idle;
    gitlab::Status m_status;
    QDateTime m_sentAt;
    runs::CreatedPipelineLookup *m_lookup = nullptr;
    QPointer<gitlab::Request> m_request;
};

} // namespace pipedeck::runs
