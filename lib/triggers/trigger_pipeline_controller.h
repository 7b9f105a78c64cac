#pragma once

#include "gitlab/net/status.h"
#include "gitlab/types/pipeline.h"
#include "runs/created_pipeline_lookup.h"
#include "variables/variable_row.h"
#include "variables/variable_rules.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace pipedeck::gitlab {
class Connection;
class Request;
} // namespace pipedeck::gitlab

namespace pipedeck::triggers {

//! What the trigger dialog sends: kept whole by the controller, whatever GitLab answers.
struct TriggerRunInput
{
    qint64 projectId = 0;
    QString ref;
    //! The credential: sent in the JSON body only; never logged, never in a URL or a text.
    QByteArray token;
    QList<variables::VariableRow> rows;
    //! Pipeline inputs (GitLab 17.11+ on the trigger API): name -> typed JSON value.
    QJsonObject inputs;
    //! For the run history (never the token).
    QString triggerDescription;

    friend bool operator==(const TriggerRunInput &, const TriggerRunInput &) = default;
};

//! Triggers a pipeline with a trigger token: POST /projects/:id/trigger/pipeline, sent once,
//! without PRIVATE-TOKEN (the token in the body is the credential).
//!
//! - Rows are strings only (the trigger API takes a map of strings): a File row is refused by
//!   triggerRules() and nothing is sent.
//! - A refusal (404: the token is revoked, expired or of another project; 400: ref or workflow
//!   rules; 403) is reported with GitLab's status; input() still holds everything typed.
//! - A lost reply is never re-sent: the controller lists the ref's pipelines with source
//!   "trigger" newer than the newest one before the send (read with the signed-in account just
//!   before the POST; if that read failed, created after the send less the clock skew), and
//!   reports the one it finds, or outcomeUnknown() with checkAgain() to ask again.
class TriggerPipelineController : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Sending, Checking, Done, Refused, Unknown };
    Q_ENUM(State)

    static constexpr int kClockSkewSeconds = runs::CreatedPipelineLookup::kClockSkewSeconds;

    //! What the trigger API accepts: strings only.
    static variables::VariableRules triggerRules();
    //! The dialog's inline explanation of a refusal (translated, token-free).
    static QString refusalText(const gitlab::Status &status);

    explicit TriggerPipelineController(gitlab::Connection *connection, QObject *parent = nullptr);
    ~TriggerPipelineController() override;

    //! Sends the input. False (and nothing sent) while a send or check is under way, without a
    //! token, for an empty ref, a row that breaks triggerRules(), or without a connection.
    bool submit(const TriggerRunInput &input);
    //! After outcomeUnknown(): look again (a GET; the POST is never sent again).
    bool checkAgain();

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Sending || m_state == State::Checking; }
    const TriggerRunInput &input() const { return m_input; }
    const gitlab::Status &lastStatus() const { return m_status; }
    const QDateTime &sentAt() const { return m_sentAt; }

Q_SIGNALS:
    void stateChanged(pipedeck::triggers::TriggerPipelineController::State state);
    //! `reconciled`: the reply was lost and the lookup found it.
    void created(const pipedeck::gitlab::Pipeline &pipeline, bool reconciled);
    void refused(const pipedeck::gitlab::Status &status);
    void outcomeUnknown(const pipedeck::gitlab::Status &status);

private:
    void setState(State state);
    void send();
    void lookUp();

    QPointer<gitlab::Connection> m_connection;
    TriggerRunInput m_input;
    State m_state = State::Idle;
    gitlab::Status m_status;
    QDateTime m_sentAt;
    runs::CreatedPipelineLookup *m_lookup = nullptr;
    QPointer<gitlab::Request> m_request;
};

} // namespace pipedeck::triggers
