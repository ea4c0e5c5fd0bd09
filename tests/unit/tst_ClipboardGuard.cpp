#include "ClipboardGuard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

namespace {

const QString Hint = QStringLiteral("x-kde-passwordManagerHint");

QClipboard *board() {
    return QGuiApplication::clipboard();
}

bool clipboardIsEmpty() {
    const QMimeData *mime = board()->mimeData(QClipboard::Clipboard);
    return board()->text().isEmpty() && (!mime || mime->formats().isEmpty());
}

} // namespace

class TestClipboardGuard : public QObject {
    Q_OBJECT

private slots:
    void init() { board()->clear(); }
    void copySecretSetsTextAndHint();
    void clearsAfterCountdown();
    void countdownTicks();
    void leavesWhatTheUserCopied();
    void copyTextIsPlain();
    void copyTextEndsSecretCountdown();
    void clearsOnDestruction();
    void destructionLeavesOthersAlone();
    void defaultCountdownIsThirtySeconds();
};

void TestClipboardGuard::copySecretSetsTextAndHint() {
    ClipboardGuard guard;
    guard.copySecret(QStringLiteral("whsec_test-one"));
    QVERIFY(board()->text() == QStringLiteral("whsec_test-one"));
    const QMimeData *mime = board()->mimeData();
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(Hint));
    QCOMPARE(mime->data(Hint), QByteArray("secret"));
    QVERIFY(mime->hasText());
    QVERIFY(guard.isCountingDown());
    QCOMPARE(guard.secondsLeft(), 30);
}

void TestClipboardGuard::clearsAfterCountdown() {
    ClipboardGuard guard;
    guard.setCountdownSeconds(3);
    guard.setTickInterval(20ms);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(QStringLiteral("whsec_test-two"));
    QVERIFY(!clipboardIsEmpty());
    QTRY_COMPARE(cleared.size(), 1);
    QVERIFY(clipboardIsEmpty());
    QVERIFY(!guard.isCountingDown());
    QCOMPARE(guard.secondsLeft(), 0);
}

void TestClipboardGuard::countdownTicks() {
    ClipboardGuard guard;
    guard.setCountdownSeconds(3);
    guard.setTickInterval(20ms);
    QSignalSpy ticks(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(QStringLiteral("whsec_test-three"));
    QTRY_COMPARE(cleared.size(), 1);
    QList<int> seen;
    for (const auto &arguments : std::as_const(ticks))
        seen.append(arguments.at(0).toInt());
    QCOMPARE(seen, (QList<int>{3, 2, 1, 0}));
}

void TestClipboardGuard::leavesWhatTheUserCopied() {
    ClipboardGuard guard;
    guard.setCountdownSeconds(3);
    guard.setTickInterval(20ms);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QSignalSpy ticks(&guard, &ClipboardGuard::countdownChanged);
    guard.copySecret(QStringLiteral("whsec_test-four"));
    board()->setText(QStringLiteral("something the operator copied"));
    // The countdown notices at once and stands down.
    QTRY_VERIFY(!guard.isCountingDown());
    QCOMPARE(ticks.last().at(0).toInt(), 0);
    QTest::qWait(150); // well past the countdown
    QCOMPARE(cleared.size(), 0);
    QCOMPARE(board()->text(), QStringLiteral("something the operator copied"));
    guard.clearNow();
    QCOMPARE(board()->text(), QStringLiteral("something the operator copied"));
}

void TestClipboardGuard::copyTextIsPlain() {
    ClipboardGuard guard;
    QSignalSpy ticks(&guard, &ClipboardGuard::countdownChanged);
    guard.copyText(QStringLiteral("ep_123"));
    QCOMPARE(board()->text(), QStringLiteral("ep_123"));
    QVERIFY(!board()->mimeData()->hasFormat(Hint));
    QVERIFY(!guard.isCountingDown());
    QCOMPARE(ticks.size(), 0);
}

void TestClipboardGuard::copyTextEndsSecretCountdown() {
    ClipboardGuard guard;
    guard.setCountdownSeconds(3);
    guard.setTickInterval(20ms);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(QStringLiteral("whsec_test-five"));
    guard.copyText(QStringLiteral("ep_456"));
    QVERIFY(!guard.isCountingDown());
    QTest::qWait(150);
    QCOMPARE(cleared.size(), 0);
    QCOMPARE(board()->text(), QStringLiteral("ep_456"));
}

void TestClipboardGuard::clearsOnDestruction() {
    {
        ClipboardGuard guard;
        guard.copySecret(QStringLiteral("whsec_test-six"));
        QVERIFY(!clipboardIsEmpty());
    }
    QVERIFY(clipboardIsEmpty());
}

void TestClipboardGuard::destructionLeavesOthersAlone() {
    {
        ClipboardGuard guard;
        guard.copySecret(QStringLiteral("whsec_test-seven"));
        board()->setText(QStringLiteral("mine"));
    }
    QCOMPARE(board()->text(), QStringLiteral("mine"));
}

void TestClipboardGuard::defaultCountdownIsThirtySeconds() {
    QCOMPARE(ClipboardGuard().countdownSeconds(), 30);
}

QTEST_MAIN(TestClipboardGuard)
#include "tst_ClipboardGuard.moc"
