#pragma once

#include <QDateTime>
#include <QString>

namespace pipedeck::models {

//! How fresh a model's (or a part's) data is. A failed refresh keeps the last good data and
//! only sets `stale` and `errorText`.
struct LoadState
{
    bool loading = false;
    bool loaded = false;   //!< at least one good snapshot arrived
    bool stale = false;    //!< the last refresh failed; data is from lastSuccess
    QString errorText;     //!< user-facing, translated, token-free (gitlab::Status::userText())
    QDateTime lastSuccess; //!< UTC

    friend bool operator==(const LoadState &, const LoadState &) = default;
};

} // namespace pipedeck::models
