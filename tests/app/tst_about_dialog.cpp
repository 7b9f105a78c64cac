// Help → About Pipedeck: the versions it runs with, and the licence and third-party notices the
// packages ship, word for word.
#include "help/about_dialog.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>

using namespace pipedeck;

namespace {

QString sourceFile(const char *name)
{
    QFile file(QStringLiteral(PIPEDECK_SOURCE_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionsOfPipedeckQtAndQtKeychain()
    {
        const QString text = AboutDialog::versionsText();
        QVERIFY2(text.startsWith(QStringLiteral("Pipedeck " PIPEDECK_VERSION " · Qt ")),
                 qPrintable(text));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY2(text.contains(QStringLiteral("QtKeychain 0.")), qPrintable(text));
    }

    void theShippedLicenceAndNotices()
    {
        QCOMPARE(AboutDialog::licenceText(), sourceFile("LICENSE"));
        QVERIFY(AboutDialog::licenceText().startsWith(QStringLiteral("MIT License")));
        QCOMPARE(AboutDialog::noticesText(), sourceFile("THIRD_PARTY_NOTICES.txt"));
        QVERIFY(AboutDialog::noticesText().contains(QStringLiteral("LGPL-3.0-only")));
        QVERIFY(AboutDialog::noticesText().contains(QStringLiteral("BSD-3-Clause")));

        AboutDialog dialog;
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("aboutVersions"))->text(),
                 AboutDialog::versionsText());
        const QList<QPlainTextEdit *> texts = dialog.findChildren<QPlainTextEdit *>();
        QCOMPARE(texts.size(), 2);
        for (const QPlainTextEdit *text : texts) {
            QVERIFY(text->isReadOnly());
            QVERIFY(!text->accessibleName().isEmpty());
        }
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_about_dialog.moc"
