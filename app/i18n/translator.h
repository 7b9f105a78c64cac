#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace pipedeck {

// Installs Pipedeck's catalog and Qt's own (qtbase) for `locale` on `app`.
// Returns false when no Pipedeck catalog exists for that language, which is
// normal for English.
bool installTranslations(QCoreApplication &app, const QLocale &locale);

// The locale to use: `--lang` when given (e.g. "ja"), else the system's.
QLocale uiLocale(const QString &langOverride);

} // namespace pipedeck
