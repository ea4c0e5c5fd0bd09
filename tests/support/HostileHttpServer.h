#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <memory>

// A tiny HTTP/1.1 server on loopback that plays a hostile or sloppy provider in tests: each request
// gets the next scripted answer (the last one repeats), which may be an ordinary response, an
// endless chunked body, endless headers, a body trickled one byte at a time, a body broken off halfway,
// or a dropped connection.
// It records what every request carried, so a test can check what reached it.
//
// Header-only and without Q_OBJECT (AUTOMOC does not see tests/support); it runs in the test's event
// loop, so the test must wait with QSignalSpy or QTRY_*, never block.
class HostileHttpServer final {
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Answer {
        enum class Mode {
            Whole,          // status, headers and body, then close
            EndlessChunked, // status and headers, then chunks of junk forever
            EndlessHeaders, // a status line, then header lines forever
            Trickle,        // status and headers with Content-Length, then one body byte per interval
            BrokenOff,      // status and headers with Content-Length, then half the body, then close
            Close,          // read the request, close without answering
        };
        int status = 200;
        Headers headers;
        QByteArray body;
        Mode mode = Mode::Whole;
        int intervalMs = 1000; // Trickle: between bytes; EndlessChunked: between 64 KiB chunks (0: flat out)
        qint64 maxBytes = 0;   // EndlessChunked: stop sending (and keep the connection open) after this many

        static Answer json(int status, const QByteArray &body, const Headers &headers = {}) {
            Answer answer;
            answer.status = status;
            answer.body = body;
            answer.headers = headers;
            answer.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            return answer;
        }
        static Answer of(Mode mode, int status = 200) {
            Answer answer;
            answer.mode = mode;
            answer.status = status;
            answer.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            return answer;
        }
    };

    struct Seen {
        QByteArray method;
        QByteArray target; // path and query as sent
        Headers headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const {
            for (const auto &header : headers) {
                if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                    return header.second;
            }
            return {};
        }
    };

    HostileHttpServer() = default;
    HostileHttpServer(const HostileHttpServer &) = delete;
    HostileHttpServer &operator=(const HostileHttpServer &) = delete;

    bool listen() {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    void script(const QList<Answer> &answers) {
        dropWaitingConnections();
        m_answers = answers;
        m_next = 0;
    }
    const QList<Seen> &requests() const { return m_seen; }
    void clearRequests() { m_seen.clear(); }
    // Bytes the endless and trickle modes wrote, to tell "the client stopped reading" from "never started".
    qint64 bytesStreamed() const { return *m_streamed; }

private:
    // A request an earlier test's webhookctl sent just before it exited (a page asked for ahead)
    // waits in the listen backlog; it must not take the first answer of the next script.
    void dropWaitingConnections() {
        m_dropping = true;
        while (m_server.waitForNewConnection(0)) {
        }
        m_dropping = false;
    }

    struct Connection {
        QByteArray buffer;
    };

    Answer nextAnswer() {
        if (m_answers.isEmpty())
            return Answer::json(404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"nothing scripted\"}}");
        const Answer answer = m_answers.at(qMin(m_next, m_answers.size() - 1));
        ++m_next;
        return answer;
    }

    void accept(QTcpSocket *socket) {
        if (m_dropping) {
            socket->abort();
            socket->deleteLater();
            return;
        }
        auto connection = std::make_shared<Connection>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, connection] {
            connection->buffer += socket->readAll();
            const int headEnd = connection->buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            Seen seen;
            const QList<QByteArray> lines = connection->buffer.left(headEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            seen.method = requestLine.value(0);
            seen.target = requestLine.value(1);
            qsizetype contentLength = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i);
                const int colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                seen.headers.append({name, value});
                if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                    contentLength = value.toLongLong();
            }
            if (connection->buffer.size() < headEnd + 4 + contentLength)
                return; // the body is still coming
            seen.body = connection->buffer.mid(headEnd + 4, contentLength);
            connection->buffer.clear();
            m_seen.append(seen);
            respond(socket, nextAnswer());
        });
    }

    static QByteArray statusLine(int status) { return "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n"; }

    static QByteArray head(const Answer &answer, const QByteArray &framing) {
        QByteArray head = statusLine(answer.status);
        for (const auto &[name, value] : answer.headers)
            head += name + ": " + value + "\r\n";
        return head + framing + "Connection: close\r\n\r\n";
    }

    void respond(QTcpSocket *socket, const Answer &answer) {
        using Mode = Answer::Mode;
        switch (answer.mode) {
        case Mode::Whole:
            socket->write(head(answer, "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n") +
                          answer.body);
            socket->disconnectFromHost();
            return;
        case Mode::Close:
            socket->disconnectFromHost();
            return;
        case Mode::BrokenOff:
            socket->write(head(answer, "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n") +
                          answer.body.left(answer.body.size() / 2));
            socket->disconnectFromHost();
            return;
        case Mode::EndlessChunked: {
            socket->write(head(answer, "Transfer-Encoding: chunked\r\n"));
            const QByteArray chunk(64 * 1024, 'x');
            const QByteArray framed = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
            auto left = std::make_shared<qint64>(answer.maxBytes > 0 ? answer.maxBytes : -1);
            stream(socket, answer.intervalMs, [framed, left]() -> QByteArray {
                if (*left == 0)
                    return {};
                if (*left > 0)
                    *left = qMax<qint64>(0, *left - framed.size());
                return framed;
            });
            return;
        }
        case Mode::EndlessHeaders: {
            socket->write(statusLine(answer.status));
            auto counter = std::make_shared<qint64>(0);
            stream(socket, 0, [counter] {
                QByteArray lines;
                for (int i = 0; i < 64; ++i)
                    lines += "X-Filler-" + QByteArray::number((*counter)++) + ": " + QByteArray(200, 'h') + "\r\n";
                return lines;
            });
            return;
        }
        case Mode::Trickle: {
            QByteArray body = answer.body.isEmpty() ? QByteArray(100000, ' ') : answer.body;
            socket->write(head(answer, "Content-Length: " + QByteArray::number(body.size()) + "\r\n"));
            auto position = std::make_shared<qsizetype>(0);
            stream(socket, answer.intervalMs, [body, position]() -> QByteArray {
                if (*position >= body.size())
                    return {};
                return body.mid((*position)++, 1);
            });
            return;
        }
        }
    }

    // Writes what next() returns every intervalMs (0: as fast as the client reads, keeping at most
    // 1 MiB queued so the test process does not grow either) until the client goes away.
    template <typename Next> void stream(QTcpSocket *socket, int intervalMs, Next next) {
        auto *timer = new QTimer(socket);
        QPointer<QTcpSocket> guarded(socket);
        const std::shared_ptr<qint64> streamed = m_streamed;
        QObject::connect(timer, &QTimer::timeout, socket, [guarded, timer, next, streamed] {
            if (!guarded || guarded->state() != QAbstractSocket::ConnectedState)
                return timer->stop();
            if (guarded->bytesToWrite() > 1024 * 1024)
                return;
            const QByteArray data = next();
            if (data.isEmpty())
                return timer->stop();
            *streamed += guarded->write(data);
        });
        timer->start(intervalMs);
    }

    QTcpServer m_server;
    QList<Answer> m_answers;
    bool m_dropping = false;
    qsizetype m_next = 0;
    QList<Seen> m_seen;
    std::shared_ptr<qint64> m_streamed = std::make_shared<qint64>(0);
};
