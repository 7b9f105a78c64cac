#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QMainWindow;

namespace pipedeck {

// Reads the command line, installs translations and opens the first window.
class Application : public QObject
{
    Q_OBJECT
public:
    Application();
    ~Application() override;

    // Returns an exit code when the app should quit at once (--help, bad
    // arguments), or -1 when the event loop should run.
    int start(const QStringList &arguments);

private:
    std::unique_ptr<QMainWindow> m_window;
};

} // namespace pipedeck
