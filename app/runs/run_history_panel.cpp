#include "runs/run_history_panel.h"

#include "history/history_export.h"
#include "history/run_history.h"
#include "history/run_history_model.h"
#include "runs/run_recorder.h"
#include "widgets/inline_message.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace pipedeck {

using history::HistoryFilter;
using history::RunHistoryModel;

namespace {

HistoryFilter projectFilter(const runs::RunServices &services, qint64 projectId,
                            const QString &text)
{
    HistoryFilter filter =
        runs::RunRecorder(services.history, services.account, projectId, {}).filterFor();
    filter.text = text.trimmed();
    return filter;
}

} // namespace

RunHistoryPanel::RunHistoryPanel(const runs::RunServices &services, qint64 projectId,
                                 const QString &projectPath, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_projectId(projectId)
{
    setObjectName(QStringLiteral("runHistoryPanel"));
    setWindowTitle(tr("Run History — %1").arg(projectPath));
    m_message = new InlineMessage;
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setAccessibleName(tr("Filter the run history"));
    m_filter->setPlaceholderText(tr("Filter by job, ref, variable key or error"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Filter:"));
    filterLabel->setBuddy(m_filter);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Plays and pipeline runs sent from Pipedeck"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_runAgain = new QPushButton(tr("&Run Again with These Values…"));
    m_runAgain->setObjectName(QStringLiteral("runAgain"));
    m_openResult = new QPushButton(tr("&Open Result"));
    m_exportCsv = new QPushButton(tr("Export &CSV…"));
    m_exportJson = new QPushButton(tr("Export &JSON…"));
    auto *close = new QPushButton(tr("Close"));
    for (QPushButton *button : {m_runAgain, m_openResult, m_exportCsv, m_exportJson, close})
        button->setAutoDefault(false);

    if (services.history && services.history->isOpen()) {
        m_model = new RunHistoryModel(*services.history, this);
        m_model->setFilter(projectFilter(services, projectId, {}));
        m_table->setModel(m_model);
        m_model->refresh();
    } else {
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("The run history could not be opened, so nothing is recorded."));
    }

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runAgain);
    buttons->addWidget(m_openResult);
    buttons->addStretch(1);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportJson);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(900, 420);

    connect(m_filter, &QLineEdit::textChanged, this, &RunHistoryPanel::applyFilter);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_runAgain, &QPushButton::clicked, this, [this] {
        if (const auto record = currentRecord())
            Q_EMIT runAgainRequested(*record);
    });
    connect(m_table, &QAbstractItemView::activated, this, [this] {
        if (const auto record = currentRecord())
            Q_EMIT runAgainRequested(*record);
    });
    connect(m_openResult, &QPushButton::clicked, this, [this] {
        const auto record = currentRecord();
        const QUrl url(record ? record->resultUrl : QString());
        // Only web pages: the address came from a server.
        if (url.isValid() &&
            (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            QDesktopServices::openUrl(url);
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { saveExport(false); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { saveExport(true); });
    if (m_model) {
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &RunHistoryPanel::updateButtons);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &RunHistoryPanel::updateButtons);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RunHistoryPanel::updateButtons);
    }
    updateButtons();
}

void RunHistoryPanel::refresh()
{
    if (m_model)
        m_model->refresh();
    updateButtons();
}

void RunHistoryPanel::applyFilter()
{
    if (!m_model)
        return;
    m_model->setFilter(projectFilter(m_services, m_projectId, m_filter->text()));
    m_model->refresh();
    updateButtons();
}

std::optional<history::RunRecord> RunHistoryPanel::currentRecord() const
{
    if (!m_model || !m_table->currentIndex().isValid())
        return std::nullopt;
    return m_model->record(m_table->currentIndex().row());
}

void RunHistoryPanel::updateButtons()
{
    const auto record = currentRecord();
    const bool canRunAgain = record && record->kind != history::RunKind::TriggerPipeline;
    m_runAgain->setEnabled(canRunAgain);
    m_runAgain->setToolTip(
        canRunAgain ? tr("Open the dialog again with this ref and these variables (sensitive "
                         "values were not kept: type them again)")
                    : tr("Select a play or a pipeline run first."));
    m_openResult->setEnabled(record && !record->resultUrl.isEmpty());
    const bool any = m_model && m_model->rowCount() > 0;
    m_exportCsv->setEnabled(any);
    m_exportJson->setEnabled(any);
}

QList<history::RunRecord> RunHistoryPanel::allMatching() const
{
    if (!m_services.history || !m_services.history->isOpen())
        return {};
    HistoryFilter filter = projectFilter(m_services, m_projectId, m_filter->text());
    filter.limit = 0;
    return m_services.history->records(filter);
}

QByteArray RunHistoryPanel::exportCsv() const
{
    return history::exportCsv(allMatching());
}

QByteArray RunHistoryPanel::exportJson() const
{
    return history::exportJson(allMatching());
}

void RunHistoryPanel::saveExport(bool json)
{
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export Run History as JSON") : tr("Export Run History as CSV"),
        json ? QStringLiteral("run-history.json") : QStringLiteral("run-history.csv"),
        json ? tr("JSON files (*.json);;All files (*)") : tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const QByteArray data = json ? exportJson() : exportCsv();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_message->showMessage(InlineMessage::Kind::Info, tr("Exported to %1.").arg(path));
}

void RunHistoryPanel::showProblem(const QString &text)
{
    m_message->showMessage(InlineMessage::Kind::Error, text);
}

} // namespace pipedeck
