#pragma once

#include "CtlInvocation.h"
#include "CtlOutput.h"
#include "DeliveryLog.h"
#include "EndpointService.h"
#include "SignatureVerifier.h"

#include <QFile>
#include <QObject>
#include <QTextStream>

#include <memory>

class AppliedEndpoints;
class ConnectionStore;
class DeliveryListener;
class KeychainSecretStore;
class LocalState;
class PendingCreateJournal;
class SecretIndex;

// Runs one webhookctl command on top of EndpointService and reports through stdout, stderr and
// the exit status (0 done, 1 provider or network error, 2 bad usage or invalid input, 3 done
// but the secret could not be stored). Secrets reach stdout only from "secret show", and stderr
// only when the keychain failed and the operator must save the secret by hand.
class WebhookCtl final : public QObject {
    Q_OBJECT

public:
    // verify exits SignatureInvalid (1, as a failure) when the signature is not valid.
    enum ExitCode { Done = 0, ProviderError = 1, SignatureInvalid = 1, UsageError = 2, SecretNotStored = 3 };

    explicit WebhookCtl(QObject *parent = nullptr);
    ~WebhookCtl() override;

    // Starts the command; finished() follows, possibly after network round trips.
    void start(const CtlInvocation &invocation);

signals:
    void finished(int exitCode);

private:
    void run();
    void openService();
    void runConnectionAdd();
    void runConnectionList();
    void runConnectionRemove();
    void runEvents(const Connection &connection);
    void runEndpointCommand(const Connection &connection);
    void runCreate(const Connection &connection);
    void runUpdate(const Connection &connection);
    void runSecretShow(const Connection &connection);
    void runSecretImport(const Connection &connection);
    void runSecretForgetPrevious(const Connection &connection);
    void runSign(const Connection &connection);
    void runVerify(const Connection &connection);
    void runDocumentCommand();

    void runListen();
    void printDelivery(const DeliveryLog::Entry &entry);

    // The body of sign and verify, as raw bytes; false with *problem set when there is none.
    bool readBody(QByteArray *body, QString *problem);
    // --scheme, else the profile's; nullopt when neither states one.
    std::optional<SignatureScheme> signatureSchemeFor(const ProviderProfile &profile) const;
    void reportVerdict(const SignatureVerdict &verdict);

    void printEndpoint(const Endpoint &endpoint);
    void runList(const Connection &connection);
    void printListed(const Endpoint &endpoint, bool first);
    // Bytes straight to stdout after what m_out holds: list --json writes UTF-8 it made itself.
    void writeOut(const QByteArray &bytes);
    // storedText goes to stdout when the secret reached the keychain, unstoredText when it did not.
    void reportSecretOutcome(const EndpointService::SecretOutcome &outcome, const QString &storedText,
                             const QString &unstoredText);
    void reportProfileProblems();
    void reportIssues(const ValidationIssues &issues, const ProviderProfile &profile);
    void fail(const ApiError &error);
    void fail(int exitCode, const QString &message);
    void finish(int exitCode);
    QString readStdinLine(const QString &what);
    QString optionFor(const QString &field, const ProviderProfile &profile) const;

    CtlInvocation m_invocation;
    QTextStream m_out;
    QTextStream m_err;
    CtlOutput m_output; // over m_out and m_err; raised by recovery reports printed before the command itself
    QFile m_stdout;     // the same stdout as m_out, for bytes that need no conversion
    QByteArray m_page;  // list --json: the page being written
    std::unique_ptr<ConnectionStore> m_connections;
    std::unique_ptr<LocalState> m_state;
    std::unique_ptr<PendingCreateJournal> m_journal;
    std::unique_ptr<SecretIndex> m_secretIndex;
    std::unique_ptr<AppliedEndpoints> m_appliedEndpoints;
    QNetworkAccessManager *m_network;
    KeychainSecretStore *m_secrets;
    EndpointService *m_service = nullptr; // from openService() on

    // listen
    std::unique_ptr<DeliveryLog> m_deliveryLog;
    DeliveryListener *m_listener = nullptr;
};
