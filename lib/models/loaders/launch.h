#pragma once

#include "gitlab/net/connection.h"
#include "gitlab/requests/request.h"

#include <QObject>

namespace pipedeck::models {

//! Starts a configured request on `connection`; `done(request)` runs once it finishes, unless
//! `context` is gone by then. The request deletes itself afterwards.
template<class R, class Done>
R *launch(gitlab::Connection *connection, R *request, QObject *context, gitlab::Priority priority,
          Done done)
{
    request->setParent(connection);
    request->setPriority(priority);
    QObject::connect(request, &gitlab::Request::finished, request, &QObject::deleteLater);
    QObject::connect(request, &gitlab::Request::finished, context,
                     [request, done] { done(*request); });
    request->start(connection);
    return request;
}

} // namespace pipedeck::models
