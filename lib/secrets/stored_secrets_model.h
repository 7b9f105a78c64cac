#pragma once

#include "secrets/token_index.h"

#include <QAbstractTableModel>
#include <QList>

namespace pipedeck {

class TokenStore;

// *Stored Secrets*: what Pipedeck holds in the OS keychain, read from the token index
// (keychains cannot be listed): kind, instance, account, what it is for, when stored. Follows
// TokenStore::recordsChanged, merging by storage key: rows are inserted and removed, never reset.
// Holds no secret.
class StoredSecretsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, InstanceColumn, AccountColumn, ForColumn, StoredColumn, ColumnCount };
    enum Role { StorageKeyRole = Qt::UserRole + 1, KindRole };

    // `store` is not owned and must outlive the model.
    explicit StoredSecretsModel(TokenStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const TokenIndexEntry *entryAt(int row) const;
    int rowOfKey(const QString &storageKey) const;
    // Reads the index again (TokenStore::recordsChanged calls it).
    void refresh();

    // "Project 42 · trigger 7", "Project 42 · preset “Release” · DEPLOY_KEY", or empty.
    static QString purposeText(const TokenIndexEntry &entry);
    static QString kindText(TokenKind kind);

private:
    TokenStore &m_store;
    QList<TokenIndexEntry> m_rows; // sorted by storage key
};

} // namespace pipedeck
