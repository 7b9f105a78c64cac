#include "runs/ref_picker.h"

#include "models/loaders/refs_loader.h"
#include "models/refs/refs_model.h"
#include "widgets/plain_label.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace pipedeck {

using models::RefsModel;

namespace {

//! The name with its kind and marks in words: status is never colour alone.
class RefItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        QStringList marks{
            models::refKindLabel(models::RefEntry::Kind(index.data(RefsModel::KindRole).toInt()))};
        if (index.data(RefsModel::DefaultRole).toBool())
            marks.append(RefPicker::tr("default"));
        if (index.data(RefsModel::ProtectedRole).toBool())
            marks.append(RefPicker::tr("protected"));
        option->text = index.data(RefsModel::NameRole).toString() + QStringLiteral("   ") +
                       marks.join(QStringLiteral(" · "));
    }
};

constexpr int kVisibleRefs = 6;

} // namespace

RefPicker::RefPicker(gitlab::Connection *connection, const gitlab::ProjectRef &project,
                     const QString &defaultBranch, QWidget *parent)
    : QWidget(parent)
    , m_model(new RefsModel(this))
{
    m_loader = new models::RefsLoader(connection, project, defaultBranch, m_model, this);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("refSearch"));
    m_search->setAccessibleName(tr("Branch or tag"));
    m_search->setPlaceholderText(tr("Type to search branches and tags"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("refList"));
    m_list->setAccessibleName(tr("Matching branches and tags"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new RefItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) > 0
                                 ? m_list->sizeHintForRow(0) * kVisibleRefs + 4
                                 : fontMetrics().height() * (kVisibleRefs + 1));
    m_state = new PlainLabel;
    m_state->setObjectName(QStringLiteral("refState"));
    m_state->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(m_state);

    connect(m_search, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_model->setSearchText(text);
        Q_EMIT refChanged(ref());
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                // Choosing a ref fills the field without starting another search.
                m_search->setText(current.data(RefsModel::NameRole).toString());
                Q_EMIT refChanged(ref());
            });
    connect(m_list, &QListView::activated, this, [this] { m_search->setFocus(); });
    connect(m_model, &RefsModel::loadStateChanged, this, &RefPicker::updateState);
    connect(m_loader, &models::RefsLoader::refreshed, this, &RefPicker::updateState);
    if (!defaultBranch.isEmpty())
        m_search->setText(defaultBranch);
    m_loader->refresh();
    updateState();
}

QString RefPicker::ref() const
{
    return m_search->text().trimmed();
}

void RefPicker::setRef(const QString &ref)
{
    m_search->setText(ref);
    Q_EMIT refChanged(this->ref());
}

bool RefPicker::isProtectedRef() const
{
    const int row = m_model->rowOfName(ref());
    const models::RefEntry *entry = m_model->entryAt(row);
    return entry && entry->isProtected;
}

QString RefPicker::commitText() const
{
    const models::RefEntry *entry = m_model->entryAt(m_model->rowOfName(ref()));
    if (!entry || entry->commitSha.isEmpty())
        return {};
    return entry->commitSha.left(8) + u' ' + entry->commitTitle;
}

void RefPicker::updateState()
{
    const models::LoadState &state = m_model->loadState();
    QString text;
    if (state.stale)
        text = tr("Could not search the branches and tags: %1").arg(state.errorText);
    else if (m_loader->isBusy())
        text = tr("Searching…");
    else if (m_model->isTruncated())
        text = tr("More refs match: type more of the name to narrow the list.");
    else if (m_model->rowCount() == 0 && !m_model->searchText().isEmpty())
        text = tr("No branch or tag matches “%1”.").arg(m_model->searchText());
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
}

bool RefPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the field move through the matches, as in a completer.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_model->rowCount() > 0) {
            const int current =
                m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
            const int next =
                std::clamp(current + (key == Qt::Key_Down ? 1 : -1), 0, m_model->rowCount() - 1);
            m_list->setCurrentIndex(m_model->index(next));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pipedeck
