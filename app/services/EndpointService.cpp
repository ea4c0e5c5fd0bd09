#include "EndpointService.h"

#include "DraftValidator.h"
#include "PendingCreateJournal.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

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
        return canRotate ? tr("%1 was created, but its signing secret was lost with the response. Rotate the secret, "
                              "or delete and recreate the endpoint.")
                               .arg(what)
                         : tr("%1 was created, but its signing secret was lost with the response. Delete and "
                              "recreate the endpoint to get a new one.")
                               .arg(what);
    case Result::NotCreated:
        return tr("An interrupted create never reached the provider; nothing was created.");
    case Result::StillPending:
        return tr("An interrupted create could not be checked yet (%1); it will be retried.").arg(error.toString());
    case Result::InFlightElsewhere:
        return tr("A create on this connection is still in progress in another Webhook Console program (process "
                  "%1); it is left to that program.")
            .arg(ownerPid);
    case Result::Settling:
        return tr("An interrupted create of %1 may still be committed by the provider; whether it was created is "
                  "checked on the next start or command after %2.")
            .arg(what, QLocale().toString(settleAt.toLocalTime().time(), QLocale::LongFormat));
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
    // One keychain read per connection, however many callers wait for it (prepare() and the
    // window's first list, say).
    std::shared_ptr<KeyRead> &read = m_keyReads[connection.id];
    const bool first = !read;
    if (first)
        read = std::make_shared<KeyRead>();
    read->waiting.append({QPointer<QObject>(context), std::move(ready)});
    if (!first)
        return;
    m_secrets->read(SecretStore::apiKeyKey(connection.id), this,
                    [this, connection, read](const SecretResult &result, const QString &apiKey) {
                        if (m_keyReads.value(connection.id) != read) {
                            // The key was replaced or forgotten meanwhile: its callers ask again.
                            for (KeyRead::Waiter &waiter : read->waiting) {
                                if (waiter.context)
                                    withClient(connection, waiter.context, std::move(waiter.ready));
                            }
                            return;
                        }
                        m_keyReads.remove(connection.id);
                        ApiError error;
                        ApiClient *client = nullptr;
                        if (!result.ok()) {
                            error.kind = ApiError::Kind::Keychain;
                            error.message =
                                result.status == SecretStatus::NotFound
                                    ? tr("No API key is stored for connection \"%1\".").arg(connection.name)
                                    : tr("The API key of connection \"%1\" could not be read from the keychain: %2")
                                          .arg(connection.name, result.errorText);
                        } else {
                            client = m_clients.value(connection.id);
                            if (!client) {
                                client = makeClient(connection, apiKey);
                                m_clients.insert(connection.id, client);
                            }
                        }
                        for (const KeyRead::Waiter &waiter : std::as_const(read->waiting)) {
                            if (waiter.context)
                                waiter.ready(client, error);
                        }
                    });
}

void EndpointService::prepare(const Connection &connection) {
    preconnect(connection);
    withClient(connection, this, [](ApiClient *, const ApiError &) {});
}

// Opens the connection to the provider while the key is read: a TCP and TLS handshake with a
// distant provider can take longer than the keychain and the window together. Nothing is sent on
// it until a request is; HTTP/2 is allowed as on every request, so the request finds it.
void EndpointService::preconnect(const Connection &connection) {
    const QUrl base(connection.baseUrl);
    if (!base.isValid() || base.host().isEmpty())
        return;
    if (base.scheme() == QLatin1String("https")) {
#if QT_CONFIG(ssl)
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2, QSslConfiguration::NextProtocolHttp1_1});
        m_network->connectToHostEncrypted(base.host(), quint16(base.port(443)), tls);
