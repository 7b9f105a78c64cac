#include "gitlab/net/etag_cache.h"

#include <algorithm>

namespace pipedeck::gitlab {

EtagCache::EtagCache(qsizetype maxBytes)
    : m_entries(maxBytes)
{}

std::optional<EtagCache::Entry> EtagCache::find(const QString &key) const
{
    if (const Entry *entry = m_entries.object(key))
        return *entry;
    return std::nullopt;
}

void EtagCache::store(const QString &key, Entry entry, qsizetype cost)
{
    if (entry.etag.isEmpty()) {
        m_entries.remove(key);
        return;
    }
    m_entries.insert(key, new Entry(std::move(entry)), std::max<qsizetype>(1, cost));
}

void EtagCache::remove(const QString &key)
{
    m_entries.remove(key);
}

void EtagCache::clear()
{
    m_entries.clear();
}

} // namespace pipedeck::gitlab
