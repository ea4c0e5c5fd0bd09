#pragma once

#include "Connection.h"
#include "DeliveryForwarder.h"
#include "DeliveryLog.h"
#include "DeliveryReceiver.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class DeliveryInspector;
class EndpointService;
class QNetworkAccessManager;

// One listening session, as webhookctl listen and the console's Listen toggle run it: a
// DeliveryReceiver on 127.0.0.1, each request inspected (DeliveryInspector), answered 200 or
// relayed to the forward target and answered with its answer (DeliveryForwarder), then kept in
// the DeliveryLog and announced.
class DeliveryListener final : public QObject {
    Q_OBJECT

public:
    DeliveryListener(EndpointService *service, QNetworkAccessManager *network, DeliveryLog *log,
                     QObject *parent = nullptr);
    ~DeliveryListener() override;

    // See DeliveryInspector::setConnections.
    void setConnections(const QList<Connection> &targets, const QList<Connection> &known);
    // Where deliveries are relayed; an empty URL answers them 200 instead.
    void setForwardUrl(const QUrl &url) { m_forwardUrl = url; }
    QUrl forwardUrl() const { return m_forwardUrl; }

    // Lists the endpoints, then listens on 127.0.0.1:port (0: a free one): started or startFailed.
    void start(quint16 port);
    // Closes the receiver; requests under way are still judged and kept, their senders dropped.
    void stop();
    bool isListening() const { return m_receiver != nullptr; }
    quint16 port() const;

    DeliveryForwarder *forwarder() const { return m_forwarder; }

signals:
    void started(quint16 port);
    void startFailed(const QString &problem);
    // entry.id is set when it was stored; entry.forward says what the forward target answered.
    void captured(const DeliveryLog::Entry &entry);
    void storeFailed(const QString &problem);
    void listingFailed(const QString &connectionName, const QString &problem);

private:
    void receive(const QPointer<DeliveryReceiver> &receiver, const DeliveryReceiver::Request &request);
    void answer(const QPointer<DeliveryReceiver> &receiver, const DeliveryReceiver::Request &request,
                DeliveryLog::Entry entry);
    void record(DeliveryLog::Entry entry);

    DeliveryInspector *m_inspector;
    DeliveryForwarder *m_forwarder;
    DeliveryLog *m_log;
    QPointer<DeliveryReceiver> m_receiver;
    QUrl m_forwardUrl;
    bool m_starting = false;
};
