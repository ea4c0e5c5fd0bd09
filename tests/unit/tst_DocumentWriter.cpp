// Writing an endpoints document: what DocumentReader reads back is the document written, keys in
// the schema's order, text that looks like YAML's null, a boolean or a variable kept as text.
#include "DocumentReader.h"
#include "DocumentWriter.h"

#include <QJsonArray>
#include <QTest>

class TestDocumentWriter : public QObject {
    Q_OBJECT

private:
    static EndpointDocument sample() {
        EndpointDocument document;
        DocumentConnection connection;
        connection.name = QStringLiteral("dev: layers");
        connection.provider = QStringLiteral("layers");
        connection.baseUrl = QStringLiteral("https://api.layers.com");
        connection.environment = Environment::Development;
        connection.auth = QStringLiteral("bearer");
        DocumentEndpoint endpoint;
        endpoint.id = QStringLiteral("0d66f0fd-f1d8-4577-a74b-434e562e16fb");
        endpoint.key = QStringLiteral("orders");
        endpoint.fields = QJsonObject{
            {QStringLiteral("status"), QStringLiteral("paused")},
            {QStringLiteral("url"), QStringLiteral("https://hooks.example.com/${literal}#x")},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("job.completed"), QStringLiteral("job.failed")}},
            {QStringLiteral("label"), QStringLiteral("null")},
            {QStringLiteral("scope"), QStringLiteral("own")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("yes"), QStringLiteral("no")}, {QStringLiteral("n"), QStringLiteral("1")}}},
            {QStringLiteral("timeoutMs"), 5000}};
        endpoint.secret = SecretRequirement::Required;
        connection.endpoints << endpoint;
        DocumentEndpoint plain;
        plain.fields = QJsonObject{{QStringLiteral("url"), QStringLiteral("https://hooks.example.com/ünïcode: \"q\"")},
                                   {QStringLiteral("events"), QJsonArray{QStringLiteral("post.published")}},
                                   {QStringLiteral("status"), QStringLiteral("active")}};
        plain.secret = SecretRequirement::None;
        connection.endpoints << plain;
        document.connections << connection;
        return document;
    }

private slots:
    void readsBackTheSameDocument() {
        const EndpointDocument written = sample();
        const QByteArray text = DocumentWriter::write(written);
        DocumentProblems problems;
        const std::optional<EndpointDocument> read = DocumentReader().read(text, QStringLiteral("out.yaml"), &problems);
        QVERIFY2(read, qPrintable(text));
        QCOMPARE(read->connections.size(), 1);
        const DocumentConnection &connection = read->connections.first();
        QCOMPARE(connection.name, QStringLiteral("dev: layers"));
        QCOMPARE(connection.environment, std::optional<Environment>(Environment::Development));
        QCOMPARE(connection.auth, QStringLiteral("bearer"));
        QCOMPARE(connection.endpoints.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const DocumentEndpoint &expected = written.connections.first().endpoints.at(i);
            const DocumentEndpoint &actual = connection.endpoints.at(i);
            QCOMPARE(actual.id, expected.id);
            QCOMPARE(actual.key, expected.key);
            QCOMPARE(actual.fields, expected.fields);
            QCOMPARE(actual.secret, expected.secret);
        }
    }

    void keysInTheSchemasOrder() {
        const QString text = QString::fromUtf8(DocumentWriter::write(sample()));
        QStringList order;
        for (const char *key :
             {"id:", "key:", "url:", "events:", "label:", "status:", "scope:", "metadata:", "timeoutMs:", "secret:"})
            order << QString::fromLatin1(key);
        qsizetype at = 0;
        for (const QString &key : order) {
            const qsizetype found = text.indexOf(key, at);
            QVERIFY2(found > at, qPrintable(key + QStringLiteral(" out of order in\n") + text));
            at = found;
        }
        QVERIFY(text.contains(QStringLiteral("$${literal}"))); // would otherwise read as a variable
    }
};

QTEST_GUILESS_MAIN(TestDocumentWriter)
#include "tst_DocumentWriter.moc"
