#include "ui/account_label.h"

#include "accounts/account.h"

#include <QUrl>

namespace pipedeck {

QString hostLabel(const QUrl &instance)
{
    QString host = instance.host();
    if (instance.port() > 0)
        host += QLatin1Char(':') + QString::number(instance.port());
    return host;
}

QString accountLabel(const Account &account)
{
    return account.username + QStringLiteral(" @ ") + hostLabel(account.instance);
}

} // namespace pipedeck
