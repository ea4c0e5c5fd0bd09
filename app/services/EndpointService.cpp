#include "EndpointService.h"

#include "DraftValidator.h"
#include "PendingCreateJournal.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcService, "webhookconsole.service", QtWarningMsg)

namespace {

ApiError invalid(const QString &message, const QString &field = QString()) {
    ApiError error;
    error.kind = ApiError::Kind::Invalid;
    error.message = message;
    error.field = field;
    return error;
}

// A provider's clear "no" means nothing was created; anything else (no answer, 5xx, an answer we
// could not read) leaves the create's fate unknown.
bool createMayHaveHappened(const ApiError &error) {
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Malformed:
        return true;
    case ApiError::Kind::Http:
        return error.httpStatus >= 500;
    default:
        return false;
    }
}

// Replaying a create is only safe while the provider still remembers its Idempotency-Key; an hour
// short of the window, so a replay never races the provider forgetting it.
qint64 safeReplaySeconds(const ProviderProfile &profile) {
    return qMax(0, profile.idempotencyWindowHours() - 1) * qint64(3600);
}

} // namespace

QString EndpointService::Recovery::description() const {
    const QString what = endpoint.url.isEmpty() ? endpoint.id : endpoint.url;
    switch (result) {
    case Result::SecretStored:
        return tr("Recovered %1: the endpoint exists and its signing secret is now in your keychain.").arg(what);
    case Result::SecretUnstored:
        return tr("Recovered %1, but the keychain could not store its signing secret: save it now.").arg(what);
    case Result::SecretLost:
        return tr("%1 was created, but its signing secret was lost with the response. Rotate the secret, or delete "
                  "and recreate the endpoint.")
            .arg(what);
    case Result::NotCreated:
        return tr("An interrupted create never reached the provider; nothing was created.");
    case Result::StillPending:
        return tr("An interrupted create could not be checked yet (%1); it will be retried.").arg(error.toString());
    case Result::Dropped:
        return tr("An interrupted create was abandoned: %1").arg(error.toString());
    }
    return {};
}

