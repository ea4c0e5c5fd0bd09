// Adding a connection through the dialog: it tests the connection against an in-process sandbox
// before saving, puts the API key in the real keychain and only the rest in settings.
#include "ConnectionDialog.h"
#include "ConnectionStore.h"
#include "EndpointService.h"
#include "KeychainSecretStore.h"
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "SandboxServer.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

class TestConnectionDialog : public QObject {
    Q_OBJECT

private:
    const QString m_apiKey = QStringLiteral("sk_dialog_") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<LocalState> m_state;
    std::unique_ptr<PendingCreateJournal> m_journal;
    std::unique_ptr<EndpointService> m_service;
    ConnectionStore m_store;

    template <typename T> static T *child(QWidget *dialog, const char *name) {
        return dialog->findChild<T *>(QLatin1String(name));
    }

    void fill(ConnectionDialog &dialog, const QString &name, const QString &apiKey) {
        QTest::keyClicks(child<QLineEdit>(&dialog, "connectionName"), name);
        auto *provider = child<QComboBox>(&dialog, "connectionProvider");
        provider->setCurrentIndex(provider->findData(QStringLiteral("layers")));
        auto *baseUrl = child<QComboBox>(&dialog, "connectionBaseUrl");
        baseUrl->setEditText(m_sandbox->baseUrl(QStringLiteral("layers")).toString());
        auto *environment = child<QComboBox>(&dialog, "connectionEnvironment");
        environment->setCurrentIndex(1);
        QTest::keyClicks(child<QLineEdit>(&dialog, "connectionApiKey"), apiKey);
    }

private slots:
    void init() {
        SandboxServer::Options options;
        options.apiKey = m_apiKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QVERIFY(m_sandbox->listen());
        m_dir = std::make_unique<QTemporaryDir>();
        m_network = std::make_unique<QNetworkAccessManager>();
        m_keychain = std::make_unique<KeychainSecretStore>(QStringLiteral("webhook-console-dialog-") +
                                                           QUuid::createUuid().toString(QUuid::Id128));
        m_state = std::make_unique<LocalState>(m_dir->filePath(QStringLiteral("state.sqlite")));
        m_journal = std::make_unique<PendingCreateJournal>(*m_state, QString());
        m_service =
            std::make_unique<EndpointService>(m_network.get(), m_keychain.get(), m_journal.get(), ProviderRegistry());
    }

    void savesAfterASuccessfulTest() {
        const QString name = QStringLiteral("Layers local ") + QUuid::createUuid().toString(QUuid::Id128).left(6);
        ConnectionDialog dialog(m_service.get(), &m_store, std::nullopt);
        dialog.show();
        fill(dialog, name, m_apiKey);
        QVERIFY(!child<QComboBox>(&dialog, "connectionAuth")->isHidden()); // Layers offers two headers
        auto *save = child<QPushButton>(&dialog, "connectionSave");
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);

        // The test went on the wire with the key, as a list request.
        QVERIFY(!m_sandbox->requestLog().isEmpty());
        QCOMPARE(m_sandbox->requestLog().first().method, QByteArray("GET"));
        const std::optional<Connection> saved = m_store.byName(name);
        QVERIFY(saved);
        QCOMPARE(saved->providerId, QStringLiteral("layers"));
        QCOMPARE(saved->environment, Environment::Development);
        QCOMPARE(saved->baseUrl, m_sandbox->baseUrl(QStringLiteral("layers")).toString());

