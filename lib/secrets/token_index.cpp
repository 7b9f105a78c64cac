#include "secrets/token_index.h"

#include "core/logging.h"

#include <QSettings>

namespace pipedeck {

namespace {

// Settings keys treat '/' as a group separator; the storage key is full of them.
QString encodeForSettings(const QString &storageKey)
{
    return QString::fromLatin1(storageKey.toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                            QByteArray::OmitTrailingEquals));
}

QString decodeFromSettings(const QString &childGroup)
{
    return QString::fromUtf8(QByteArray::fromBase64(
        childGroup.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void syncAndCheck(QSettings &settings)
{
    settings.sync();
    if (settings.status() != QSettings::NoError)
        qCWarning(lcSecrets) << "could not write the token index to" << settings.fileName();
}

} // namespace

TokenIndex::TokenIndex(QSettings &settings)
    : m_settings(settings)
{}

QString TokenIndex::groupFor(const QString &storageKey) const
{
    return settingsGroup() + u'/' + encodeForSettings(storageKey);
}

bool TokenIndex::contains(const QString &storageKey) const
{
    return !storageKey.isEmpty() && m_settings.contains(groupFor(storageKey) + u"/key");
}

void TokenIndex::record(const TokenKey &key)
{
    const QString storageKey = key.storageKey();
    if (storageKey.isEmpty())
        return;
    m_settings.beginGroup(groupFor(storageKey));
    m_settings.setValue(QStringLiteral("key"), storageKey);
    m_settings.setValue(QStringLiteral("kind"), tokenKindName(key.kind));
    m_settings.setValue(
        QStringLiteral("instance"),
        key.instance.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString());
    m_settings.setValue(QStringLiteral("account"), key.account);
    m_settings.setValue(QStringLiteral("qualifier"), key.qualifier);
    m_settings.setValue(QStringLiteral("storedAt"), QDateTime::currentDateTimeUtc());
    m_settings.endGroup();
    syncAndCheck(m_settings);
}

void TokenIndex::forget(const QString &storageKey)
{
    if (storageKey.isEmpty())
        return;
    m_settings.remove(groupFor(storageKey));
    syncAndCheck(m_settings);
}

QList<TokenIndexEntry> TokenIndex::entries() const
{
    QList<TokenIndexEntry> result;
    m_settings.beginGroup(settingsGroup());
    const QStringList groups = m_settings.childGroups();
    for (const QString &group : groups) {
        m_settings.beginGroup(group);
        TokenIndexEntry entry;
        entry.storageKey = m_settings.value(QStringLiteral("key")).toString();
        const auto kind = tokenKindFromName(m_settings.value(QStringLiteral("kind")).toString());
        entry.instance = QUrl(m_settings.value(QStringLiteral("instance")).toString());
        entry.account = m_settings.value(QStringLiteral("account")).toString();
        entry.qualifier = m_settings.value(QStringLiteral("qualifier")).toString();
        entry.storedAt = m_settings.value(QStringLiteral("storedAt")).toDateTime();
        m_settings.endGroup();
        // An entry someone edited by hand into nonsense is skipped, not trusted.
        if (!kind || entry.storageKey.isEmpty() || decodeFromSettings(group) != entry.storageKey)
            continue;
        entry.kind = *kind;
        result.append(entry);
    }
    m_settings.endGroup();
    return result;
}

} // namespace pipedeck
