// Captured deliveries in the local state database: stored whole (headers in order, the body's raw
// bytes), newest first, bounded in the same transaction, added to a database of the previous
// schema, and never holding a secret or a credential header.
#include "DeliveryLog.h"
#include "LocalState.h"
#include "OlderSchema.h"
#include "SecretIndex.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

DeliveryLog::Entry delivery(const QString &path, const QByteArray &body = QByteArrayLiteral("{\"n\":1}")) {
    DeliveryLog::Entry entry;
    entry.receivedAt = QDateTime::fromMSecsSinceEpoch(1764000000123, Qt::UTC);
    entry.method = QStringLiteral("POST");
    entry.path = path;
    entry.headers = {{"Content-Type", "application/json"}, {"webhook-id", "msg_1"}, {"X-Twice", "a"}, {"X-Twice", "b"}};
    entry.body = body;
    return entry;
}

} // namespace

class TestDeliveryLog : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void storesAWholeDelivery() {
        LocalState state(path());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        DeliveryLog log(state);
        DeliveryLog::Entry entry = delivery(QStringLiteral("/hooks/x"), QByteArray("\x00\xff{\"a\": 1}\r\n", 12));
        entry.connectionId = QStringLiteral("c1");
        entry.endpointId = QStringLiteral("e1");
        entry.verdict = QStringLiteral("ok");
        entry.verdictMessage = QStringLiteral("Valid: signed with this endpoint's current secret.");
        entry.forward.status = 202;
        entry.forward.ms = 17;
        entry.forward.setBody(QByteArray("{\"queued\":true}\r\n\x00", 18));
        QString error;
        const auto id = log.add(entry, &error);
        QVERIFY2(id && *id > 0, qPrintable(error));

        LocalState other(path()); // another program reads it
        const QList<DeliveryLog::Entry> read = DeliveryLog(other).recent();
        QCOMPARE(read.size(), 1);
        const DeliveryLog::Entry &got = read.first();
        QCOMPARE(got.id, *id);
        QCOMPARE(got.receivedAt, entry.receivedAt);
        QCOMPARE(got.method, entry.method);
        QCOMPARE(got.path, entry.path);
        QCOMPARE(got.headers, entry.headers);
        QCOMPARE(got.body, entry.body); // raw bytes, NUL and CRLF included
        QCOMPARE(got.size(), qint64(12));
        QCOMPARE(got.connectionId, entry.connectionId);
        QCOMPARE(got.endpointId, entry.endpointId);
        QCOMPARE(got.verdict, entry.verdict);
        QCOMPARE(got.verdictMessage, entry.verdictMessage);
        QCOMPARE(got.forward.status, 202);
        QCOMPARE(got.forward.ms, qint64(17));
        QCOMPARE(got.forward.error, QString());
        QCOMPARE(got.forward.body, entry.forward.body); // raw bytes too
        QVERIFY(!got.forward.bodyTruncated);

