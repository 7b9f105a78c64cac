#include "triggers/triggers_model.h"

#include <QCoreApplication>
#include <QLocale>

namespace pipedeck::triggers {

using models::markIfDifferent;
using models::roleBit;
using models::RoleMask;

namespace {

using R = TriggersModel::TriggerRole;

// Roles the display text of some column is derived from.
constexpr RoleMask kDisplayRoles = roleBit(R::TokenRole) | roleBit(R::FlagsRole) |
                                   roleBit(R::DescriptionRole) | roleBit(R::OwnerUsernameRole) |
                                   roleBit(R::CreatedAtRole) | roleBit(R::LastUsedRole) |
                                   roleBit(R::ExpiresAtRole) | roleBit(R::RevealedRole);

QList<int> rolesOf(RoleMask mask)
{
    QList<int> roles = models::rolesFromMask(mask, kDisplayRoles);
    if (mask & kDisplayRoles)
        roles << Qt::EditRole << Qt::ToolTipRole;
    return roles;
}

QString ownerName(const gitlab::Trigger &trigger)
{
    if (!trigger.owner)
        return {};
    return trigger.owner->name.isEmpty() ? trigger.owner->username : trigger.owner->name;
}

QString dateTimeText(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

struct TriggerTraits
{
    QDateTime now;
    int staleDays;
    int expiringDays;

    using Key = qint64;
    Key keyOf(const TriggersModel::Row &row) const { return row.trigger.id; }
    Key keyOf(const gitlab::Trigger &trigger) const { return trigger.id; }
    TriggerFlags flagsOf(const gitlab::Trigger &trigger) const
    {
        return triggerFlags(trigger, now, staleDays, expiringDays);
    }
    RoleMask diff(const TriggersModel::Row &current, const gitlab::Trigger &fresh) const
    {
        const gitlab::Trigger &a = current.trigger;
        RoleMask mask = 0;
        markIfDifferent(mask, roleBit(R::TokenRole), a.token, fresh.token);
        markIfDifferent(mask, roleBit(R::OwnedRole), a.tokenIsShortened(),
                        fresh.tokenIsShortened());
        markIfDifferent(mask, roleBit(R::DescriptionRole), a.description, fresh.description);
        markIfDifferent(mask, roleBit(R::OwnerUsernameRole), a.owner, fresh.owner);
        markIfDifferent(mask, roleBit(R::CreatedAtRole), a.createdAt, fresh.createdAt);
        markIfDifferent(mask, roleBit(R::LastUsedRole), a.lastUsed, fresh.lastUsed);
        markIfDifferent(mask, roleBit(R::ExpiresAtRole), a.expiresAt, fresh.expiresAt);
        markIfDifferent(mask, roleBit(R::FlagsRole), current.flags, flagsOf(fresh));
        // updated_at alone changes nothing shown, but the row must still take it.
        if (!mask && a.updatedAt != fresh.updatedAt)
            mask |= roleBit(R::IdRole);
        return mask;
    }
    void assign(TriggersModel::Row &current, const gitlab::Trigger &fresh) const
    {
        current.trigger = fresh;
        current.flags = flagsOf(fresh);
    }
    TriggersModel::Row make(gitlab::Trigger &&fresh) const
    {
        TriggerFlags flags = flagsOf(fresh);
        return TriggersModel::Row{std::move(fresh), flags};
    }
    QList<int> roles(RoleMask mask) const { return rolesOf(mask); }
};

} // namespace

TriggersModel::TriggersModel(QObject *parent)
    : NotifyingModel<QAbstractTableModel>(parent)
{}

int TriggersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TriggersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime TriggersModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

models::MergeResult TriggersModel::applySnapshot(const QList<gitlab::Trigger> &triggers)
{
    QList<gitlab::Trigger> snapshot = triggers;
    const models::MergeResult result = models::mergeRows(
        *this, QModelIndex(), m_rows, snapshot, TriggerTraits{now(), m_staleDays, m_expiringDays});
    // A token revealed and then revoked elsewhere is not revealed again if an id comes back.
    QSet<qint64> present;
    for (const Row &row : std::as_const(m_rows))
        present.insert(row.trigger.id);
    m_revealed.intersect(present);
    m_state.loading = false;
    m_state.loaded = true;
    m_state.stale = false;
    m_state.errorText.clear();
    m_state.lastSuccess = QDateTime::currentDateTimeUtc();
    Q_EMIT loadStateChanged();
    return result;
}

void TriggersModel::notifyRow(int row, const QList<int> &roles)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), roles);
}

void TriggersModel::setHeld(const QSet<qint64> &ids)
{
    const QSet<qint64> before = m_held;
    m_held = ids;
    for (int row = 0; row < m_rows.size(); ++row) {
        const qint64 id = m_rows.at(row).trigger.id;
        if (before.contains(id) != ids.contains(id))
            notifyRow(row, {HeldRole});
    }
}

void TriggersModel::setNow(const QDateTime &nowUtc)
{
    m_now = nowUtc.toUTC();
    recomputeFlags();
}

void TriggersModel::setFlagThresholds(int staleDays, int expiringDays)
{
    if (m_staleDays == staleDays && m_expiringDays == expiringDays)
        return;
    m_staleDays = staleDays;
    m_expiringDays = expiringDays;
    recomputeFlags();
}

