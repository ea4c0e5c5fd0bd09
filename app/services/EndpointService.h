#pragma once

#include "ApiClient.h"
#include "AppliedEndpoints.h"
#include "Connection.h"
#include "PendingCreateJournal.h"
#include "ProviderRegistry.h"
#include "SecretIndex.h"
#include "SecretStore.h"
#include "ValidationIssue.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

// The operations an operator performs, each one the whole story, shared by the console and
// webhookctl. For example create = validate → journal → POST → keychain → journal done, so a
// signing secret is either in the keychain or handed back to be shown, never silently lost.
class EndpointService final : public QObject {
    Q_OBJECT

public:
    // How a create or rotate went. When the provider succeeded but the keychain did not,
    // unstoredSecret holds the secret: the caller must show it to the operator once, with a warning.
    struct SecretOutcome {
        ValidationIssues issues;             // rejected before anything was sent
        ApiError error;                      // the provider or network failed
        bool mayHaveReachedProvider = false; // error is ambiguous; the journal keeps the create for recovery
        Endpoint endpoint;
        SecretResult keychain;
        QString unstoredSecret;
        // A rotate stored the new secret but could not keep the one it replaced as the previous
        // generation: why, for a warning. Empty when it was kept, or there was none to keep.
        QString previousNotKept;

        bool succeeded() const { return issues.isEmpty() && !error.isError(); }
        bool secretStored() const { return succeeded() && keychain.ok(); }
    };
    struct UpdateOutcome {
        ValidationIssues issues;
        ApiError error;
        bool nothingChanged = false; // the edit matched the endpoint; nothing was sent
        Endpoint endpoint;
    };
    // What happened to one unfinished create found in the journal.
    struct Recovery {
        enum class Result {
            SecretStored,      // replayed with its original Idempotency-Key; the secret is in the keychain now
            SecretUnstored,    // replayed, but the keychain failed: show unstoredSecret
            SecretLost,        // the endpoint exists but its one-time secret cannot be had again
            NotCreated,        // the provider never created it; nothing to do
            StillPending,      // the provider could not be reached; kept for the next attempt
            Dropped,           // its connection no longer exists, or the provider refused the replay
            InFlightElsewhere, // another live program is still waiting for the provider; left alone
            Settling,          // no replay possible, and the provider may still commit it: wait until settleAt
        };
        Result result = Result::NotCreated;
        QString connectionId;
        Endpoint endpoint; // what is known of it: at least the URL, once its connection is known
        ApiError error;
        QString unstoredSecret;
        qint64 ownerPid = 0;         // InFlightElsewhere: the program at work on it
        bool canRotate = false;      // SecretLost: whether the provider can make a new secret in place
        QDateTime settleAt;          // Settling: from then on, the provider's list tells what happened
        QString description() const; // one sentence for the operator
    };

    EndpointService(QNetworkAccessManager *network, SecretStore *secrets, PendingCreateJournal *journal,
                    const ProviderRegistry &registry, QObject *parent = nullptr);

    const ProviderRegistry &registry() const { return m_registry; }
    std::optional<ProviderProfile> profileFor(const Connection &connection) const;
    void setPolicy(const ApiClient::Policy &policy) { m_policy = policy; }
    // Where the service records which endpoints have a secret in the keychain (optional).
    void setSecretIndex(SecretIndex *index) { m_secretIndex = index; }
    bool hasSecretIndex() const { return m_secretIndex != nullptr; }
    // Where the service records which endpoint an apply's create made, and forgets endpoints that
    // were deleted (optional; see AppliedEndpoints).
    void setAppliedEndpoints(AppliedEndpoints *applied) { m_applied = applied; }
    // The connection's endpoints whose secret is on record as stored: no keychain call.
    QSet<QString> secretsOnRecord(const Connection &connection) const;
    // Every connection's, newest on record first.
    QList<SecretIndex::Entry> allSecretsOnRecord() const;

