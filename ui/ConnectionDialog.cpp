#include "ConnectionDialog.h"

#include "ApiClient.h"
#include "ConnectionStore.h"
#include "EndpointService.h"
#include "ErrorText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace {

QLabel *errorLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    ErrorText::apply(label, parent->palette());
    label->hide();
    return label;
}

} // namespace

ConnectionDialog::ConnectionDialog(EndpointService *service, ConnectionStore *store,
                                   const std::optional<Connection> &existing, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_store(store)
    , m_existing(existing)
    , m_name(new QLineEdit(this))
    , m_provider(new QComboBox(this))
    , m_baseUrl(new QComboBox(this))
    , m_environment(new QComboBox(this))
    , m_authLabel(new QLabel(tr("&Auth header:"), this))
    , m_auth(new QComboBox(this))
    , m_apiKey(new QLineEdit(this))
    , m_baseUrlError(errorLabel(QStringLiteral("baseUrlError"), this))
    , m_apiKeyError(errorLabel(QStringLiteral("apiKeyError"), this))
    , m_result(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(existing ? tr("Edit Connection") : tr("Add Connection"));

    m_name->setObjectName(QStringLiteral("connectionName"));
    m_name->setAccessibleName(tr("Connection name"));
    m_name->setPlaceholderText(tr("e.g. Layers production"));
    m_provider->setObjectName(QStringLiteral("connectionProvider"));
    m_provider->setAccessibleName(tr("Provider"));
    for (const ProviderProfile &profile : service->registry().profiles())
        m_provider->addItem(profile.name(), profile.id());
    m_baseUrl->setObjectName(QStringLiteral("connectionBaseUrl"));
    m_baseUrl->setAccessibleName(tr("Region or base URL"));
    m_baseUrl->setEditable(true);
    m_baseUrl->setInsertPolicy(QComboBox::NoInsert);
    m_baseUrl->lineEdit()->setAccessibleName(tr("Region or base URL")); // the part a screen reader edits
    m_environment->setObjectName(QStringLiteral("connectionEnvironment"));
    m_environment->setAccessibleName(tr("Environment"));
    m_environment->addItem(tr("Production"), environmentName(Environment::Production));
    m_environment->addItem(tr("Development"), environmentName(Environment::Development));
    m_auth->setObjectName(QStringLiteral("connectionAuth"));
    m_auth->setAccessibleName(tr("Authentication header"));
    m_apiKey->setObjectName(QStringLiteral("connectionApiKey"));
    m_apiKey->setAccessibleName(tr("API key"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(existing ? tr("Leave empty to keep the stored key")
                                          : tr("Stored only in your keychain"));
    m_result->setObjectName(QStringLiteral("connectionResult"));
    m_result->setWordWrap(true);
    m_result->hide();
    m_progress->setObjectName(QStringLiteral("connectionProgress"));
    m_progress->setAccessibleName(tr("Testing the connection"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("connectionSave"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Test && &Save"));
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Test the connection and save it"));

    auto *form = new QFormLayout;
    auto addRow = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Name:"), m_name);
    addRow(tr("&Provider:"), m_provider);
    addRow(tr("&Region or base URL:"), m_baseUrl);
    form->addRow(QString(), m_baseUrlError);
    addRow(tr("&Environment:"), m_environment);
    m_authLabel->setBuddy(m_auth);
    form->addRow(m_authLabel, m_auth);
    addRow(tr("API &key:"), m_apiKey);
    form->addRow(QString(), m_apiKeyError);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &ConnectionDialog::providerChanged);
    connect(m_name, &QLineEdit::textChanged, this, &ConnectionDialog::updateSaveButton);
    connect(m_baseUrl, &QComboBox::currentTextChanged, this, &ConnectionDialog::updateSaveButton);
    connect(m_apiKey, &QLineEdit::textChanged, this, &ConnectionDialog::updateSaveButton);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::testThenSave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (existing) {
        m_name->setText(existing->name);
        m_provider->setCurrentIndex(qMax(0, m_provider->findData(existing->providerId)));
        m_provider->setEnabled(false); // endpoint ids and keychain keys belong to one provider
    }
    providerChanged();
    if (existing) {
        const int region = m_baseUrl->findData(existing->baseUrl);
        if (region >= 0)
            m_baseUrl->setCurrentIndex(region);
        else
            m_baseUrl->setEditText(existing->baseUrl);
        m_environment->setCurrentIndex(existing->isDevelopment() ? 1 : 0);
        m_auth->setCurrentIndex(qMax(0, m_auth->findData(existing->authScheme)));
    }
    updateSaveButton();
    resize(520, sizeHint().height());
}

void ConnectionDialog::providerChanged() {
    const std::optional<ProviderProfile> profile = m_service->registry().profile(m_provider->currentData().toString());
    m_baseUrl->clear();
    m_auth->clear();
    if (!profile)
        return;
    for (const ProviderProfile::Region &region : profile->regions())
        m_baseUrl->addItem(QStringLiteral("%1").arg(region.baseUrl), region.baseUrl);
    for (const ProviderProfile::AuthScheme &scheme : profile->authSchemes())
        m_auth->addItem(scheme.prefix.isEmpty() ? QStringLiteral("%1: KEY").arg(scheme.header)
                                                : QStringLiteral("%1: %2KEY").arg(scheme.header, scheme.prefix),
                        scheme.id);
    const bool choice = profile->authSchemes().size() > 1;
    m_auth->setVisible(choice);
    m_authLabel->setVisible(choice);
    updateSaveButton();
}

Connection ConnectionDialog::connectionFromForm() const {
    Connection connection;
    connection.id = m_existing ? m_existing->id : QUuid::createUuid().toString(QUuid::WithoutBraces);
    connection.name = m_name->text().trimmed();
    connection.providerId = m_provider->currentData().toString();
    const int region = m_baseUrl->findText(m_baseUrl->currentText());
    connection.baseUrl = region >= 0 ? m_baseUrl->itemData(region).toString() : m_baseUrl->currentText().trimmed();
    connection.environment = m_environment->currentIndex() == 1 ? Environment::Development : Environment::Production;
    connection.authScheme = m_auth->currentData().toString();
    return connection;
}

void ConnectionDialog::updateSaveButton() {
    const Connection connection = connectionFromForm();
    const QString urlProblem = ApiClient::baseUrlProblem(connection.baseUrl);
    m_baseUrlError->setText(urlProblem);
    m_baseUrlError->setVisible(!urlProblem.isEmpty());
    // A pasted key with a line break would inject headers: refused here, and by ApiClient too.
    const QString keyProblem = ApiClient::apiKeyProblem(m_apiKey->text());
    m_apiKeyError->setText(keyProblem);
    m_apiKeyError->setVisible(!keyProblem.isEmpty());
    const bool keyOk = (!m_apiKey->text().isEmpty() || m_existing) && keyProblem.isEmpty();
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(!connection.name.isEmpty() && urlProblem.isEmpty() && keyOk && !m_progress->isVisible());
}

void ConnectionDialog::setBusy(bool busy, const QString &text) {
    m_progress->setVisible(busy);
    for (QWidget *field :
         {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_baseUrl), static_cast<QWidget *>(m_environment),
          static_cast<QWidget *>(m_auth), static_cast<QWidget *>(m_apiKey)})
        field->setEnabled(!busy);
    if (!text.isEmpty()) {
        m_result->setText(text);
        m_result->setPalette(palette());
        m_result->show();
    }
    updateSaveButton();
}

void ConnectionDialog::showResult(bool ok, const QString &text) {
    m_result->setText(text);
    ErrorText::apply(m_result, palette(), !ok);
    m_result->show();
}

void ConnectionDialog::testThenSave() {
    const Connection connection = connectionFromForm();
    const std::optional<Connection> sameName = m_store->byName(connection.name);
    if (sameName && sameName->id != connection.id) {
        showResult(false, tr("A connection named \"%1\" already exists.").arg(connection.name));
        m_name->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!ApiClient::apiKeyProblem(m_apiKey->text()).isEmpty())
        return; // the message is next to the field and Save is disabled

    setBusy(true, tr("Testing the connection…"));
    const auto tested = [this, connection](const ApiError &error) {
        setBusy(false);
        if (error.isError()) {
            showResult(false, tr("The connection test failed: %1").arg(error.toString()));
            // To the field at fault: a refused key, or else the address that did not answer as a provider.
            const bool keyRefused = error.httpStatus == 401 || error.httpStatus == 403;
            if (keyRefused)
                m_apiKey->setFocus(Qt::OtherFocusReason);
            else
                m_baseUrl->setFocus(Qt::OtherFocusReason);
            return;
        }
        save(connection);
    };
    if (m_apiKey->text().isEmpty())
        m_service->list(connection, this, [tested](const ApiError &error, const QList<Endpoint> &) { tested(error); });
    else
        m_service->testConnection(connection, m_apiKey->text(), this, tested);
}

void ConnectionDialog::save(const Connection &connection) {
    const auto writeSettings = [this, connection] {
        QString error;
        if (!m_store->save(connection, &error))
            return showResult(false, error);
        m_connection = connection;
        m_apiKey->clear();
        accept();
    };
    if (m_apiKey->text().isEmpty())
        return writeSettings();
    setBusy(true, tr("Storing the API key in your keychain…"));
    m_service->saveApiKey(connection, m_apiKey->text(), this, [this, writeSettings](const SecretResult &stored) {
        setBusy(false);
        if (!stored.ok())
            return showResult(false, tr("The API key could not be stored in your keychain, so the connection was "
                                        "not saved: %1")
                                         .arg(stored.errorText));
        writeSettings();
    });
}