void TriggersModel::recomputeFlags()
{
    const QDateTime at = now();
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        const TriggerFlags flags = triggerFlags(r.trigger, at, m_staleDays, m_expiringDays);
        if (flags == r.flags)
            continue;
        r.flags = flags;
        notifyRow(row, rolesOf(roleBit(FlagsRole)));
    }
}

void TriggersModel::setRevealed(qint64 id, bool revealed)
{
    if (m_revealed.contains(id) == revealed)
        return;
    if (revealed)
        m_revealed.insert(id);
    else
        m_revealed.remove(id);
    const int row = rowOfId(id);
    if (row >= 0)
        notifyRow(row, {Qt::DisplayRole, RevealedRole});
}

const gitlab::Trigger *TriggersModel::triggerAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).trigger : nullptr;
}

int TriggersModel::rowOfId(qint64 id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).trigger.id == id)
            return static_cast<int>(row);
    }
    return -1;
}

TriggerFlags TriggersModel::flagsAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).flags : TriggerFlags{};
}

QList<gitlab::Trigger> TriggersModel::triggers() const
{
    QList<gitlab::Trigger> out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows)
        out.append(row.trigger);
    return out;
}

void TriggersModel::setLoading(bool loading)
{
    if (m_state.loading == loading)
        return;
    m_state.loading = loading;
    Q_EMIT loadStateChanged();
}

void TriggersModel::markStale(const QString &error)
{
    m_state.loading = false;
    m_state.stale = true;
    m_state.errorText = error;
    Q_EMIT loadStateChanged();
}

QVariant TriggersModel::displayData(const Row &row, int column) const
{
    const gitlab::Trigger &t = row.trigger;
    switch (column) {
    case DescriptionColumn:
        return t.description;
    case OwnerColumn:
        return t.owner ? ownerName(t) : tr("No owner");
    case TokenColumn:
        if (!t.tokenIsShortened() && m_revealed.contains(t.id))
            return t.token;
        return QString(t.token.left(4) + QString(kMaskLength, QChar(0x2022)));
    case CreatedColumn:
        return t.createdAt.isValid() ? dateTimeText(t.createdAt) : QString();
    case LastUsedColumn:
        return t.lastUsed.isValid() ? dateTimeText(t.lastUsed) : tr("Never");
    case ExpiresColumn:
        return t.expiresAt.isValid() ? QLocale().toString(t.expiresAt, QLocale::ShortFormat)
                                     : tr("Never expires");
    case FlagsColumn:
        return QLocale().createSeparatedList(flagTexts(row.flags));
    default:
        return {};
    }
}

QVariant TriggersModel::editData(const Row &row, int column) const
{
    const gitlab::Trigger &t = row.trigger;
    switch (column) {
    case DescriptionColumn:
        return t.description;
    case OwnerColumn:
        return ownerName(t);
    case TokenColumn:
        return t.token.left(4);
    case CreatedColumn:
        return t.createdAt;
    case LastUsedColumn:
        return t.lastUsed;
    case ExpiresColumn:
        // No expiry sorts after every date.
        return t.expiresAt.isValid() ? QDateTime(t.expiresAt, QTime(0, 0), Qt::UTC)
                                     : QDateTime(QDate(9999, 12, 31), QTime(0, 0), Qt::UTC);
    case FlagsColumn:
        return QLocale().createSeparatedList(flagTexts(row.flags));
    default:
        return {};
    }
}

QVariant TriggersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const gitlab::Trigger &t = row.trigger;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::EditRole:
        return editData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TokenColumn && t.tokenIsShortened())
            return tr("GitLab shows the full token only to its owner.");
        if (index.column() == OwnerColumn && t.owner)
            return QString(QStringLiteral("@") + t.owner->username);
        if (index.column() == FlagsColumn)
            return QLocale().createSeparatedList(flagTexts(row.flags));
        return {};
    case IdRole:
        return t.id;
    case TokenRole:
        return t.token;
    case OwnedRole:
        return !t.tokenIsShortened();
    case HeldRole:
        return m_held.contains(t.id);
    case FlagsRole:
        return flagTexts(row.flags);
    case DescriptionRole:
        return t.description;
    case OwnerUsernameRole:
        return t.owner ? t.owner->username : QString();
    case CreatedAtRole:
        return t.createdAt;
    case LastUsedRole:
        return t.lastUsed;
    case ExpiresAtRole:
        return t.expiresAt;
    case RevealedRole:
        return m_revealed.contains(t.id);
    default:
        return {};
    }
}

QVariant TriggersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DescriptionColumn:
        return tr("Description");
    case OwnerColumn:
        return tr("Owner");
    case TokenColumn:
        return tr("Token");
    case CreatedColumn:
        return tr("Created");
    case LastUsedColumn:
        return tr("Last used");
    case ExpiresColumn:
        return tr("Expires");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

QHash<int, QByteArray> TriggersModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "triggerId");
    names.insert(TokenRole, "token");
    names.insert(OwnedRole, "owned");
    names.insert(HeldRole, "held");
    names.insert(FlagsRole, "flags");
    names.insert(DescriptionRole, "description");
    names.insert(OwnerUsernameRole, "ownerUsername");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(LastUsedRole, "lastUsed");
    names.insert(ExpiresAtRole, "expiresAt");
    names.insert(RevealedRole, "revealed");
    return names;
}

} // namespace pipedeck::triggers