#endif
    } else if (base.scheme() == QLatin1String("http")) {
        m_network->connectToHost(base.host(), quint16(base.port(80)));
    }
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
    // One still in flight in another program is that program's to finish.
    for (const PendingCreateJournal::Entry &entry : m_journal->unfinished(connection.id)) {
        if (m_journal->claim(entry.id) == PendingCreateJournal::Claim::Claimed)
            m_journal->markDone(entry.id);
    }
    QString error;
    if (m_applied && !m_applied->forgetConnection(connection.id, &error))
        qCWarning(lcService).noquote() << error;
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
    m_keyReads.remove(connectionId); // a key read under way reads the old key
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

void EndpointService::listPages(const Connection &connection, QObject *context, ApiClient::PageDone onPage,
                                ApiClient::Done done) {
    withClient(connection, context, [context, onPage, done](ApiClient *client, const ApiError &error) {
        if (!client)
            return done(error);
        client->listPages(context, onPage, done);
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
                             std::function<void(const SecretOutcome &)> done,
                             const AppliedEndpoints::Reference &appliedAs) {
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

    withClient(
        connection, context,
        [this, connection, draft, context, done, appliedAs](ApiClient *client, const ApiError &error) {
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
            PendingCreateJournal::Entry entry = PendingCreateJournal::newEntry(
                connection.id, connection.providerId, idempotencyKey, journalBody, m_policy.timeoutMs);
            entry.documentId = appliedAs.documentId;
            entry.documentKey = appliedAs.documentKey;
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
                    if (error.isError() && !created.secret.isEmpty()) {
                        // The provider made the endpoint and its secret, but the answer names no
                        // usable endpoint: the secret is shown once, and the create settled so that
                        // no later command replays it and shows it again.
                        outcome.error = error;
                        outcome.keychain.status = SecretStatus::Failed;
                        outcome.keychain.errorText = tr("the answer named no usable endpoint to file it under");
                        outcome.unstoredSecret = created.secret;
                        m_journal->markDone(entry.id);
                        return finish(outcome);
                    }
                    if (error.isError()) {
                        outcome.error = error;
                        outcome.mayHaveReachedProvider = createMayHaveHappened(error);
                        // Settled when the provider clearly said no; otherwise left for recovery,
                        // which may take it over from now on.
                        if (outcome.mayHaveReachedProvider)
                            m_journal->release(entry.id);
                        else
                            m_journal->markDone(entry.id);
                        return finish(outcome);
                    }
                    m_journal->markEndpointKnown(entry.id, created.endpoint.id);
                    rememberApplied(entry, created.endpoint.id);
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
                                    else
                                        m_journal->release(entry.id);
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
    m_secrets->write(
        SecretStore::endpointSecretKey(connection.id, result.endpoint.id), result.secret, context,
        [this, connectionId = connection.id, endpointId = result.endpoint.id, done](const SecretResult &stored) {
            noteSecret(connectionId, endpointId, stored);
            done(stored);
        });
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
    // The secret being replaced is read before the rotate is sent, not after: once the provider
    // answers, nothing may stand between its new secret and the keychain.
    if (!m_secrets || !isSafeEndpointId(connection, endpointId))
        return sendRotate(connection, endpointId, context, done, QString(), QString());
    const QPointer<QObject> caller(context);
    m_secrets->read(SecretStore::endpointSecretKey(connection.id, endpointId), this,
                    [this, connection, endpointId, caller, done](const SecretResult &read, const QString &secret) {
                        noteSecret(connection.id, endpointId, read);
                        if (!caller)
                            return; // gone before anything was sent: nothing to do
                        const QString problem =
                            read.ok() || read.status == SecretStatus::NotFound
                                ? QString()
                                : tr("the keychain could not be read before the rotate: %1").arg(read.errorText);
                        sendRotate(connection, endpointId, caller, done, read.ok() ? secret : QString(), problem);
                    });
}

void EndpointService::sendRotate(const Connection &connection, const QString &endpointId, QObject *context,
                                 std::function<void(const SecretOutcome &)> done, const QString &replaced,
                                 const QString &readProblem) {
    withClient(
        connection, context,
        [this, connection, endpointId, context, done, replaced, readProblem](ApiClient *client, const ApiError &error) {
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
                                 [this, connection, endpointId, finish, replaced,
                                  readProblem](const ApiError &error, ProviderDialect::SecretResult rotated) {
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
                                                 [this, connection, endpointId, outcome, rotated, finish, replaced,
                                                  readProblem](const SecretResult &stored) mutable {
                                                     outcome.keychain = stored;
                                                     if (!stored.ok()) {
                                                         outcome.unstoredSecret = rotated.secret;
                                                         return finish(outcome);
                                                     }
                                                     outcome.previousNotKept = readProblem;
                                                     if (replaced.isEmpty() || replaced == rotated.secret)
                                                         return finish(outcome);
                                                     keepPrevious(connection, endpointId, replaced,
                                                                  [outcome, finish](const QString &problem) mutable {
                                                                      outcome.previousNotKept = problem;
                                                                      finish(outcome);
                                                                  });
                                                 });
                                 });
        });
}

// The new secret is stored by now; the previous generation is a help for diagnosis, so its
// failure is only reported, never the rotate's.
void EndpointService::keepPrevious(const Connection &connection, const QString &endpointId, const QString &replaced,
                                   std::function<void(const QString &problem)> done) {
    if (!m_secrets)
        return done(tr("No keychain is available."));
    const QDateTime replacedAt = QDateTime::currentDateTimeUtc();
    m_secrets->write(SecretStore::previousSecretKey(connection.id, endpointId), replaced, this,
                     [this, connectionId = connection.id, endpointId, replacedAt, done](const SecretResult &kept) {
                         if (!kept.ok())
                             return done(kept.errorText);
                         QString error;
                         if (m_secretIndex &&
                             !m_secretIndex->recordPrevious(connectionId, endpointId, replacedAt, &error))
                             qCWarning(lcService).noquote() << error; // kept; only its time is unknown
                         done(QString());
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
                if (!error.isError())
                    return forgetSecret(connection, endpointId, context, done);
                if (!error.notFound)
                    return done(error);
                confirmGone(connection, endpointId, error, context, done);
            });
        });
}

