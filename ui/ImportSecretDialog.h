#pragma once

#include "SecretFormat.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// Asks for an endpoint's signing secret to store in the keychain. A secret that does not fit the
// provider's stated form is refused with the reason; "Store anyway" appears for it, so storing
// something odd is always the operator's explicit choice and never the default button's.
class ImportSecretDialog final : public QDialog {
    Q_OBJECT

public:
    ImportSecretDialog(const QString &endpointName, const QString &providerName, const SecretFormat &format,
                       QWidget *parent = nullptr);

signals:
    // Store (a fitting secret) or Store anyway; the dialog has closed.
    void secretChosen(const QString &secret);

private:
    QString secret() const;
    void check();
    void choose();

    QString m_providerName;
    SecretFormat m_format;
    QLineEdit *m_secret;
    QLabel *m_problem;
    QPushButton *m_store;
    QPushButton *m_storeAnyway;
};
