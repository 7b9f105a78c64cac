#pragma once

#include "gitlab/types/job.h"
#include "gitlab/types/pipeline.h"
#include "gitlab/types/project.h"
#include "gitlab/types/repository_ref.h"
#include "gitlab/types/token_info.h"
#include "gitlab/types/trigger.h"
#include "gitlab/types/user.h"
#include "gitlab/types/variable.h"
#include "gitlab/types/version.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <optional>

//! JSON -> domain types, as pure functions (no I/O, no Qt event loop, safe on any thread).
//!
//! Contract: a value is returned only when the object has the shape the endpoint promises:
//! the identifying fields (an `id`, a `name`, a `key`) are present and of the right type.
//! Other fields are optional and fall back to empty values; unknown statuses become
//! CiStatus::Unknown. On failure `error` (if given) says which field was wrong, in English,
//! for the log only: it never reaches the user unfiltered.
namespace pipedeck::gitlab {

std::optional<User> parseUser(const QJsonObject &json, QString *error = nullptr);
std::optional<PersonalAccessTokenInfo> parseTokenInfo(const QJsonObject &json,
                                                      QString *error = nullptr);
std::optional<Version> parseVersion(const QJsonObject &json, QString *error = nullptr);
std::optional<Project> parseProject(const QJsonObject &json, QString *error = nullptr);
std::optional<Pipeline> parsePipeline(const QJsonObject &json, QString *error = nullptr);
std::optional<Job> parseJob(const QJsonObject &json, QString *error = nullptr);
std::optional<Bridge> parseBridge(const QJsonObject &json, QString *error = nullptr);
std::optional<Trigger> parseTrigger(const QJsonObject &json, QString *error = nullptr);
std::optional<Variable> parseVariable(const QJsonObject &json, QString *error = nullptr);
std::optional<Branch> parseBranch(const QJsonObject &json, QString *error = nullptr);
std::optional<Tag> parseTag(const QJsonObject &json, QString *error = nullptr);

//! A list parses only if every element does (a list with one broken element is a broken reply).
std::optional<QList<Project>> parseProjects(const QJsonArray &json, QString *error = nullptr);
std::optional<QList<Pipeline>> parsePipelines(const QJsonArray &json, QString *error = nullptr);
std::optional<QList<Job>> parseJobs(const QJsonArray &json, QString *error = nullptr);
std::optional<QList<Bridge>> parseBridges(const QJsonArray &json, QString *error = nullptr);
std::optional<QList<Trigger>> parseTriggers(const QJsonArray &json, QString *error = nullptr);
std::optional<QList<Variable>> parseVariables(const QJsonArray &json, QString *error = nullptr);
std::optional<QList<Branch>> parseBranches(const QJsonArray &json, QString *error = nullptr);
std::optional<QList<Tag>> parseTags(const QJsonArray &json, QString *error = nullptr);

//! GitLab's error text from an error body: {"message":"..."}, {"message":{"field":["..."]}},
//! {"message":{"error":"..."}} or {"error":"...","error_description":"..."}. Empty if the body
//! is not one of those (plain-text 429 bodies, HTML pages).
QString parseErrorMessage(const QByteArray &body);

} // namespace pipedeck::gitlab
