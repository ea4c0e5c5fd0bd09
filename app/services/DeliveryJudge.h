#pragma once

#include "Connection.h"
#include "Delivery.h"
#include "SecretStore.h"
#include "SignatureScheme.h"
#include "SignatureVerdict.h"
#include "SignatureVerifier.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class EndpointService;

// Judges one delivery's signature for the endpoint it belongs to: reads the candidate secrets
// from the keychain (the endpoint's, its previous generation, and, only when those do not
// settle it, the other endpoints' the secret index lists: the newest maxOtherSecrets on record,
// a few reads at a time), without blocking, then lets SignatureVerifier say what they prove.
// The bound keeps a judgement under a second: gnome-keyring compares every item it holds on each
// read, so reading all of 3,000 stored secrets took 10 s, for every delivery that did not verify.
// Shared by webhookctl verify and listen and the console's Deliveries view. The secrets live only
// as long as one judgement.
class DeliveryJudge final : public QObject {
    Q_OBJECT

public:
    struct Judgement {
        std::optional<SignatureVerdict> verdict; // nullopt: the keychain could not be read
        QString keychainProblem;                 // why not, when verdict is nullopt
        bool currentSecretFound = false;         // the endpoint's own secret is in the keychain
    };
    using Done = std::function<void(const Judgement &judgement)>;

    static constexpr int maxOtherSecrets = 64;
    static constexpr int otherReadsInFlight = 4;

    explicit DeliveryJudge(EndpointService *service, QObject *parent = nullptr);

    // The connections whose endpoints' secrets are tried as "another endpoint's" (every
    // configured one: a delivery signed for the wrong environment names it).
    void setKnownConnections(const QList<Connection> &connections) { m_known = connections; }
    QList<Connection> knownConnections() const { return m_known; }

    // done runs once, later, unless context is gone by then.
    void judge(const Connection &connection, const QString &endpointId, const SignatureScheme &scheme,
               const Delivery &delivery, QObject *context, Done done);

    // The other endpoints' secrets in the keychain (all but the given endpoint's), the newest
    // maxOtherSecrets on record, in that order; notTried: how many more are on record.
    using OthersDone = std::function<void(const QList<SignatureVerifier::OtherSecret> &others, int notTried)>;
    void readOtherSecrets(const QString &connectionId, const QString &endpointId, OthersDone done);

private:
    struct OtherSecretsRun;
    void readMoreOtherSecrets(const std::shared_ptr<OtherSecretsRun> &run);

    EndpointService *m_service;
    QList<Connection> m_known;
};
