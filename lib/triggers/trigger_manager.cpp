#include "triggers/trigger_manager.h"

#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/trigger_requests.h"
#include "models/loaders/launch.h"
#include "secrets/redaction.h"
#include "triggers/trigger_vault.h"
#include "triggers/triggers_loader.h"

namespace pipedeck::triggers {

using gitlab::Status;

TriggerManager::TriggerManager(gitlab::Connection *connection, TriggerVault *vault,
                               presets::AccountContext account, qint64 projectId, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_vault(vault)
    , m_account(std::move(account))
    , m_projectId(projectId)
{}

// An action in flight finishes on GitLab's side whatever happens here; it is only no longer
// reported.
TriggerManager::~TriggerManager() = default;

void TriggerManager::begin(Operation operation)
{
    m_operation = operation;
    Q_EMIT busyChanged(true);
}

void TriggerManager::finish()
{
    m_operation = Operation::None;
    m_request.clear();
    Q_EMIT busyChanged(false);
}

QString TriggerManager::failureText(const Status &status) const
{
    if (status.code() != Status::Forbidden)
        return status.userText();
    // GitLab lets only the owner change a token, so a Maintainer renaming someone else's
    // gets the same 403 as a Developer.
    if (m_operation == Operation::Rename)
        return TriggersLoader::maintainerRoleText() + QLatin1Char(' ') +
               tr("Only its owner can rename a trigger token.");
    return TriggersLoader::maintainerRoleText();
}

bool TriggerManager::create(const QString &description, const QDate &expiresAt)
{
    if (!m_connection || isBusy() || description.trimmed().isEmpty() || m_projectId <= 0)
        return false;
    m_description = description;
    m_expiresAt = expiresAt;
    m_idsBefore.clear();
    m_idsBeforeKnown = false;
    begin(Operation::Create);
    // What is there before the send tells a lost reply's trigger from an older one of the
    // same description.
    auto *before = new gitlab::ListTriggers(gitlab::ProjectRef(m_projectId));
    m_request = models::launch(m_connection.data(), before, this, gitlab::Priority::Interactive,
                               [this](const gitlab::ListTriggers &done) {
                                   if (done.status().ok()) {
                                       for (const gitlab::Trigger &t : done.triggers())
                                           m_idsBefore.insert(t.id);
                                       m_idsBeforeKnown = true;
                                   } else if (done.status().code() == Status::Forbidden) {
                                       // The POST would get the same answer.
                                       const QString text = failureText(done.status());
                                       finish();
                                       Q_EMIT failed(text);
                                       return;
                                   }
                                   sendCreate();
                               });
    return true;
}

void TriggerManager::sendCreate()
{
    if (!m_connection)
        return;
    m_sentAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcNet) << "create a trigger token in project" << m_projectId;
    auto *request =
        new gitlab::CreateTrigger(gitlab::ProjectRef(m_projectId), m_description, m_expiresAt);
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this](const gitlab::CreateTrigger &done) {
                                   if (done.status().ok()) {
                                       keep(done.trigger());
                                   } else if (done.status().needsReconcile()) {
                                       lookUpCreated();
                                   } else {
                                       const QString text = failureText(done.status());
                                       finish();
                                       Q_EMIT failed(text);
                                   }
                               });
}

void TriggerManager::lookUpCreated()
{
    qCInfo(lcNet) << "create trigger token lost its reply; looking for it instead of sending "
                     "again";
    auto *request = new gitlab::ListTriggers(gitlab::ProjectRef(m_projectId));
    m_request = models::launch(
        m_connection.data(), request, this, gitlab::Priority::Interactive,
        [this](const gitlab::ListTriggers &done) {
            const gitlab::Trigger *found = nullptr;
            if (done.status().ok()) {
                const QDateTime earliest = m_sentAt.addSecs(-kClockSkewSeconds);
                for (const gitlab::Trigger &t : done.triggers()) {
                    const bool isNew = m_idsBeforeKnown
                                           ? !m_idsBefore.contains(t.id)
                                           : t.createdAt.isValid() && t.createdAt >= earliest;
                    // Only its owner sees the full token, and only the full token is worth
                    // keeping: a shortened one is someone else's.
                    if (isNew && t.description == m_description && t.owner &&
                        t.owner->username == m_account.account && !t.tokenIsShortened() &&
                        (!found || t.id > found->id))
                        found = &t;
                }
            }
            if (found) {
                keep(*found);
                return;
            }
            finish();
            Q_EMIT outcomeUnknown(
                tr("GitLab did not answer whether the trigger token was created, and it is not "
                   "in the project's list. It was not sent again: refresh the list before "
                   "creating it again."));
        });
}

