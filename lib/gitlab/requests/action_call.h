#pragma once

#include "gitlab/net/api_call.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pipedeck::gitlab {

//! An action (POST/PUT/DELETE): a user's click, sent once, ahead of polling.
inline ApiCall actionCall(const QByteArray &method, const QString &path,
                          const QJsonObject &body = {})
{
    ApiCall call;
    call.method = method;
    call.path = path;
    call.priority = Priority::Interactive;
    if (!body.isEmpty()) {
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        call.contentType = "application/json";
    }
    return call;
}

inline ApiCall getCall(const QString &path)
{
    ApiCall call;
    call.path = path;
    return call;
}

} // namespace pipedeck::gitlab
