#pragma once

#include "log/logsearch.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QTimer;

namespace pipedeck {

// The find bar under the log: the text, case-sensitive and regular-expression toggles,
// previous/next and the running count ("12 of 3,456"). It only edits the query; LogViewer runs
// the search. Enter finds the next hit, Shift+Enter the previous one, Escape closes the bar.
class LogSearchBar : public QWidget
{
    Q_OBJECT
public:
    explicit LogSearchBar(QWidget *parent = nullptr);

    log::SearchQuery query() const;
    void setQueryText(const QString &text);
    QLineEdit *field() const { return m_field; }
    QToolButton *caseButton() const { return m_case; }
    QToolButton *regexButton() const { return m_regex; }
    QLabel *countLabel() const { return m_count; }

    // current < 0: no hit chosen yet; searching: the count is still growing.
    void showCount(qint64 current, qint64 total, bool searching);
    void showError(const QString &error);
    void activate(); // shows the bar and selects its text

Q_SIGNALS:
    // The query changed (after a short pause while typing).
    void queryChanged(const pipedeck::log::SearchQuery &query);
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_field = nullptr;
    QToolButton *m_case = nullptr;
    QToolButton *m_regex = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
    QLabel *m_count = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace pipedeck
