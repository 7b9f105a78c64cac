#pragma once

#include "gitlab/requests/paged_request.h"
#include "gitlab/requests/project_ref.h"
#include "gitlab/requests/request.h"
#include "gitlab/types/pipeline.h"
#include "gitlab/types/trigger.h"

#include <QDate>
#include <QJsonObject>
#include <QMap>

namespace pipedeck::gitlab {

//! GET /projects/:id/triggers (Maintainer). Others' tokens come back as 4 characters.
class ListTriggers : public ListRequest<Trigger>
{
public:
    explicit ListTriggers(const ProjectRef &project, QObject *parent = nullptr);
    const QList<Trigger> &triggers() const { return items(); }
};

//! GET /projects/:id/triggers/:trigger_id
class GetTrigger : public ResultRequest<Trigger>
{
public:
    GetTrigger(const ProjectRef &project, qint64 triggerId, QObject *parent = nullptr);
    const Trigger &trigger() const { return result(); }
};

//! POST /projects/:id/triggers. The reply holds the full token: the only moment to put it in
//! the keychain.
class CreateTrigger : public ResultRequest<Trigger>
{
public:
    CreateTrigger(const ProjectRef &project, const QString &description,
                  const QDate &expiresAt = {}, QObject *parent = nullptr);
    const Trigger &trigger() const { return result(); }
};

//! PUT /projects/:id/triggers/:trigger_id (description)
class UpdateTrigger : public ResultRequest<Trigger>
{
public:
    UpdateTrigger(const ProjectRef &project, qint64 triggerId, const QString &description,
                  QObject *parent = nullptr);
    const Trigger &trigger() const { return result(); }
};

//! DELETE /projects/:id/triggers/:trigger_id (204)
class DeleteTrigger : public EmptyRequest
{
    Q_OBJECT
public:
    DeleteTrigger(const ProjectRef &project, qint64 triggerId, QObject *parent = nullptr);
};

//! POST /projects/:id/trigger/pipeline. The trigger token is the credential: it goes in the
//! JSON body only (never the URL, where Qt's error strings would repeat it), no
//! PRIVATE-TOKEN is sent, and the token is scrubbed from every text built from this call.
//! `variables` is GitLab's map of strings (no file type here); `inputs` (GitLab 17.11+) maps
//! input names to typed JSON values as for POST /pipeline; empty = not sent.
class TriggerPipeline : public ResultRequest<Pipeline>
{
public:
    TriggerPipeline(const ProjectRef &project, const QString &triggerToken, const QString &ref,
                    const QMap<QString, QString> &variables = {}, const QJsonObject &inputs = {},
                    QObject *parent = nullptr);
    const Pipeline &pipeline() const { return result(); }
};

} // namespace pipedeck::gitlab
