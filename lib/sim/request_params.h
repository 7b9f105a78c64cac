#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace pipedeck::sim {

// Request parameters as GitLab (Rack + Grape) sees them: the query string and the body
// (form-urlencoded with Rack's nested keys `a[b]=c`, `a[]=x`, `a[][k]=v`, or a JSON object)
// merged into one JSON object.
class RequestParams
{
public:
    // Returns std::nullopt with *error set when the body is not parseable.
    static std::optional<RequestParams> parse(const QByteArray &query,
                                              const QByteArray &contentType, const QByteArray &body,
                                              QString *error);

    bool has(const QString &key) const { return m_values.contains(key); }
    QJsonValue value(const QString &key) const { return m_values.value(key); }
    QString string(const QString &key) const; // numbers and bools as text; empty if absent
    std::optional<bool> boolean(const QString &key) const;
    std::optional<qint64> integer(const QString &key) const;
    QStringList stringList(const QString &key) const; // "a" or ["a","b"]
    const QJsonObject &object() const { return m_values; }

private:
    QJsonObject m_values;
};

// Rack's Utils.normalize_params: merges one `name=value` pair with nested-key syntax into params.
void mergeRackParam(QJsonObject &params, const QString &name, const QJsonValue &value);

} // namespace pipedeck::sim
