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
    QList<QPair<Connection, QString>> candidates;              // connection and endpoint id, newest on record first
    QList<std::optional<SignatureVerifier::OtherSecret>> read; // by candidate, once its answer came
    qsizetype next = 0;                                        // the next candidate to read
    int inFlight = 0;
    int notTried = 0;
    bool finished = false; // done has run (a read may answer at once, inside the loop that asked)
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
                                     [verifier, delivery, secrets, finish, found](
                                         const QList<SignatureVerifier::OtherSecret> &others, int notTried) mutable {
                                         secrets.others = others;
                                         secrets.othersNotTried = notTried;
                                         finish({verifier.verify(delivery, secrets), QString(), found});
                                     });
                });
        });
}

void DeliveryJudge::readOtherSecrets(const QString &connectionId, const QString &endpointId, OthersDone done) {
    auto run = std::make_shared<OtherSecretsRun>();
    run->done = std::move(done);
    // Only configured connections: an index entry of one that is gone has no profile to check its id against.
    QHash<QString, Connection> known;
    for (const Connection &connection : std::as_const(m_known))
        known.insert(connection.id, connection);
    // Newest first: a secret mixed up is most often one just created or rotated, and the order is
    // the same every time, so the same delivery names the same endpoint.
    for (const SecretIndex::Entry &entry : m_service->allSecretsOnRecord()) {
        const auto connection = known.constFind(entry.connectionId);
        if (connection == known.cend() || (entry.connectionId == connectionId && entry.endpointId == endpointId))
            continue;
        if (run->candidates.size() == maxOtherSecrets)
            ++run->notTried;
        else
            run->candidates.append({*connection, entry.endpointId});
    }
    run->read.resize(run->candidates.size());
    readMoreOtherSecrets(run);
}

void DeliveryJudge::readMoreOtherSecrets(const std::shared_ptr<OtherSecretsRun> &run) {
    while (run->inFlight < otherReadsInFlight && run->next < run->candidates.size()) {
        const qsizetype index = run->next++;
        const auto &[connection, endpointId] = run->candidates.at(index);
        ++run->inFlight;
        m_service->readSecret(connection, endpointId, this,
                              [this, run, index, name = connection.name,
                               endpointId = endpointId](const SecretResult &result, const QString &secret) {
                                  --run->inFlight;
                                  if (result.ok())
                                      run->read[index] = SignatureVerifier::OtherSecret{secret, endpointId, name};
                                  readMoreOtherSecrets(run);
                              });
    }
    if (run->finished || run->inFlight > 0 || run->next < run->candidates.size())
        return;
    run->finished = true;
    QList<SignatureVerifier::OtherSecret> found;
    for (const auto &other : std::as_const(run->read)) {
        if (other)
            found.append(*other);
    }
    run->done(found, run->notTried);
}
