#pragma once

#include "gitlab/requests/project_ref.h"

#include <QWidget>

class QLineEdit;
class QListView;

namespace pipedeck {

namespace gitlab {
class Connection;
}
namespace models {
class RefsLoader;
class RefsModel;
} // namespace models
class PlainLabel;

//! Picks the branch or tag to run: a search field over GitLab's server-side search (debounced,
//! so 10,000 branches cost two small requests per pause in typing), the matches below with
//! the default branch first and protected refs marked in words. Typing a name that is not in
//! the list is allowed: GitLab answers whether it exists.
class RefPicker : public QWidget
{
    Q_OBJECT
public:
    RefPicker(gitlab::Connection *connection, const gitlab::ProjectRef &project,
              const QString &defaultBranch, QWidget *parent = nullptr);

    QString ref() const;
    void setRef(const QString &ref);
    //! The chosen ref is a protected branch or tag (as far as the list knows).
    bool isProtectedRef() const;
    //! "abc1234 Commit title" of the chosen ref, when the list knows it.
    QString commitText() const;

    QLineEdit *searchField() const { return m_search; }
    QListView *list() const { return m_list; }
    models::RefsModel *model() const { return m_model; }
    models::RefsLoader *loader() const { return m_loader; }

Q_SIGNALS:
    void refChanged(const QString &ref);

private:
    void updateState();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    PlainLabel *m_state = nullptr;
    models::RefsModel *m_model = nullptr;
    models::RefsLoader *m_loader = nullptr;
    bool m_settingText = false;
};

} // namespace pipedeck
