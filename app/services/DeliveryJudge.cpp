#include "DeliveryJudge.h"

#include "EndpointService.h"

#include <QPointer>

namespace {

// What this endpoint's own secrets settle: a valid, late or previous-secret signature, or none
// to check at all. Anything else may be another endpoint's doing.
bool settledByOwnSecrets(const SignatureVerdict &verdict) {
    using Diagnosis = SignatureVerdict::Diagnosis;
    switch (verdict.diagnosis()) {
    case Diagnosis::Ok:
    case Diagnosis::StaleTimestamp:
    case Diagnosis::PreviousSecret:
    case Diagnosis::NoSignature:
        return true;
    default:
        return false;
    }
}

} // namespace

struct DeliveryJudge::OtherSecretsRun {
    QList<QPair<Connection, QString>> pending; // connection and endpoint id, still to read
    QList<SignatureVerifier::OtherSecret> found;
    OthersDone done;
};

DeliveryJudge::DeliveryJudge(EndpointService *service, QObject *parent)
    : QObject(parent)
    , m_service(service) {}

void DeliveryJudge::judge(const Connection &connection, const QString &endpointId, const SignatureScheme &scheme,
                          const Delivery &delivery, QObject *context, Done done) {
    const QPointer<QObject> caller(context);
    auto finish = [caller, done](const Judgement &judgement) {
        if (caller)
            done(judgement);
    };
    m_service->readSecret(
        connection, endpointId, this,
        [this, connection, endpointId, scheme, delivery, finish](const SecretResult &result, const QString &secret) {
            if (!result.ok() && result.status != SecretStatus::NotFound) {
                Judgement unread;
                unread.keychainProblem = result.errorText;
                return finish(unread);
            }
            const bool found = result.ok();
            m_service->readPreviousSecret(
                connection, endpointId, this,
                [this, connection, endpointId, scheme, delivery, finish, found,
                 current = secret](const SecretResult &read, const QString &previous, const QDateTime &replacedAt) {
                    SignatureVerifier::Secrets secrets{current, std::nullopt, {}};
                    if (read.ok())
                        secrets.previous = SignatureVerifier::PreviousSecret{previous, replacedAt};
                    const SignatureVerifier verifier(scheme);
                    const SignatureVerdict own = verifier.verify(delivery, secrets);
                    if (settledByOwnSecrets(own))
                        return finish({own, QString(), found});
                    readOtherSecrets(connection.id, endpointId,
                                     [verifier, delivery, secrets, finish,
                                      found](const QList<SignatureVerifier::OtherSecret> &others) mutable {
                                         secrets.others = others;
                                         finish({verifier.verify(delivery, secrets), QString(), found});
                                     });
                });
        });
}

void DeliveryJudge::readOtherSecrets(const QString &connectionId, const QString &endpointId, OthersDone done) {
    auto run = std::make_shared<OtherSecretsRun>();
    run->done = std::move(done);
    // Only configured connections: an index entry of one that is gone has no profile to check its id against.
    for (const Connection &connection : std::as_const(m_known)) {
        const QSet<QString> stored = m_service->secretsOnRecord(connection);
        QStringList ids(stored.begin(), stored.end());
        ids.sort(); // the same order every time, so the same delivery names the same endpoint
        for (const QString &other : std::as_const(ids)) {
            if (connection.id == connectionId && other == endpointId)
                continue;
            run->pending.append({connection, other});
        }
    }
    readNextOtherSecret(run);
}

void DeliveryJudge::readNextOtherSecret(const std::shared_ptr<OtherSecretsRun> &run) {
    if (run->pending.isEmpty())
        return run->done(run->found);
    const auto [connection, endpointId] = run->pending.takeFirst();
    m_service->readSecret(connection, endpointId, this,
                          [this, run, connection = connection, endpointId = endpointId](const SecretResult &result,
                                                                                        const QString &secret) {
                              if (result.ok())
                                  run->found.append({secret, endpointId, connection.name});
                              readNextOtherSecret(run);
                          });
}
