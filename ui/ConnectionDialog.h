#pragma once

#include "Connection.h"

#include <QDialog>

#include <optional>

class ConnectionStore;
class EndpointService;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

// Adds or edits a connection: provider, region or base URL, environment, auth header (where
// the provider offers a choice) and the API key. Save first tests the connection with a real
// list request, then writes the key to the keychain and the rest to settings.
class ConnectionDialog final : public QDialog {
    Q_OBJECT

public:
    ConnectionDialog(EndpointService *service, ConnectionStore *store, const std::optional<Connection> &existing,
                     QWidget *parent = nullptr);

    Connection connection() const { return m_connection; }

private:
    void providerChanged();
    void updateSaveButton();
    Connection connectionFromForm() const;
    void testThenSave();
    void save(const Connection &connection);
    void setBusy(bool busy, const QString &text = QString());
    void showResult(bool ok, const QString &text);

    EndpointService *m_service;
    ConnectionStore *m_store;
    std::optional<Connection> m_existing;
    Connection m_connection;

    QLineEdit *m_name;
    QComboBox *m_provider;
    QComboBox *m_baseUrl;
    QComboBox *m_environment;
    QLabel *m_authLabel;
    QComboBox *m_auth;
    QLineEdit *m_apiKey;
    QLabel *m_baseUrlError;
    QLabel *m_apiKeyError;
    QLabel *m_result;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
};
