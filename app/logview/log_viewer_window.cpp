#include "logview/log_viewer_window.h"

#include "log/logdocument.h"
#include "logview/log_view.h"
#include "logview/log_viewer.h"
#include "widgets/dropped_files.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMimeData>

namespace pipedeck {

LogViewerWindow::LogViewerWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Log Viewer"));
    setAcceptDrops(true);
    m_viewer = new LogViewer(this);
    setCentralWidget(m_viewer);
    resize(1100, 720);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open\u2026"), this, &LogViewerWindow::openInteractive);
    open->setShortcut(QKeySequence::Open);
    file->addAction(m_viewer->saveAsAction());
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_viewer->findAction());
    view->addAction(m_viewer->goToLineAction());
    view->addAction(m_viewer->nextErrorAction());
    view->addAction(m_viewer->previousErrorAction());
    view->addSeparator();
    view->addAction(m_viewer->timestampsAction());
    view->addAction(m_viewer->utcAction());
    view->addAction(m_viewer->outlineAction());
    view->addAction(m_viewer->jumpToEndAction());
}

LogViewerWindow::~LogViewerWindow()
{
    // The viewer refers to the document: let it go first.
    m_viewer->setDocument(nullptr);
}

bool LogViewerWindow::openFile(const QString &path, QString *error)
{
    auto document = std::make_unique<log::LogDocument>();
    QString message;
    if (!document->openFile(path, &message)) {
        m_viewer->showMessage(message, true);
        if (error)
            *error = message;
        return false;
    }
    m_viewer->setDocument(document.get());
    m_document = std::move(document);
    m_path = QFileInfo(path).absoluteFilePath();
    m_viewer->setRawSourcePath(m_path);
    m_viewer->setTitle(QFileInfo(path).fileName());
    m_viewer->showMessage(QString());
    setWindowTitle(tr("%1 \u2014 Log Viewer").arg(QFileInfo(path).fileName()));
    setWindowFilePath(m_path);
    m_viewer->view()->setFocus();
    return true;
}

void LogViewerWindow::openInteractive()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Log"), QFileInfo(m_path).absolutePath(),
                                     tr("Job logs (*.log *.txt *.trace);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void LogViewerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedLocalFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void LogViewerWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedLocalFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(files.constFirst());
}

} // namespace pipedeck
