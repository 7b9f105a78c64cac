#pragma once

#include <QDialog>

class QTableWidget;

namespace pipedeck {

//! *Help → Keyboard Shortcuts*: every shortcut (ShortcutCatalog::all()), by where it works, in this
//! platform's keys.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace pipedeck
