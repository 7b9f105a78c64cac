#pragma once

#include <QAbstractItemModel>
#include <QList>

namespace pipedeck::models {

//! What the merge engine needs from a model: its (protected) structure notifications.
//! Models get it by deriving from NotifyingModel<QAbstractListModel> or
//! NotifyingModel<QAbstractItemModel>.
class RowNotifier
{
public:
    virtual ~RowNotifier() = default;

    virtual void notifyBeginInsert(const QModelIndex &parent, int first, int last) = 0;
    virtual void notifyEndInsert() = 0;
    virtual void notifyBeginRemove(const QModelIndex &parent, int first, int last) = 0;
    virtual void notifyEndRemove() = 0;
    //! Qt's convention: `destination` is the row the moved rows go before, counted before the move.
    virtual bool notifyBeginMove(const QModelIndex &parent, int first, int last,
                                 int destination) = 0;
    virtual void notifyEndMove() = 0;
    virtual void notifyChanged(const QModelIndex &parent, int first, int last,
                               const QList<int> &roles) = 0;
};

//! Binds RowNotifier to a Qt model base class.
template<class Base>
class NotifyingModel
    : public Base
    , public RowNotifier
{
public:
    using Base::Base;

    void notifyBeginInsert(const QModelIndex &parent, int first, int last) override
    {
        Base::beginInsertRows(parent, first, last);
    }
    void notifyEndInsert() override { Base::endInsertRows(); }
    void notifyBeginRemove(const QModelIndex &parent, int first, int last) override
    {
        Base::beginRemoveRows(parent, first, last);
    }
    void notifyEndRemove() override { Base::endRemoveRows(); }
    bool notifyBeginMove(const QModelIndex &parent, int first, int last, int destination) override
    {
        return Base::beginMoveRows(parent, first, last, parent, destination);
    }
    void notifyEndMove() override { Base::endMoveRows(); }
    void notifyChanged(const QModelIndex &parent, int first, int last,
                       const QList<int> &roles) override
    {
        // Through the base interface: QAbstractListModel hides columnCount().
        const auto *model = static_cast<const QAbstractItemModel *>(this);
        const int lastColumn = model->columnCount(parent) - 1;
        Q_EMIT Base::dataChanged(model->index(first, 0, parent),
                                 model->index(last, lastColumn, parent), roles);
    }
};

} // namespace pipedeck::models
