// The floor for `webhookctl list --json`: a bare Qt program that fetches every page of a list with
// QNetworkAccessManager and parses each with QJsonDocument, the least any Qt client must do.
// usage: bench_qt_fetch URL   (the collection URL; pages are followed through "nextCursor")
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QUrlQuery>

#include <functional>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QUrl collection(app.arguments().value(1));
    QNetworkAccessManager network;
    qsizetype endpoints = 0;
    std::function<void(const QString &)> fetch = [&](const QString &cursor) {
        QUrl url = collection;
        if (!cursor.isEmpty())
            url.setQuery(QUrlQuery{{QStringLiteral("cursor"), cursor}});
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            reply->deleteLater();
            const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
            endpoints += page.value(QStringLiteral("data")).toArray().size();
            const QString next = page.value(QStringLiteral("nextCursor")).toString();
            if (reply->error() != QNetworkReply::NoError || next.isEmpty()) {
                QTextStream(stdout) << endpoints << Qt::endl;
                QCoreApplication::exit(reply->error() == QNetworkReply::NoError ? 0 : 1);
                return;
            }
            fetch(next);
        });
    };
    fetch(QString());
    return app.exec();
}
