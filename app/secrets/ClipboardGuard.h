#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>

// The one way secrets reach the clipboard. A copied secret is marked for clipboard managers
// (x-kde-passwordManagerHint: secret, so they do not keep a history of it) and cleared when the
// countdown ends, when this object is destroyed, or when the application quits, but only while the
// clipboard still holds it: whatever the operator copied since is left alone.
//
// Needs a QGuiApplication.
class ClipboardGuard final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClipboardGuard)

public:
    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override;

    // Seconds a copied secret stays on the clipboard; 30 unless changed.
    int countdownSeconds() const { return m_countdownSeconds; }
    void setCountdownSeconds(int seconds);
    // How long one countdown "second" lasts: a second, shortened only by tests.
    void setTickInterval(std::chrono::milliseconds interval);

    // Copies secret with the password-manager hint and (re)starts the countdown.
    void copySecret(const QString &secret);
    // Copies text that is not secret (an endpoint id, a URL): no hint, no countdown. Replaces a
    // secret still on the clipboard and so ends its countdown.
    void copyText(const QString &text);

    bool isCountingDown() const { return m_ticker.isActive(); }
    int secondsLeft() const { return m_secondsLeft; }

    // Clears the clipboard now if it still holds the copied secret.
    void clearNow();

signals:
    // Once right after copySecret(), then every tick; 0 when the countdown ends for any reason.
    void countdownChanged(int secondsLeft);
    // The clipboard held our secret and was cleared.
    void cleared();

private:
    void tick();
    void onClipboardChanged();
    bool clipboardHoldsOurSecret() const;
    void stopCountdown();

    QTimer m_ticker;
    int m_countdownSeconds = 30;
    int m_secondsLeft = 0;
    // A digest of the copied secret rather than the secret itself, so it does not linger in memory.
    QByteArray m_copiedDigest;
};