EndpointService::EndpointService(QNetworkAccessManager *network, SecretStore *secrets, PendingCreateJournal *journal,
                                 const ProviderRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
    , m_journal(journal)
    , m_registry(registry) {}

std::optional<ProviderProfile> EndpointService::profileFor(const Connection &connection) const {
    return m_registry.profile(connection.providerId);
}

ApiClient *EndpointService::makeClient(const Connection &connection, const QString &apiKey) {
    auto *client = new ApiClient(m_network, connection, *profileFor(connection), apiKey, this);
    client->setPolicy(m_policy);
    return client;
}

void EndpointService::withClient(const Connection &connection, QObject *context, ClientReady ready) {
    if (!profileFor(connection)) {
        const ApiError error = invalid(tr("Connection \"%1\" uses provider \"%2\", which has no profile.")
                                           .arg(connection.name, connection.providerId),
                                       QStringLiteral("provider"));
        QTimer::singleShot(0, context, [ready, error] { ready(nullptr, error); });
        return;
    }
    if (ApiClient *client = m_clients.value(connection.id)) {
        QTimer::singleShot(0, context, [ready, client = QPointer<ApiClient>(client)] {
            if (client)
                ready(client, {});
        });
        return;
    }
    m_secrets->read(SecretStore::apiKeyKey(connection.id), context,
                    [this, connection, ready](const SecretResult &result, const QString &apiKey) {
                        if (!result.ok()) {
                            ApiError error;
                            error.kind = ApiError::Kind::Keychain;
                            error.message =
                                result.status == SecretStatus::NotFound
                                    ? tr("No API key is stored for connection \"%1\".").arg(connection.name)
                                    : tr("The API key of connection \"%1\" could not be read from the keychain: %2")
                                          .arg(connection.name, result.errorText);
                            return ready(nullptr, error);
                        }
                        ApiClient *client = m_clients.value(connection.id);
                        if (!client) {
                            client = makeClient(connection, apiKey);
                            m_clients.insert(connection.id, client);
                        }
                        ready(client, {});
                    });
}

void EndpointService::saveApiKey(const Connection &connection, const QString &apiKey, QObject *context,
                                 SecretStore::WriteCallback done) {
    retireClient(connection.id);
    m_secrets->write(SecretStore::apiKeyKey(connection.id), apiKey, context, std::move(done));
}

void EndpointService::testConnection(const Connection &connection, const QString &apiKey, QObject *context,
                                     ApiClient::Done done) {
    if (!profileFor(connection)) {
        const ApiError error =
            invalid(tr("Unknown provider \"%1\".").arg(connection.providerId), QStringLiteral("provider"));
        QTimer::singleShot(0, context, [done, error] { done(error); });
        return;
    }
    ApiClient *probe = makeClient(connection, apiKey);
    // The probe answers to itself, so it is deleted even if the caller is gone by then.
    probe->list(probe,
                [probe, caller = QPointer<QObject>(context), done](const ApiError &error, const QList<Endpoint> &) {
                    probe->deleteLater();
                    if (caller)
                        done(error);
                });
}

void EndpointService::forgetConnection(const Connection &connection, QObject *context,
                                       SecretStore::RemoveCallback done) {
    retireClient(connection.id);
    // Its interrupted creates cannot be settled any more: the connection (and its key) is gone.
    for (const PendingCreateJournal::Entry &entry : m_journal->unfinished(connection.id))
        m_journal->markDone(entry.id);
    m_secrets->remove(SecretStore::apiKeyKey(connection.id), context, std::move(done));
}

void EndpointService::useApiKey(const Connection &connection, const QString &apiKey) {
    retireClient(connection.id);
    m_clients.insert(connection.id, makeClient(connection, apiKey));
}

void EndpointService::connectionEdited(const Connection &connection) {
    retireClient(connection.id);
}

// A client being replaced may still have requests in flight, a create or rotate among them whose
// answer carries a secret: it is deleted only once it has answered them all.
void EndpointService::retireClient(const QString &connectionId) {
    ApiClient *client = m_clients.take(connectionId);
    if (!client)
        return;
    if (client->requestsInFlight() == 0) {
        client->deleteLater();
        return;
    }
    connect(client, &ApiClient::busyChanged, client, [client](int requestsInFlight) {
        if (requestsInFlight == 0)
            client->deleteLater();
    });
}

void EndpointService::list(const Connection &connection, QObject *context, ApiClient::ListDone done) {
    withClient(connection, context, [context, done](ApiClient *client, const ApiError &error) {
        if (!client)
            return done(error, {});
        client->list(context, done);
    });
}

void EndpointService::get(const Connection &connection, const QString &endpointId, QObject *context,
                          ApiClient::EndpointDone done) {
    withClient(connection, context, [endpointId, context, done](ApiClient *client, const ApiError &error) {
        if (!client)
            return done(error, {});
        client->get(endpointId, context, done);
    });
}

void EndpointService::create(const Connection &connection, const EndpointDraft &draft, QObject *context,
                             std::function<void(const SecretOutcome &)> done) {
    const std::optional<ProviderProfile> profile = profileFor(connection);
    SecretOutcome outcome;
    if (profile)
        outcome.issues = DraftValidator(*profile, connection.environment).validate(draft);
    if (!profile || !outcome.issues.isEmpty()) {
        if (!profile)
            outcome.error = invalid(tr("Unknown provider \"%1\".").arg(connection.providerId));
        QTimer::singleShot(0, context, [done, outcome] { done(outcome); });
        return;
    }

    withClient(connection, context, [this, connection, draft, context, done](ApiClient *client, const ApiError &error) {
        SecretOutcome outcome;
        if (!client) {
            outcome.error = error;
            return done(outcome);
        }
        const ProviderProfile &profile = client->dialect().profile();
        const QJsonObject body = client->dialect().createBody(draft);
        const QString idempotencyKey = profile.sendsIdempotencyKey(QStringLiteral("create"))
                                           ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                           : QString();
        // Without an Idempotency-Key a create can never be replayed, so the journal keeps only what
        // recovery needs to find the endpoint again (URL and events), not headers the operator typed.
        QJsonObject journalBody = body;
        if (idempotencyKey.isEmpty()) {
            journalBody = {};
            for (const QString &field : {QStringLiteral("url"), QStringLiteral("events")})
                journalBody.insert(profile.wireField(field), body.value(profile.wireField(field)));
        }
        const PendingCreateJournal::Entry entry =
            PendingCreateJournal::newEntry(connection.id, connection.providerId, idempotencyKey, journalBody);
        QString journalError;
        if (!m_journal->add(entry, &journalError)) {
            outcome.error = invalid(
                tr("Nothing was sent: the pending-create journal could not be written (%1).").arg(journalError));
            return done(outcome);
        }
        m_journal->markSent(entry.id);
        // From here on the story answers to the service, not to the caller: a caller that goes
        // away mid-request must not make the provider's one-time secret miss the keychain.
        const QPointer<QObject> caller(context);
        const auto finish = [caller, done](const SecretOutcome &outcome) {
            if (caller)
                done(outcome);
        };
        client->create(
            body, idempotencyKey, this,
            [this, connection, entry, finish](const ApiError &error, const ProviderDialect::SecretResult &created) {
                SecretOutcome outcome;
                if (error.isError()) {
                    outcome.error = error;
                    outcome.mayHaveReachedProvider = createMayHaveHappened(error);
                    if (!outcome.mayHaveReachedProvider)
                        m_journal->markDone(entry.id);
                    return finish(outcome);
                }
                m_journal->markEndpointKnown(entry.id, created.endpoint.id);
                outcome.endpoint = created.endpoint;
                storeSecret(connection, created, this,
                            [this, entry, outcome, created, finish](const SecretResult &stored) mutable {
                                outcome.keychain = stored;
                                if (!stored.ok())
                                    outcome.unstoredSecret = created.secret;
                                // Done once the secret is in the keychain. If it is not, a
                                // create that can be replayed stays in the journal, so a
                                // later start can still store it; the caller shows it now.
                                if (stored.ok() || entry.idempotencyKey.isEmpty())
                                    m_journal->markDone(entry.id);
                                finish(outcome);
                            });
            });
    });
}

bool EndpointService::isSafeEndpointId(const Connection &connection, const QString &endpointId) const {
    const std::optional<ProviderProfile> profile = profileFor(connection);
    return profile && !endpointId.isEmpty() && !endpointId.contains(QLatin1Char('/')) &&
           endpointId != QLatin1String("api-key") && profile->idPattern().match(endpointId).hasMatch();
}

void EndpointService::storeSecret(const Connection &connection, const ProviderDialect::SecretResult &result,
                                  QObject *context, std::function<void(const SecretResult &)> done) {
    if (!m_secrets) {
        SecretResult unavailable;
        unavailable.status = SecretStatus::Unavailable;
        unavailable.errorText = tr("No keychain is available.");
        return done(unavailable);
    }
    // The id becomes part of a keychain key: one the provider's id pattern does not allow could
    // overwrite another entry (".../api-key"), so it is refused and the secret handed back instead.
    if (!isSafeEndpointId(connection, result.endpoint.id)) {
        SecretResult refused;
        refused.status = SecretStatus::Failed;
        refused.errorText = tr("The provider returned an endpoint id (\"%1\") that is not a valid %2 id, so the "
                               "secret was not stored under it.")
                                .arg(result.endpoint.id.left(80), connection.providerId);
        return done(refused);
    }
    m_secrets->write(SecretStore::endpointSecretKey(connection.id, result.endpoint.id), result.secret, context,
                     std::move(done));
}

void EndpointService::update(const Connection &connection, const Endpoint &current, const EndpointDraft &edited,
                             QObject *context, std::function<void(const UpdateOutcome &)> done) {
    const std::optional<ProviderProfile> profile = profileFor(connection);
    const EndpointPatch patch = EndpointPatch::between(current, edited);
    UpdateOutcome outcome;
    if (!profile)
        outcome.error = invalid(tr("Unknown provider \"%1\".").arg(connection.providerId));
    else if (patch.isEmpty())
        outcome.nothingChanged = true;
    else
        outcome.issues = DraftValidator(*profile, connection.environment).validate(patch);
    if (outcome.error.isError() || outcome.nothingChanged || !outcome.issues.isEmpty()) {
        outcome.endpoint = current;
        QTimer::singleShot(0, context, [done, outcome] { done(outcome); });
        return;
    }
    withClient(connection, context, [patch, id = current.id, context, done](ApiClient *client, const ApiError &error) {
        if (!client) {
            UpdateOutcome failed;
            failed.error = error;
            return done(failed);
        }
        client->update(id, patch, context, [done](const ApiError &error, const Endpoint &endpoint) {
            UpdateOutcome outcome;
            outcome.error = error;
            outcome.endpoint = endpoint;
            done(outcome);
        });
    });
}

void EndpointService::setActive(const Connection &connection, const QString &endpointId, bool active, QObject *context,
                                ApiClient::EndpointDone done) {
    withClient(connection, context, [endpointId, active, context, done](ApiClient *client, const ApiError &error) {
        if (!client)
            return done(error, {});
        client->setActive(endpointId, active, context, done);
    });
}

void EndpointService::rotateSecret(const Connection &connection, const QString &endpointId, QObject *context,
                                   std::function<void(const SecretOutcome &)> done) {
    withClient(connection, context,
               [this, connection, endpointId, context, done](ApiClient *client, const ApiError &error) {
                   if (!client) {
                       SecretOutcome failed;
                       failed.error = error;
                       return done(failed);
                   }
                   // As for create: the new secret reaches the keychain even if the caller is gone.
                   const QPointer<QObject> caller(context);
                   const auto finish = [caller, done](const SecretOutcome &outcome) {
                       if (caller)
                           done(outcome);
                   };
                   client->rotateSecret(endpointId, this,
                                        [this, connection, endpointId, finish](const ApiError &error,
                                                                               ProviderDialect::SecretResult rotated) {
                                            SecretOutcome outcome;
                                            if (error.isError()) {
                                                outcome.error = error;
                                                return finish(outcome);
                                            }
                                            // Some providers answer a rotate with the secret alone.
                                            if (rotated.endpoint.id.isEmpty())
                                                rotated.endpoint.id = endpointId;
                                            outcome.endpoint = rotated.endpoint;
                                            storeSecret(connection, rotated, this,
                                                        [outcome, rotated, finish](const SecretResult &stored) mutable {
                                                            outcome.keychain = stored;
                                                            if (!stored.ok())
                                                                outcome.unstoredSecret = rotated.secret;
                                                            finish(outcome);
                                                        });
                                        });
               });
}

void EndpointService::sendTest(const Connection &connection, const QString &endpointId, QObject *context,
                               ApiClient::Done done) {
    withClient(connection, context, [endpointId, context, done](ApiClient *client, const ApiError &error) {
        if (!client)
            return done(error);
        client->sendTest(endpointId, context, done);
    });
}

void EndpointService::remove(const Connection &connection, const QString &endpointId, QObject *context,
                             ApiClient::Done done) {
    withClient(
        connection, context, [this, connection, endpointId, context, done](ApiClient *client, const ApiError &error) {
            if (!client)
                return done(error);
            client->remove(endpointId, context, [this, connection, endpointId, context, done](const ApiError &error) {
                // Already gone at the provider counts as deleted: the secret is useless either way.
                const bool gone = !error.isError() || error.httpStatus == 404;
                if (!gone)
                    return done(error);
                if (!isSafeEndpointId(connection, endpointId))
                    return done({}); // never a key that could name another entry, such as the API key
                m_secrets->remove(SecretStore::endpointSecretKey(connection.id, endpointId), context,
                                  [done](const SecretResult &) { done({}); });
            });
        });
}

void EndpointService::importSecret(const Connection &connection, const QString &endpointId, const QString &secret,
                                   QObject *context, SecretStore::WriteCallback done) {
    m_secrets->write(SecretStore::endpointSecretKey(connection.id, endpointId), secret, context, std::move(done));
}

void EndpointService::readSecret(const Connection &connection, const QString &endpointId, QObject *context,
                                 SecretStore::ReadCallback done) {
    m_secrets->read(SecretStore::endpointSecretKey(connection.id, endpointId), context, std::move(done));
}

int EndpointService::unfinishedCreateCount(const QList<Connection> &connections) const {
    int count = 0;
    for (const Connection &connection : connections)
        count += m_journal->unfinished(connection.id).size();
    return count;
}

void EndpointService::recoverPendingCreates(const QList<Connection> &connections, QObject *context,
                                            std::function<void(const QList<Recovery> &)> done) {
    // Only these connections' entries: another program (or another connection) may settle the rest.
    m_journal->reload();
    QList<QString> ids;
    for (const Connection &connection : connections) {
        for (const PendingCreateJournal::Entry &entry : m_journal->unfinished(connection.id))
            ids << entry.id;
    }
    recoverNext(connections, ids, {}, context, std::move(done));
}

// One entry at a time, so the keychain and the provider see one recovery at a time.
void EndpointService::recoverNext(QList<Connection> connections, QList<QString> entryIds, QList<Recovery> reports,
                                  QObject *context, std::function<void(const QList<Recovery> &)> done) {
    if (entryIds.isEmpty())
        return done(reports);
    const std::optional<PendingCreateJournal::Entry> entry = m_journal->entry(entryIds.takeFirst());
    if (!entry)
        return recoverNext(connections, entryIds, reports, context, done);

    const auto next = [this, connections, entryIds, context, done](QList<Recovery> reports) {
        recoverNext(connections, entryIds, reports, context, done);
    };
    Recovery report;
    report.connectionId = entry->connectionId;
    report.endpoint.id = entry->endpointId;

    const auto connection = std::find_if(connections.cbegin(), connections.cend(),
                                         [&](const Connection &c) { return c.id == entry->connectionId; });
    if (connection == connections.cend() || !profileFor(*connection)) {
        report.result = Recovery::Result::Dropped;
        report.error = invalid(tr("its connection no longer exists."));
        m_journal->markDone(entry->id);
        reports << report;
        return next(reports);
    }

    const bool replayable =
        !entry->idempotencyKey.isEmpty() &&
        entry->createdAt.secsTo(QDateTime::currentDateTimeUtc()) < safeReplaySeconds(*profileFor(*connection));
    withClient(*connection, context, [=](ApiClient *client, const ApiError &error) mutable {
        if (!client) {
            report.result = Recovery::Result::StillPending;
            report.error = error;
            reports << report;
            return next(reports);
        }
        if (replayable) {
            // Same key, same body: the provider answers with the original endpoint and its secret.
            client->create(entry->requestBody, entry->idempotencyKey, context,
                           [=](const ApiError &error, const ProviderDialect::SecretResult &created) mutable {
                               if (error.isError()) {
                                   report.error = error;
                                   report.result = createMayHaveHappened(error) ? Recovery::Result::StillPending
                                                                                : Recovery::Result::Dropped;
                                   if (report.result == Recovery::Result::Dropped)
                                       m_journal->markDone(entry->id);
                                   reports << report;
                                   return next(reports);
                               }
                               report.endpoint = created.endpoint;
                               storeSecret(*connection, created, context, [=](const SecretResult &stored) mutable {
                                   report.result =
                                       stored.ok() ? Recovery::Result::SecretStored : Recovery::Result::SecretUnstored;
                                   if (!stored.ok())
                                       report.unstoredSecret = created.secret;
                                   m_journal->markDone(entry->id);
                                   reports << report;
                                   next(reports);
                               });
                           });
            return;
        }
        // No replay possible: look for the endpoint the lost response would have described.
        client->list(context, [=](const ApiError &error, const QList<Endpoint> &endpoints) mutable {
            if (error.isError()) {
                report.result = Recovery::Result::StillPending;
                report.error = error;
                reports << report;
                return next(reports);
            }
            const ProviderProfile &profile = client->dialect().profile();
            const QString url = entry->requestBody.value(profile.wireField(QStringLiteral("url"))).toString();
            report.result = Recovery::Result::NotCreated;
            for (const Endpoint &endpoint : endpoints) {
                const bool sameId = !entry->endpointId.isEmpty() && endpoint.id == entry->endpointId;
                const bool sameUrl =
                    entry->endpointId.isEmpty() && endpoint.url == url &&
                    (!endpoint.createdAt.isValid() || endpoint.createdAt >= entry->createdAt.addSecs(-300));
                if (sameId || sameUrl) {
                    report.result = Recovery::Result::SecretLost;
                    report.endpoint = endpoint;
                    break;
                }
            }
            m_journal->markDone(entry->id);
            reports << report;
            next(reports);
        });
    });
}
