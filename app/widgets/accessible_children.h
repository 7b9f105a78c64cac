#pragma once

#include <QAccessible>
#include <QHash>

namespace pipedeck {

//! The accessible interfaces of a painted view's items (job cards, log lines), one per key,
//! registered with QAccessible on first use and deleted with the view's interface. Assistive
//! technology refers to a child by its registered id, so the same item must keep one interface.
template<typename Key> class AccessibleChildren
{
public:
    AccessibleChildren() = default;
    AccessibleChildren(const AccessibleChildren &) = delete;
    AccessibleChildren &operator=(const AccessibleChildren &) = delete;
    ~AccessibleChildren()
    {
        for (const QAccessible::Id id : std::as_const(m_ids))
            QAccessible::deleteAccessibleInterface(id);
    }

    //! The interface of `key`, made by `make()` (a new QAccessibleInterface) the first time.
    template<typename Make> QAccessibleInterface *get(const Key &key, Make make)
    {
        if (const auto it = m_ids.constFind(key); it != m_ids.cend())
            return QAccessible::accessibleInterface(it.value());
        QAccessibleInterface *made = make();
        m_ids.insert(key, QAccessible::registerAccessibleInterface(made));
        return made;
    }

private:
    QHash<Key, QAccessible::Id> m_ids;
};

} // namespace pipedeck