        QSqlQuery size(state.database());
        QVERIFY(size.exec(QStringLiteral("SELECT size FROM deliveries")) && size.next());
        QCOMPARE(size.value(0).toLongLong(), qint64(12));
    }

    void newestFirst() {
        LocalState state(path());
        DeliveryLog log(state);
        for (int i = 0; i < 5; ++i)
            QVERIFY(log.add(delivery(QStringLiteral("/hooks/%1").arg(i))));
        const QList<DeliveryLog::Entry> read = log.recent(3);
        QCOMPARE(read.size(), 3);
        QCOMPARE(read.at(0).path, QStringLiteral("/hooks/4"));
        QCOMPARE(read.at(1).path, QStringLiteral("/hooks/3"));
        QCOMPARE(read.at(2).path, QStringLiteral("/hooks/2"));
        QVERIFY(read.at(0).id > read.at(1).id);
    }

    // The oldest rows go as new ones come, whichever program added them.
    void keepsOnlyTheNewest() {
        LocalState state(path());
        DeliveryLog log(state, 3);
        QCOMPARE(log.keep(), 3);
        for (int i = 0; i < 7; ++i)
            QVERIFY(log.add(delivery(QStringLiteral("/hooks/%1").arg(i))));
        QCOMPARE(log.count(), 3);
        const QList<DeliveryLog::Entry> read = log.recent();
        QCOMPARE(read.size(), 3);
        QCOMPARE(read.last().path, QStringLiteral("/hooks/4"));
        QCOMPARE(read.first().path, QStringLiteral("/hooks/6"));

        LocalState other(path());
        DeliveryLog smaller(other, 2);
        QVERIFY(smaller.add(delivery(QStringLiteral("/hooks/7"))));
        QCOMPARE(log.count(), 2);
        QCOMPARE(log.recent().last().path, QStringLiteral("/hooks/6"));
    }

    void defaultBoundIsAThousand() {
        LocalState state(path());
        QCOMPARE(DeliveryLog(state).keep(), 1000);
        QCOMPARE(DeliveryLog(state, 0).keep(), 1); // never unbounded, never empty
    }

    void clears() {
        LocalState state(path());
        DeliveryLog log(state);
        QVERIFY(log.add(delivery(QStringLiteral("/a"))));
        QVERIFY(log.clear());
        QCOMPARE(log.count(), 0);
        QVERIFY(log.recent().isEmpty());
    }

    // No column could hold a secret, and a sender's credentials are not kept with the delivery.
    void noSecretColumnNorCredentialHeader() {
        LocalState state(path());
        DeliveryLog log(state);
        DeliveryLog::Entry entry = delivery(QStringLiteral("/hooks/x"));
        entry.headers << qMakePair(QByteArray("Authorization"), QByteArray("Basic dXNlcjpodW50ZXIy"))
                      << qMakePair(QByteArray("cookie"), QByteArray("session=abc123"))
                      << qMakePair(QByteArray("PROXY-Authorization"), QByteArray("Bearer tok_live"));
        QVERIFY(log.add(entry));

        const QSqlRecord columns = state.database().record(QStringLiteral("deliveries"));
        QVERIFY(!columns.isEmpty());
        for (int i = 0; i < columns.count(); ++i) {
            const QString name = columns.fieldName(i);
            QVERIFY2(!name.contains(QLatin1String("secret")) && !name.contains(QLatin1String("key")) &&
                         !name.contains(QLatin1String("token")) && !name.contains(QLatin1String("password")),
                     qPrintable(name));
        }
        QSqlQuery query(state.database());
        QVERIFY(query.exec(QStringLiteral("SELECT headers FROM deliveries")) && query.next());
        const QString stored = query.value(0).toString();
        QVERIFY2(!stored.contains(QLatin1String("dXNlcjpodW50ZXIy")), qPrintable(stored));
        QVERIFY2(!stored.contains(QLatin1String("abc123")), qPrintable(stored));
        QVERIFY2(!stored.contains(QLatin1String("tok_live")), qPrintable(stored));
        QVERIFY(stored.contains(QLatin1String("msg_1"))); // the rest is kept as sent
        const auto headers = log.recent().first().headers;
        QCOMPARE(headers.at(4).first, QByteArray("Authorization"));
        QCOMPARE(headers.at(4).second, QByteArray("[not stored]"));
    }

    // A database of schema 3 (previous secrets, no deliveries) gains the table and keeps its rows.
    void addedToTheVersionBefore() {
        {
            LocalState state(path());
            SecretIndex index(state);
            QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e1"), true));
            QVERIFY(downgradeSchema(state.database(), 3));
        }
        LocalState state(path());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        QSqlQuery query(state.database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), LocalState::schemaVersion);
        QCOMPARE(SecretIndex(state).storedEndpoints(QStringLiteral("c1")), QSet<QString>{QStringLiteral("e1")});
        DeliveryLog log(state);
        QVERIFY(log.add(delivery(QStringLiteral("/a"))));
        QCOMPARE(log.count(), 1);
    }

    // A forward target's answer is kept whole up to 64 KiB, then its beginning, said to be cut;
    // a replay's outcome replaces the live forward's, body included.
    void keepsTheForwardAnswerBoundedAndReplaced() {
        LocalState state(path());
        DeliveryLog log(state);
        DeliveryLog::Entry entry = delivery(QStringLiteral("/hooks/x"));
        entry.forward.status = 200;
        entry.forward.ms = 40;
        QByteArray page(ForwardOutcome::maxBodyBytes + 10, 'p');
        page.replace(0, 6, "<html>");
        // Given whole (not through setBody): the log bounds it itself.
        entry.forward.body = page;
        const auto id = log.add(entry);
        QVERIFY(id);
        DeliveryLog::Entry got = DeliveryLog(state).recent(1).first();
        QCOMPARE(got.forward.body.size(), ForwardOutcome::maxBodyBytes);
        QCOMPARE(got.forward.body, page.left(ForwardOutcome::maxBodyBytes));
        QVERIFY(got.forward.bodyTruncated);

        ForwardOutcome replayed;
        replayed.status = 503;
        replayed.ms = 9;
        replayed.setBody("try later");
        QString error;
        QVERIFY2(log.recordForward(*id, replayed, &error), qPrintable(error));
        got = log.recent(1).first();
        QCOMPARE(got.forward.status, 503);
        QCOMPARE(got.forward.ms, qint64(9));
        QCOMPARE(got.forward.body, QByteArray("try later"));
        QVERIFY(!got.forward.bodyTruncated);

        // A failed replay: no answer, no body, the reason.
        ForwardOutcome failed;
        failed.ms = 10000;
        failed.error = QStringLiteral("Connection refused");
        QVERIFY(log.recordForward(*id, failed));
        got = log.recent(1).first();
        QCOMPARE(got.forward.status, 0);
        QCOMPARE(got.forward.error, QStringLiteral("Connection refused"));
        QVERIFY(got.forward.body.isEmpty());
        // Cut by whoever read it (the forwarder stops at 1 MiB): still said to be cut.
        ForwardOutcome cut;
        cut.status = 200;
        cut.ms = 1;
        cut.setBody("start of a longer answer", true);
        QVERIFY(log.recordForward(*id, cut));
        QVERIFY(log.recent(1).first().forward.bodyTruncated);
    }

    // A database of schema 5, with a delivery in it, gains the forward answer's columns: the old
    // row reads with none, and a replay can keep one.
    void schemaFiveGainsTheForwardAnswer() {
        {
            LocalState state(path());
            QVERIFY(downgradeSchema(state.database(), 5)); // the forward answer's columns go
            QSqlQuery query(state.database());
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO deliveries (received_at, method, path, headers, body, size, verdict, forward_status, "
                "forward_ms) VALUES (1764000000123, 'POST', '/old', '[]', x'7b7d', 2, 'ok', 202, 31)")));
        }
        LocalState state(path());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        QSqlQuery version(state.database());
        QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
        QCOMPARE(version.value(0).toInt(), LocalState::schemaVersion);
        DeliveryLog log(state);
        QList<DeliveryLog::Entry> read = log.recent();
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().path, QStringLiteral("/old"));
        QCOMPARE(read.first().body, QByteArray("{}"));
        QCOMPARE(read.first().forward.status, 202);
        QCOMPARE(read.first().forward.ms, qint64(31));
        QVERIFY(read.first().forward.body.isEmpty());
        QVERIFY(!read.first().forward.bodyTruncated);

        ForwardOutcome replayed;
        replayed.status = 200;
        replayed.ms = 5;
        replayed.setBody("ok");
        QVERIFY(log.recordForward(read.first().id, replayed));
        DeliveryLog::Entry entry = delivery(QStringLiteral("/new"));
        entry.forward = replayed;
        QVERIFY(log.add(entry));
        read = log.recent();
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0).forward.body, QByteArray("ok"));
        QCOMPARE(read.at(1).forward.body, QByteArray("ok"));
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("state.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestDeliveryLog)
#include "tst_DeliveryLog.moc"
