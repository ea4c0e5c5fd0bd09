#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// What a provider's delivery bodies look like, as its profile's "delivery" section states it:
// where the event type sits, a dotted path into the JSON body ("type", "event.type"). Without
// the section, the top-level "type" (the shape of Standard Webhooks' and Stripe's events).
class DeliveryFormat final {
public:
    DeliveryFormat();

    // Reads a "delivery" object; an empty one gives the default. On a malformed one returns
    // nullopt, sets *errorKey to the key path ("delivery.eventType") and *error to why.
    static std::optional<DeliveryFormat> fromJson(const QJsonObject &json, QString *errorKey, QString *error);

    QString eventTypePath() const { return m_eventTypePath.join(QLatin1Char('.')); }
    // The provider's documentation does not say; the path is this project's reading.
    bool isAssumed() const { return m_assumed; }

    // The string at the path in a JSON body; empty when the body is not JSON or holds none there.
    QString eventTypeOf(const QByteArray &body) const;
    // event with type put at the path (objects on the way made as needed), as the provider would send it.
    QJsonObject withEventType(QJsonObject event, const QString &type) const;

private:
    QStringList m_eventTypePath;
    bool m_assumed = true;
};
