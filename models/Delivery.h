#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

// One webhook delivery as a receiver saw it: its headers as sent, the body's raw bytes (never
// re-encoded: a signature covers bytes, not JSON) and when it arrived, which is what a
// signature's timestamp is measured against.
class Delivery final {
public:
    Delivery() = default;
    Delivery(QList<QPair<QByteArray, QByteArray>> headers, QByteArray body, QDateTime receivedAt);

    QList<QPair<QByteArray, QByteArray>> headers() const { return m_headers; }
    QByteArray body() const { return m_body; }
    QDateTime receivedAt() const { return m_receivedAt; }

    // HTTP header names are case-insensitive: "Webhook-Id" finds "webhook-id". The first value,
    // trimmed; a null QByteArray when the header is absent.
    QByteArray header(const QString &name) const;
    bool hasHeader(const QString &name) const { return !header(name).isNull(); }

private:
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QDateTime m_receivedAt;
};
