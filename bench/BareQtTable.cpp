// The floor for the console's start: a bare Qt window that fetches every page of a list with
// QNetworkAccessManager, parses each with QJsonDocument, and shows the endpoints in a QTableView
// with the console's columns, and does nothing else.
//
// The model is a QAbstractTableModel over one row of display strings per endpoint, filled in one
// insertion once the last page is in: the least a Qt window must do to show the rows. (A
// QStandardItemModel would allocate an item per cell, nine per endpoint, and make the floor
// slower and bigger than it need be.) No proxy, no sorting, no filtering, values shown as the
// provider sent them: those are what the console does on top and what its ratio pays for.
//
// With --api-key-from-keychain, it first reads the API key the console reads, with one QtKeychain
// job started as the window is shown, and sends it with each request: the floor for a window
// that, like the console, cannot list before its keychain answers. (How long that takes grows with
// what the keychain holds: gnome-keyring searches every item it has.)
//
// usage: bench_qt_table URL [--api-key-from-keychain SERVICE KEY]
//   URL: the collection URL; pages are followed through "nextCursor"
// Prints one JSON line: start → rows shown (ms, from the launch; see LaunchClock), the rows shown,
// the resident memory once they are shown, and with the keychain, when its answer came (keyMs).
#include "LaunchClock.h"
#include "PaintProbe.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTableView>
#include <QTextStream>
#include <QUrlQuery>

#include <qt6keychain/keychain.h>

#include <array>
#include <functional>
#include <vector>

namespace {

constexpr int ColumnCount = 9;
using Row = std::array<QString, ColumnCount>;

class RowModel final : public QAbstractTableModel {
public:
    void append(std::vector<Row> rows) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
        endInsertRows();
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override {
        return role == Qt::DisplayRole ? QVariant(m_rows[size_t(index.row())][size_t(index.column())]) : QVariant();
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        static const char *const titles[ColumnCount] = {
            "Status", "URL", "Description", "Events", "Failures", "Last success", "Last failure", "Secret", "Updated"};
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < ColumnCount)
            return QString::fromLatin1(titles[section]);
        return QAbstractTableModel::headerData(section, orientation, role);
    }

private:
    std::vector<Row> m_rows;
};

QString orDash(const QJsonValue &value) {
    return value.isNull() || value.isUndefined() ? QStringLiteral("—") : value.toVariant().toString();
}

Row rowOf(const QJsonObject &endpoint) {
    QStringList events;
    for (const QJsonValue &event : endpoint.value(QStringLiteral("events")).toArray())
        events << event.toString();
    return {endpoint.value(QStringLiteral("status")).toString(),
            endpoint.value(QStringLiteral("url")).toString(),
            endpoint.value(QStringLiteral("description")).toString(),
            events.join(QStringLiteral(", ")),
            orDash(endpoint.value(QStringLiteral("consecutiveFailureCount"))),
            orDash(endpoint.value(QStringLiteral("lastSuccessAt"))),
            orDash(endpoint.value(QStringLiteral("lastFailureAt"))),
            QStringLiteral("—"),
            orDash(endpoint.value(QStringLiteral("updatedAt")))};
}

} // namespace

int main(int argc, char *argv[]) {
    const LaunchClock clock;
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QUrl collection(arguments.value(1));
    const qsizetype keychainAt = arguments.indexOf(QStringLiteral("--api-key-from-keychain"));
    if (collection.isEmpty() || (keychainAt > 0 && keychainAt + 2 >= arguments.size())) {
        QTextStream(stderr) << "usage: bench_qt_table URL [--api-key-from-keychain SERVICE KEY]\n";
        return 2;
    }

    RowModel model;
    QTableView view;
    view.setModel(&model);
    view.resize(1360, 800); // the console's default size
    view.show();

    bool allIn = false;
    double keyMs = -1;
    PaintProbe probe(view.viewport());
    probe.painted = [&] {
        if (!allIn)
            return;
        allIn = false; // report the first paint only
        QTextStream(stdout)
            << QJsonDocument(
                   QJsonObject{{QStringLiteral("rowsShownMs"), clock.elapsedMs()},
                               {QStringLiteral("rows"), model.rowCount()},
                               {QStringLiteral("rssMiB"), residentMiB()},
                               {QStringLiteral("clock"), clock.source()},
                               {QStringLiteral("keyMs"), keyMs < 0 ? QJsonValue() : keyMs},
                               {QStringLiteral("viewport"),
                                QStringLiteral("%1×%2").arg(view.viewport()->width()).arg(view.viewport()->height())}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
        QCoreApplication::exit(0);
    };

    QNetworkAccessManager network;
    QByteArray apiKey;
    std::vector<Row> rows;
    std::function<void(const QString &)> fetch = [&](const QString &cursor) {
        QUrl url = collection;
        if (!cursor.isEmpty())
            url.setQuery(QUrlQuery{{QStringLiteral("cursor"), cursor}});
        QNetworkRequest request(url);
        if (!apiKey.isEmpty())
            request.setRawHeader("X-Api-Key", apiKey);
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError) {
                QTextStream(stderr) << reply->errorString() << Qt::endl;
                QCoreApplication::exit(1);
                return;
            }
            const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
            for (const QJsonValue &endpoint : page.value(QStringLiteral("data")).toArray())
                rows.push_back(rowOf(endpoint.toObject()));
            const QString next = page.value(QStringLiteral("nextCursor")).toString();
            if (!next.isEmpty())
                return fetch(next);
            model.append(std::move(rows));
            allIn = true;
        });
    };
    if (keychainAt < 0) {
        fetch(QString());
        return app.exec();
    }
    auto *read = new QKeychain::ReadPasswordJob(arguments.at(keychainAt + 1));
    read->setKey(arguments.at(keychainAt + 2));
    read->setInsecureFallback(false);
    read->setAutoDelete(true);
    QObject::connect(read, &QKeychain::Job::finished, &app, [&](QKeychain::Job *job) {
        if (job->error() != QKeychain::NoError) {
            QTextStream(stderr) << "the keychain did not give the API key: " << job->errorString() << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        keyMs = clock.elapsedMs();
        apiKey = static_cast<QKeychain::ReadPasswordJob *>(job)->textData().toUtf8();
        fetch(QString());
    });
    read->start();
    return app.exec();
}
