// Checking a whole endpoints document against the provider profiles before anything is sent:
// each kind of problem, with the line of the offending value.
#include "DocumentReader.h"
#include "DocumentValidator.h"

#include <QTest>

namespace {

// A document of one connection whose one endpoint has the given extra lines (line 8 onwards).
QByteArray document(const QByteArray &provider, const QByteArray &endpointLines,
                    const QByteArray &environment = "production") {
    return "version: 1\n"
           "connections:\n"
           "  - name: c\n"
           "    provider: " +
           provider +
           "\n"
           "    environment: " +
           environment +
           "\n"
           "    endpoints:\n"
           "      - key: first\n" +
           endpointLines;
}

QStringList problemsOf(const QByteArray &text) {
    DocumentProblems problems;
    const std::optional<EndpointDocument> read = DocumentReader().read(text, QStringLiteral("d.yaml"), &problems);
    if (read)
        problems << DocumentValidator(ProviderRegistry()).validate(*read);
    QStringList texts;
    for (const DocumentProblem &problem : problems)
        texts << problem.toString();
    return texts;
}

} // namespace

class TestDocumentValidator : public QObject {
    Q_OBJECT

private slots:
    void validDocumentsPass() {
        QCOMPARE(problemsOf(document("layers", "        url: https://hooks.example.com/a\n"
                                               "        events: [job.completed, custom.thing]\n"
                                               "        status: paused\n"
                                               "        scope: own\n"
                                               "        metadata: {team: shop}\n")),
                 QStringList());
        QCOMPARE(problemsOf(document("polyai", "        url: https://hooks.example.com/a\n"
                                               "        events: [alerts.triggered]\n"
                                               "        label: Alerts\n"
                                               "        headers: {X-Team: shop}\n"
                                               "        timeoutMs: 5000\n")),
                 QStringList());
    }

    void eachProblemNamesItsLine_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray url = "        url: https://hooks.example.com/a\n";
        QTest::newRow("field the provider lacks")
            << document("encrata", url + "        events: [credits.low]\n        metadata: {team: shop}\n")
            << QStringLiteral("d.yaml:10: Encrata has no metadata; remove it");
        QTest::newRow("event outside the catalog")
            << document("signa", url + "        events: [alert.deleted]\n") << QStringLiteral("d.yaml:9: ");
        QTest::newRow("event that cannot be subscribed to")
            << document("signa", url + "        events: [webhook.test]\n") << QStringLiteral("d.yaml:9: ");
        QTest::newRow("http in production")
            << document("signa", "        url: http://hooks.example.com/a\n        events: [alert.created]\n")
            << QStringLiteral("d.yaml:8: ");
        QTest::newRow("required label missing")
            << document("polyai", url + "        events: [alerts.triggered]\n") << QStringLiteral("d.yaml:7: PolyAI");
        QTest::newRow("bad id") << document("signa",
                                            "        id: not-a-signa-id\n" + url + "        events: [alert.created]\n")
                                << QStringLiteral("d.yaml:8: \"not-a-signa-id\" is not a Signa endpoint id");
        QTest::newRow("bad key") << QByteArray("version: 1\nconnections:\n  - name: c\n    provider: signa\n"
                                               "    endpoints:\n      - key: \"has space\"\n" +
                                               url + "        events: [alert.created]\n")
                                 << QStringLiteral("d.yaml:6: key \"has space\" must be");
        QTest::newRow("reserved metadata key")
            << document("layers", url + "        events: [job.completed]\n        metadata: {webhook-console-key: x}\n")
            << QStringLiteral("d.yaml:10: metadata key \"webhook-console-key\"");
        QTest::newRow("unknown provider") << document("acme", url + "        events: [a.b]\n")
                                          << QStringLiteral("d.yaml:4: unknown provider \"acme\"");
        QTest::newRow("too many events") << document("signa", url + "        events: [alert.created, alert.created]\n")
                                         << QStringLiteral("d.yaml:9: ");
    }

    void eachProblemNamesItsLine() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const QStringList problems = problemsOf(text);
        QVERIFY2(!problems.isEmpty(), "no problem found");
        QVERIFY2(problems.first().startsWith(expected), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void duplicatesNameTheFirst() {
        const QByteArray text = "version: 1\n"
                                "connections:\n"
                                "  - name: c\n"
                                "    provider: signa\n"
                                "    endpoints:\n"
                                "      - key: a\n"
                                "        url: https://hooks.example.com/a\n"
                                "        events: [alert.created]\n"
                                "      - key: a\n"
                                "        url: https://hooks.example.com/a\n"
                                "        events: [alert.created]\n"
                                "  - name: c\n"
                                "    provider: signa\n";
        const QStringList problems = problemsOf(text);
        QCOMPARE(problems,
                 (QStringList{QStringLiteral("d.yaml:9: key \"a\" is given twice (first on line 6)"),
                              QStringLiteral("d.yaml:10: url \"https://hooks.example.com/a\" is given twice (first on "
                                             "line 7)"),
                              QStringLiteral("d.yaml:12: connection \"c\" is given twice (first on line 3)")}));
    }

    void developmentAllowsPlainHttpWhereTheProfileDoes() {
        QCOMPARE(
            problemsOf(document("signa", "        url: http://hooks.example.com/a\n        events: [alert.created]\n",
                                "development")),
            QStringList());
    }
};

QTEST_GUILESS_MAIN(TestDocumentValidator)
#include "tst_DocumentValidator.moc"
