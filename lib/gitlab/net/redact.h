#pragma once

#include <QString>

#if defined(PIPEDECK_GITLAB_HAVE_SECRETS)
#include "secrets/redaction.h"
#endif

namespace pipedeck::gitlab {

//! Every text that leaves this library (user texts, log lines) goes through here.
inline QString redactSecrets(const QString &text)
{
#if defined(PIPEDECK_GITLAB_HAVE_SECRETS)
    return pipedeck::redactSecrets(text);
#else
    // Built without lib/secrets: the connection's exact-value scrub of its own tokens still
    // applies (see Connection), only the prefix-based filter is missing.
    return text;
#endif
}

} // namespace pipedeck::gitlab
