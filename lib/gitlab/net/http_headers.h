#pragma once

#include <QByteArray>
#include <QList>
#include <utility>

namespace pipedeck::gitlab {

//! Response headers as received, looked up case-insensitively.
struct HttpHeaders
{
    QList<std::pair<QByteArray, QByteArray>> items;

    QByteArray value(const QByteArray &name) const
    {
        for (const auto &[key, content] : items) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return content;
        }
        return {};
    }
    bool contains(const QByteArray &name) const
    {
        for (const auto &item : items) {
            if (item.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

} // namespace pipedeck::gitlab
