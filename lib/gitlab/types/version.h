#pragma once

#include <QString>
#include <optional>

namespace pipedeck::gitlab {

//! GET /version.
struct Version
{
    QString version; //!< "17.3.1-ee"
    QString revision;
    std::optional<bool> enterprise; //!< absent on older GitLab

    friend bool operator==(const Version &, const Version &) = default;
};

} // namespace pipedeck::gitlab
