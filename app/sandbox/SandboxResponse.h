#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

// An answer the sandbox is about to write. Faults may rewrite it (malformed body) or replace it
// with a dropped connection before it reaches the socket.
struct SandboxResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool dropConnection = false;  // close the TCP connection without answering
    bool createdResource = false; // a create that committed a new endpoint (not a replay)

    static SandboxResponse json(int status, const QJsonObject &object) {
        return withJson(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    static SandboxResponse json(int status, const QJsonArray &array) {
        return withJson(status, QJsonDocument(array).toJson(QJsonDocument::Compact));
    }
    static SandboxResponse empty(int status) {
        SandboxResponse response;
        response.status = status;
        return response;
    }
    static SandboxResponse withJson(int status, const QByteArray &body) {
        SandboxResponse response;
        response.status = status;
        response.body = body;
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        return response;
    }

    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return {};
    }
    void setHeader(const QByteArray &name, const QByteArray &value) {
        for (auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
                header.second = value;
                return;
            }
        }
        headers.append({name, value});
    }
};
