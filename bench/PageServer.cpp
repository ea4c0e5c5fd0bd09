// A static server of Layers-shaped endpoint list pages for benchmarks: every page is made once at
// start, then answered from memory over HTTP/1.1 keep-alive on loopback, so what is measured is the
// client, not the server. usage: bench_page_server COUNT [PAGE_SIZE]; prints the port it listens on.
#include "BenchData.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>

#include <vector>

namespace {

QByteArray response(const QByteArray &body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int count = arguments.value(1).toInt();
    const int pageSize = arguments.size() > 2 ? arguments.at(2).toInt() : 100;
    if (count <= 0 || pageSize <= 0) {
        QTextStream(stderr) << "usage: bench_page_server COUNT [PAGE_SIZE]\n";
        return 2;
    }
    // Page k answers "?cursor=k" (the first page: no cursor) and names k + 1 as the next.
    std::vector<QByteArray> pages;
    for (int first = 0, page = 0; first < count; first += pageSize, ++page) {
        QJsonArray items;
        for (int i = first; i < qMin(count, first + pageSize); ++i)
            items.append(BenchData::endpoint(i));
        const bool last = first + pageSize >= count;
        const QJsonObject body{{QStringLiteral("data"), items},
                               {QStringLiteral("nextCursor"),
                                last ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::number(page + 1))}};
        pages.push_back(response(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    QTcpServer server;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [&pages, socket, buffer] {
                buffer->append(socket->readAll());
                qsizetype end;
                while ((end = buffer->indexOf("\r\n\r\n")) >= 0) { // GETs only: no bodies to skip
                    const QByteArray target = buffer->left(buffer->indexOf('\r')).split(' ').value(1);
                    buffer->remove(0, end + 4);
                    const qsizetype cursorAt = target.indexOf("cursor=");
                    const qsizetype page = cursorAt < 0 ? 0 : target.mid(cursorAt + 7).toLongLong();
                    socket->write(page >= 0 && page < qsizetype(pages.size())
                                      ? pages[size_t(page)]
                                      : QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
                }
            });
        }
    });
    if (!server.listen(QHostAddress::LocalHost)) {
        QTextStream(stderr) << server.errorString() << '\n';
        return 1;
    }
    QTextStream(stdout) << server.serverPort() << Qt::endl;
    return app.exec();
}
