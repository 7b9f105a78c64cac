#include "tray/close_to_tray.h"

#include "watch/watch_store.h"
#include "watching/watching.h"

#include <QMessageBox>
#include <QPushButton>

namespace pipedeck {

CloseToTray::CloseToTray(Watching *watching, std::function<bool()> trayAvailable, Ask ask)
    : m_watching(watching)
    , m_trayAvailable(std::move(trayAvailable))
    , m_ask(ask ? std::move(ask) : Ask(&CloseToTray::askWithDialog))
{}

CloseToTray::Decision CloseToTray::decide(QWidget *window)
{
    if (!trayAvailable() || !m_watching || !m_watching->isActive())
        return Decision::Quit;
    std::optional<bool> keep = m_watching->store().closeToTray();
    if (!keep) {
        keep = m_ask(window);
        if (!keep)
            return Decision::Stay;
        m_watching->store().setCloseToTray(keep);
    }
    return *keep ? Decision::KeepInTray : Decision::Quit;
}

std::optional<bool> CloseToTray::askWithDialog(QWidget *window)
{
    QMessageBox box(window);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Keep Watching?"));
    box.setText(tr("Keep Pipedeck running in the tray?"));
    box.setInformativeText(tr("Pipedeck keeps watching your pipelines and tells you when they "
                              "fail or wait for you. Quit it from the tray icon's menu. You can "
                              "change this in Preferences."));
    QPushButton *keep = box.addButton(tr("Keep in Tray"), QMessageBox::AcceptRole);
    QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        return true;
    if (box.clickedButton() == quit)
        return false;
    return std::nullopt;
}

} // namespace pipedeck
