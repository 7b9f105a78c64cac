#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace pipedeck {

struct Account;

// Part of the account's details under the account picker: the certificates the account
// trusts beyond this computer's (its instance's internal CA), and a button to stop
// trusting them. Hidden for an account without any.
class AccountTrustRow : public QWidget
{
    Q_OBJECT
public:
    explicit AccountTrustRow(QWidget *parent = nullptr);

    void setAccount(const Account *account);
    QString text() const;

Q_SIGNALS:
    void removeRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace pipedeck
