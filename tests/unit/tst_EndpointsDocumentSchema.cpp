// docs/endpoints-document.schema.json and DocumentReader cannot drift apart: the schema is valid
// JSON Schema (Debian's python3-jsonschema checks it), its property names are exactly the keys the
// reader accepts, and a document the writer makes validates against it.
#include "DocumentReader.h"
#include "DocumentWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString schemaPath = QStringLiteral(WC_TEST_DATA_DIR "/../../docs/endpoints-document.schema.json");

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

} // namespace

class TestEndpointsDocumentSchema : public QObject {
    Q_OBJECT

private slots:
    void propertiesAreTheReadersKeys() {
        QFile file(schemaPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonObject schema = QJsonDocument::fromJson(file.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject defs = schema.value(QStringLiteral("$defs")).toObject();
        QCOMPARE(sorted(schema.value(QStringLiteral("properties")).toObject().keys()),
                 sorted(DocumentReader::documentKeys()));
        QCOMPARE(sorted(defs.value(QStringLiteral("connection"))
                            .toObject()
                            .value(QStringLiteral("properties"))
                            .toObject()
                            .keys()),
                 sorted(DocumentReader::connectionKeys()));
        QCOMPARE(sorted(defs.value(QStringLiteral("endpoint"))
                            .toObject()
                            .value(QStringLiteral("properties"))
                            .toObject()
                            .keys()),
                 sorted(DocumentReader::endpointKeys()));
        for (const char *level : {"connection", "endpoint"})
            QCOMPARE(defs.value(QLatin1String(level)).toObject().value(QStringLiteral("additionalProperties")),
                     QJsonValue(false));
    }

    void writtenDocumentValidates() {
        EndpointDocument document;
        DocumentConnection connection;
        connection.name = QStringLiteral("c");
        connection.provider = QStringLiteral("polyai");
        connection.region = QStringLiteral("eu");
        connection.environment = Environment::Production;
        DocumentEndpoint endpoint;
        endpoint.key = QStringLiteral("alerts");
        endpoint.fields =
            QJsonObject{{QStringLiteral("url"), QStringLiteral("https://hooks.example.com/a")},
                        {QStringLiteral("events"), QJsonArray{QStringLiteral("alerts.triggered")}},
                        {QStringLiteral("label"), QStringLiteral("yes")},
                        {QStringLiteral("status"), QStringLiteral("active")},
                        {QStringLiteral("headers"), QJsonObject{{QStringLiteral("X-A"), QStringLiteral("1")}}},
                        {QStringLiteral("timeoutMs"), 5000}};
        endpoint.secret = SecretRequirement::Required;
        connection.endpoints << endpoint;
        document.connections << connection;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.yaml"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(DocumentWriter::write(document));
        out.close();
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import json, sys, yaml, jsonschema\n"
                                     "schema = json.load(open(sys.argv[1]))\n"
                                     "jsonschema.Draft202012Validator.check_schema(schema)\n"
                                     "jsonschema.validate(yaml.safe_load(open(sys.argv[2])), schema)\n"),
                      schemaPath, path});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    }
};

QTEST_GUILESS_MAIN(TestEndpointsDocumentSchema)
#include "tst_EndpointsDocumentSchema.moc"
