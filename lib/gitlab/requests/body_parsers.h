#pragma once

#include "gitlab/requests/request.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace pipedeck::gitlab {

//! Adapts a pure JSON parser (gitlab/parse/json_parsers.h) to a BodyParser.
template<class T, std::optional<T> (*Parse)(const QJsonObject &, QString *)>
ParseOutcome parseObjectBody(const QByteArray &body)
{
    QJsonParseError jsonError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return {{}, QStringLiteral("not JSON: ") + jsonError.errorString()};
    if (!document.isObject())
        return {{}, QStringLiteral("expected a JSON object")};
    QString error;
    std::optional<T> value = Parse(document.object(), &error);
    if (!value)
        return {{}, error};
    return {std::move(*value), {}};
}

template<class T, std::optional<QList<T>> (*Parse)(const QJsonArray &, QString *)>
ParseOutcome parseArrayBody(const QByteArray &body)
{
    QJsonParseError jsonError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return {{}, QStringLiteral("not JSON: ") + jsonError.errorString()};
    if (!document.isArray())
        return {{}, QStringLiteral("expected a JSON array")};
    QString error;
    std::optional<QList<T>> value = Parse(document.array(), &error);
    if (!value)
        return {{}, error};
    return {std::move(*value), {}};
}

//! Raw bytes (job traces).
inline ParseOutcome keepRawBody(const QByteArray &body)
{
    return {body, {}};
}

} // namespace pipedeck::gitlab
