#pragma once

#include <QList>
#include <Qt>
#include <bit>
#include <cstdint>

namespace pipedeck::models {

//! A set of a model's roles as bits: bit n stands for Qt::UserRole + 1 + n. Comparing two rows
//! produces one of these without allocating; only a dataChanged range turns it into a QList.
using RoleMask = std::uint64_t;

constexpr int kFirstCustomRole = Qt::UserRole + 1;

constexpr RoleMask roleBit(int role)
{
    return RoleMask{1} << (role - kFirstCustomRole);
}

//! The roles in `mask`, plus Qt::DisplayRole when `displayRoles` intersects it (the display
//! text is derived from those roles).
inline QList<int> rolesFromMask(RoleMask mask, RoleMask displayRoles = 0)
{
    QList<int> roles;
    roles.reserve(std::popcount(mask) + 1);
    if (mask & displayRoles)
        roles.append(Qt::DisplayRole);
    while (mask) {
        const int bit = std::countr_zero(mask);
        roles.append(kFirstCustomRole + bit);
        mask &= mask - 1;
    }
    return roles;
}

//! Sets `bit` in `mask` when the two values differ.
template<class T>
inline void markIfDifferent(RoleMask &mask, RoleMask bit, const T &before, const T &after)
{
    if (!(before == after))
        mask |= bit;
}

} // namespace pipedeck::models