// A 404 alone may come from a wrong base path while the endpoint lives on, and its secret would be
// lost for nothing: the endpoint counts as gone only when a GET of it is a documented not-found too
// and the provider's list, read at the same base URL, does not hold it.
void EndpointService::confirmGone(const Connection &connection, const QString &endpointId, const ApiError &deleteError,
                                  QObject *context, ApiClient::Done done) {
    const auto unconfirmed = [deleteError, endpointId](const QString &why) {
        ApiError error = deleteError;
        error.message = tr("%1 answered \"not found\" to the delete of %2, but %3; its signing secret stays in your "
                           "keychain.")
                            .arg(deleteError.message, endpointId, why);
        return error;
    };
    get(connection, endpointId, context,
        [this, connection, endpointId, context, done, unconfirmed](const ApiError &getError, const Endpoint &) {
            if (!getError.notFound)
                return done(unconfirmed(getError.isError() ? tr("reading it back failed (%1)").arg(getError.toString())
                                                           : tr("reading it back found it")));
            list(connection, context,
                 [this, connection, endpointId, context, done, unconfirmed](const ApiError &listError,
                                                                            const QList<Endpoint> &endpoints) {
                     if (listError.isError())
                         return done(unconfirmed(tr("its list could not be read (%1)").arg(listError.toString())));
                     const bool listed = std::any_of(endpoints.cbegin(), endpoints.cend(),
                                                     [&](const Endpoint &e) { return e.id == endpointId; });
                     if (listed)
                         return done(unconfirmed(tr("its list still holds it")));
                     forgetSecret(connection, endpointId, context, done);
                 });
        });
}

