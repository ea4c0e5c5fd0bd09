#include "DeliveryListener.h"

#include "DeliveryInspector.h"

DeliveryListener::DeliveryListener(EndpointService *service, QNetworkAccessManager *network, DeliveryLog *log,
                                   QObject *parent)
    : QObject(parent)
    , m_inspector(new DeliveryInspector(service, this))
    , m_forwarder(new DeliveryForwarder(network, this))
    , m_log(log) {
    connect(m_inspector, &DeliveryInspector::listingFailed, this, &DeliveryListener::listingFailed);
}

DeliveryListener::~DeliveryListener() = default;

void DeliveryListener::setConnections(const QList<Connection> &targets, const QList<Connection> &known) {
    m_inspector->setConnections(targets, known);
}

quint16 DeliveryListener::port() const {
    return m_receiver ? m_receiver->port() : 0;
}

void DeliveryListener::start(quint16 port) {
    if (m_receiver || m_starting)
        return;
    m_starting = true;
    // Listed first, so the first deliveries are matched without waiting for a listing.
    m_inspector->refresh([this, port] {
        if (!m_starting)
            return; // stopped meanwhile
        m_starting = false;
        auto *receiver = new DeliveryReceiver(this);
        QString problem;
        if (!receiver->listen(port, &problem)) {
            delete receiver;
            return emit startFailed(problem);
        }
        m_receiver = receiver;
        connect(receiver, &DeliveryReceiver::received, this,
                [this, receiver](const DeliveryReceiver::Request &request) { receive(receiver, request); });
        emit started(receiver->port());
    });
}

void DeliveryListener::stop() {
    m_starting = false;
    delete m_receiver.data();
}

// The answer goes to the receiver the request came to: gone when stopped meanwhile (the sender is
// dropped then), and never a later one, whose request ids start again.
void DeliveryListener::receive(const QPointer<DeliveryReceiver> &receiver, const DeliveryReceiver::Request &request) {
    m_inspector->inspect(request, this, [this, receiver, request](const DeliveryLog::Entry &entry) {
        answer(receiver, request, entry);
    });
}

void DeliveryListener::answer(const QPointer<DeliveryReceiver> &receiver, const DeliveryReceiver::Request &request,
                              DeliveryLog::Entry entry) {
    if (m_forwardUrl.isEmpty()) {
        if (receiver)
            receiver->respond(request.id, 200);
        return record(entry);
    }
    m_forwarder->forward(m_forwardUrl, request.method, request.headers, request.body, this,
                         [this, request, entry, receiver](const DeliveryForwarder::Response &forward) mutable {
                             entry.forward = forward.outcome();
                             if (receiver) {
                                 if (forward.status == 0)
                                     receiver->respond(request.id, 502);
                                 else
                                     receiver->respond(request.id, forward.status, forward.body, forward.contentType);
                             }
                             record(entry);
                         });
}

void DeliveryListener::record(DeliveryLog::Entry entry) {
    QString problem;
    if (const std::optional<qint64> id = m_log->add(entry, &problem))
        entry.id = *id;
    else
        emit storeFailed(problem);
    emit captured(entry);
}
