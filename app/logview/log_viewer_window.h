#pragma once

#include <QMainWindow>

#include <memory>

namespace pipedeck {

namespace log {
class LogDocument;
}

class LogViewer;

// A window for a saved log file: File > Open, drag and drop of a file onto the window, and
// `pipedeck FILE` (the application creates one and calls openFile()). The file is mapped,
// not read into memory, and indexed in the background, so a log of any size shows at once.
class LogViewerWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit LogViewerWindow(QWidget *parent = nullptr);
    ~LogViewerWindow() override;

    // Opens `path` in this window; on failure the error is shown in the window, returned in
    // *error, and the log shown before stays.
    bool openFile(const QString &path, QString *error = nullptr);
    QString filePath() const { return m_path; }
    LogViewer *viewer() const { return m_viewer; }
    log::LogDocument *document() const { return m_document.get(); }

    // Asks for a file and opens it.
    void openInteractive();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    std::unique_ptr<log::LogDocument> m_document;
    LogViewer *m_viewer = nullptr;
    QString m_path;
};

} // namespace pipedeck
