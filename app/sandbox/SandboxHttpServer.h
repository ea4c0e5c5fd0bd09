#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

#include <functional>

// The HTTP side of SandboxServer: hands every request, with its socket, to one callback. Lower
// level than QHttpServer on purpose: a fault must be able to close the socket without answering,
// and an answer must be able to wait (latency, test deliveries).
class SandboxHttpServer final : public QAbstractHttpServer {
    Q_OBJECT

public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;

    explicit SandboxHttpServer(Handler handler, QObject *parent = nullptr);

    // makeResponder() is protected; SandboxServer needs one per request.
    static QHttpServerResponder responder(const QHttpServerRequest &request, QTcpSocket *socket) {
        return makeResponder(request, socket);
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};
