#pragma once

#include "gitlab/net/http_headers.h"

#include <QByteArray>
#include <QCache>
#include <QString>
#include <any>
#include <optional>

namespace pipedeck::gitlab {

//! Conditional GETs for one account: the last ETag and *parsed* result per request URL, so a
//! 304 costs neither a download nor a parse. Bounded by an approximate byte cost (the size of
//! the body the entry was parsed from).
class EtagCache
{
public:
    struct Entry
    {
        QByteArray etag;
        std::any value;      //!< what the endpoint's parser produced
        HttpHeaders headers; //!< pagination headers of the cached reply
    };

    explicit EtagCache(qsizetype maxBytes = 32 * 1024 * 1024);

    std::optional<Entry> find(const QString &key) const;
    void store(const QString &key, Entry entry, qsizetype cost);
    void remove(const QString &key);
    void clear();
    qsizetype size() const { return m_entries.size(); }

private:
    mutable QCache<QString, Entry> m_entries;
};

} // namespace pipedeck::gitlab
