#pragma once

#include "gitlab/types/trigger.h"
#include "models/common/load_state.h"
#include "models/merge/row_merge.h"
#include "models/merge/row_notifier.h"
#include "triggers/trigger_vault.h"

#include <QAbstractTableModel>

namespace pipedeck::triggers {

//! One line of the *Trigger tokens* view across accounts: a token the vault holds, or one the
//! user owns on GitLab that the vault does not hold (offered for keeping).
struct HeldTokenRow
{
    enum class State {
        Checking, //!< held; the project's list has not answered yet
        OnServer, //!< held, and GitLab still has it
        Gone,     //!< held, but GitLab no longer has it (revoked): offered for forgetting
        NotHeld,  //!< the user's own token on GitLab, not kept: offered for keeping
        Unknown,  //!< held; the project's list could not be read (errorText says why)
    };
    HeldTrigger held; //!< for NotHeld rows: where it is (storedAt invalid)
    State state = State::Checking;
    QString projectPath;
    QString description;
    QStringList flags;
    QString errorText;

    QString key() const;
    friend bool operator==(const HeldTokenRow &, const HeldTokenRow &) = default;
};

//! The rows of that view: what the vault holds, checked against each project's trigger list.
//! Updates merge by (instance, account, project, trigger); never a reset.
class HeldTokensModel : public models::NotifyingModel<QAbstractTableModel>
{
    Q_OBJECT
public:
    enum Column {
        AccountColumn,
        ProjectColumn,
        TokenColumn,
        StateColumn,
        StoredColumn,
        ColumnCount
    };
    enum Role { StateRole = models::kFirstCustomRole, KeyRole };

    explicit HeldTokensModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! What the vault holds now: new ones are Checking, dropped ones go (NotHeld rows stay).
    models::MergeResult setHeld(const QList<HeldTrigger> &held);
    //! A project's list from GitLab, read as `username`: held rows become OnServer or Gone;
    //! the user's own full tokens that are not held appear as NotHeld.
    models::MergeResult applyServerList(const QUrl &instance, const QString &account,
                                        qint64 projectId, const QString &projectPath,
                                        const QList<gitlab::Trigger> &triggers,
                                        const QDateTime &nowUtc);
    //! The list could not be read: the project's held rows say so.
    models::MergeResult markUnknown(const QUrl &instance, const QString &account, qint64 projectId,
                                    const QString &errorText);

    const HeldTokenRow *rowAt(int row) const;
    int rowOfKey(const QString &key) const;
    static QString stateText(const HeldTokenRow &row);

private:
    models::MergeResult merge(QList<HeldTokenRow> snapshot);

    QList<HeldTokenRow> m_rows;
};

} // namespace pipedeck::triggers
