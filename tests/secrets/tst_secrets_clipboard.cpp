// SecretClipboard on the offscreen platform's in-process clipboard.
#include "secrets/secret_clipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

class SecretClipboardTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }

    void copyCarriesThePasswordManagerHint()
    {
        SecretClipboard secretClipboard;
        secretClipboard.copy(u"glpat-ClipboardCanary0001"_s, 60s);
        const QMimeData *data = QGuiApplication::clipboard()->mimeData();
        QVERIFY(data);
        QCOMPARE(data->text(), u"glpat-ClipboardCanary0001"_s);
        QVERIFY(data->hasFormat(u"x-kde-passwordManagerHint"_s));
        QCOMPARE(data->data(u"x-kde-passwordManagerHint"_s), QByteArray("secret"));
        // The ownership marker never holds the secret itself.
        QVERIFY(!data->data(SecretClipboard::ownerFormat()).contains("Canary"));
        QVERIFY(secretClipboard.holdsOurCopy());
        QVERIFY(secretClipboard.clearPending());
    }

    void clearsItselfAfterTheTimeout()
    {
        SecretClipboard secretClipboard;
        QSignalSpy expired(&secretClipboard, &SecretClipboard::expired);
        secretClipboard.copy(u"glpat-ClipboardCanary0002"_s, 200ms);
        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).at(0).toBool(), true);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(!secretClipboard.holdsOurCopy());
    }

    void leavesWhatSomeoneElseCopiedSince()
    {
        SecretClipboard secretClipboard;
        QSignalSpy expired(&secretClipboard, &SecretClipboard::expired);
        secretClipboard.copy(u"glpat-ClipboardCanary0003"_s, 200ms);
        QGuiApplication::clipboard()->setText(u"the user's own text"_s);
        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).at(0).toBool(), false);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"the user's own text"_s);
    }

    void leavesTheSameTextCopiedBySomeoneElse()
    {
        // The user copied the token again from elsewhere: that copy is theirs to keep.
        SecretClipboard secretClipboard;
        QSignalSpy expired(&secretClipboard, &SecretClipboard::expired);
        secretClipboard.copy(u"glpat-ClipboardCanary0004"_s, 200ms);
        QGuiApplication::clipboard()->setText(u"glpat-ClipboardCanary0004"_s);
        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"glpat-ClipboardCanary0004"_s);
    }

    void aNewerCopyIsNotClearedByAnOlderHelper()
    {
        SecretClipboard first;
        SecretClipboard second;
        QSignalSpy firstExpired(&first, &SecretClipboard::expired);
        first.copy(u"first-secret-value"_s, 150ms);
        second.copy(u"second-secret-value"_s, 60s);
        QTRY_COMPARE(firstExpired.size(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"second-secret-value"_s);
        QVERIFY(second.holdsOurCopy());
    }

    void destroyingTheHelperClearsOurCopyOnly()
    {
        {
            SecretClipboard secretClipboard;
            secretClipboard.copy(u"glpat-ClipboardCanary0005"_s, 60s);
        }
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        {
            SecretClipboard secretClipboard;
            secretClipboard.copy(u"glpat-ClipboardCanary0006"_s, 60s);
            QGuiApplication::clipboard()->setText(u"kept"_s);
        }
        QCOMPARE(QGuiApplication::clipboard()->text(), u"kept"_s);
    }
};

QTEST_MAIN(SecretClipboardTest)
#include "tst_secrets_clipboard.moc"
