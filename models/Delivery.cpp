#include "Delivery.h"

#include <utility>

Delivery::Delivery(QList<QPair<QByteArray, QByteArray>> headers, QByteArray body, QDateTime receivedAt)
    : m_headers(std::move(headers))
    , m_body(std::move(body))
    , m_receivedAt(std::move(receivedAt)) {}

QByteArray Delivery::header(const QString &name) const {
    const QByteArray wanted = name.toLatin1();
    for (const auto &[key, value] : m_headers) {
        if (key.compare(wanted, Qt::CaseInsensitive) == 0) {
            const QByteArray trimmed = value.trimmed();
            return trimmed.isNull() ? QByteArray("") : trimmed;
        }
    }
    return {};
}