void TriggerManager::keep(const gitlab::Trigger &trigger)
{
    // The dialog will show it: any text that might repeat it is masked from now on.
    registerSecret(trigger.token);
    if (!m_vault) {
        finish();
        Q_EMIT created(trigger, false, tr("Not stored: Pipedeck has no keychain here."));
        return;
    }
    m_request.clear();
    m_vault->store(m_account, m_projectId, trigger.id, trigger.token.toUtf8(), this,
                   [this, trigger](const TokenResult &result) {
                       const bool stored = result.outcome == TokenOutcome::Saved;
                       QString message;
                       if (!stored) {
                           message = result.message;
                           if (!result.reason.isEmpty())
                               message += QLatin1Char(' ') + result.reason;
                       }
                       finish();
                       Q_EMIT created(trigger, stored, message);
                   });
}

bool TriggerManager::rename(qint64 triggerId, const QString &description)
{
    if (!m_connection || isBusy() || triggerId <= 0 || description.trimmed().isEmpty())
        return false;
    m_triggerId = triggerId;
    m_description = description;
    begin(Operation::Rename);
    qCInfo(lcNet) << "rename trigger token" << triggerId << "of project" << m_projectId;
    auto *request =
        new gitlab::UpdateTrigger(gitlab::ProjectRef(m_projectId), triggerId, description);
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this](const gitlab::UpdateTrigger &done) {
                                   if (done.status().ok()) {
                                       const gitlab::Trigger trigger = done.trigger();
                                       finish();
                                       Q_EMIT renamed(trigger);
                                   } else if (done.status().needsReconcile()) {
                                       lookUpRenamed();
                                   } else {
                                       const QString text = failureText(done.status());
                                       finish();
                                       Q_EMIT failed(text);
                                   }
                               });
    return true;
}

void TriggerManager::lookUpRenamed()
{
    auto *request = new gitlab::GetTrigger(gitlab::ProjectRef(m_projectId), m_triggerId);
    m_request = models::launch(
        m_connection.data(), request, this, gitlab::Priority::Interactive,
        [this](const gitlab::GetTrigger &done) {
            if (done.status().ok() && done.trigger().description == m_description) {
                const gitlab::Trigger trigger = done.trigger();
                finish();
                Q_EMIT renamed(trigger);
                return;
            }
            finish();
            Q_EMIT outcomeUnknown(tr("GitLab did not answer whether the trigger token was "
                                     "renamed. Refresh the list to see its description."));
        });
}

bool TriggerManager::revoke(qint64 triggerId)
{
    if (!m_connection || isBusy() || triggerId <= 0)
        return false;
    m_triggerId = triggerId;
    begin(Operation::Revoke);
    qCInfo(lcNet) << "revoke trigger token" << triggerId << "of project" << m_projectId;
    auto *request = new gitlab::DeleteTrigger(gitlab::ProjectRef(m_projectId), triggerId);
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this](const gitlab::DeleteTrigger &done) {
                                   if (done.status().ok()) {
                                       const qint64 id = m_triggerId;
                                       finish();
                                       Q_EMIT revoked(id);
                                   } else if (done.status().needsReconcile()) {
                                       lookUpRevoked();
                                   } else {
                                       const QString text = failureText(done.status());
                                       finish();
                                       Q_EMIT failed(text);
                                   }
                               });
    return true;
}

void TriggerManager::lookUpRevoked()
{
    auto *request = new gitlab::GetTrigger(gitlab::ProjectRef(m_projectId), m_triggerId);
    m_request = models::launch(
        m_connection.data(), request, this, gitlab::Priority::Interactive,
        [this](const gitlab::GetTrigger &done) {
            const qint64 id = m_triggerId;
            finish();
            if (done.status().code() == Status::NotFound) {
                Q_EMIT revoked(id);
            } else if (done.status().ok()) {
                Q_EMIT failed(tr("The trigger token was not revoked: GitLab still has it."));
            } else {
                Q_EMIT outcomeUnknown(
                    tr("GitLab did not answer whether the trigger token was revoked. Refresh "
                       "the list to see whether it is still there."));
            }
        });
}

} // namespace pipedeck::triggers
