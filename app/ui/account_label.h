#pragma once

#include <QString>

class QUrl;

namespace pipedeck {

struct Account;

// "gitlab.example.com" or "127.0.0.1:8080": an instance as the user knows it.
QString hostLabel(const QUrl &instance);
// "alice @ gitlab.example.com": an account in lists and messages.
QString accountLabel(const Account &account);

} // namespace pipedeck
