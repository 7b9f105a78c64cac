#include "widgets/destructive_confirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace pipedeck {

bool confirmDestructive(QWidget *parent, const QString &title, const QString &text,
                        const QString &action)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box.setTextFormat(Qt::PlainText);
    QPushButton *go = box.addButton(action, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

} // namespace pipedeck
