#include "SandboxHttpServer.h"

#include <QHttpServerRequest>

#include <utility>

SandboxHttpServer::SandboxHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler)) {}

bool SandboxHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    m_handler(request, socket);
    return true;
}

void SandboxHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // Unreachable: handleRequest() takes every request.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
