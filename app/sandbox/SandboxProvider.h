#pragma once

#include "ProviderProfile.h"
#include "SandboxEndpoint.h"
#include "SandboxOptions.h"
#include "SandboxRequest.h"
#include "SandboxResponse.h"

#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>

#include <functional>
#include <optional>

class SandboxDelivery;
class SandboxState;

// One provider's webhook-endpoint API, read entirely off its profile: paths, auth, field names,
// status values, envelopes, pagination, error shape, limits and catalog. Nothing here asks which
// provider it is. A few wire facts the console itself never needs live in optional profile keys:
//   errors.validationStatus   HTTP status of a validation error (default 400)
//   errors.malformedIdStatus  status for an id that does not match idPattern (default 404)
//   responseExtras.endpoint   constant members of every endpoint object ({"object": "webhook_endpoint"})
//   responseExtras.list       constant members of a list envelope ({"object": "list"})
//   responseExtras.create     constant members of a create response ({"warning": "..."})
//   responseExtras.requestId  key of a per-response request id in object bodies ("request_id")
// Rules the profiles imply and the sandbox applies to every provider alike:
//   - bodies may carry exactly the profile's createFields / updateFields; anything else is a
//     validation error (the strict reading, so a dialect that sends extra fields is caught);
//   - autoPaused is provider-set only; setting "active" on an auto-paused endpoint resets its
//     consecutive failures; metadata updates merge per key (empty value unsets, null clears all);
//   - a scope other than the profile's first needs the admin key (403 FORBIDDEN_SCOPE);
//   - lists are in creation order; delete answers 204 with no body.
class SandboxProvider final : public QObject {
    Q_OBJECT

public:
    using Reply = std::function<void(const SandboxResponse &)>;

    SandboxProvider(const ProviderProfile &profile, SandboxState *state, SandboxDelivery *delivery,
                    const SandboxOptions *options, QRandomGenerator *random, QObject *parent = nullptr);

    const ProviderProfile &profile() const { return m_profile; }
    QString id() const { return m_profile.id(); }

    // Answers one request whose path is below this provider's prefix; reply may be called later
    // (test deliveries wait for the target), but always exactly once.
    void handle(const SandboxRequest &request, const Reply &reply);

    // An error in this provider's shape (errors.code / errors.message / errors.field paths).
    SandboxResponse error(int status, const QString &code, const QString &message,
                          const QString &wireField = QString()) const;
    // The endpoint as this provider's get/list would return it: never with the secret.
    QJsonObject render(const SandboxEndpoint &endpoint) const;

    // Delivers an event of eventType to the endpoint's URL (a real POST only to loopback, signed as
    // the profile says) and answers as the test operation does. webhook.test goes to any endpoint;
    // any other type only to one subscribed to it (a validation error otherwise).
    void deliverEvent(const QString &endpointId, const QString &eventType, const Reply &reply);

    // Adds a few endpoints (active, paused, failing, and auto-paused where the provider has it).
    void seedDemoData(QRandomGenerator &random);

    QString newId(QRandomGenerator &random) const;
    static QString newSecret(QRandomGenerator &random);

private:
    struct Problem {
        int status;
        QString code;
        QString message;
        QString field; // wire name
    };
    enum class Mode { Create, Update };

    void dispatch(const SandboxRequest &request, const QString &operation, const QString &endpointId,
                  const QJsonObject &body, bool admin, const Reply &reply);
    SandboxResponse list(const SandboxRequest &request) const;
    SandboxResponse create(const QJsonObject &body, bool admin);
    SandboxResponse get(const QString &endpointId) const;
    SandboxResponse update(const QString &endpointId, const QJsonObject &body, bool admin);
    SandboxResponse remove(const QString &endpointId);
    SandboxResponse rotateSecret(const QString &endpointId);

    std::optional<Problem> applyField(SandboxEndpoint &endpoint, const QString &canonical, const QJsonValue &value,
                                      Mode mode, bool admin) const;
    std::optional<Problem> checkUrl(const QJsonValue &value, const QString &field) const;
    std::optional<Problem> checkEvents(const QJsonValue &value, const QString &field) const;
    Problem validation(const QString &message, const QString &field) const;
    Problem notFound() const;
    SandboxResponse problemResponse(const Problem &problem) const;

    QJsonValue wireStatus(const QString &canonical) const;
    QString canonicalStatus(const QJsonValue &wire) const;
    bool canAutoPause() const;
    void recordDelivery(SandboxEndpoint &endpoint, bool success) const;
    QJsonObject withExtras(QJsonObject object, const QString &group) const;
    SandboxResponse secretResponse(const SandboxEndpoint &endpoint, const ProviderProfile::SecretResponse &shape,
                                   int status, const QString &extrasGroup) const;
    QString newRequestId() const;

    ProviderProfile m_profile;
    SandboxState *m_state;
    SandboxDelivery *m_delivery;
    const SandboxOptions *m_options;
    QRandomGenerator *m_random;
    QJsonObject m_extras;
    int m_validationStatus;
    int m_malformedIdStatus;
    bool m_dirty = false;
};
