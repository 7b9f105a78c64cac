#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

#include <utility>

namespace pipedeck::sim {

struct RecordedRequest
{
    QByteArray method;
    QByteArray target;                                // request-target as received (path + query)
    QList<std::pair<QByteArray, QByteArray>> headers; // as received
    QByteArray body;
    int status = 0; // 0 if no reply was sent (fault)
};

} // namespace pipedeck::sim

Q_DECLARE_METATYPE(pipedeck::sim::RecordedRequest)
