#include "ClipboardGuard.h"

#include "SecretsLogging.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalBlocker>

namespace {

// KDE Klipper, KeePassXC and other clipboard managers skip entries carrying this hint.
const QString PasswordManagerHint = QStringLiteral("x-kde-passwordManagerHint");

QByteArray digestOf(const QString &text) {
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

QClipboard *clipboard() {
    // Destruction can come after the application object is gone; there is no clipboard then.
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) ? QGuiApplication::clipboard() : nullptr;
}

} // namespace

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent) {
    Q_ASSERT_X(qobject_cast<QGuiApplication *>(QCoreApplication::instance()), "ClipboardGuard",
               "needs a QGuiApplication");
    m_ticker.setInterval(std::chrono::seconds(1));
    connect(&m_ticker, &QTimer::timeout, this, &ClipboardGuard::tick);
    if (QClipboard *board = clipboard())
        connect(board, &QClipboard::dataChanged, this, &ClipboardGuard::onClipboardChanged);
    // Quitting must not leave the secret behind for whatever runs next.
    if (auto *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearNow);
}

ClipboardGuard::~ClipboardGuard() {
    // No signals from here: the receiver may be a parent that is already half destroyed.
    QSignalBlocker blocker(this);
    clearNow();
}

void ClipboardGuard::setCountdownSeconds(int seconds) {
    m_countdownSeconds = qMax(1, seconds);
}

void ClipboardGuard::setTickInterval(std::chrono::milliseconds interval) {
    m_ticker.setInterval(interval);
}

void ClipboardGuard::copySecret(const QString &secret) {
    QClipboard *board = clipboard();
    if (!board || secret.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setText(secret);
    mime->setData(PasswordManagerHint, QByteArrayLiteral("secret"));
    // Set the digest first: setMimeData() emits dataChanged, which must already see it as ours.
    m_copiedDigest = digestOf(secret);
    board->setMimeData(mime, QClipboard::Clipboard);
    m_secondsLeft = m_countdownSeconds;
    m_ticker.start();
    qCDebug(lcSecrets) << "secret copied, clearing in" << m_secondsLeft << "s";
    emit countdownChanged(m_secondsLeft);
}

void ClipboardGuard::copyText(const QString &text) {
    QClipboard *board = clipboard();
    if (!board)
        return;
    // Replacing the secret with our own text is as good as clearing it; the countdown has nothing left to do.
    stopCountdown();
    board->setText(text, QClipboard::Clipboard);
}

void ClipboardGuard::clearNow() {
    const bool ours = clipboardHoldsOurSecret();
    stopCountdown();
    if (!ours)
        return;
    if (QClipboard *board = clipboard())
        board->clear(QClipboard::Clipboard);
    qCDebug(lcSecrets) << "clipboard cleared";
    emit cleared();
}

void ClipboardGuard::tick() {
    --m_secondsLeft;
    if (m_secondsLeft > 0) {
        emit countdownChanged(m_secondsLeft);
        return;
    }
    clearNow();
}

void ClipboardGuard::onClipboardChanged() {
    // The operator copied something else: their clipboard now, nothing of ours to clear.
    if (isCountingDown() && !clipboardHoldsOurSecret())
        stopCountdown();
}

bool ClipboardGuard::clipboardHoldsOurSecret() const {
    if (m_copiedDigest.isEmpty())
        return false;
    const QClipboard *board = clipboard();
    return board && digestOf(board->text(QClipboard::Clipboard)) == m_copiedDigest;
}

void ClipboardGuard::stopCountdown() {
    const bool wasCounting = m_ticker.isActive() || m_secondsLeft > 0;
    m_ticker.stop();
    m_copiedDigest.clear();
    m_secondsLeft = 0;
    if (wasCounting)
        emit countdownChanged(0);
}

// Its moc code in this object, not in the library's shared mocs_compilation: a program that does
// not use this class (webhookctl) then links none of it, nor the Qt library it needs.
#include "moc_ClipboardGuard.cpp"
