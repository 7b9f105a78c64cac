#include "i18n/translator.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace pipedeck {

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *qtCatalog = new QTranslator(&app);
    if (qtCatalog->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtCatalog);
    } else {
        delete qtCatalog;
    }

    auto *ownCatalog = new QTranslator(&app);
    if (!ownCatalog->load(locale, QStringLiteral("pipedeck"), QStringLiteral("_"),
                          QStringLiteral(":/i18n"))) {
        delete ownCatalog;
        qCDebug(lcUi) << "no Pipedeck catalog for" << locale.name();
        return false;
    }
    QCoreApplication::installTranslator(ownCatalog);
    return true;
}

QLocale uiLocale(const QString &langOverride)
{
    if (!langOverride.isEmpty())
        return QLocale(langOverride);
    return QLocale::system();
}

} // namespace pipedeck
