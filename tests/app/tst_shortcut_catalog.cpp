// Help → Keyboard Shortcuts lists every shortcut: each action of the main window, a pipeline
// page, a log window, the variables editor and the play dialog that has a shortcut is in the
// catalog with the same keys, so a shortcut added without listing it fails here.
#include "help/shortcut_catalog.h"
#include "help/shortcuts_dialog.h"
#include "page_fixture.h"

#include "accounts/account_registry.h"
#include "accounts/session_manager.h"
#include "gitlab/net/connection.h"
#include "logview/log_viewer_window.h"
#include "secrets/token_store.h"
#include "support/fake_secret_store.h"
#include "ui/main_window.h"
#include "variables/variables_editor.h"

#include <QAction>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;

namespace {

QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    return text;
}

// Every action under `root` with a shortcut that is not in the catalog, as "text (keys)".
QStringList missingFromCatalog(const QObject *root)
{
    const QList<ShortcutEntry> catalog = ShortcutCatalog::all();
    QStringList missing;
    for (const QAction *action : root->findChildren<QAction *>()) {
        for (const QKeySequence &keys : action->shortcuts()) {
            if (keys.isEmpty())
                continue;
            const bool listed =
                std::any_of(catalog.cbegin(), catalog.cend(), [&](const ShortcutEntry &entry) {
                    return entry.keys == keys &&
                           (action->text().isEmpty() || entry.action == plainText(action));
                });
            if (!listed)
                missing << QStringLiteral("%1 (%2)").arg(plainText(action), keys.toString());
        }
    }
    return missing;
}

} // namespace

class TestShortcutCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyShortcutOfTheWindowsIsListed()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        FakeSecretStore keychain;
        TokenStore tokens(keychain, settings);
        AccountRegistry registry(settings);
        SessionManager sessions(registry, tokens, {});
        MainWindow window(sessions);
        QCOMPARE(missingFromCatalog(&window), QStringList());

        pagetest::PageFixture page;
        QVERIFY(page.open());
        QCOMPARE(missingFromCatalog(page.page.get()), QStringList());
        page.close();

        LogViewerWindow log;
        QCOMPARE(missingFromCatalog(&log), QStringList());
        VariablesEditor editor;
        QCOMPARE(missingFromCatalog(&editor), QStringList());
    }

    void theDialogShowsTheCatalogInThisPlatformsKeys()
    {
        ShortcutsDialog dialog;
        const QList<ShortcutEntry> catalog = ShortcutCatalog::all();
        QCOMPARE(dialog.table()->rowCount(), catalog.size());
        QVERIFY(!dialog.table()->accessibleName().isEmpty());
        bool sawRetry = false;
        for (int row = 0; row < dialog.table()->rowCount(); ++row) {
            if (dialog.table()->item(row, 1)->text() == QStringLiteral("Retry")) {
                sawRetry = true;
                QCOMPARE(dialog.table()->item(row, 2)->text(),
                         QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText));
            }
        }
        QVERIFY(sawRetry);
    }
};

QTEST_MAIN(TestShortcutCatalog)
#include "tst_shortcut_catalog.moc"
