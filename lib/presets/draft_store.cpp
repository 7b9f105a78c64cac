#include "presets/draft_store.h"

#include "core/logging.h"
#include "presets/atomic_json_file.h"
#include "presets/rows_json.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace pipedeck::presets {

namespace {

const QString formatName = QStringLiteral("pipedeck-draft");

QString instanceText(const QUrl &instance)
{
    // "https://h/" and "https://h" are one instance (StripTrailingSlash keeps a lone "/").
    QString text =
        instance.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString();
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}

} // namespace

QString DraftStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/drafts");
}

QString DraftStore::playKey(const QUrl &instance, const QString &account, qint64 projectId,
                            const QString &jobName)
{
    return QStringLiteral("play/") + instanceText(instance) + u'/' + account + u'/' +
           QString::number(projectId) + u'/' + jobName;
}

QString DraftStore::runKey(const QUrl &instance, const QString &account, qint64 projectId)
{
    return QStringLiteral("run/") + instanceText(instance) + u'/' + account + u'/' +
           QString::number(projectId);
}

DraftStore::DraftStore(const QString &directory)
    : m_directory(directory)
{}

QString DraftStore::filePath(const QString &dialogKey) const
{
    // A hash: keys hold URLs and user names, which are no file names; the key itself is
    // kept inside the file and checked on load.
    const QByteArray hash =
        QCryptographicHash::hash(dialogKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_directory + u'/' + QString::fromLatin1(hash) + QStringLiteral(".json");
}

bool DraftStore::save(const QString &dialogKey, const Draft &draft, QString *error)
{
    const QJsonObject object{
        {QStringLiteral("format"), formatName},
        {QStringLiteral("version"), 1},
        {QStringLiteral("key"), dialogKey},
        {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("ref"), draft.ref},
        {QStringLiteral("variables"), rowsToJson(variables::withoutSensitiveValues(draft.rows))},
        {QStringLiteral("extra"), draft.extra}};
    QString detail;
    if (writeJsonAtomically(filePath(dialogKey), object, &detail))
        return true;
    qCWarning(lcStore).noquote() << "could not write the draft" << filePath(dialogKey) << detail;
    if (error)
        *error = tr("The draft could not be saved: %1").arg(detail);
    return false;
}

std::optional<Draft> DraftStore::load(const QString &dialogKey) const
{
    const std::optional<QJsonObject> object = readJsonObject(filePath(dialogKey));
    if (!object)
        return std::nullopt;
    if (object->value(QStringLiteral("format")).toString() != formatName ||
        object->value(QStringLiteral("key")).toString() != dialogKey) {
        qCWarning(lcStore) << "ignoring the draft file" << filePath(dialogKey)
                           << "(another format or key)";
        return std::nullopt;
    }
    Draft draft;
    draft.ref = object->value(QStringLiteral("ref")).toString();
    draft.rows = rowsFromJson(object->value(QStringLiteral("variables")).toArray());
    draft.extra = object->value(QStringLiteral("extra")).toObject();
    draft.savedAt = QDateTime::fromString(object->value(QStringLiteral("savedAt")).toString(),
                                          Qt::ISODateWithMs)
                        .toUTC();
    return draft;
}

bool DraftStore::discard(const QString &dialogKey)
{
    const QString path = filePath(dialogKey);
    return !QFile::exists(path) || QFile::remove(path);
}

} // namespace pipedeck::presets
