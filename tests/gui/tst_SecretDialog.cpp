#include "ClipboardGuard.h"
#include "SecretDialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTest>

#include <memory>

// Secrets are compared with QVERIFY, never QCOMPARE, so a failure message never prints one.
class TestSecretDialog : public QObject {
    Q_OBJECT

private:
    const QString m_secret = QStringLiteral("whsec_dialogtest_5b1f0c7e9a");
    std::unique_ptr<ClipboardGuard> m_guard;
    std::unique_ptr<SecretDialog> m_dialog;

    SecretDialog *open(const SecretResult &keychain) {
        m_dialog = std::make_unique<SecretDialog>(SecretDialog::Occasion::Created, QStringLiteral("orders receiver"),
                                                  m_secret, keychain, m_guard.get());
        m_dialog->show();
        if (!QTest::qWaitForWindowExposed(m_dialog.get()))
            return nullptr;
        return m_dialog.get();
    }

    static SecretResult failed() {
        SecretResult result;
        result.status = SecretStatus::Unavailable;
        result.errorText = QStringLiteral("No Secret Service is running.");
        return result;
    }

    template <typename T> T *child(const char *name) const { return m_dialog->findChild<T *>(QLatin1String(name)); }

    static bool clipboardHoldsMarked(const QString &text) {
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        return mime && mime->text() == text &&
               mime->data(QStringLiteral("x-kde-passwordManagerHint")) == QByteArrayLiteral("secret");
    }

private slots:
    void init() {
        QGuiApplication::clipboard()->clear();
        m_guard = std::make_unique<ClipboardGuard>();
    }

    void cleanup() {
        m_dialog.reset();
        m_guard.reset();
    }

    // Issue 9.14: a provider's full secret (whsec_ and 64 hex digits) shows whole once revealed.
    void aRevealedSecretFitsWithoutScrolling() {
        const QString secret = QStringLiteral("whsec_") + QString(QStringLiteral("0123456789abcdef")).repeated(4);
        m_dialog = std::make_unique<SecretDialog>(SecretDialog::Occasion::Created, QStringLiteral("orders receiver"),
                                                  secret, SecretResult(), m_guard.get());
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        QTest::mouseClick(child<QPushButton>("revealButton"), Qt::LeftButton);
        auto *field = child<QLineEdit>("secret");
        QCOMPARE(field->echoMode(), QLineEdit::Normal);
        field->end(false);
        // With the cursor at the end, the first character is still where the text starts (nothing
        // scrolled away), and the end is inside the field (nothing cut off).
        const int y = field->height() / 2;
        QCOMPARE(field->cursorPositionAt(QPoint(1, y)), 0);
        QCOMPARE(field->cursorPositionAt(QPoint(field->width() - 6, y)), secret.size());
        QVERIFY(field->fontMetrics().horizontalAdvance(secret) < field->contentsRect().width());
    }

    void storedSecretIsMaskedUntilRevealed() {
        SecretDialog *dialog = open(SecretResult());
        QVERIFY(dialog);
        QCOMPARE(child<QLabel>("heading")->text(), QStringLiteral("Signing secret stored in your keychain"));
        QVERIFY(!child<QLabel>("keychainWarning"));
        auto *secret = child<QLineEdit>("secret");
        QVERIFY(secret->text() == m_secret);
        QVERIFY(secret->isReadOnly());
        QCOMPARE(secret->echoMode(), QLineEdit::Password);

        auto *reveal = child<QPushButton>("revealButton");
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);

        QVERIFY(child<QPushButton>("closeButton")->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
    }

    void copyMarksTheSecretForPasswordManagers() {
        m_guard->setTickInterval(std::chrono::milliseconds(20));
        SecretDialog *dialog = open(SecretResult());
        QVERIFY(dialog);
        auto *status = child<QLabel>("copyStatus");
        QVERIFY(!status->isVisible());

        QTest::mouseClick(child<QPushButton>("copyButton"), Qt::LeftButton);
        QVERIFY(clipboardHoldsMarked(m_secret));
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().startsWith(QStringLiteral("Copied — the clipboard clears in")),
                 qPrintable(status->text()));

        // The guard's countdown ends and takes the secret off the clipboard.
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
        QCOMPARE(status->text(), QStringLiteral("The secret is no longer on the clipboard."));
    }

    void countdownStartsAtThirtySeconds() {
        QVERIFY(open(SecretResult()));
        QTest::mouseClick(child<QPushButton>("copyButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>("copyStatus")->text(), QStringLiteral("Copied — the clipboard clears in 30 s"));
    }

    void plainCopyShortcutGoesThroughTheGuard() {
        SecretDialog *dialog = open(SecretResult());
        QVERIFY(dialog);
        auto *secret = child<QLineEdit>("secret");
        QTest::mouseClick(child<QPushButton>("revealButton"), Qt::LeftButton);
        secret->setFocus();
        QTest::keyClick(secret, Qt::Key_A, Qt::ControlModifier);
        QVERIFY(!secret->hasSelectedText());
        QTest::keyClick(secret, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(clipboardHoldsMarked(m_secret));
        QVERIFY(m_guard->isCountingDown());
    }

    void failedKeychainShowsTheSecretInRed() {
        SecretDialog *dialog = open(failed());
        QVERIFY(dialog);
        auto *warning = child<QLabel>("keychainWarning");
        QVERIFY(warning && warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("No Secret Service is running.")));
        QVERIFY(child<QLabel>("heading")->text().contains(QStringLiteral("NOT stored")));
        const QColor text = dialog->palette().color(QPalette::WindowText);
        const QColor red = warning->palette().color(QPalette::WindowText);
        QVERIFY(red != text);
        QVERIFY(red.red() > red.green() + 60 && red.red() > red.blue() + 60);
        QCOMPARE(child<QLineEdit>("secret")->echoMode(), QLineEdit::Normal);
        QVERIFY(child<QPushButton>("revealButton")->isChecked());
    }

    void failedKeychainCannotBeDismissedUnacknowledged() {
        SecretDialog *dialog = open(failed());
        QVERIFY(dialog);
        auto *close = child<QPushButton>("closeButton");
        QVERIFY(!close->isEnabled());
        QVERIFY(!dialog->isAcknowledged());

        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(dialog->isVisible());
        dialog->reject();
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->close());
        QVERIFY(dialog->isVisible());

        auto *saved = child<QCheckBox>("savedCheckBox");
        QVERIFY(saved);
        QTest::mouseClick(saved, Qt::LeftButton, {}, QPoint(8, saved->height() / 2));
        QVERIFY(saved->isChecked());
        QVERIFY(close->isEnabled());
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
    }

    void copyingAcknowledgesAnUnstoredSecret() {
        SecretDialog *dialog = open(failed());
        QVERIFY(dialog);
        QVERIFY(!child<QPushButton>("closeButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>("copyButton"), Qt::LeftButton);
        QVERIFY(clipboardHoldsMarked(m_secret));
        QVERIFY(child<QPushButton>("closeButton")->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
    }

    void everyControlHasAnAccessibleName() {
        QVERIFY(open(failed()));
        for (const char *name : {"secret", "revealButton", "copyButton", "savedCheckBox", "closeButton"}) {
            auto *widget = child<QWidget>(name);
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
    }
};

QTEST_MAIN(TestSecretDialog)
#include "tst_SecretDialog.moc"
