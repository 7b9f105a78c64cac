#include "help/about_dialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pipedeck {

namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QPlainTextEdit *readOnlyText(const QString &text, const QString &accessibleName)
{
    auto *view = new QPlainTextEdit(text);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setAccessibleName(accessibleName);
    QFont mono = view->font();
    mono.setStyleHint(QFont::Monospace);
    mono.setFamily(QStringLiteral("monospace"));
    view->setFont(mono);
    return view;
}

} // namespace

QString AboutDialog::versionsText()
{
    return tr("Pipedeck %1 · Qt %2 (built with %3) · QtKeychain %4")
        .arg(QStringLiteral(PIPEDECK_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), QStringLiteral(PIPEDECK_QTKEYCHAIN_VERSION));
}

QString AboutDialog::licenceText()
{
    return resourceText(QStringLiteral(":/legal/LICENSE"));
}

QString AboutDialog::noticesText()
{
    return resourceText(QStringLiteral(":/legal/THIRD_PARTY_NOTICES.txt"));
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Pipedeck"));
    auto *title = new QLabel(tr("Pipedeck"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    auto *summary = new QLabel(tr("A desktop client for GitLab CI/CD: pipelines, job logs, manual "
                                  "jobs with variables, triggers and trigger tokens."));
    summary->setWordWrap(true);
    auto *versions = new QLabel(versionsText());
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setTextFormat(Qt::PlainText);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *tabs = new QTabWidget;
    tabs->addTab(readOnlyText(licenceText(), tr("Pipedeck's licence")), tr("&Licence (MIT)"));
    tabs->addTab(readOnlyText(noticesText(), tr("Third-party notices")),
                 tr("&Third-party notices"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(summary);
    layout->addWidget(versions);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(720, 520);
}

} // namespace pipedeck