        // The key is in the keychain, and not in the settings file.
        std::optional<QString> key;
        m_keychain->read(
            SecretStore::apiKeyKey(saved->id), this,
            [&](const SecretResult &result, const QString &value) { key = result.ok() ? value : QString(); });
        QTRY_VERIFY_WITH_TIMEOUT(key.has_value(), 10000);
        QVERIFY(*key == m_apiKey);
        QFile settings(ConnectionStore::settingsPath());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(m_apiKey.toUtf8()));
        m_store.remove(saved->id);
    }

    void aFailedTestSavesNothing() {
        const QString name = QStringLiteral("Wrong key ") + QUuid::createUuid().toString(QUuid::Id128).left(6);
        ConnectionDialog dialog(m_service.get(), &m_store, std::nullopt);
        dialog.show();
        fill(dialog, name, QStringLiteral("not-the-key"));
        QTest::mouseClick(child<QPushButton>(&dialog, "connectionSave"), Qt::LeftButton);
        auto *result = child<QLabel>(&dialog, "connectionResult");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("401")), 10000);
        QVERIFY(dialog.isVisible());
        QVERIFY(!m_store.byName(name));
        // What the operator typed is still there to correct.
        QCOMPARE(child<QLineEdit>(&dialog, "connectionName")->text(), name);
    }

    // Issue 9.9: every field is named for what it is, and a failed test leads to the field at fault.
    void fieldsAreNamedAndLabelled() {
        ConnectionDialog dialog(m_service.get(), &m_store, std::nullopt);
        dialog.show();
        auto *baseUrl = child<QComboBox>(&dialog, "connectionBaseUrl");
        QVERIFY(baseUrl->lineEdit());
        QCOMPARE(QAccessible::queryAccessibleInterface(baseUrl->lineEdit())->text(QAccessible::Name),
                 QStringLiteral("Region or base URL"));
        for (const char *name : {"connectionProvider", "connectionBaseUrl", "connectionEnvironment"}) {
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(child<QComboBox>(&dialog, name));
            QVERIFY2(!accessible->relations(QAccessible::Label).isEmpty(), name);
        }
    }

    void aRefusedKeyPutsTheFocusOnTheKey() {
        ConnectionDialog dialog(m_service.get(), &m_store, std::nullopt);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        fill(dialog, QStringLiteral("Wrong key ") + QUuid::createUuid().toString(QUuid::Id128).left(6),
             QStringLiteral("not-the-key"));
        QTest::mouseClick(child<QPushButton>(&dialog, "connectionSave"), Qt::LeftButton);
        auto *result = child<QLabel>(&dialog, "connectionResult");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("401")), 10000);
        QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "connectionApiKey"));
    }

    void anUnreachableHostPutsTheFocusOnTheAddress() {
        ConnectionDialog dialog(m_service.get(), &m_store, std::nullopt);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        fill(dialog, QStringLiteral("Nowhere ") + QUuid::createUuid().toString(QUuid::Id128).left(6), m_apiKey);
        // A port nothing listens on: the sandbox's, after it has stopped.
        const QString url = m_sandbox->baseUrl(QStringLiteral("layers")).toString();
        m_sandbox.reset();
        child<QComboBox>(&dialog, "connectionBaseUrl")->setEditText(url);
        QTest::mouseClick(child<QPushButton>(&dialog, "connectionSave"), Qt::LeftButton);
        auto *result = child<QLabel>(&dialog, "connectionResult");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("failed")), 20000);
        QTRY_COMPARE(QApplication::focusWidget(), child<QComboBox>(&dialog, "connectionBaseUrl"));
    }

    void plainHttpToARemoteHostIsRefusedBeforeSending() {
        ConnectionDialog dialog(m_service.get(), &m_store, std::nullopt);
        dialog.show();
        fill(dialog, QStringLiteral("Insecure"), m_apiKey);
        child<QComboBox>(&dialog, "connectionBaseUrl")->setEditText(QStringLiteral("http://api.layers.com"));
        auto *error = child<QLabel>(&dialog, "baseUrlError");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("https")));
        QVERIFY(!child<QPushButton>(&dialog, "connectionSave")->isEnabled());
    }

    // A pasted key with a line break would add a header of its own to every request.
    void anApiKeyWithALineBreakIsRefusedBeforeSending() {
        const QString name = QStringLiteral("Injected ") + QUuid::createUuid().toString(QUuid::Id128).left(6);
        ConnectionDialog dialog(m_service.get(), &m_store, std::nullopt);
        dialog.show();
        fill(dialog, name, m_apiKey);
        child<QLineEdit>(&dialog, "connectionApiKey")->setText(m_apiKey + QStringLiteral("\r\nX-Injected: yes"));
        auto *error = child<QLabel>(&dialog, "apiKeyError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("line break")), qPrintable(error->text()));
        auto *save = child<QPushButton>(&dialog, "connectionSave");
        QVERIFY(!save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTest::qWait(300);
        QVERIFY(m_sandbox->requestLog().isEmpty());
        QVERIFY(!m_store.byName(name));

        // Corrected, the message goes away.
        child<QLineEdit>(&dialog, "connectionApiKey")->setText(m_apiKey);
        QVERIFY(!error->isVisible());
        QVERIFY(save->isEnabled());
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_ConnectionDialog.moc"
