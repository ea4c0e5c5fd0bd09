#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QSignalSpy>
#include <QString>
#include <QUrl>

#include <algorithm>

// Sends one HTTP request over loopback and waits for the answer in an event loop (QSignalSpy),
// returning status, headers, body and the parsed JSON. Header-only, for integration tests.
class HttpTestClient final {
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Reply {
        int status = 0; // 0: no HTTP answer (see error)
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorString;
        bool timedOut = false;
        Headers headers;
        QByteArray body;
        QJsonDocument json;
        bool isJson = false;

        QByteArray header(const QByteArray &name) const {
            for (const auto &header : headers) {
                if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                    return header.second;
            }
            return {};
        }
        QJsonObject object() const { return json.object(); }
        QJsonArray array() const { return json.array(); }
        // A value by dotted path into the JSON object body: "error.code", "endpoint.id".
        QJsonValue at(const QString &path) const {
            QJsonValue value = json.object();
            for (const QString &part : path.split(QLatin1Char('.')))
                value = value.toObject().value(part);
            return value;
        }
    };

    explicit HttpTestClient(const QUrl &baseUrl = QUrl())
        : m_baseUrl(baseUrl) {
        m_network.setProxy(QNetworkProxy::NoProxy); // loopback only, whatever the environment says
    }

    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    QUrl baseUrl() const { return m_baseUrl; }
    // Sent with every request (unless the request names the same header): e.g. the API key.
    void setDefaultHeader(const QByteArray &name, const QByteArray &value) {
        for (auto &header : m_defaultHeaders) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
                header.second = value;
                return;
            }
        }
        m_defaultHeaders.append({name, value});
    }
    void clearDefaultHeaders() { m_defaultHeaders.clear(); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // path is appended to the base URL as is (it may carry a query).
    QUrl urlFor(const QString &path) const {
        return QUrl(m_baseUrl.toString(QUrl::StripTrailingSlash) + path, QUrl::StrictMode);
    }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = QByteArray(),
               const Headers &headers = Headers()) {
        return sendTo(method, urlFor(path), body, headers);
    }
    Reply sendJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                   const Headers &headers = Headers()) {
        Headers all = headers;
        all.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), all);
    }
    Reply get(const QString &path, const Headers &headers = Headers()) { return send("GET", path, {}, headers); }
    Reply post(const QString &path, const QJsonObject &body, const Headers &headers = Headers()) {
        return sendJson("POST", path, body, headers);
    }
    Reply patch(const QString &path, const QJsonObject &body, const Headers &headers = Headers()) {
        return sendJson("PATCH", path, body, headers);
    }
    Reply del(const QString &path, const Headers &headers = Headers()) { return send("DELETE", path, {}, headers); }

    Reply sendTo(const QByteArray &method, const QUrl &url, const QByteArray &body, const Headers &headers) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &header : m_defaultHeaders) {
            const bool overridden = std::any_of(headers.cbegin(), headers.cend(), [&](const auto &given) {
                return given.first.compare(header.first, Qt::CaseInsensitive) == 0;
            });
            if (!overridden)
                request.setRawHeader(header.first, header.second);
        }
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Reply result;
        if (!reply->isFinished() && !finished.wait(m_timeoutMs)) {
            result.timedOut = true;
            reply->abort();
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.errorString = reply->errorString();
        result.headers = reply->rawHeaderPairs();
        if (reply->isOpen())
            result.body = reply->readAll();
        QJsonParseError parseError;
        result.json = QJsonDocument::fromJson(result.body, &parseError);
        result.isJson = parseError.error == QJsonParseError::NoError && !result.body.isEmpty();
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    Headers m_defaultHeaders;
    int m_timeoutMs = 15000;
};
