#include "secrets/token_key.h"

namespace pipedeck {

QString tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::PersonalAccessToken:
        return QStringLiteral("pat");
    case TokenKind::TriggerToken:
        return QStringLiteral("trigger");
    case TokenKind::PresetValue:
        return QStringLiteral("preset");
    }
    return {};
}

std::optional<TokenKind> tokenKindFromName(const QString &name)
{
    for (TokenKind kind : {TokenKind::PersonalAccessToken, TokenKind::TriggerToken, TokenKind::PresetValue}) {
        if (tokenKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString instanceKeyPart(const QUrl &instance)
{
    if (!instance.isValid())
        return {};
    QString host = instance.host(QUrl::FullyEncoded).toLower();
    if (host.isEmpty())
        return {};
    if (host.contains(u':'))
        host = u'[' + host + u']'; // IPv6
    const QString scheme = instance.scheme().toLower();
    const int defaultPort = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    const int port = instance.port(defaultPort);
    if (port <= 0)
        return {};
    QString path = instance.path(QUrl::FullyDecoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    QString part = host + u':' + QString::number(port);
    if (!path.isEmpty())
        part += QString::fromLatin1(QUrl::toPercentEncoding(path));
    return part;
}

QString presetQualifier(qint64 projectId, const QString &presetName, const QString &variableKey)
{
    return QString::number(projectId) + u'/' +
           QString::fromLatin1(QUrl::toPercentEncoding(presetName)) + u'/' +
           QString::fromLatin1(QUrl::toPercentEncoding(variableKey));
}

QString TokenKey::storageKey() const
{
    const QString instancePart = instanceKeyPart(instance);
    if (instancePart.isEmpty() || account.isEmpty())
        return {};
    if ((kind == TokenKind::TriggerToken || kind == TokenKind::PresetValue) && qualifier.isEmpty())
        return {};
    QString key = tokenKindName(kind) + u'/' + instancePart + u'/' +
                  QString::fromLatin1(QUrl::toPercentEncoding(account));
    if (!qualifier.isEmpty())
        key += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(qualifier));
    return key;
}

} // namespace pipedeck