// The endpoint is gone from the provider: its keychain entries go, and so does its mapping.
void EndpointService::forgetSecret(const Connection &connection, const QString &endpointId, QObject *context,
                                   ApiClient::Done done) {
    QString error;
    if (m_applied && !m_applied->forget(connection.id, endpointId, &error))
        qCWarning(lcService).noquote() << error;
    if (!isSafeEndpointId(connection, endpointId))
        return done({}); // never a key that could name another entry, such as the API key
    m_secrets->remove(SecretStore::endpointSecretKey(connection.id, endpointId), context,
                      [this, connection, endpointId, context, done](const SecretResult &removed) {
                          if (removed.ok() || removed.status == SecretStatus::NotFound)
                              recordSecret(connection.id, endpointId, false);
                          // The previous generation goes with the endpoint.
                          forgetPreviousSecret(connection, endpointId, context,
                                               [done](const SecretResult &) { done({}); });
                      });
}

// An id that does not fit the provider's pattern never becomes part of a keychain key: a listed id
// "api-key" would otherwise read, copy or overwrite the connection's API key.
SecretResult EndpointService::unsafeIdResult(const Connection &connection, const QString &endpointId) const {
    SecretResult refused;
    refused.status = SecretStatus::Failed;
    refused.errorText = tr("\"%1\" is not a valid %2 endpoint id, so no keychain entry is used for it.")
                            .arg(endpointId.left(80), connection.providerId);
    return refused;
}

void EndpointService::importSecret(const Connection &connection, const QString &endpointId, const QString &secret,
                                   QObject *context, SecretStore::WriteCallback done) {
    if (!isSafeEndpointId(connection, endpointId)) {
        const SecretResult refused = unsafeIdResult(connection, endpointId);
        QTimer::singleShot(0, context, [done, refused] { done(refused); });
        return;
    }
    m_secrets->write(SecretStore::endpointSecretKey(connection.id, endpointId), secret, context,
                     [this, connectionId = connection.id, endpointId, done](const SecretResult &stored) {
                         noteSecret(connectionId, endpointId, stored);
                         done(stored);
                     });
}

void EndpointService::readSecret(const Connection &connection, const QString &endpointId, QObject *context,
                                 SecretStore::ReadCallback done) {
    if (!isSafeEndpointId(connection, endpointId)) {
        const SecretResult refused = unsafeIdResult(connection, endpointId);
        QTimer::singleShot(0, context, [done, refused] { done(refused, QString()); });
        return;
    }
    m_secrets->read(
        SecretStore::endpointSecretKey(connection.id, endpointId), context,
        [this, connectionId = connection.id, endpointId, done](const SecretResult &read, const QString &secret) {
            noteSecret(connectionId, endpointId, read);
            done(read, secret);
        });
}

void EndpointService::readPreviousSecret(const Connection &connection, const QString &endpointId, QObject *context,
                                         PreviousCallback done) {
    if (!isSafeEndpointId(connection, endpointId)) {
        const SecretResult refused = unsafeIdResult(connection, endpointId);
        QTimer::singleShot(0, context, [done, refused] { done(refused, QString(), QDateTime()); });
        return;
    }
    m_secrets->read(
        SecretStore::previousSecretKey(connection.id, endpointId), context,
        [this, connectionId = connection.id, endpointId, done](const SecretResult &read, const QString &secret) {
            const std::optional<QDateTime> replacedAt =
                m_secretIndex ? m_secretIndex->previousReplacedAt(connectionId, endpointId) : std::nullopt;
            done(read, secret, replacedAt.value_or(QDateTime()));
        });
}

std::optional<QDateTime> EndpointService::previousSecretReplacedAt(const Connection &connection,
                                                                   const QString &endpointId) const {
    return m_secretIndex ? m_secretIndex->previousReplacedAt(connection.id, endpointId) : std::nullopt;
}

