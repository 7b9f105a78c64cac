#include "sim/request_params.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace pipedeck::sim {

namespace {

QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

void mergeEncoded(QJsonObject &params, const QByteArray &encoded)
{
    const QList<QByteArray> pairs = encoded.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString name = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decodeComponent(pair.mid(eq + 1));
        if (!name.isEmpty())
            mergeRackParam(params, name, value);
    }
}

QJsonValue normalized(QJsonValue current, const QString &name, const QJsonValue &value);

QJsonObject normalizedObject(QJsonObject params, const QString &name, const QJsonValue &value)
{
    static const QRegularExpression headRe(QStringLiteral("^[\\[\\]]*([^\\[\\]]+)\\]*"));
    const QRegularExpressionMatch head = headRe.match(name);
    if (!head.hasMatch())
        return params;
    const QString key = head.captured(1);
    const QString after = name.mid(head.capturedEnd(0));
    if (after.isEmpty()) {
        params.insert(key, value);
    } else if (after == QLatin1String("[")) {
        params.insert(name, value);
    } else if (after == QLatin1String("[]")) {
        QJsonArray array = params.value(key).toArray();
        array.append(value);
        params.insert(key, array);
    } else if (after.startsWith(QLatin1String("[]"))) {
        static const QRegularExpression childRe(QStringLiteral("^\\[\\]\\[([^\\[\\]]+)\\]$"));
        const QRegularExpressionMatch child = childRe.match(after);
        const QString childKey = child.hasMatch() ? child.captured(1) : after.mid(2);
        QJsonArray array = params.value(key).toArray();
        const bool appendToLast = !array.isEmpty() && array.last().isObject() &&
                                  !array.last().toObject().contains(childKey);
        if (appendToLast) {
            array.replace(array.size() - 1,
                          normalizedObject(array.last().toObject(), childKey, value));
        } else {
            array.append(normalizedObject({}, childKey, value));
        }
        params.insert(key, array);
    } else {
        params.insert(key, normalized(params.value(key), after, value));
    }
    return params;
}

QJsonValue normalized(QJsonValue current, const QString &name, const QJsonValue &value)
{
    return normalizedObject(current.toObject(), name, value);
}

} // namespace

void mergeRackParam(QJsonObject &params, const QString &name, const QJsonValue &value)
{
    params = normalizedObject(params, name, value);
}

std::optional<RequestParams> RequestParams::parse(const QByteArray &query,
                                                  const QByteArray &contentType,
                                                  const QByteArray &body, QString *error)
{
    RequestParams params;
    mergeEncoded(params.m_values, query);
    const QByteArray type = contentType.toLower();
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return params;
    if (type.startsWith("application/json") || (type.isEmpty() && trimmed.startsWith('{'))) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            if (error)
                *error = QStringLiteral("The request body is not valid JSON");
            return std::nullopt;
        }
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it)
            params.m_values.insert(it.key(), it.value());
        return params;
    }
    if (type.startsWith("multipart/form-data")) {
        const qsizetype at = type.indexOf("boundary=");
        QByteArray boundary = at < 0 ? QByteArray() : contentType.mid(at + 9).trimmed();
        if (boundary.startsWith('"') && boundary.endsWith('"') && boundary.size() >= 2)
            boundary = boundary.mid(1, boundary.size() - 2);
        if (boundary.isEmpty()) {
            if (error)
                *error = QStringLiteral("multipart body without a boundary");
            return std::nullopt;
        }
        const QByteArray delimiter = "--" + boundary;
        qsizetype pos = body.indexOf(delimiter);
        while (pos >= 0) {
            pos += delimiter.size();
            if (body.mid(pos, 2) == "--")
                break;
            const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
            if (headEnd < 0)
                break;
            const QByteArray partHead = body.mid(pos, headEnd - pos);
            const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headEnd + 4);
            if (next < 0)
                break;
            const QByteArray partBody = body.mid(headEnd + 4, next - headEnd - 4);
            static const QRegularExpression nameRe(QStringLiteral("name=\"([^\"]*)\""));
            const QRegularExpressionMatch match = nameRe.match(QString::fromUtf8(partHead));
            if (match.hasMatch())
                mergeRackParam(params.m_values, match.captured(1), QString::fromUtf8(partBody));
            pos = next + 2;
        }
        return params;
    }
    // application/x-www-form-urlencoded, or anything else that looks like it.
    mergeEncoded(params.m_values, body);
    return params;
}

QString RequestParams::string(const QString &key) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

std::optional<bool> RequestParams::boolean(const QString &key) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    if (v.isString()) {
        const QString s = v.toString().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("1") || s == QLatin1String("yes") ||
            s == QLatin1String("t"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("0") || s == QLatin1String("no") ||
            s == QLatin1String("f"))
            return false;
    }
    return std::nullopt;
}

std::optional<qint64> RequestParams::integer(const QString &key) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

QStringList RequestParams::stringList(const QString &key) const
{
    const QJsonValue v = m_values.value(key);
    QStringList out;
    if (v.isArray()) {
        const QJsonArray array = v.toArray();
        for (const QJsonValue &item : array)
            out.append(item.toString());
    } else if (v.isString()) {
        out.append(v.toString());
    }
    return out;
}

} // namespace pipedeck::sim
