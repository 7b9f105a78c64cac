#include "accounts/account.h"

#include "accounts/instance_url.h"

namespace pipedeck {

QString accountId(const QUrl &instance, const QString &username)
{
    return originOf(instance) + instance.path() + QLatin1Char('/') + username;
}

} // namespace pipedeck
