#include "KeychainCheck.h"

#include "EndpointService.h"

KeychainCheck::KeychainCheck(EndpointService *service, const Connection &connection, const QStringList &endpointIds,
                             const QSet<QString> &onRecord, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_connection(connection)
    , m_endpointIds(endpointIds)
    , m_onRecord(onRecord) {}

void KeychainCheck::start() {
    if (!m_service || m_endpointIds.isEmpty()) {
        emit finished(m_summary);
        return;
    }
    while (m_inFlight < readsInFlight && m_next < m_endpointIds.size())
        readNext();
}

void KeychainCheck::cancel() {
    m_stopping = true;
    // Once every read has been asked for, stopping changes nothing: the check completes.
    m_summary.cancelled = m_summary.errorText.isEmpty() && m_next < m_endpointIds.size();
}

void KeychainCheck::readNext() {
    const QString id = m_endpointIds.at(m_next++);
    ++m_inFlight;
    // The value is dropped at once: the keychain has no "exists" call, so a read it is.
    m_service->readSecret(m_connection, id, this, [this, id](const SecretResult &result, const QString &) {
        --m_inFlight;
        if (result.ok() || result.status == SecretStatus::NotFound) {
            ++m_summary.checked;
            (result.ok() ? m_summary.stored : m_summary.missing) += 1;
            m_summary.corrected += result.ok() != m_onRecord.contains(id);
            emit progressed(m_summary.checked, total());
        } else if (m_summary.errorText.isEmpty()) {
            m_summary.errorText = result.errorText;
            m_summary.cancelled = false;
            m_stopping = true;
        }
        if (!m_stopping && m_next < m_endpointIds.size())
            readNext();
        else if (m_inFlight == 0)
            emit finished(m_summary);
    });
}
