#include "projects/projects_panel.h"

#include "models/projects/projects_model.h"
#include "projects/project_item_delegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTabBar>
#include <QVBoxLayout>

namespace pipedeck {

ProjectsPanel::ProjectsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("projectSearch"));
    m_search->setPlaceholderText(tr("Search projects…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search projects"));

    m_scopes = new QTabBar;
    m_scopes->setObjectName(QStringLiteral("projectScopes"));
    m_scopes->setExpanding(false);
    m_scopes->setDrawBase(false);
    m_scopes->setAccessibleName(tr("Which projects"));
    m_scopes->addTab(tr("Yours"));
    m_scopes->addTab(tr("Starred"));
    m_scopes->addTab(tr("Recent"));

    m_view = new QListView;
    m_view->setObjectName(QStringLiteral("projects"));
    m_view->setAccessibleName(tr("Projects"));
    m_view->setItemDelegate(new ProjectItemDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("projectsState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_scopes);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);

    // The loader debounces typing into one request per pause.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_model)
            m_model->setSearchText(text.trimmed());
    });
    connect(m_scopes, &QTabBar::currentChanged, this, [this](int index) {
        if (!m_model)
            return;
        static constexpr models::ProjectsModel::Scope kScopes[] = {
            models::ProjectsModel::Scope::Membership, models::ProjectsModel::Scope::Starred,
            models::ProjectsModel::Scope::Recent};
        m_model->setScope(kScopes[qBound(0, index, 2)]);
    });
    const auto activate = [this](const QModelIndex &index) {
        if (!m_model || !index.isValid())
            return;
        if (const gitlab::Project *project = m_model->projectAt(index.row()))
            Q_EMIT projectActivated(*project);
    };
    connect(m_view, &QListView::activated, this, activate);
    connect(m_view, &QListView::clicked, this, activate);
}

void ProjectsPanel::setModel(models::ProjectsModel *model)
{
    if (m_model == model)
        return;
    disconnect(m_stateConnection);
    m_model = model;
    m_view->setModel(model);
    if (model) {
        m_stateConnection = connect(model, &models::ProjectsModel::loadStateChanged, this,
                                    &ProjectsPanel::updateState);
        const QSignalBlocker blocker(m_search);
        m_search->setText(model->searchText());
    }
    updateState();
}

void ProjectsPanel::updateState()
{
    QString text;
    if (!m_model) {
        text = tr("No account selected.");
    } else if (m_model->isStale()) {
        text = tr("Showing older data: %1").arg(m_model->errorText());
    } else if (m_model->isLoading() && m_model->rowCount() == 0) {
        text = tr("Loading projects…");
    } else if (m_model->loadState().loaded && m_model->rowCount() == 0) {
        text = m_model->searchText().isEmpty() ? tr("No projects here.")
                                               : tr("No project matches this search.");
    }
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
}

} // namespace pipedeck
