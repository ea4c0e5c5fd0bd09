#include "DeliveryInspector.h"

#include "DeliveryJudge.h"
#include "EndpointService.h"
#include "SignatureVerifier.h"

#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <algorithm>

DeliveryInspector::DeliveryInspector(EndpointService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_judge(new DeliveryJudge(service, this)) {}

DeliveryInspector::~DeliveryInspector() = default;

void DeliveryInspector::setConnections(const QList<Connection> &targets, const QList<Connection> &known) {
    m_targetConnections = targets;
    m_judge->setKnownConnections(known);
}

void DeliveryInspector::refresh(std::function<void()> done) {
    m_afterRefresh.append(std::move(done));
    if (m_refreshing)
        return;
    m_refreshing = true;
    auto pending = std::make_shared<QList<Connection>>(m_targetConnections);
    auto found = std::make_shared<QList<Target>>();
    listNext(pending, found, [this, found] {
        m_targets = *found;
        m_listedAt = QDateTime::currentDateTimeUtc();
        m_refreshing = false;
        const QList<std::function<void()>> waiting = std::exchange(m_afterRefresh, {});
        for (const auto &callback : waiting)
            callback();
    });
}

void DeliveryInspector::listNext(const std::shared_ptr<QList<Connection>> &pending,
                                 const std::shared_ptr<QList<Target>> &found, std::function<void()> done) {
    if (pending->isEmpty())
        return done();
    const Connection connection = pending->takeFirst();
    if (!m_service->profileFor(connection))
        return listNext(pending, found, std::move(done));
    m_service->list(connection, this,
                    [this, connection, pending, found, done](const ApiError &error, const QList<Endpoint> &endpoints) {
                        if (error.isError())
                            emit listingFailed(connection.name, error.toString());
                        for (const Endpoint &endpoint : endpoints) {
                            const QString path = QUrl(endpoint.url).path();
                            found->append({connection, endpoint.id, path.isEmpty() ? QStringLiteral("/") : path});
                        }
                        listNext(pending, found, done);
                    });
}

std::optional<DeliveryInspector::Target> DeliveryInspector::targetFor(const QString &path) const {
    for (const Target &target : m_targets) {
        if (target.path == path)
            return target;
    }
    return std::nullopt;
}

void DeliveryInspector::inspect(const DeliveryReceiver::Request &request, QObject *context, Done done) {
    const QPointer<QObject> caller(context);
    Done finish = [caller, done](const DeliveryLog::Entry &entry) {
        if (caller)
            done(entry);
    };
    if (targetFor(request.path()))
        return inspectListed(request, finish);
    const qint64 sinceListed = m_listedAt.isValid() ? m_listedAt.msecsTo(QDateTime::currentDateTimeUtc()) : 1000;
    QTimer::singleShot(std::max<qint64>(0, 1000 - sinceListed), this, [this, request, finish] {
        refresh([this, request, finish] { inspectListed(request, finish); });
    });
}

void DeliveryInspector::inspectListed(const DeliveryReceiver::Request &request, Done done) {
    DeliveryLog::Entry entry;
    entry.receivedAt = request.receivedAt;
    entry.method = request.method;
    entry.path = request.target;
    entry.headers = request.headers;
    entry.body = request.body;
    if (const std::optional<Target> target = targetFor(request.path()))
        return judge(request, *target, entry, std::move(done));
    entry.verdict = QStringLiteral("no-endpoint");
    entry.verdictMessage = tr("No listed endpoint's URL has the path %1.").arg(request.path());
    matchBySecret(request, entry, std::move(done));
}

struct DeliveryInspector::SecretMatch {
    DeliveryReceiver::Request request;
    DeliveryLog::Entry entry; // the unmatched verdict, kept when no secret verifies
    Done done;
    QList<Target> candidates;
    qsizetype next = 0; // the next candidate to read
    int inFlight = 0;
    bool settled = false; // matched: answers still coming are ignored
};

void DeliveryInspector::matchBySecret(const DeliveryReceiver::Request &request, DeliveryLog::Entry entry, Done done) {
    // Only endpoints the secret index says have a secret: the rest would be keychain reads for nothing.
    auto match = std::make_shared<SecretMatch>();
    QHash<QString, QSet<QString>> onRecord; // by connection id
    for (const Target &target : std::as_const(m_targets)) {
        const std::optional<ProviderProfile> profile = m_service->profileFor(target.connection);
        if (!profile || !profile->signatureScheme().isStated())
            continue;
        auto stored = onRecord.find(target.connection.id);
        if (stored == onRecord.end())
            stored = onRecord.insert(target.connection.id, m_service->secretsOnRecord(target.connection));
        if (stored->contains(target.endpointId))
            match->candidates.append(target);
    }
    if (match->candidates.size() > maxSecretReads) {
        entry.verdictMessage =
            tr("Not matched: %1 endpoints have a secret, too many to try each for a delivery (at most %2). Give "
               "the endpoint that should receive it a URL with the path %3.")
                .arg(match->candidates.size())
                .arg(maxSecretReads)
                .arg(request.path());
        return done(entry);
    }
    match->request = request;
    match->entry = std::move(entry);
    match->done = std::move(done);
    readMoreSecrets(match);
}

void DeliveryInspector::readMoreSecrets(const std::shared_ptr<SecretMatch> &match) {
    while (!match->settled && match->inFlight < secretReadsInFlight && match->next < match->candidates.size()) {
        const Target target = match->candidates.at(match->next++);
        ++match->inFlight;
        m_service->readSecret(target.connection, target.endpointId, this,
                              [this, match, target](const SecretResult &result, const QString &secret) {
                                  secretRead(match, target, result, secret);
                              });
    }
    if (!match->settled && match->inFlight == 0)
        match->done(match->entry); // every candidate read, none verified
}

// Answers come in the order the reads were asked for, so the first candidate that verifies wins.
void DeliveryInspector::secretRead(const std::shared_ptr<SecretMatch> &match, const Target &target,
                                   const SecretResult &result, const QString &secret) {
    --match->inFlight;
    if (match->settled)
        return;
    const SignatureScheme scheme = m_service->profileFor(target.connection)->signatureScheme();
    const Delivery delivery(match->request.headers, match->request.body, match->request.receivedAt);
    using Diagnosis = SignatureVerdict::Diagnosis;
    const Diagnosis diagnosis = result.ok()
                                    ? SignatureVerifier(scheme).verify(delivery, {secret, std::nullopt, {}}).diagnosis()
                                    : Diagnosis::Mismatch;
    // A late signature is still this endpoint's: the verdict says it is late.
    if (diagnosis != Diagnosis::Ok && diagnosis != Diagnosis::StaleTimestamp)
        return readMoreSecrets(match);
    match->settled = true;
    const QString unmatchedPath = match->request.path();
    judge(match->request, target, match->entry, [this, done = match->done, unmatchedPath](DeliveryLog::Entry judged) {
        judged.verdictMessage +=
            QLatin1Char(' ') + tr("Matched by its signature: no endpoint's URL has the path %1.").arg(unmatchedPath);
        done(judged);
    });
}

void DeliveryInspector::judge(const DeliveryReceiver::Request &request, const Target &target, DeliveryLog::Entry entry,
                              Done done) {
    entry.connectionId = target.connection.id;
    entry.endpointId = target.endpointId;
    const ProviderProfile profile = *m_service->profileFor(target.connection);
    const SignatureScheme scheme = profile.signatureScheme();
    if (!scheme.isStated()) {
        entry.verdict = QStringLiteral("no-scheme");
        entry.verdictMessage =
            tr("The %1 profile states no signature scheme, so nothing was checked.").arg(profile.name());
        return done(entry);
    }
    const Delivery delivery(request.headers, request.body, request.receivedAt);
    m_judge->judge(target.connection, target.endpointId, scheme, delivery, this,
                   [entry, done](const DeliveryJudge::Judgement &judgement) mutable {
                       if (!judgement.verdict) {
                           entry.verdict = QStringLiteral("keychain-error");
                           entry.verdictMessage =
                               tr("The keychain could not be read: %1").arg(judgement.keychainProblem);
                       } else {
                           entry.verdict = judgement.verdict->keyword();
                           entry.verdictMessage = judgement.verdict->message();
                       }
                       done(entry);
                   });
}