    // Connections. The key goes only to the keychain; testConnection lists with a key not yet saved.
    void saveApiKey(const Connection &connection, const QString &apiKey, QObject *context,
                    SecretStore::WriteCallback done);
    void testConnection(const Connection &connection, const QString &apiKey, QObject *context, ApiClient::Done done);
    void forgetConnection(const Connection &connection, QObject *context, SecretStore::RemoveCallback done);
    // Uses apiKey for this connection from now on instead of the keychain's (webhookctl with
    // WEBHOOK_API_KEY set: scripts and CI, or a machine whose keychain is unavailable).
    void useApiKey(const Connection &connection, const QString &apiKey);
    // The connection's settings (base URL, auth header) changed: the next request builds a new client.
    void connectionEdited(const Connection &connection);
    // Reads the connection's API key and opens the connection to its provider now, so the first
    // request on it need not wait for either (the console, while it builds its window). A request
    // made meanwhile waits for the same read.
    void prepare(const Connection &connection);

    void list(const Connection &connection, QObject *context, ApiClient::ListDone done);
    // Each page as it arrives (see ApiClient::listPages).
    void listPages(const Connection &connection, QObject *context, ApiClient::PageDone onPage, ApiClient::Done done);
    void get(const Connection &connection, const QString &endpointId, QObject *context, ApiClient::EndpointDone done);
    // appliedAs: the create is an apply's, for the document endpoint it names. The journal keeps it,
    // and the endpoint's mapping is recorded as soon as the provider names the endpoint, or when
    // recovery settles the create: a crash in between never leaves an endpoint the document no
    // longer recognises (which the next apply would create again).
    void create(const Connection &connection, const EndpointDraft &draft, QObject *context,
                std::function<void(const SecretOutcome &)> done,
                const AppliedEndpoints::Reference &appliedAs = AppliedEndpoints::Reference());
    void update(const Connection &connection, const Endpoint &current, const EndpointDraft &edited, QObject *context,
                std::function<void(const UpdateOutcome &)> done);
    void setActive(const Connection &connection, const QString &endpointId, bool active, QObject *context,
                   ApiClient::EndpointDone done);
    // Once the new secret is in the keychain, the one it replaced is kept as the endpoint's
    // previous generation (SecretStore::previousSecretKey), with the time, until forgotten or the
    // endpoint is deleted: deliveries still signed with it can then be recognised.
    void rotateSecret(const Connection &connection, const QString &endpointId, QObject *context,
                      std::function<void(const SecretOutcome &)> done);
    void sendTest(const Connection &connection, const QString &endpointId, QObject *context, ApiClient::Done done);
    // Deletes at the provider, then the endpoint's keychain entry and what the last apply remembered of it.
    void remove(const Connection &connection, const QString &endpointId, QObject *context, ApiClient::Done done);

    // Secrets held for endpoints: import one made elsewhere, read one to copy or print.
    void importSecret(const Connection &connection, const QString &endpointId, const QString &secret, QObject *context,
                      SecretStore::WriteCallback done);
    void readSecret(const Connection &connection, const QString &endpointId, QObject *context,
                    SecretStore::ReadCallback done);
    // The previous generation a rotate kept, and when it was replaced (invalid when the time is
    // not on record). NotFound when none is kept.
    using PreviousCallback =
        std::function<void(const SecretResult &result, const QString &secret, const QDateTime &replacedAt)>;
    void readPreviousSecret(const Connection &connection, const QString &endpointId, QObject *context,
                            PreviousCallback done);
    void forgetPreviousSecret(const Connection &connection, const QString &endpointId, QObject *context,
                              SecretStore::RemoveCallback done);
    // When the previous generation on record was replaced, from the secret index (no keychain
    // call); nullopt when none is on record. An invalid time: kept, but when is not known.
    std::optional<QDateTime> previousSecretReplacedAt(const Connection &connection, const QString &endpointId) const;

