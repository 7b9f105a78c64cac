#include "i18n/translator.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>

class TestTranslator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void japaneseCatalogIsEmbeddedAndLoads()
    {
        QVERIFY(pipedeck::installTranslations(*QCoreApplication::instance(),
                                              QLocale(QStringLiteral("ja"))));
        // A string from the command-line help, translated in pipedeck_ja.ts.
        const QString translated = QCoreApplication::translate(
            "pipedeck::Application", "Desktop client for GitLab CI/CD");
        QVERIFY(translated != QStringLiteral("Desktop client for GitLab CI/CD"));
        QVERIFY(translated.contains(QStringLiteral("GitLab")));
    }

    void qtStandardButtonsAreTranslatedToo()
    {
        // qtbase_ja is loaded beside our catalog, so standard buttons speak Japanese.
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("キャンセル"));
    }

    void englishHasNoCatalog()
    {
        QVERIFY(!pipedeck::installTranslations(*QCoreApplication::instance(),
                                               QLocale(QStringLiteral("en_US"))));
    }
};

QTEST_MAIN(TestTranslator)
#include "tst_translator.moc"
