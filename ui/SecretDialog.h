#pragma once

#include "SecretStore.h"

#include <QDialog>
#include <QPointer>

class ClipboardGuard;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Shows a signing secret right after a create or rotate. When the keychain stored it, the secret is
// masked with Reveal and Copy at hand. When the keychain failed, this is the only time the secret
// exists outside the provider: the dialog says so in red, shows it, and cannot be dismissed until
// the operator has copied it or confirmed saving it elsewhere.
//
// The secret goes nowhere but the clipboard, and only through ClipboardGuard (marked for password
// managers, cleared after its countdown). The dialog keeps no copy of its own beyond the line edit,
// which is emptied when the dialog goes.
class SecretDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretDialog)

public:
    // Why there is a secret to show: the heading says so, naming the endpoint.
    enum class Occasion { Created, Rotated, Recovered };

    SecretDialog(Occasion occasion, const QString &endpointLabel, const QString &secret,
                 const SecretResult &keychainResult, ClipboardGuard *clipboard, QWidget *parent = nullptr);
    ~SecretDialog() override;

    bool secretStored() const { return m_stored; }
    // Whether the dialog may close: always when stored, otherwise once copied or confirmed saved.
    bool isAcknowledged() const;

    // Refused (the dialog stays) while the operator has neither copied nor confirmed saving an
    // unstored secret: closing would lose it for good. Esc, the window's close button and Close all
    // end here, through reject() or accept().
    void done(int result) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void copySecret();
    void setRevealed(bool revealed);
    void countdownChanged(int secondsLeft);
    void updateCloseButton();
    void applyErrorColours();

    bool m_stored;
    bool m_copied = false;
    QPointer<ClipboardGuard> m_clipboard;
    QLabel *m_heading;
    QLabel *m_warning = nullptr;
    QLineEdit *m_secret;
    QPushButton *m_reveal;
    QPushButton *m_copy;
    QLabel *m_copyStatus;
    QCheckBox *m_saved = nullptr;
    QPushButton *m_close;
};