    // Finishes the creates a crash or a lost response left in the journal (see Recovery). Each
    // report goes to reported (if given) as soon as it is known, then all of them to done.
    int unfinishedCreateCount(const QList<Connection> &connections) const;
    void recoverPendingCreates(const QList<Connection> &connections, QObject *context,
                               std::function<void(const Recovery &)> reported,
                               std::function<void(const QList<Recovery> &)> done);

signals:
    // The keychain just said whether an endpoint's secret is there: it was stored, imported,
    // rotated, removed, or read. Emitted whether or not a secret index is set.
    void secretNoted(const QString &connectionId, const QString &endpointId, bool stored);

private:
    using ClientReady = std::function<void(ApiClient *client, const ApiError &error)>;
    // A keychain read of a connection's API key, and who waits for it.
    struct KeyRead {
        struct Waiter {
            QPointer<QObject> context;
            ClientReady ready;
        };
        QList<Waiter> waiting;
    };
    void withClient(const Connection &connection, QObject *context, ClientReady ready);
    ApiClient *makeClient(const Connection &connection, const QString &apiKey);
    void preconnect(const Connection &connection);
    void retireClient(const QString &connectionId);
    bool isSafeEndpointId(const Connection &connection, const QString &endpointId) const;
    void storeSecret(const Connection &connection, const ProviderDialect::SecretResult &result, QObject *context,
                     std::function<void(const SecretResult &)> done);
    // The rotate itself, once the secret it replaces has been read (replaced is empty when there
    // was none; readProblem says why it could not be read).
    void sendRotate(const Connection &connection, const QString &endpointId, QObject *context,
                    std::function<void(const SecretOutcome &)> done, const QString &replaced,
                    const QString &readProblem);
    void keepPrevious(const Connection &connection, const QString &endpointId, const QString &replaced,
                      std::function<void(const QString &problem)> done);
    void confirmGone(const Connection &connection, const QString &endpointId, const ApiError &deleteError,
                     QObject *context, ApiClient::Done done);
    void forgetSecret(const Connection &connection, const QString &endpointId, QObject *context, ApiClient::Done done);
    SecretResult unsafeIdResult(const Connection &connection, const QString &endpointId) const;
    void noteSecret(const QString &connectionId, const QString &endpointId, const SecretResult &result);
    void recordSecret(const QString &connectionId, const QString &endpointId, bool stored);
    // The endpoint a journalled create of an apply made: which document endpoint it answers to.
    void rememberApplied(const PendingCreateJournal::Entry &entry, const QString &endpointId);

    struct RecoveryRun;
    enum class Settlement { Settle, Keep, Untouched };
    void recoverNext(const std::shared_ptr<RecoveryRun> &run);
    void recoverClaimed(const std::shared_ptr<RecoveryRun> &run, const PendingCreateJournal::Entry &entry,
                        const Connection &connection, Recovery report);
    void replay(const std::shared_ptr<RecoveryRun> &run, const PendingCreateJournal::Entry &entry,
                const Connection &connection, Recovery report);
    void findUnsecuredEndpoint(const std::shared_ptr<RecoveryRun> &run, const PendingCreateJournal::Entry &entry,
                               const Connection &connection, Recovery report, QList<Endpoint> candidates);
    void conclude(const std::shared_ptr<RecoveryRun> &run, const Recovery &report, const QString &entryId,
                  Settlement settlement);

    QPointer<QNetworkAccessManager> m_network;
    QPointer<SecretStore> m_secrets;
    PendingCreateJournal *m_journal;
    SecretIndex *m_secretIndex = nullptr;
    AppliedEndpoints *m_applied = nullptr;
    ProviderRegistry m_registry;
    ApiClient::Policy m_policy;
    QHash<QString, QPointer<ApiClient>> m_clients;       // by connection id; each holds its API key in memory
    QHash<QString, std::shared_ptr<KeyRead>> m_keyReads; // by connection id: API keys being read
};
