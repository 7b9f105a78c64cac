#include "watch/watch_store.h"

#include "presets/atomic_json_file.h"
#include "watch/watch_logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>

namespace pipedeck::watch {

namespace {

constexpr int kFormatVersion = 1;

QJsonObject watchToJson(const PipelineWatch &watch)
{
    return QJsonObject{
        {QStringLiteral("account"), watch.accountId},
        {QStringLiteral("project"), watch.projectId},
        {QStringLiteral("pipeline"), watch.pipelineId},
        {QStringLiteral("status"), watch.lastStatus == gitlab::CiStatus::Unknown
                                       ? watch.lastStatusName
                                       : gitlab::ciStatusName(watch.lastStatus)},
        {QStringLiteral("child"), watch.child},
        {QStringLiteral("ref"), watch.ref},
        {QStringLiteral("project_path"), watch.projectPath},
        {QStringLiteral("added_at"), watch.addedAtMs},
    };
}

std::optional<PipelineWatch> watchFromJson(const QJsonObject &object)
{
    PipelineWatch watch;
    watch.accountId = object.value(QLatin1String("account")).toString();
    watch.projectId = object.value(QLatin1String("project")).toInteger(0);
    watch.pipelineId = object.value(QLatin1String("pipeline")).toInteger(0);
    if (watch.accountId.isEmpty() || watch.projectId <= 0 || watch.pipelineId <= 0)
        return std::nullopt;
    watch.lastStatusName = object.value(QLatin1String("status")).toString();
    watch.lastStatus = gitlab::ciStatusFromString(watch.lastStatusName);
    watch.child = object.value(QLatin1String("child")).toBool();
    watch.ref = object.value(QLatin1String("ref")).toString();
    watch.projectPath = object.value(QLatin1String("project_path")).toString();
    watch.addedAtMs = object.value(QLatin1String("added_at")).toInteger(0);
    return watch;
}

} // namespace

WatchStore::WatchStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    connect(&m_watches, &WatchList::changed, this, [this] {
        if (!m_loading)
            save();
    });
}

QString WatchStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/watching.json");
}

bool WatchStore::load()
{
    m_error.clear();
    m_rules.clear();
    m_closeToTray.reset();
    m_loading = true;
    m_watches.reset({});
    m_loading = false;
    m_keepUnreadable = false;
    if (!QFile::exists(m_path))
        return true;
    const std::optional<QJsonObject> root = presets::readJsonObject(m_path);
    if (!root || root->value(QLatin1String("version")).toInt() != kFormatVersion) {
        m_keepUnreadable = true;
        m_error = tr("The watch settings in %1 could not be read; the defaults are used. The "
                     "file is kept as %2.")
                      .arg(QDir::toNativeSeparators(m_path),
                           QDir::toNativeSeparators(m_path + QStringLiteral(".unreadable")));
        qCWarning(lcWatch) << "unreadable watch settings, using defaults";
        return false;
    }
    const QJsonObject accounts = root->value(QLatin1String("accounts")).toObject();
    for (auto it = accounts.constBegin(); it != accounts.constEnd(); ++it) {
        QStringList problems;
        m_rules.insert(it.key(), rulesFromJson(it.value().toObject(), &problems));
        if (!problems.isEmpty())
            qCWarning(lcWatch) << "watch rules: defaults for" << problems;
    }
    if (const QJsonValue keep = root->value(QLatin1String("close_to_tray")); keep.isBool())
        m_closeToTray = keep.toBool();
    QList<PipelineWatch> watches;
    for (const QJsonValue &value : root->value(QLatin1String("watches")).toArray()) {
        if (const auto watch = watchFromJson(value.toObject())) {
            const bool duplicate =
                std::any_of(watches.cbegin(), watches.cend(), [&](const PipelineWatch &w) {
                    return w.accountId == watch->accountId && w.pipelineId == watch->pipelineId;
                });
            if (!duplicate)
                watches.append(*watch);
        }
    }
    m_loading = true;
    m_watches.reset(watches);
    m_loading = false;
    return true;
}

WatchRules WatchStore::rules(const QString &accountId) const
{
    return m_rules.value(accountId, WatchRules{});
}

void WatchStore::setRules(const QString &accountId, const WatchRules &rules)
{
    if (m_rules.contains(accountId) && m_rules.value(accountId) == rules)
        return;
    m_rules.insert(accountId, rules);
    save();
    Q_EMIT rulesChanged(accountId);
}

void WatchStore::removeRules(const QString &accountId)
{
    if (m_rules.remove(accountId) == 0)
        return;
    save();
    Q_EMIT rulesChanged(accountId);
}

void WatchStore::setCloseToTray(std::optional<bool> keep)
{
    if (m_closeToTray == keep)
        return;
    m_closeToTray = keep;
    save();
}

bool WatchStore::save()
{
    if (m_keepUnreadable) {
        const QString aside = m_path + QStringLiteral(".unreadable");
        QFile::remove(aside);
        if (!QFile::rename(m_path, aside) && QFile::exists(m_path)) {
            m_error = tr("The watch settings could not be saved: %1 could not be renamed to "
                         "keep it.")
                          .arg(QDir::toNativeSeparators(m_path));
            Q_EMIT saveFailed(m_error);
            return false;
        }
        m_keepUnreadable = false;
    }
    QJsonObject accounts;
    for (auto it = m_rules.constBegin(); it != m_rules.constEnd(); ++it)
        accounts.insert(it.key(), rulesToJson(it.value()));
    QJsonArray watches;
    for (const PipelineWatch &watch : m_watches.all())
        watches.append(watchToJson(watch));
    QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                     {QStringLiteral("accounts"), accounts},
                     {QStringLiteral("watches"), watches}};
    if (m_closeToTray)
        root.insert(QStringLiteral("close_to_tray"), *m_closeToTray);
    QString detail;
    if (!presets::writeJsonAtomically(m_path, root, &detail)) {
        qCWarning(lcWatch) << "saving watch settings failed:" << detail;
        m_error = tr("The watch settings could not be saved to %1: %2")
                      .arg(QDir::toNativeSeparators(m_path), detail);
        Q_EMIT saveFailed(m_error);
        return false;
    }
    m_error.clear();
    return true;
}

} // namespace pipedeck::watch
