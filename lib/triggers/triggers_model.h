#pragma once

#include "gitlab/types/trigger.h"
#include "models/common/load_state.h"
#include "models/merge/row_merge.h"
#include "models/merge/row_notifier.h"
#include "triggers/trigger_flags.h"

#include <QAbstractTableModel>
#include <QSet>

namespace pipedeck::triggers {

//! A project's trigger tokens for the token manager. A refresh merges by id (never a reset),
//! so the selection and a revealed token survive it. Sort through a QSortFilterProxyModel with
//! sortRole = Qt::EditRole: dates are QDateTime there, texts are the plain values.
//!
//! The full token never leaves through DisplayRole unless the row is revealed; EditRole of the
//! token column is the 4 characters everyone may see.
class TriggersModel : public models::NotifyingModel<QAbstractTableModel>
{
    Q_OBJECT
public:
    enum Column {
        DescriptionColumn,
        OwnerColumn,
        TokenColumn,
        CreatedColumn,
        LastUsedColumn,
        ExpiresColumn,
        FlagsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum TriggerRole {
        IdRole = models::kFirstCustomRole, //!< qint64
        TokenRole,                         //!< QString: the full token, or the 4 characters
        OwnedRole,                         //!< bool: the full token is visible (the user owns it)
        HeldRole,                          //!< bool: the vault holds this token
        FlagsRole,                         //!< QStringList: flagTexts()
        DescriptionRole,                   //!< QString
        OwnerUsernameRole,                 //!< QString, empty without an owner
        CreatedAtRole,                     //!< QDateTime (UTC)
        LastUsedRole,                      //!< QDateTime (UTC), invalid = never
        ExpiresAtRole,                     //!< QDate, invalid = never
        RevealedRole,                      //!< bool
    };
    Q_ENUM(TriggerRole)

    //! The dots after the 4 visible characters of a masked token.
    static constexpr int kMaskLength = 12;

    explicit TriggersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Merges GitLab's list by id, in its order.
    models::MergeResult applySnapshot(const QList<gitlab::Trigger> &triggers);
    //! Which of the rows' tokens the vault holds.
    void setHeld(const QSet<qint64> &ids);
    //! The clock the flags are computed against (UTC); invalid = the system clock at each use.
    void setNow(const QDateTime &nowUtc);
    //! The stale and expiring-soon thresholds in days (settings); 0 turns a flag off.
    void setFlagThresholds(int staleDays, int expiringDays);
    //! Shows the full token of an owned row in DisplayRole (nothing changes for a short one).
    void setRevealed(qint64 id, bool revealed);
    bool isRevealed(qint64 id) const { return m_revealed.contains(id); }

    const gitlab::Trigger *triggerAt(int row) const;
    int rowOfId(qint64 id) const;
    TriggerFlags flagsAt(int row) const;
    QList<gitlab::Trigger> triggers() const;

    void setLoading(bool loading);
    void markStale(const QString &error);
    const models::LoadState &loadState() const { return m_state; }

Q_SIGNALS:
    void loadStateChanged();

public:
    struct Row
    {
        gitlab::Trigger trigger;
        TriggerFlags flags;
    };

private:
    QDateTime now() const;
    void recomputeFlags();
    void notifyRow(int row, const QList<int> &roles);
    QVariant displayData(const Row &row, int column) const;
    QVariant editData(const Row &row, int column) const;

    QList<Row> m_rows;
    QSet<qint64> m_held;
    QSet<qint64> m_revealed;
    QDateTime m_now;
    int m_staleDays = 90;
    int m_expiringDays = 30;
    models::LoadState m_state;
};

} // namespace pipedeck::triggers
