#include "i18n/translator.h"
#include "perf/startup_probe.h"
#include "ui/application.h"
#include "ui/instance_channel.h"
#include "ui/terminal_options.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    pipedeck::perf::StartupProbe startupProbe; // logs the first paint (pipedeck.perf)
    if (pipedeck::printsAndQuits(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Pipedeck"));
    QApplication::setOrganizationDomain(QStringLiteral("pipedeck.invalid"));
    QApplication::setApplicationName(QStringLiteral("pipedeck"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pipedeck"));
    QApplication::setApplicationVersion(QStringLiteral(PIPEDECK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.pipedeck.Pipedeck"));

    pipedeck::Application pipedeckApp;
    pipedeckApp.setInstanceChannel(pipedeck::InstanceChannel::defaultName());
    const int setupResult = pipedeckApp.start(QApplication::arguments());
    if (setupResult >= 0)
        return setupResult;
    return QApplication::exec();
}
