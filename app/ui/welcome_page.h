#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;

namespace pipedeck {

class InlineMessage;

// The centre of the main window while no project is open: how to start, and why an address
// given on the command line could not be opened (with a way to add an account for its host).
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // `addAccountFor` valid: offers to add an account for that instance.
    void showProblem(const QString &text, const QUrl &addAccountFor = {});
    void clearProblem();

    InlineMessage *message() const { return m_message; }
    QPushButton *addAccountButton() const { return m_addAccount; }

Q_SIGNALS:
    void addAccountRequested(const QUrl &instance);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    InlineMessage *m_message = nullptr;
    QPushButton *m_addAccount = nullptr;
    QUrl m_instance;
};

} // namespace pipedeck
