#include "secrets/stored_secrets_model.h"

#include "secrets/token_store.h"

#include <QLocale>

#include <algorithm>

namespace pipedeck {

namespace {

bool byKey(const TokenIndexEntry &a, const TokenIndexEntry &b)
{
    return a.storageKey < b.storageKey;
}

} // namespace

StoredSecretsModel::StoredSecretsModel(TokenStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&m_store, &TokenStore::recordsChanged, this, &StoredSecretsModel::refresh);
    refresh();
}

int StoredSecretsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StoredSecretsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StoredSecretsModel::kindText(TokenKind kind)
{
    switch (kind) {
    case TokenKind::PersonalAccessToken:
        return tr("Personal access token");
    case TokenKind::TriggerToken:
        return tr("Pipeline trigger token");
    case TokenKind::PresetValue:
        return tr("Masked variable value of a preset");
    }
    return {};
}

QString StoredSecretsModel::purposeText(const TokenIndexEntry &entry)
{
    const QStringList parts = entry.qualifier.split(u'/');
    switch (entry.kind) {
    case TokenKind::PersonalAccessToken:
        return tr("Signing in");
    case TokenKind::TriggerToken:
        if (parts.size() == 2)
            return tr("Project %1 · trigger %2").arg(parts.at(0), parts.at(1));
        break;
    case TokenKind::PresetValue:
        if (parts.size() == 3) {
            return tr("Project %1 · preset “%2” · %3")
                .arg(parts.at(0), QUrl::fromPercentEncoding(parts.at(1).toUtf8()),
                     QUrl::fromPercentEncoding(parts.at(2).toUtf8()));
        }
        break;
    }
    return entry.qualifier;
}

QVariant StoredSecretsModel::data(const QModelIndex &index, int role) const
{
    const TokenIndexEntry *entry = entryAt(index.row());
    if (!entry || index.column() >= ColumnCount)
        return {};
    if (role == StorageKeyRole)
        return entry->storageKey;
    if (role == KindRole)
        return int(entry->kind);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case KindColumn:
        return kindText(entry->kind);
    case InstanceColumn:
        return role == Qt::ToolTipRole ? entry->instance.toString()
                                       : entry->instance.host(QUrl::PrettyDecoded);
    case AccountColumn:
        return entry->account;
    case ForColumn:
        return purposeText(*entry);
    case StoredColumn:
        if (!entry->storedAt.isValid())
            return tr("unknown");
        return QLocale().toString(entry->storedAt.toLocalTime(), QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant StoredSecretsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case KindColumn:
        return tr("Kind");
    case InstanceColumn:
        return tr("Instance");
    case AccountColumn:
        return tr("Account");
    case ForColumn:
        return tr("For");
    case StoredColumn:
        return tr("Stored");
    case ColumnCount:
        break;
    }
    return {};
}

const TokenIndexEntry *StoredSecretsModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int StoredSecretsModel::rowOfKey(const QString &storageKey) const
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const TokenIndexEntry &e) {
        return e.storageKey == storageKey;
    });
    return it == m_rows.cend() ? -1 : int(it - m_rows.cbegin());
}

void StoredSecretsModel::refresh()
{
    QList<TokenIndexEntry> fresh = m_store.recordedTokens();
    std::sort(fresh.begin(), fresh.end(), byKey);
    // Both lists are sorted by key: one pass removes what is gone, updates what stayed and
    // inserts what is new, so views keep their selection.
    int row = 0;
    qsizetype next = 0;
    while (row < m_rows.size() || next < fresh.size()) {
        if (next == fresh.size() ||
            (row < m_rows.size() && byKey(m_rows.at(row), fresh.at(next)))) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        } else if (row == m_rows.size() || byKey(fresh.at(next), m_rows.at(row))) {
            beginInsertRows({}, row, row);
            m_rows.insert(row, fresh.at(next));
            endInsertRows();
            ++row;
            ++next;
        } else {
            const TokenIndexEntry &now = fresh.at(next);
            TokenIndexEntry &was = m_rows[row];
            if (was.storedAt != now.storedAt || was.kind != now.kind) {
                was = now;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++next;
        }
    }
}

} // namespace pipedeck
