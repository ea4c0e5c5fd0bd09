#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

// One request as it arrived at the sandbox: what tests assert went on the wire. It holds headers
// verbatim (API keys included) because that is what tests check; it is never written to a log.
struct SandboxRequest {
    QString providerId; // empty when the path names no known provider
    QByteArray method;  // "GET", "POST", ...
    QString path;       // full path, with the provider prefix: "/layers/v1/webhook-endpoints"
    QString localPath;  // the path below the provider prefix: "/v1/webhook-endpoints"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QDateTime receivedAt;

    // The first header with this name (case-insensitive), or a null QByteArray.
    QByteArray header(const QByteArray &name) const {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const { return !header(name).isNull(); }
};
