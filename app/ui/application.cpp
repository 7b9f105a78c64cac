#include "ui/application.h"

#include "i18n/translator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMainWindow>

namespace pipedeck {

Application::Application() = default;
Application::~Application() = default;

int Application::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Desktop client for GitLab CI/CD"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Start the built-in GitLab simulator and sign in to it."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        tr("User interface language (for example ja)."),
                                        tr("language"));
    parser.addOption(demoOption);
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("target"),
                                 tr("A GitLab project, pipeline or job URL, or a job log file."),
                                 QStringLiteral("[URL|FILE]"));
    parser.process(arguments);

    installTranslations(*QCoreApplication::instance(), uiLocale(parser.value(langOption)));

    m_window = std::make_unique<QMainWindow>();
    m_window->setWindowTitle(QStringLiteral("Pipedeck"));
    m_window->resize(1200, 800);
    m_window->show();
    return -1;
}

} // namespace pipedeck
