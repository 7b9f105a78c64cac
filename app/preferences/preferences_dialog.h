#pragma once

#include "preferences/notifications_page.h"

#include <QDialog>

class QDialogButtonBox;
class QListWidget;
class QStackedWidget;

namespace pipedeck {

class InlineMessage;
class SessionManager;

namespace watch {
class WatchStore;
}

//! Edit → Preferences…: a list of pages on the left (Notifications first; later issues add
//! pages), the page on the right. OK and Apply write the settings; Cancel forgets the edits.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(watch::WatchStore &store, const SessionManager &sessions,
                      NotificationsPage::ProjectsOf projectsOf = {}, QWidget *parent = nullptr);

    NotificationsPage *notificationsPage() const { return m_notifications; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    //! Writes every page; false (the reason shown in the dialog) when a write failed.
    bool apply();

private:
    QListWidget *m_pages = nullptr;
    QStackedWidget *m_stack = nullptr;
    NotificationsPage *m_notifications = nullptr;
    InlineMessage *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace pipedeck