void EndpointService::forgetPreviousSecret(const Connection &connection, const QString &endpointId, QObject *context,
                                           SecretStore::RemoveCallback done) {
    if (!isSafeEndpointId(connection, endpointId)) {
        const SecretResult refused = unsafeIdResult(connection, endpointId);
        QTimer::singleShot(0, context, [done, refused] { done(refused); });
        return;
    }
    m_secrets->remove(SecretStore::previousSecretKey(connection.id, endpointId), context,
                      [this, connectionId = connection.id, endpointId, done](const SecretResult &removed) {
                          QString error;
                          if (removed.ok() && m_secretIndex &&
                              !m_secretIndex->forgetPrevious(connectionId, endpointId, &error))
                              qCWarning(lcService).noquote() << error;
                          done(removed);
                      });
}

QSet<QString> EndpointService::secretsOnRecord(const Connection &connection) const {
    return m_secretIndex ? m_secretIndex->storedEndpoints(connection.id) : QSet<QString>();
}

QList<SecretIndex::Entry> EndpointService::allSecretsOnRecord() const {
    return m_secretIndex ? m_secretIndex->allStored() : QList<SecretIndex::Entry>();
}

// What the keychain just said about an entry goes on record; an answer that says nothing about the
// entry (no keychain, a locked one) changes nothing.
void EndpointService::noteSecret(const QString &connectionId, const QString &endpointId, const SecretResult &result) {
    if (result.ok() || result.status == SecretStatus::NotFound)
        recordSecret(connectionId, endpointId, result.ok());
}

void EndpointService::recordSecret(const QString &connectionId, const QString &endpointId, bool stored) {
    QString error;
    if (m_secretIndex && !m_secretIndex->record(connectionId, endpointId, stored, &error))
        qCWarning(lcService).noquote() << error;
    emit secretNoted(connectionId, endpointId, stored);
}

void EndpointService::rememberApplied(const PendingCreateJournal::Entry &entry, const QString &endpointId) {
    if (!m_applied || (entry.documentId.isEmpty() && entry.documentKey.isEmpty()))
        return;
    QString error;
    if (!m_applied->remember(entry.connectionId, endpointId, {entry.documentId, entry.documentKey}, &error))
        qCWarning(lcService).noquote() << error;
}

int EndpointService::unfinishedCreateCount(const QList<Connection> &connections) const {
    int count = 0;
    for (const Connection &connection : connections)
        count += m_journal->unfinished(connection.id).size();
    return count;
}

struct EndpointService::RecoveryRun {
    QList<Connection> connections;
    QStringList entryIds;
    QList<Recovery> reports;
    QPointer<QObject> context;
    std::function<void(const Recovery &)> reported;
    std::function<void(const QList<Recovery> &)> done;
};

void EndpointService::recoverPendingCreates(const QList<Connection> &connections, QObject *context,
                                            std::function<void(const Recovery &)> reported,
                                            std::function<void(const QList<Recovery> &)> done) {
    auto run = std::make_shared<RecoveryRun>();
    run->connections = connections;
    run->context = context;
    run->reported = std::move(reported);
    run->done = std::move(done);
    // Only these connections' entries: another program (or another connection) may settle the rest.
    for (const Connection &connection : connections) {
        for (const PendingCreateJournal::Entry &entry : m_journal->unfinished(connection.id))
            run->entryIds << entry.id;
    }
    recoverNext(run);
}

