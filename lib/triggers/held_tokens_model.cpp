#include "triggers/held_tokens_model.h"

#include "history/run_record.h"
#include "triggers/trigger_flags.h"

#include <QLocale>

namespace pipedeck::triggers {

namespace {

bool sameProject(const HeldTrigger &held, const QUrl &instance, const QString &account,
                 qint64 projectId)
{
    return history::instanceKey(held.instance) == history::instanceKey(instance) &&
           held.account == account && held.projectId == projectId;
}

struct HeldTokenTraits
{
    using Key = QString;
    Key keyOf(const HeldTokenRow &row) const { return row.key(); }
    models::RoleMask diff(const HeldTokenRow &current, const HeldTokenRow &fresh) const
    {
        return current == fresh ? models::RoleMask(0) : models::roleBit(HeldTokensModel::StateRole);
    }
    void assign(HeldTokenRow &current, HeldTokenRow &fresh) const { current = std::move(fresh); }
    HeldTokenRow make(HeldTokenRow &&fresh) const { return std::move(fresh); }
    QList<int> roles(models::RoleMask) const
    {
        return {Qt::DisplayRole, Qt::ToolTipRole, HeldTokensModel::StateRole};
    }
};

} // namespace

QString HeldTokenRow::key() const
{
    return history::instanceKey(held.instance) + u'|' + held.account + u'|' +
           QString::number(held.projectId) + u'|' + QString::number(held.triggerId);
}

HeldTokensModel::HeldTokensModel(QObject *parent)
    : NotifyingModel(parent)
{}

int HeldTokensModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HeldTokensModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QString HeldTokensModel::stateText(const HeldTokenRow &row)
{
    switch (row.state) {
    case HeldTokenRow::State::Checking:
        return tr("Checking…");
    case HeldTokenRow::State::OnServer:
        return row.flags.isEmpty() ? tr("Kept; on GitLab")
                                   : tr("Kept; on GitLab (%1)").arg(QLocale().createSeparatedList(row.flags));
    case HeldTokenRow::State::Gone:
        return tr("Kept, but no longer on GitLab: forget it");
    case HeldTokenRow::State::NotHeld:
        return tr("Yours on GitLab, not kept: keep it");
    case HeldTokenRow::State::Unknown:
        return tr("Kept; could not check: %1").arg(row.errorText);
    }
    return {};
}

QVariant HeldTokensModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HeldTokenRow &row = m_rows.at(index.row());
    switch (role) {
    case StateRole:
        return int(row.state);
    case KeyRole:
        return row.key();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case AccountColumn:
            return QString(row.held.account + QStringLiteral(" @ ") + row.held.instance.host());
        case ProjectColumn:
            return row.projectPath.isEmpty() ? tr("Project %1").arg(row.held.projectId)
                                             : row.projectPath;
        case TokenColumn:
            return row.description.isEmpty() ? tr("Trigger #%1").arg(row.held.triggerId)
                                             : row.description;
        case StateColumn:
            return stateText(row);
        case StoredColumn:
            if (row.held.sessionOnly)
                return tr("this session only");
            return row.held.storedAt.isValid()
                       ? QLocale().toString(row.held.storedAt.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant HeldTokensModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case AccountColumn:
        return tr("Account");
    case ProjectColumn:
        return tr("Project");
    case TokenColumn:
        return tr("Trigger token");
    case StateColumn:
        return tr("State");
    case StoredColumn:
        return tr("Kept since");
    case ColumnCount:
        break;
    }
    return {};
}

models::MergeResult HeldTokensModel::merge(QList<HeldTokenRow> snapshot)
{
    return models::mergeRows(*this, QModelIndex(), m_rows, snapshot, HeldTokenTraits{});
}

models::MergeResult HeldTokensModel::setHeld(const QList<HeldTrigger> &held)
{
    QList<HeldTokenRow> snapshot;
    for (const HeldTrigger &h : held) {
        HeldTokenRow row;
        row.held = h;
        const int existing = rowOfKey(row.key());
        if (existing >= 0 && m_rows.at(existing).state != HeldTokenRow::State::NotHeld) {
            row = m_rows.at(existing);
            row.held = h;
        }
        snapshot.append(row);
    }
    QSet<QString> heldKeys;
    for (const HeldTokenRow &row : std::as_const(snapshot))
        heldKeys.insert(row.key());
    for (const HeldTokenRow &row : std::as_const(m_rows))
        if (row.state == HeldTokenRow::State::NotHeld && !heldKeys.contains(row.key()))
            snapshot.append(row);
    return merge(snapshot);
}

models::MergeResult HeldTokensModel::applyServerList(const QUrl &instance, const QString &account,
                                                     qint64 projectId, const QString &projectPath,
                                                     const QList<gitlab::Trigger> &triggers,
                                                     const QDateTime &nowUtc)
{
    QHash<qint64, const gitlab::Trigger *> byId;
    for (const gitlab::Trigger &t : triggers)
        byId.insert(t.id, &t);
    QList<HeldTokenRow> snapshot;
    QSet<qint64> heldHere;
    for (HeldTokenRow row : std::as_const(m_rows)) {
        if (!sameProject(row.held, instance, account, projectId)) {
            snapshot.append(row);
            continue;
        }
        if (row.state == HeldTokenRow::State::NotHeld)
            continue; // made again from the list below
        heldHere.insert(row.held.triggerId);
        row.projectPath = projectPath;
        row.errorText.clear();
        if (const gitlab::Trigger *t = byId.value(row.held.triggerId)) {
            row.state = HeldTokenRow::State::OnServer;
            row.description = t->description;
            row.flags = flagTexts(triggerFlags(*t, nowUtc));
        } else {
            row.state = HeldTokenRow::State::Gone;
            row.flags.clear();
        }
        snapshot.append(row);
    }
    for (const gitlab::Trigger &t : triggers) {
        // Only the owner sees the whole token: those are the ones that can be kept.
        if (heldHere.contains(t.id) || t.tokenIsShortened())
            continue;
        HeldTokenRow row;
        row.held.instance = instance;
        row.held.account = account;
        row.held.projectId = projectId;
        row.held.triggerId = t.id;
        row.state = HeldTokenRow::State::NotHeld;
        row.projectPath = projectPath;
        row.description = t.description;
        row.flags = flagTexts(triggerFlags(t, nowUtc));
        snapshot.append(row);
    }
    return merge(snapshot);
}

models::MergeResult HeldTokensModel::markUnknown(const QUrl &instance, const QString &account,
                                                 qint64 projectId, const QString &errorText)
{
    QList<HeldTokenRow> snapshot = m_rows;
    for (HeldTokenRow &row : snapshot) {
        if (sameProject(row.held, instance, account, projectId) &&
            row.state != HeldTokenRow::State::NotHeld) {
            row.state = HeldTokenRow::State::Unknown;
            row.errorText = errorText;
        }
    }
    return merge(snapshot);
}

const HeldTokenRow *HeldTokensModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int HeldTokensModel::rowOfKey(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).key() == key)
            return i;
    return -1;
}

} // namespace pipedeck::triggers
