// Reading an endpoints document: YAML or JSON, every value's line kept, variables substituted,
// and every problem named GNU style with the line of the offending value.
#include "DocumentReader.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace {

QStringList texts(const DocumentProblems &problems) {
    QStringList list;
    for (const DocumentProblem &problem : problems)
        list << problem.toString();
    return list;
}

const QByteArray yamlDocument = "version: 1\n"
                                "connections:\n"
                                "  - name: prod-layers\n"
                                "    provider: layers\n"
                                "    environment: production\n"
                                "    endpoints:\n"
                                "      - key: orders\n"
                                "        url: https://hooks.${domain}/orders\n"
                                "        events: [job.completed, job.failed]\n"
                                "        label: \"Orders\"\n"
                                "        status: paused\n"
                                "        metadata:\n"
                                "          team: shop\n"
                                "        secret: required\n"
                                "      - id: 0d66f0fd-f1d8-4577-a74b-434e562e16fb\n"
                                "        url: \"https://literal.example.com/$${notavariable}\"\n"
                                "        events:\n"
                                "          - post.published\n"
                                "        timeoutMs: 5000\n";

} // namespace

class TestDocumentReader : public QObject {
    Q_OBJECT

private slots:
    void readsYamlWithLinesAndVariables() {
        DocumentVariables variables;
        QString error;
        QVERIFY(variables.set(QStringLiteral("domain=example.com"), &error));
        DocumentProblems problems;
        const std::optional<EndpointDocument> document =
            DocumentReader(variables).read(yamlDocument, QStringLiteral("prod.yaml"), &problems);
        QVERIFY2(document, qPrintable(texts(problems).join(QLatin1Char('\n'))));
        QCOMPARE(document->connections.size(), 1);
        const DocumentConnection &connection = document->connections.first();
        QCOMPARE(connection.name, QStringLiteral("prod-layers"));
        QCOMPARE(connection.provider, QStringLiteral("layers"));
        QCOMPARE(connection.environment, std::optional<Environment>(Environment::Production));
        QCOMPARE(connection.lineOf(QStringLiteral("provider")), 4);
        QCOMPARE(connection.endpoints.size(), 2);
        const DocumentEndpoint &orders = connection.endpoints.at(0);
        QCOMPARE(orders.key, QStringLiteral("orders"));
        QCOMPARE(orders.line, 7);
        QCOMPARE(orders.fields.value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://hooks.example.com/orders"));
        QCOMPARE(orders.lineOf(QStringLiteral("url")), 8);
        QCOMPARE(orders.fields.value(QStringLiteral("events")).toArray().size(), 2);
        QCOMPARE(orders.fields.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        QCOMPARE(orders.fields.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("team")).toString(),
                 QStringLiteral("shop"));
        QCOMPARE(orders.secret, SecretRequirement::Required);
        const DocumentEndpoint &second = connection.endpoints.at(1);
        QCOMPARE(second.id, QStringLiteral("0d66f0fd-f1d8-4577-a74b-434e562e16fb"));
        QCOMPARE(second.fields.value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://literal.example.com/${notavariable}")); // $${ is a literal ${
        QCOMPARE(second.fields.value(QStringLiteral("timeoutMs")).toInt(), 5000);
        QCOMPARE(second.lineOf(QStringLiteral("timeoutMs")), 19);
        QCOMPARE(second.secret, SecretRequirement::Unstated);
        QVERIFY(!second.fields.contains(QStringLiteral("status"))); // left out: not managed
    }

    void readsJsonWithLines() {
        const QByteArray json = "{\n"
                                "  \"version\": 1,\n"
                                "  \"connections\": [\n"
                                "    {\n"
                                "      \"name\": \"dev\",\n"
                                "      \"provider\": \"signa\",\n"
                                "      \"endpoints\": [\n"
                                "        {\n"
                                "          \"url\": \"https://hooks.example.com/a\",\n"
                                "          \"events\": [\"alert.created\"],\n"
                                "          \"status\": \"sleeping\"\n"
                                "        }\n"
                                "      ]\n"
                                "    }\n"
                                "  ]\n"
                                "}";
        DocumentProblems problems;
        QVERIFY(!DocumentReader().read(json, QStringLiteral("dev.json"), &problems));
        QCOMPARE(texts(problems),
                 QStringList{QStringLiteral("dev.json:11: status must be active or paused, not \"sleeping\"")});

        problems.clear();
        QByteArray valid = json;
        valid.replace("sleeping", "active");
        const std::optional<EndpointDocument> document =
            DocumentReader().read(valid, QStringLiteral("dev.json"), &problems);
        QVERIFY(document);
        QCOMPARE(document->connections.first().endpoints.first().lineOf(QStringLiteral("url")), 9);
    }

    // A JSON syntax error is reported on the line where the parser stopped: the missing comma
    // after line 4's value shows on line 5, where the next key starts.
    void jsonSyntaxErrorNamesItsLine() {
        const QByteArray json = "{\n"
                                "  \"version\": 1,\n"
                                "  \"connections\": [\n"
                                "    {\"name\": \"dev\"\n"
                                "     \"provider\": \"signa\"}\n"
                                "  ]\n"
                                "}\n";
        DocumentProblems problems;
        QVERIFY(!DocumentReader().read(json, QStringLiteral("dev.json"), &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().toString().startsWith(QStringLiteral("dev.json:5: ")),
                 qPrintable(problems.first().toString()));
    }

    void undefinedVariableIsAnErrorOnItsLine() {
        DocumentProblems problems;
        QVERIFY(!DocumentReader().read(yamlDocument, QStringLiteral("prod.yaml"), &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(
            problems.first().toString().startsWith(QStringLiteral("prod.yaml:8: variable \"domain\" is not defined")),
            qPrintable(problems.first().toString()));
    }

    void varsFileGivesValuesAndCommandLineWins() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vars.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("domain: from-file.example\nother: x\n");
        file.close();
        DocumentVariables variables;
        QString error;
        DocumentProblems problems;
        QVERIFY(variables.readFile(path, &problems));
        QCOMPARE(*variables.substitute(QStringLiteral("${domain}/${other}"), &error),
                 QStringLiteral("from-file.example/x"));
        DocumentVariables preferred;
        QVERIFY(preferred.set(QStringLiteral("domain=cli.example"), &error));
        QVERIFY(preferred.readFile(path, &problems));
        QCOMPARE(*preferred.substitute(QStringLiteral("${domain}"), &error), QStringLiteral("cli.example"));
        QVERIFY(!preferred.substitute(QStringLiteral("${unclosed"), &error));
        QVERIFY(!variables.set(QStringLiteral("no-equals-sign"), &error));

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("ok: 1\nbad name: 2\n");
        file.close();
        problems.clear();
        QVERIFY(!DocumentVariables().readFile(path, &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().toString().startsWith(path + QStringLiteral(":2: ")),
                 qPrintable(problems.first().toString()));
    }

    void problemsNameTheirLines_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray head = "version: 1\nconnections:\n  - name: c\n    provider: layers\n    endpoints:\n";
        QTest::newRow("unknown key") << head +
                                            "      - url: https://a.example\n        events: [a.b]\n        urll: x\n"
                                     << QStringLiteral("d.yaml:8: unknown key \"urll\" in an endpoint");
        QTest::newRow("key twice")
            << head + "      - url: https://a.example\n        events: [a.b]\n        url: https://b.example\n"
            << QStringLiteral("d.yaml:8: \"url\" is given twice in an endpoint (first on line 6)");
        QTest::newRow("events not a list") << head + "      - url: https://a.example\n        events: a.b\n"
                                           << QStringLiteral("d.yaml:7: events must be a list");
        QTest::newRow("bad timeout")
            << head + "      - url: https://a.example\n        events: [a.b]\n        timeoutMs: soon\n"
            << QStringLiteral("d.yaml:8: timeoutMs must be a positive whole number");
        QTest::newRow("bad secret")
            << head + "      - url: https://a.example\n        events: [a.b]\n        secret: s3cr3t\n"
            << QStringLiteral("d.yaml:8: secret must be required or none");
        QTest::newRow("no url") << head + "      - events: [a.b]\n"
                                << QStringLiteral("d.yaml:6: an endpoint needs a url");
        QTest::newRow("wrong version") << QByteArray("version: 2\nconnections: []\n")
                                       << QStringLiteral("d.yaml:1: version must be 1, not \"2\"");
        QTest::newRow("syntax") << head + "      - url: [unclosed\n" << QStringLiteral("d.yaml:7: ");
        QTest::newRow("bad environment") << QByteArray("version: 1\nconnections:\n  - name: c\n    provider: layers\n"
                                                       "    environment: staging\n")
                                         << QStringLiteral("d.yaml:5: environment must be production or development");
    }

    void problemsNameTheirLines() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        DocumentProblems problems;
        QVERIFY(!DocumentReader().read(text, QStringLiteral("d.yaml"), &problems));
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.first().toString().startsWith(expected), qPrintable(texts(problems).join(QLatin1Char('\n'))));
    }

    void emptyAndMissingFilesAreProblems() {
        DocumentProblems problems;
        QVERIFY(!DocumentReader().read(QByteArray(), QStringLiteral("e.yaml"), &problems));
        QCOMPARE(texts(problems), QStringList{QStringLiteral("e.yaml: the document is empty")});
        problems.clear();
        QVERIFY(!DocumentReader().readFile(QStringLiteral("/nonexistent/x.yaml"), &problems));
        QVERIFY(problems.first().toString().startsWith(QStringLiteral("/nonexistent/x.yaml: cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestDocumentReader)
#include "tst_DocumentReader.moc"