// One entry at a time, so the keychain and the provider see one recovery at a time. The work
// answers to the service: an entry taken over is always settled or released, even if the caller
// went away meanwhile.
void EndpointService::recoverNext(const std::shared_ptr<RecoveryRun> &run) {
    if (run->entryIds.isEmpty()) {
        if (run->context && run->done)
            run->done(run->reports);
        return;
    }
    const QString id = run->entryIds.takeFirst();
    PendingCreateJournal::Entry entry;
    QString journalError;
    Recovery report;
    switch (m_journal->claim(id, &entry, &journalError)) {
    case PendingCreateJournal::Claim::Gone:
        return recoverNext(run);
    case PendingCreateJournal::Claim::Failed:
        report.result = Recovery::Result::StillPending;
        report.error = invalid(journalError);
        return conclude(run, report, QString(), Settlement::Untouched);
    case PendingCreateJournal::Claim::OwnedElsewhere:
        // Its owner is still waiting for the provider: neither replayed beside it nor settled. A
        // create of this very program is its own business, not something to report.
        if (entry.owner == ProcessIdentity::current())
            return recoverNext(run);
        report.result = Recovery::Result::InFlightElsewhere;
        report.connectionId = entry.connectionId;
        report.ownerPid = entry.owner.pid;
        return conclude(run, report, QString(), Settlement::Untouched);
    case PendingCreateJournal::Claim::Claimed:
        break;
    }

    report.connectionId = entry.connectionId;
    report.endpoint.id = entry.endpointId;
    const auto connection = std::find_if(run->connections.cbegin(), run->connections.cend(),
                                         [&](const Connection &c) { return c.id == entry.connectionId; });
    if (connection == run->connections.cend() || !profileFor(*connection)) {
        report.result = Recovery::Result::Dropped;
        report.error = invalid(tr("its connection no longer exists."));
        return conclude(run, report, entry.id, Settlement::Settle);
    }
    const ProviderProfile profile = *profileFor(*connection);
    report.endpoint.url = entry.requestBody.value(profile.wireField(QStringLiteral("url"))).toString();

    // Killed between the keychain write and the journal's clean-up: nothing is left to do.
    if (!entry.endpointId.isEmpty() && isSafeEndpointId(*connection, entry.endpointId)) {
        m_secrets->read(
            SecretStore::endpointSecretKey(connection->id, entry.endpointId), this,
            [this, run, report, entry, connection = *connection](const SecretResult &stored, const QString &) mutable {
                if (!stored.ok())
                    return recoverClaimed(run, entry, connection, report);
                report.result = Recovery::Result::SecretStored;
                rememberApplied(entry, entry.endpointId);
                conclude(run, report, entry.id, Settlement::Settle);
            });
        return;
    }
    recoverClaimed(run, entry, *connection, report);
}

void EndpointService::recoverClaimed(const std::shared_ptr<RecoveryRun> &run, const PendingCreateJournal::Entry &entry,
                                     const Connection &connection, Recovery report) {
    const ProviderProfile profile = *profileFor(connection);
    const bool replayable = !entry.idempotencyKey.isEmpty() &&
                            entry.createdAt.secsTo(QDateTime::currentDateTimeUtc()) < safeReplaySeconds(profile);
    if (replayable)
        return replay(run, entry, connection, report);

    // Without a replay, only the provider's list can tell, and only once the provider cannot still
    // be committing the request its dead owner sent: twice the owner's request timeout after the
    // entry was first found orphaned.
    const QDateTime settleAt = entry.orphanedAt.addMSecs(2 * qint64(qMax(entry.requestTimeoutMs, 1000)));
    if (QDateTime::currentDateTimeUtc() < settleAt) {
        report.result = Recovery::Result::Settling;
        report.settleAt = settleAt;
        return conclude(run, report, entry.id, Settlement::Keep);
    }
    list(connection, this,
         [this, run, entry, connection, report](const ApiError &error, const QList<Endpoint> &endpoints) mutable {
             if (error.isError()) {
                 report.result = Recovery::Result::StillPending;
                 report.error = error;
                 return conclude(run, report, entry.id, Settlement::Keep);
             }
             QList<Endpoint> candidates;
             for (const Endpoint &endpoint : endpoints) {
                 const bool sameId = !entry.endpointId.isEmpty() && endpoint.id == entry.endpointId;
                 const bool sameUrl =
                     entry.endpointId.isEmpty() && endpoint.url == report.endpoint.url &&
                     (!endpoint.createdAt.isValid() || endpoint.createdAt >= entry.createdAt.addSecs(-300));
                 if (sameId || sameUrl)
                     candidates << endpoint;
             }
             findUnsecuredEndpoint(run, entry, connection, report, candidates);
         });
}

