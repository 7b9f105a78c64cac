#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <functional>
#include <optional>

class QWidget;

namespace pipedeck {

class Watching;

//! What closing the main window does: with watches active and a tray to stay in, Pipedeck
//! keeps running there (asked once, then the setting in the watch store, which Preferences
//! edits); without a tray (no StatusNotifierWatcher on the bus) or with nothing watched,
//! closing quits as it always did.
class CloseToTray
{
    Q_DECLARE_TR_FUNCTIONS(CloseToTray)
public:
    enum class Decision { Quit, KeepInTray, Stay };
    //! The question: true keep in the tray, false quit, nullopt the user canceled.
    using Ask = std::function<std::optional<bool>(QWidget *window)>;

    CloseToTray(Watching *watching, std::function<bool()> trayAvailable, Ask ask = {});

    Decision decide(QWidget *window);
    bool trayAvailable() const { return m_trayAvailable && m_trayAvailable(); }
    //! A question dialog (the default Ask).
    static std::optional<bool> askWithDialog(QWidget *window);

private:
    Watching *m_watching = nullptr;
    std::function<bool()> m_trayAvailable;
    Ask m_ask;
};

} // namespace pipedeck