// Among endpoints that could be the lost create's, one whose secret is in the keychain was made by
// another create that finished: the lost one is the first without a secret.
void EndpointService::findUnsecuredEndpoint(const std::shared_ptr<RecoveryRun> &run,
                                            const PendingCreateJournal::Entry &entry, const Connection &connection,
                                            Recovery report, QList<Endpoint> candidates) {
    if (candidates.isEmpty()) {
        report.result = Recovery::Result::NotCreated;
        return conclude(run, report, entry.id, Settlement::Settle);
    }
    const Endpoint candidate = candidates.takeFirst();
    if (!isSafeEndpointId(connection, candidate.id))
        return findUnsecuredEndpoint(run, entry, connection, report, candidates);
    m_secrets->read(SecretStore::endpointSecretKey(connection.id, candidate.id), this,
                    [=](const SecretResult &stored, const QString &) mutable {
                        if (stored.ok())
                            return findUnsecuredEndpoint(run, entry, connection, report, candidates);
                        if (stored.status != SecretStatus::NotFound) {
                            report.result = Recovery::Result::StillPending; // cannot tell without the keychain
                            report.error.kind = ApiError::Kind::Keychain;
                            report.error.message = stored.errorText;
                            return conclude(run, report, entry.id, Settlement::Keep);
                        }
                        report.result = Recovery::Result::SecretLost;
                        report.endpoint = candidate;
                        rememberApplied(entry, candidate.id);
                        report.canRotate = profileFor(connection) && profileFor(connection)->canRotateSecret();
                        conclude(run, report, entry.id, Settlement::Settle);
                    });
}

// Same key, same body: the provider answers with the original endpoint and its secret.
void EndpointService::replay(const std::shared_ptr<RecoveryRun> &run, const PendingCreateJournal::Entry &entry,
                             const Connection &connection, Recovery report) {
    withClient(connection, this, [=](ApiClient *client, const ApiError &error) mutable {
        if (!client) {
            report.result = Recovery::Result::StillPending;
            report.error = error;
            return conclude(run, report, entry.id, Settlement::Keep);
        }
        client->create(entry.requestBody, entry.idempotencyKey, this,
                       [=](const ApiError &error, const ProviderDialect::SecretResult &created) mutable {
                           if (error.isError() && !created.secret.isEmpty()) {
                               report.result = Recovery::Result::SecretUnstored; // no usable endpoint to file it under
                               report.error = error;
                               report.unstoredSecret = created.secret;
                               return conclude(run, report, entry.id, Settlement::Settle);
                           }
                           if (error.isError()) {
                               report.error = error;
                               const bool unknown = createMayHaveHappened(error);
                               report.result = unknown ? Recovery::Result::StillPending : Recovery::Result::Dropped;
                               return conclude(run, report, entry.id, unknown ? Settlement::Keep : Settlement::Settle);
                           }
                           report.endpoint = created.endpoint;
                           rememberApplied(entry, created.endpoint.id);
                           storeSecret(connection, created, this, [=](const SecretResult &stored) mutable {
                               report.result =
                                   stored.ok() ? Recovery::Result::SecretStored : Recovery::Result::SecretUnstored;
                               if (!stored.ok()) {
                                   report.unstoredSecret = created.secret;
                                   report.error.kind = ApiError::Kind::Keychain;
                                   report.error.message = stored.errorText;
                               }
                               conclude(run, report, entry.id, Settlement::Settle);
                           });
                       });
    });
}

// The report goes out before the entry is settled: killed in between, the operator hears of it
// twice rather than never.
void EndpointService::conclude(const std::shared_ptr<RecoveryRun> &run, const Recovery &report, const QString &entryId,
                               Settlement settlement) {
    if (run->context && run->reported)
        run->reported(report);
    run->reports << report;
    if (settlement == Settlement::Settle)
        m_journal->markDone(entryId);
    else if (settlement == Settlement::Keep)
        m_journal->release(entryId);
    recoverNext(run);
}
