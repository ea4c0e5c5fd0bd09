// webhookctl export, plan and apply: the real binary against in-process sandboxes on loopback
// (one per test, so each starts empty), with the real keychain that ./test.sh provides. Checks
// what plan and apply print and exit with, what went on the wire, and what the local state
// remembers between runs.
#include "AppliedEndpoints.h"
#include "ConnectionStore.h"
#include "CtlProcess.h"
#include "DocumentReader.h"
#include "LocalState.h"
#include "SandboxServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {

const QString schemaPath = QStringLiteral(WC_TEST_DATA_DIR "/../../docs/endpoints-document.schema.json");

QString readText(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// An endpoint of a document without what differs between connections: its id.
QString comparable(const DocumentEndpoint &endpoint) {
    return QString::fromUtf8(QJsonDocument(endpoint.fields).toJson(QJsonDocument::Compact)) + QLatin1Char(' ') +
           endpoint.key + QLatin1Char(' ') + QString::number(int(endpoint.secret));
}

} // namespace

class TestWebhookctlAsCode : public QObject {
    Q_OBJECT

private:
    const QString m_apiKey = QStringLiteral("sk_ascode_") + QUuid::createUuid().toString(QUuid::Id128);
    QTemporaryDir m_dir;
    QStringList m_outputs; // everything webhookctl printed, for the leak scan
    quint32 m_seed = 0;

    std::unique_ptr<SandboxServer> newSandbox(const QString &apiKey = QString()) {
        SandboxServer::Options options;
        options.apiKey = apiKey.isEmpty() ? m_apiKey : apiKey;
        options.seed = ++m_seed; // each its own ids: a document exported from one means nothing at another
        auto sandbox = std::make_unique<SandboxServer>(options);
        if (!sandbox->listen())
            qWarning() << sandbox->errorString();
        return sandbox;
    }

    CtlRun ctl(const QStringList &arguments, const QByteArray &stdinData = QByteArray(),
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) {
        const CtlRun run = runCtl(arguments, stdinData, environment);
        m_outputs << run.out << run.err;
        return run;
    }

    QString addConnection(const QString &providerId, const SandboxServer &sandbox, const QString &prefix) {
        const QString name = prefix + QLatin1Char('-') + providerId + QLatin1Char('-') +
                             QUuid::createUuid().toString(QUuid::Id128).left(8);
        const CtlRun run = ctl({QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--provider"),
                                providerId, QStringLiteral("--base-url"), sandbox.baseUrl(providerId).toString()},
                               sandbox.options().apiKey.toUtf8() + '\n');
        if (run.exitCode != 0)
            qWarning() << run.err;
        return run.exitCode == 0 ? name : QString();
    }

    // webhookctl create at path on the provider's catalog, with the provider's extras; its id.
    QString create(const QString &connection, const QString &providerId, const QString &path, const QString &label) {
        QStringList arguments = createArguments(connection, providerId, label);
        arguments[arguments.indexOf(QStringLiteral("--url")) + 1] = QStringLiteral("https://hooks.example.com/") + path;
        const ProviderProfile profile = *ProviderRegistry().profile(providerId);
        if (profile.createFields().contains(QStringLiteral("metadata")))
            arguments << QStringLiteral("--metadata") << QStringLiteral("team=shop");
        if (profile.createFields().contains(QStringLiteral("headers")))
            arguments << QStringLiteral("--header") << QStringLiteral("X-Team=shop") << QStringLiteral("--timeout-ms")
                      << QStringLiteral("7000");
        arguments << QStringLiteral("--json");
        const CtlRun run = ctl(arguments);
        if (run.exitCode != 0)
            qWarning() << run.err;
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("id")).toString();
    }

    QString write(const QString &name, const QString &text) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(text.toUtf8());
        return path;
    }

    static EndpointDocument read(const QString &path) {
        DocumentProblems problems;
        const std::optional<EndpointDocument> document = DocumentReader().readFile(path, &problems);
        for (const DocumentProblem &problem : problems)
            qWarning().noquote() << problem.toString();
        return document.value_or(EndpointDocument());
    }

    // A document of one connection, its endpoints given as YAML lines (indented 6).
    static QString document(const QString &connection, const QString &providerId, const QString &endpoints) {
        return QStringLiteral("version: 1\nconnections:\n  - name: %1\n    provider: %2\n    endpoints:\n%3")
            .arg(connection, providerId, endpoints);
    }

    // Three Encrata endpoints, "one", "two" and "three", all with this label.
    static QString threeEncrataEndpoints(const QString &label) {
        QString lines;
        for (const char *key : {"one", "two", "three"})
            lines += QStringLiteral("      - key: %1\n        url: https://hooks.example.com/%1\n        events: "
                                    "[credits.low]\n        label: %2\n        status: active\n")
                         .arg(QLatin1String(key), label);
        return lines;
    }

    // A 500 to the second PATCH the sandbox receives, until disconnected: to that very request, and
    // Encrata's PATCH has no Idempotency-Key, so it is not retried.
    QMetaObject::Connection failSecondPatch(SandboxServer &sandbox) {
        auto patches = std::make_shared<int>(0);
        return connect(&sandbox, &SandboxServer::requestReceived, this,
                       [&sandbox, patches](const SandboxRequest &request) {
                           if (request.method == "PATCH" && ++*patches == 2)
                               sandbox.failNext(1);
                       });
    }

    static int writes(const SandboxServer &sandbox) {
        int count = 0;
        for (const SandboxRequest &request : sandbox.requestLog())
            count += request.method != "GET";
        return count;
    }

    static bool validatesAgainstSchema(const QString &path, QString *why) {
        QProcess python;
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json, sys, yaml, jsonschema\n"
                            "jsonschema.validate(yaml.safe_load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n"),
             schemaPath, path});
        python.waitForFinished(30000);
        *why = QString::fromUtf8(python.readAllStandardError());
        return python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0;
    }

    // The same connections, seen from another machine: the same settings and keychain, but a local
    // state of its own.
    QProcessEnvironment elsewhere() const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("elsewhere-data")));
        return environment;
    }

    // The endpoints this machine's local state maps to document ids or keys, for a connection.
    static QStringList appliedEndpointIds(const QString &connectionName) {
        LocalState state;
        QStringList ids;
        for (const AppliedEndpoints::Record &record :
             AppliedEndpoints(state).forConnection(ConnectionStore().byName(connectionName)->id))
            ids << record.endpointId;
        return ids;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // This process reads the settings and the local state webhookctl writes.
        QCoreApplication::setApplicationName(QStringLiteral("webhook-console"));
    }

    void roundTripOnEveryProvider_data() {
        QTest::addColumn<QString>("providerId");
        for (const char *id : {"layers", "encrata", "signa", "polyai"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    // export, apply to an empty connection, export again: the same document but for the ids.
    void roundTripOnEveryProvider() {
        QFETCH(QString, providerId);
        const auto source = newSandbox();
        const auto target = newSandbox();
        const QString from = addConnection(providerId, *source, QStringLiteral("dev"));
        const QString to = addConnection(providerId, *target, QStringLiteral("prod"));
        QVERIFY(!from.isEmpty() && !to.isEmpty());
        const QString first = create(from, providerId, QStringLiteral("orders"), QStringLiteral("Orders"));
        const QString second = create(from, providerId, QStringLiteral("refunds"), QStringLiteral("Refunds"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QCOMPARE(ctl({QStringLiteral("-c"), from, QStringLiteral("pause"), second}).exitCode, 0);

        const QString exported = m_dir.filePath(providerId + QStringLiteral("-dev.yaml"));
        const CtlRun exportRun =
            ctl({QStringLiteral("export"), QStringLiteral("-c"), from, QStringLiteral("-o"), exported});
        QVERIFY2(exportRun.exitCode == 0, qPrintable(exportRun.err));
        QString why;
        QVERIFY2(validatesAgainstSchema(exported, &why), qPrintable(why));
        const QString text = readText(exported);
        QVERIFY(text.contains(QStringLiteral("status: paused")));
        QVERIFY(text.contains(QStringLiteral("secret: required")));

        // Only the connection's name changes: its base URL is the other sandbox's, which the
        // plan warns about, and the local connection's is used.
        QString forProduction = text;
        forProduction.replace(from, to);
        const QString production = write(providerId + QStringLiteral("-prod.yaml"), forProduction);
        const CtlRun plan = ctl({QStringLiteral("plan"), QStringLiteral("-f"), production});
        QVERIFY2(plan.exitCode == 2, qPrintable(plan.out + plan.err));
        QCOMPARE(plan.out.count(QStringLiteral("  + create ")), 2);
        QVERIFY2(plan.err.contains(production + QStringLiteral(":5: warning: local connection \"%1\" uses %2, not %3; "
                                                               "the local connection is used")
                                                    .arg(to, target->baseUrl(providerId).toString(),
                                                         source->baseUrl(providerId).toString())),
                 qPrintable(plan.err));
        QCOMPARE(writes(*target), 0); // plan sends nothing but lists

        const CtlRun applied =
            ctl({QStringLiteral("apply"), QStringLiteral("-f"), production, QStringLiteral("--yes")});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        QCOMPARE(target->endpoints(providerId).size(), 2);
        // Applying the same document again plans nothing: its ids are another connection's, and
        // the mapping to the new endpoints is remembered.
        const CtlRun again = ctl({QStringLiteral("plan"), QStringLiteral("-f"), production});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QVERIFY(again.out.contains(QStringLiteral("No changes")));

        const QString reexported = m_dir.filePath(providerId + QStringLiteral("-prod-export.yaml"));
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("-c"), to, QStringLiteral("-o"), reexported}).exitCode,
                 0);
        const EndpointDocument before = read(exported);
        const EndpointDocument after = read(reexported);
        QCOMPARE(after.connections.size(), 1);
        QStringList expected, actual;
        for (const DocumentEndpoint &endpoint : before.connections.first().endpoints)
            expected << comparable(endpoint);
        for (const DocumentEndpoint &endpoint : after.connections.first().endpoints)
            actual << comparable(endpoint);
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);
        // And exporting what was applied, then planning it, changes nothing either.
        const CtlRun replan = ctl({QStringLiteral("plan"), QStringLiteral("-f"), reexported});
        QCOMPARE(replan.exitCode, 0);

        // No secret and no API key in either file: every secret the keychain holds for these endpoints.
        QStringList needles{m_apiKey};
        for (const auto &[connection, document] : {std::pair{from, before}, std::pair{to, after}}) {
            for (const DocumentEndpoint &endpoint : document.connections.first().endpoints) {
                const CtlRun shown = runCtl(
                    {QStringLiteral("-c"), connection, QStringLiteral("secret"), QStringLiteral("show"), endpoint.id});
                QCOMPARE(shown.exitCode, 0);
                QVERIFY(shown.out.trimmed().size() >= 16);
                needles << shown.out.trimmed();
            }
        }
        for (const QString &path : {exported, reexported}) {
            const QString contents = readText(path);
            for (const QString &needle : needles)
                QVERIFY2(!contents.contains(needle), qPrintable(path + QStringLiteral(" holds a secret")));
        }
        for (const QString &output : m_outputs) {
            for (const QString &needle : needles)
                QVERIFY2(!output.contains(needle), "webhookctl printed a secret or the API key");
        }
    }

    // Every change kind: create, update (field by field), pause, resume, unchanged, and delete
    // only with --prune.
    void planShowsEveryChangeKind() {
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("layers"), *sandbox, QStringLiteral("kinds"));
        const auto endpoint = [](const QString &key, const QString &path, const QString &status,
                                 const QString &label = QStringLiteral("Same")) {
            return QStringLiteral("      - key: %1\n        url: https://hooks.example.com/%2\n        events: "
                                  "[job.completed]\n        label: %3\n        status: %4\n")
                .arg(key, path, label, status);
        };
        const QString v1 =
            write(QStringLiteral("kinds-1.yaml"),
                  document(connection, QStringLiteral("layers"),
                           endpoint(QStringLiteral("same"), QStringLiteral("same"), QStringLiteral("active")) +
                               endpoint(QStringLiteral("edit"), QStringLiteral("edit"), QStringLiteral("active")) +
                               endpoint(QStringLiteral("wake"), QStringLiteral("wake"), QStringLiteral("paused")) +
                               endpoint(QStringLiteral("rest"), QStringLiteral("rest"), QStringLiteral("active"))));
        const CtlRun first = ctl({QStringLiteral("apply"), QStringLiteral("-f"), v1, QStringLiteral("--yes")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QCOMPARE(sandbox->endpoints(QStringLiteral("layers")).size(), 4);
        const QString outsider =
            create(connection, QStringLiteral("layers"), QStringLiteral("outsider"), QStringLiteral("x"));

        const QString v2 =
            write(QStringLiteral("kinds-2.yaml"),
                  document(connection, QStringLiteral("layers"),
                           endpoint(QStringLiteral("same"), QStringLiteral("same"), QStringLiteral("active")) +
                               endpoint(QStringLiteral("edit"), QStringLiteral("edited"), QStringLiteral("active"),
                                        QStringLiteral("Changed")) +
                               endpoint(QStringLiteral("wake"), QStringLiteral("wake"), QStringLiteral("active")) +
                               endpoint(QStringLiteral("rest"), QStringLiteral("rest"), QStringLiteral("paused")) +
                               endpoint(QStringLiteral("new"), QStringLiteral("new"), QStringLiteral("active"))));
        sandbox->clearRequestLog();
        const CtlRun plan = ctl({QStringLiteral("plan"), QStringLiteral("-f"), v2});
        QVERIFY2(plan.exitCode == 2, qPrintable(plan.out + plan.err));
        QVERIFY2(plan.out.contains(QStringLiteral("  + create key \"new\"")), qPrintable(plan.out));
        QVERIFY(plan.out.contains(QStringLiteral("(key \"edit\")")));
        QVERIFY(plan.out.contains(
            QStringLiteral("url: \"https://hooks.example.com/edit\" → \"https://hooks.example.com/edited\"")));
        QVERIFY(plan.out.contains(QStringLiteral("label: \"Same\" → \"Changed\"")));
        QVERIFY(!plan.out.contains(QStringLiteral("events: [\"job.completed\"] →"))); // unchanged fields are not shown
        QVERIFY(plan.out.contains(QStringLiteral("  ~ resume ")));
        QVERIFY(plan.out.contains(QStringLiteral("  ~ pause ")));
        QVERIFY(plan.out.contains(QStringLiteral("  = unchanged ")));
        QVERIFY(!plan.out.contains(QStringLiteral("  - delete")));
        QVERIFY(plan.out.contains(QStringLiteral("1 endpoint(s) of these connections are not in the document")));
        QVERIFY(plan.out.contains(
            QStringLiteral("Plan: 1 to create, 1 to update, 1 to pause, 1 to resume, 0 to delete; 1 unchanged.")));
        QCOMPARE(writes(*sandbox), 0);

        const CtlRun json = ctl(
            {QStringLiteral("plan"), QStringLiteral("-f"), v2, QStringLiteral("--prune"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 2);
        const QJsonObject parsed = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(parsed.value(QStringLiteral("changes")).toInt(), 5);
        QStringList actions;
        for (const QJsonValue &item : parsed.value(QStringLiteral("items")).toArray())
            actions << item.toObject().value(QStringLiteral("action")).toString();
        QCOMPARE(actions, (QStringList{QStringLiteral("unchanged"), QStringLiteral("update"), QStringLiteral("resume"),
                                       QStringLiteral("pause"), QStringLiteral("create"), QStringLiteral("delete")}));
        QCOMPARE(
            parsed.value(QStringLiteral("items")).toArray().last().toObject().value(QStringLiteral("id")).toString(),
            outsider);

        const CtlRun applied = ctl({QStringLiteral("apply"), QStringLiteral("-f"), v2, QStringLiteral("--yes")});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        QVERIFY(sandbox->endpoint(QStringLiteral("layers"), outsider)); // no --prune: nothing deleted
        // Only the changed fields went in the update.
        for (const SandboxRequest &request : sandbox->requestLog()) {
            if (request.method != "PATCH")
                continue;
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            QVERIFY2(!body.contains(QStringLiteral("events")), request.body.constData());
        }
        const CtlRun pruned = ctl(
            {QStringLiteral("apply"), QStringLiteral("-f"), v2, QStringLiteral("--prune"), QStringLiteral("--yes")});
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.out + pruned.err));
        QVERIFY(!sandbox->endpoint(QStringLiteral("layers"), outsider));
        QCOMPARE(ctl({QStringLiteral("plan"), QStringLiteral("-f"), v2, QStringLiteral("--prune")}).exitCode, 0);
    }

    // A change made at the provider after an apply shows as drift, and apply puts it back.
    void planShowsDrift() {
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("signa"), *sandbox, QStringLiteral("drift"));
        const QString path =
            write(QStringLiteral("drift.yaml"),
                  document(connection, QStringLiteral("signa"),
                           QStringLiteral("      - key: alerts\n        url: https://hooks.example.com/a\n"
                                          "        events: [alert.created]\n        status: active\n")));
        QCOMPARE(ctl({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--yes")}).exitCode, 0);
        const QString id = sandbox->endpoints(QStringLiteral("signa")).first().id;
        // Signa takes metadata on create and update: the key is kept there, for another machine to find.
        QCOMPARE(
            sandbox->endpoints(QStringLiteral("signa")).first().metadata.value(QStringLiteral("webhook-console-key")),
            QStringLiteral("alerts"));
        // At the provider, behind the document's back: its URL, and a label the document does not manage.
        const CtlRun changed = ctl({QStringLiteral("-c"), connection, QStringLiteral("update"), id,
                                    QStringLiteral("--url"), QStringLiteral("https://hooks.example.com/elsewhere"),
                                    QStringLiteral("--description"), QStringLiteral("set by hand")});
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));

        const CtlRun plan = ctl({QStringLiteral("plan"), QStringLiteral("-f"), path});
        QVERIFY2(plan.exitCode == 2, qPrintable(plan.out + plan.err));
        QVERIFY2(plan.out.contains(QStringLiteral("url: \"https://hooks.example.com/elsewhere\" → "
                                                  "\"https://hooks.example.com/a\"   (drift: changed at the provider "
                                                  "since the last apply)")),
                 qPrintable(plan.out));
        QVERIFY(plan.out.contains(QStringLiteral("! drift: url, label changed at the provider since the last apply")));
        QCOMPARE(ctl({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--yes")}).exitCode, 0);
        QCOMPARE(sandbox->endpoint(QStringLiteral("signa"), id)->url, QStringLiteral("https://hooks.example.com/a"));
        const CtlRun after = ctl({QStringLiteral("plan"), QStringLiteral("-f"), path});
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(!after.out.contains(QStringLiteral("! drift")) && !after.out.contains(QStringLiteral("(drift")),
                 qPrintable(after.out));

        // Deleted at the provider behind this machine's back (from another machine, whose local
        // state is its own): planned as a create, marked as drift.
        QCOMPARE(appliedEndpointIds(connection), QStringList{id});
        QCOMPARE(ctl({QStringLiteral("-c"), connection, QStringLiteral("delete"), id}, {}, elsewhere()).exitCode, 0);
        const CtlRun gone = ctl({QStringLiteral("plan"), QStringLiteral("-f"), path});
        QCOMPARE(gone.exitCode, 2);
        QVERIFY(gone.out.contains(QStringLiteral("drift: deleted at the provider since the last apply")));
        // The apply forgets the endpoint found gone, and remembers the one it creates instead.
        QCOMPARE(ctl({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--yes")}).exitCode, 0);
        QCOMPARE(sandbox->endpoints(QStringLiteral("signa")).size(), 1);
        const QString recreated = sandbox->endpoints(QStringLiteral("signa")).first().id;
        QVERIFY(recreated != id);
        QCOMPARE(appliedEndpointIds(connection), QStringList{recreated});

        // Deleted from this machine: its mapping goes with it, so nothing counts as drift.
        QCOMPARE(ctl({QStringLiteral("-c"), connection, QStringLiteral("delete"), recreated}).exitCode, 0);
        QVERIFY(appliedEndpointIds(connection).isEmpty());
        const CtlRun deleted = ctl({QStringLiteral("plan"), QStringLiteral("-f"), path});
        QCOMPARE(deleted.exitCode, 2);
        QVERIFY2(deleted.out.contains(QStringLiteral("  + create key \"alerts\"")), qPrintable(deleted.out));
        QVERIFY2(!deleted.out.contains(QStringLiteral("drift:")), qPrintable(deleted.out));
    }

    // A pruned endpoint's mapping goes too, and so do a removed connection's.
    void pruneAndConnectionRemoveForgetTheirMappings() {
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("layers"), *sandbox, QStringLiteral("forget"));
        const QString both = write(QStringLiteral("forget-both.yaml"),
                                   document(connection, QStringLiteral("layers"),
                                            QStringLiteral("      - key: a\n        url: https://hooks.example.com/a\n"
                                                           "        events: [job.completed]\n"
                                                           "      - key: b\n        url: https://hooks.example.com/b\n"
                                                           "        events: [job.completed]\n")));
        QCOMPARE(ctl({QStringLiteral("apply"), QStringLiteral("-f"), both, QStringLiteral("--yes")}).exitCode, 0);
        QCOMPARE(appliedEndpointIds(connection).size(), 2);
        const QString one = write(QStringLiteral("forget-one.yaml"),
                                  document(connection, QStringLiteral("layers"),
                                           QStringLiteral("      - key: a\n        url: https://hooks.example.com/a\n"
                                                          "        events: [job.completed]\n")));
        QCOMPARE(ctl({QStringLiteral("apply"), QStringLiteral("-f"), one, QStringLiteral("--prune"),
                      QStringLiteral("--yes")})
                     .exitCode,
                 0);
        QCOMPARE(sandbox->endpoints(QStringLiteral("layers")).size(), 1);
        QCOMPARE(appliedEndpointIds(connection), QStringList{sandbox->endpoints(QStringLiteral("layers")).first().id});
        const QString connectionId = ConnectionStore().byName(connection)->id;
        QCOMPARE(ctl({QStringLiteral("connection"), QStringLiteral("remove"), connection}).exitCode, 0);
        LocalState state;
        QVERIFY(AppliedEndpoints(state).forConnection(connectionId).isEmpty());
    }

    // A provider error mid-apply (the sandbox's fault injection: a 500 to the second update)
    // stops the apply with a summary of what was done and what was not; a second apply finishes.
    void failureMidApplyIsSummarisedAndFinishedNextTime() {
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("encrata"), *sandbox, QStringLiteral("fault"));
        const QString v1 =
            write(QStringLiteral("fault-1.yaml"),
                  document(connection, QStringLiteral("encrata"), threeEncrataEndpoints(QStringLiteral("first"))));
        QCOMPARE(ctl({QStringLiteral("apply"), QStringLiteral("-f"), v1, QStringLiteral("--yes")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("plan"), QStringLiteral("-f"), v1}).exitCode, 0); // keys from the local state

        const QString v2 =
            write(QStringLiteral("fault-2.yaml"),
                  document(connection, QStringLiteral("encrata"), threeEncrataEndpoints(QStringLiteral("second"))));
        const QMetaObject::Connection armed = failSecondPatch(*sandbox);
        const CtlRun broken = ctl({QStringLiteral("apply"), QStringLiteral("-f"), v2, QStringLiteral("--yes")});
        disconnect(armed);
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.out.contains(QStringLiteral("~ update: ")), qPrintable(broken.out));
        QVERIFY2(broken.err.contains(QStringLiteral("the apply stopped at its first error (update ")),
                 qPrintable(broken.err));
        QVERIFY(broken.err.contains(QStringLiteral("HTTP 500")));
        const QRegularExpression done(QStringLiteral("done: update [^,]+\\(key \"one\"\\)\\."));
        QVERIFY2(done.match(broken.err).hasMatch(), qPrintable(broken.err));
        const QRegularExpression notDone(
            QStringLiteral("not done: update [^,]+\\(key \"two\"\\), update [^,]+\\(key \"three\"\\)\\."));
        QVERIFY2(notDone.match(broken.err).hasMatch(), qPrintable(broken.err));

        const CtlRun plan = ctl({QStringLiteral("plan"), QStringLiteral("-f"), v2});
        QCOMPARE(plan.exitCode, 2);
        QVERIFY(plan.out.contains(QStringLiteral("Plan: 0 to create, 2 to update")));
        const CtlRun finished = ctl({QStringLiteral("apply"), QStringLiteral("-f"), v2, QStringLiteral("--yes")});
        QVERIFY2(finished.exitCode == 0, qPrintable(finished.out + finished.err));
        QCOMPARE(ctl({QStringLiteral("plan"), QStringLiteral("-f"), v2}).exitCode, 0);
        QCOMPARE(sandbox->endpoints(QStringLiteral("encrata")).size(), 3);
    }

    // A field the provider cannot change on an existing endpoint is a plan error, never a
    // delete and create (which would give the endpoint a new signing secret).
    void unchangeableFieldIsAPlanErrorNotARecreate() {
        const auto sandbox = newSandbox();
        const QString first = QStringLiteral("8f14e45f-ceea-467f-a8d2-7a5b1f9c3e01");
        const QString second = QStringLiteral("c9f0f895-fb98-4b91-9f16-2b6b1d3a6e02");
        sandbox->setKnownProjectIds({first, second});
        const QString connection = addConnection(QStringLiteral("layers"), *sandbox, QStringLiteral("project"));
        const auto documentIn = [&](const QString &projectId) {
            return document(connection, QStringLiteral("layers"),
                            QStringLiteral("      - key: jobs\n        url: https://hooks.example.com/jobs\n"
                                           "        events: [job.completed]\n        projectId: %1\n")
                                .arg(projectId));
        };
        const QString v1 = write(QStringLiteral("project-1.yaml"), documentIn(first));
        const CtlRun created = ctl({QStringLiteral("apply"), QStringLiteral("-f"), v1, QStringLiteral("--yes")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString id = sandbox->endpoints(QStringLiteral("layers")).first().id;
        QCOMPARE(sandbox->endpoint(QStringLiteral("layers"), id)->projectId.value_or(QString()), first);

        const QString v2 = write(QStringLiteral("project-2.yaml"), documentIn(second));
        sandbox->clearRequestLog();
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("plan"), QStringLiteral("-f"), v2},
              QStringList{QStringLiteral("apply"), QStringLiteral("-f"), v2, QStringLiteral("--yes")}}) {
            const CtlRun run = ctl(arguments);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(v2 + QStringLiteral(":9: Layers cannot change the projectId of an existing "
                                                          "endpoint")),
                     qPrintable(run.err));
            QVERIFY(run.err.contains(QStringLiteral("never deletes and recreates")));
        }
        QCOMPARE(writes(*sandbox), 0);
        QCOMPARE(sandbox->endpoints(QStringLiteral("layers")).size(), 1);
        QVERIFY(sandbox->endpoint(QStringLiteral("layers"), id));
    }

    // No Secret Service: apply still creates each endpoint, prints each secret once to stderr and
    // exits 3, as webhookctl create does; a document that requires the secrets then fails to plan.
    // (Encrata: without an Idempotency-Key the create cannot be replayed later to fetch the secret
    // again, as the journal's recovery does for Layers and Signa.)
    void keychainUnavailableShowsEachSecretOnce() {
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("encrata"), *sandbox, QStringLiteral("nokeychain"));
        QString endpoints;
        for (const char *key : {"a", "b"})
            endpoints += QStringLiteral("      - key: %1\n        url: https://hooks.example.com/%1\n"
                                        "        events: [credits.low]\n        secret: SECRET\n")
                             .arg(QLatin1String(key));
        const QString path =
            write(QStringLiteral("nokeychain.yaml"),
                  document(connection, QStringLiteral("encrata"),
                           QString(endpoints).replace(QStringLiteral("SECRET"), QStringLiteral("none"))));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        environment.insert(QStringLiteral("WEBHOOK_API_KEY"), m_apiKey);
        const CtlRun run =
            runCtl({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--yes")}, {}, environment);
        QCOMPARE(run.exitCode, 3);
        const QList<SandboxEndpoint> created = sandbox->endpoints(QStringLiteral("encrata"));
        QCOMPARE(created.size(), 2);
        for (const SandboxEndpoint &endpoint : created) {
            QCOMPARE(run.err.count(endpoint.secret), 1);
            QVERIFY(!run.out.contains(endpoint.secret));
        }
        QVERIFY(run.err.contains(QStringLiteral("WARNING")));
        QVERIFY(run.out.contains(QStringLiteral("Apply complete: 2 change(s) applied.")));

        const QString requiring =
            write(QStringLiteral("nokeychain-required.yaml"),
                  document(connection, QStringLiteral("encrata"),
                           QString(endpoints).replace(QStringLiteral("SECRET"), QStringLiteral("required"))));
        const CtlRun plan = ctl({QStringLiteral("plan"), QStringLiteral("-f"), requiring});
        QVERIFY2(plan.exitCode == 1, qPrintable(plan.out + plan.err));
        QVERIFY2(plan.err.contains(requiring + QStringLiteral(":9: the document requires the signing secret of ")),
                 qPrintable(plan.err));
        QVERIFY(plan.err.contains(QStringLiteral("secret import")));
        QCOMPARE(ctl({QStringLiteral("plan"), QStringLiteral("-f"), path}).exitCode, 0);
    }

    // An invalid document is refused whole, each problem on its line, and nothing is sent.
    void invalidDocumentSendsNothing_data() {
        QTest::addColumn<QString>("endpoints");
        QTest::addColumn<QString>("expected");
        QTest::newRow("event outside the catalog")
            << QStringLiteral("      - url: https://hooks.example.com/a\n        events: [alert.created]\n"
                              "      - url: https://hooks.example.com/b\n        events: [alert.deleted]\n")
            << QStringLiteral(":9: ");
        QTest::newRow("undefined variable")
            << QStringLiteral("      - url: https://${nowhere}/a\n        events: [alert.created]\n")
            << QStringLiteral(":6: variable \"nowhere\" is not defined");
        QTest::newRow("field the provider lacks")
            << QStringLiteral("      - url: https://hooks.example.com/a\n        events: [alert.created]\n"
                              "        timeoutMs: 5000\n")
            << QStringLiteral(":8: Signa has no timeoutMs");
    }

    void invalidDocumentSendsNothing() {
        QFETCH(QString, endpoints);
        QFETCH(QString, expected);
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("signa"), *sandbox, QStringLiteral("invalid"));
        const QString path =
            write(QStringLiteral("invalid.yaml"), document(connection, QStringLiteral("signa"), endpoints));
        sandbox->clearRequestLog();
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("plan"), QStringLiteral("-f"), path},
              QStringList{QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--yes")}}) {
            const CtlRun run = ctl(arguments);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.startsWith(path + expected), qPrintable(run.err));
            QVERIFY(run.err.contains(QStringLiteral("nothing was sent")));
        }
        QCOMPARE(sandbox->requestLog().size(), 0);
    }

    // A document naming a connection that does not exist here says how to add it; nothing is sent.
    void missingConnectionNamesTheCommand() {
        const auto sandbox = newSandbox();
        const QString path =
            write(QStringLiteral("missing.yaml"),
                  QStringLiteral("version: 1\nconnections:\n  - name: nowhere-here\n    provider: signa\n"
                                 "    environment: development\n    endpoints: []\n"));
        const CtlRun run = ctl({QStringLiteral("plan"), QStringLiteral("-f"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path + QStringLiteral(":3: there is no local connection named \"nowhere-here\"; add "
                                                        "it with: webhookctl connection add nowhere-here --provider "
                                                        "signa --environment development")),
                 qPrintable(run.err));
        QCOMPARE(sandbox->requestLog().size(), 0);

        // The command is ready to paste, even for a name the shell would split: run as printed, it
        // adds the connection, and the document plans.
        const QString spaced =
            write(QStringLiteral("missing-spaced.yaml"),
                  QStringLiteral("version: 1\nconnections:\n  - name: Orders (prod)\n    provider: signa\n"
                                 "    baseUrl: %1\n    endpoints: []\n")
                      .arg(sandbox->baseUrl(QStringLiteral("signa")).toString()));
        const CtlRun hinted = ctl({QStringLiteral("plan"), QStringLiteral("-f"), spaced});
        QCOMPARE(hinted.exitCode, 1);
        const QRegularExpression command(QStringLiteral("add it with: (.*) \\(it reads the connection's own API key "
                                                        "from WEBHOOK_API_KEY or stdin"));
        const QRegularExpressionMatch found = command.match(hinted.err);
        QVERIFY2(found.hasMatch(), qPrintable(hinted.err));
        QVERIFY2(found.captured(1).startsWith(QStringLiteral("webhookctl connection add 'Orders (prod)' --provider "
                                                             "signa --base-url http://127.0.0.1:")),
                 qPrintable(found.captured(1)));
        QProcess shell;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"),
                           QStringLiteral(WC_BINARY_DIR "/app:") + environment.value(QStringLiteral("PATH")));
        environment.insert(QStringLiteral("WEBHOOK_API_KEY"), m_apiKey);
        shell.setProcessEnvironment(environment);
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), found.captured(1)});
        QVERIFY(shell.waitForFinished(20000));
        QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());
        QCOMPARE(ctl({QStringLiteral("plan"), QStringLiteral("-f"), spaced}).exitCode, 0);
    }

    // A document connection of another provider than the local one of its name is an error, and
    // nothing is sent; another environment or auth scheme is a warning, and the local one is used.
    void connectionMismatchesAreAnErrorOrAWarning() {
        const auto sandbox = newSandbox();
        const QString name = QStringLiteral("mismatch-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QCOMPARE(ctl({QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--provider"),
                      QStringLiteral("layers"), QStringLiteral("--base-url"),
                      sandbox->baseUrl(QStringLiteral("layers")).toString(), QStringLiteral("--environment"),
                      QStringLiteral("development"), QStringLiteral("--auth"), QStringLiteral("x-api-key")},
                     m_apiKey.toUtf8() + '\n')
                     .exitCode,
                 0);
        const QString otherProvider =
            write(QStringLiteral("mismatch-provider.yaml"),
                  QStringLiteral("version: 1\nconnections:\n  - name: %1\n    provider: signa\n    endpoints:\n"
                                 "      - key: a\n        url: https://hooks.example.com/a\n"
                                 "        events: [alert.created]\n")
                      .arg(name));
        sandbox->clearRequestLog();
        const CtlRun refused = ctl({QStringLiteral("plan"), QStringLiteral("-f"), otherProvider});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(otherProvider + QStringLiteral(":4: local connection \"%1\" is a layers "
                                                                     "connection, not signa")
                                                          .arg(name)),
                 qPrintable(refused.err));
        QCOMPARE(sandbox->requestLog().size(), 0);

        const QString otherEnvironment =
            write(QStringLiteral("mismatch-environment.yaml"),
                  QStringLiteral("version: 1\nconnections:\n  - name: %1\n    provider: layers\n"
                                 "    environment: production\n    auth: bearer\n    endpoints:\n"
                                 "      - key: a\n        url: https://hooks.example.com/a\n"
                                 "        events: [job.completed]\n")
                      .arg(name));
        const CtlRun warned = ctl({QStringLiteral("plan"), QStringLiteral("-f"), otherEnvironment});
        QVERIFY2(warned.exitCode == 2, qPrintable(warned.out + warned.err));
        QVERIFY2(warned.err.contains(otherEnvironment + QStringLiteral(":5: warning: local connection \"%1\" is a "
                                                                       "development connection, not production; the "
                                                                       "local connection is used")
                                                            .arg(name)),
                 qPrintable(warned.err));
        QVERIFY(warned.err.contains(otherEnvironment + QStringLiteral(":6: warning: local connection \"%1\" "
                                                                      "authenticates with x-api-key, not bearer")
                                                           .arg(name)));
        QVERIFY(warned.out.contains(QStringLiteral("  + create key \"a\"")));
        // The local key and scheme are the ones sent.
        QVERIFY(!sandbox->requestLog().isEmpty());
        for (const SandboxRequest &request : sandbox->requestLog())
            QCOMPARE(request.header("X-Api-Key"), m_apiKey.toUtf8());
    }

    // WEBHOOK_API_KEY is one key: a document of several connections uses each one's own key from
    // the keychain, and with WEBHOOK_API_KEY set it is refused before anything is sent, rather
    // than sending one connection's key to another's provider.
    void eachConnectionUsesItsOwnApiKey() {
        const auto first = newSandbox(QStringLiteral("sk_first_") + QUuid::createUuid().toString(QUuid::Id128));
        const auto second = newSandbox(QStringLiteral("sk_second_") + QUuid::createUuid().toString(QUuid::Id128));
        const QString a = addConnection(QStringLiteral("layers"), *first, QStringLiteral("keys"));
        const QString b = addConnection(QStringLiteral("signa"), *second, QStringLiteral("keys"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QString path =
            write(QStringLiteral("two-keys.yaml"),
                  QStringLiteral(
                      "version: 1\nconnections:\n"
                      "  - name: %1\n    provider: layers\n    endpoints:\n"
                      "      - key: a\n        url: https://hooks.example.com/a\n        events: [job.completed]\n"
                      "  - name: %2\n    provider: signa\n    endpoints:\n"
                      "      - key: b\n        url: https://hooks.example.com/b\n        events: [alert.created]\n")
                      .arg(a, b));
        QProcessEnvironment withKey = QProcessEnvironment::systemEnvironment();
        withKey.insert(QStringLiteral("WEBHOOK_API_KEY"), first->options().apiKey);
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("plan"), QStringLiteral("-f"), path},
              QStringList{QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--yes")}}) {
            const CtlRun refused = ctl(arguments, {}, withKey);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("WEBHOOK_API_KEY holds one API key, and the document names 2 "
                                                         "connections (\"%1\", \"%2\"), each with its own key.")
                                              .arg(a, b)),
                     qPrintable(refused.err));
        }
        const CtlRun exported =
            ctl({QStringLiteral("export"), QStringLiteral("-c"), a, QStringLiteral("-c"), b}, {}, withKey);
        QCOMPARE(exported.exitCode, 2);
        QVERIFY(exported.err.contains(QStringLiteral("the export reads 2 connections")));
        QCOMPARE(first->requestLog().size() + second->requestLog().size(), 0);

        // Without it, each connection's key comes from the keychain, and each provider gets its own.
        const CtlRun applied = ctl({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--yes")});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        QCOMPARE(first->endpoints(QStringLiteral("layers")).size(), 1);
        QCOMPARE(second->endpoints(QStringLiteral("signa")).size(), 1);
        for (const auto &[sandbox, provider] :
             {std::pair{first.get(), QStringLiteral("layers")}, std::pair{second.get(), QStringLiteral("signa")}}) {
            const QByteArray header = provider == QLatin1String("layers") ? "X-API-Key" : "Authorization";
            for (const SandboxRequest &request : sandbox->requestLog())
                QVERIFY2(request.header(header).endsWith(sandbox->options().apiKey.toUtf8()), header.constData());
        }
        // A document of one connection may take its key from WEBHOOK_API_KEY, as -c NAME commands do.
        const QString one = write(QStringLiteral("one-key.yaml"),
                                  document(a, QStringLiteral("layers"),
                                           QStringLiteral("      - key: a\n        url: https://hooks.example.com/a\n"
                                                          "        events: [job.completed]\n")));
        QCOMPARE(ctl({QStringLiteral("plan"), QStringLiteral("-f"), one}, {}, withKey).exitCode, 0);
    }

    // apply --json: only the summary on stdout, with what was done and what was not; never a secret.
    void applyJsonSummarisesWhatWasDone() {
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("encrata"), *sandbox, QStringLiteral("json"));
        const QString v1 =
            write(QStringLiteral("json-1.yaml"),
                  document(connection, QStringLiteral("encrata"), threeEncrataEndpoints(QStringLiteral("first"))));
        const QStringList applyJson{QStringLiteral("apply"), QStringLiteral("--yes"), QStringLiteral("--json"),
                                    QStringLiteral("-f")};
        const CtlRun created = ctl(applyJson + QStringList{v1});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QJsonParseError parseError;
        const QJsonObject summary = QJsonDocument::fromJson(created.out.toUtf8(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(created.out)); // stdout is the JSON alone
        QCOMPARE(summary.value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(summary.value(QStringLiteral("exitCode")).toInt(-1), 0);
        QCOMPARE(summary.value(QStringLiteral("changes")).toInt(), 3);
        QCOMPARE(summary.value(QStringLiteral("done")).toInt(), 3);
        QCOMPARE(summary.value(QStringLiteral("notDone")).toInt(-1), 0);
        QVERIFY(!summary.contains(QStringLiteral("error")));
        QStringList ids;
        for (const QJsonValue &value : summary.value(QStringLiteral("items")).toArray()) {
            const QJsonObject item = value.toObject();
            QCOMPARE(item.value(QStringLiteral("action")).toString(), QStringLiteral("create"));
            QCOMPARE(item.value(QStringLiteral("result")).toString(), QStringLiteral("done"));
            QCOMPARE(item.value(QStringLiteral("secret")).toString(), QStringLiteral("stored"));
            QCOMPARE(item.value(QStringLiteral("connection")).toString(), connection);
            QVERIFY(item.value(QStringLiteral("line")).toInt() > 0);
            ids << item.value(QStringLiteral("id")).toString();
        }
        QCOMPARE(ids.size(), 3);
        for (const SandboxEndpoint &endpoint : sandbox->endpoints(QStringLiteral("encrata"))) {
            QVERIFY(ids.contains(endpoint.id));
            QVERIFY(!created.out.contains(endpoint.secret) && !created.err.contains(endpoint.secret));
        }

        // A 500 to the second update: the summary says which was done, which failed and why, and
        // which was not attempted.
        const QString v2 =
            write(QStringLiteral("json-2.yaml"),
                  document(connection, QStringLiteral("encrata"), threeEncrataEndpoints(QStringLiteral("second"))));
        const QMetaObject::Connection armed = failSecondPatch(*sandbox);
        const CtlRun broken = ctl(applyJson + QStringList{v2});
        disconnect(armed);
        QCOMPARE(broken.exitCode, 1);
        const QJsonObject stopped = QJsonDocument::fromJson(broken.out.toUtf8()).object();
        QCOMPARE(stopped.value(QStringLiteral("applied")).toBool(true), false);
        QCOMPARE(stopped.value(QStringLiteral("exitCode")).toInt(), 1);
        QCOMPARE(stopped.value(QStringLiteral("done")).toInt(), 1);
        QCOMPARE(stopped.value(QStringLiteral("notDone")).toInt(), 2);
        QVERIFY2(stopped.value(QStringLiteral("error"))
                     .toString()
                     .startsWith(QStringLiteral("the apply stopped at its "
                                                "first error (update ")),
                 qPrintable(broken.out));
        QStringList results;
        for (const QJsonValue &value : stopped.value(QStringLiteral("items")).toArray())
            results << value.toObject().value(QStringLiteral("key")).toString() + QLatin1Char('=') +
                           value.toObject().value(QStringLiteral("result")).toString();
        QCOMPARE(results, (QStringList{QStringLiteral("one=done"), QStringLiteral("two=failed"),
                                       QStringLiteral("three=not-done")}));
        const QJsonObject failed = stopped.value(QStringLiteral("items")).toArray().at(1).toObject();
        QVERIFY2(failed.value(QStringLiteral("error")).toString().contains(QStringLiteral("HTTP 500")),
                 qPrintable(broken.out));
        QCOMPARE(failed.value(QStringLiteral("mayHaveReachedProvider")).toBool(true), false);

        // Nothing left to do: applied, with every item unchanged.
        QCOMPARE(ctl(applyJson + QStringList{v2}).exitCode, 0);
        const CtlRun again = ctl(applyJson + QStringList{v2});
        const QJsonObject nothing = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(nothing.value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(nothing.value(QStringLiteral("changes")).toInt(-1), 0);
        for (const QJsonValue &value : nothing.value(QStringLiteral("items")).toArray())
            QCOMPARE(value.toObject().value(QStringLiteral("result")).toString(), QStringLiteral("unchanged"));

        // An invalid document: the problems, FILE and LINE each, and nothing applied.
        const QString invalid = write(QStringLiteral("json-invalid.yaml"),
                                      document(connection, QStringLiteral("encrata"),
                                               QStringLiteral("      - url: https://hooks.example.com/x\n"
                                                              "        events: [no.such.event]\n")));
        const CtlRun refused = ctl(applyJson + QStringList{invalid});
        QCOMPARE(refused.exitCode, 1);
        const QJsonObject problems = QJsonDocument::fromJson(refused.out.toUtf8()).object();
        QCOMPARE(problems.value(QStringLiteral("applied")).toBool(true), false);
        const QJsonObject problem = problems.value(QStringLiteral("problems")).toArray().first().toObject();
        QCOMPARE(problem.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(problem.value(QStringLiteral("file")).toString(), invalid);
        QCOMPARE(problem.value(QStringLiteral("line")).toInt(), 7);

        // It cannot ask on a stdout that is for JSON alone.
        const CtlRun asks = ctl({QStringLiteral("apply"), QStringLiteral("--json"), QStringLiteral("-f"), v2});
        QCOMPARE(asks.exitCode, 1);
        QVERIFY2(asks.err.contains(QStringLiteral("\"apply --json\" needs --yes")), qPrintable(asks.err));
    }

    // Where a provider keeps no metadata on both create and update (Layers, Encrata, PolyAI), an
    // endpoint's key lives only in this machine's local state: on another machine the same
    // document matches nothing and plans creates, until the endpoints' ids are in it. Signa keeps
    // the key in the endpoint's metadata, so another machine finds it by key alone.
    void keysOnAnotherMachine_data() {
        QTest::addColumn<QString>("providerId");
        QTest::addColumn<bool>("keyAtProvider");
        QTest::newRow("layers: key in the local state") << QStringLiteral("layers") << false;
        QTest::newRow("encrata: key in the local state") << QStringLiteral("encrata") << false;
        QTest::newRow("polyai: key in the local state") << QStringLiteral("polyai") << false;
        QTest::newRow("signa: key in the metadata") << QStringLiteral("signa") << true;
    }

    void keysOnAnotherMachine() {
        QFETCH(QString, providerId);
        QFETCH(bool, keyAtProvider);
        const auto sandbox = newSandbox();
        const QString connection = addConnection(providerId, *sandbox, QStringLiteral("machines"));
        QString event;
        for (const EventType &type : ProviderRegistry().profile(providerId)->catalog()) {
            if (type.subscribable && event.isEmpty())
                event = type.type;
        }
        const QString endpoint = QStringLiteral("      - key: orders\n%1        url: https://hooks.example.com/orders\n"
                                                "        events: [%2]\n        label: Orders\n");
        const QString keyed = write(providerId + QStringLiteral("-keyed.yaml"),
                                    document(connection, providerId, endpoint.arg(QString(), event)));
        QCOMPARE(ctl({QStringLiteral("apply"), QStringLiteral("-f"), keyed, QStringLiteral("--yes")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("plan"), QStringLiteral("-f"), keyed}).exitCode, 0);
        const QString id = sandbox->endpoints(providerId).first().id;

        const CtlRun there = ctl({QStringLiteral("plan"), QStringLiteral("-f"), keyed}, {}, elsewhere());
        if (keyAtProvider) {
            QVERIFY2(there.exitCode == 0, qPrintable(there.out + there.err));
            QVERIFY(there.out.contains(QStringLiteral("  = unchanged %1 (key \"orders\")").arg(id)));
        } else {
            QVERIFY2(there.exitCode == 2, qPrintable(there.out + there.err));
            QVERIFY2(there.out.contains(QStringLiteral("  + create key \"orders\"")), qPrintable(there.out));
        }
        // With the endpoint's id in the document, the other machine finds it.
        const QString withId =
            write(providerId + QStringLiteral("-with-id.yaml"),
                  document(connection, providerId, endpoint.arg(QStringLiteral("        id: %1\n").arg(id), event)));
        const CtlRun found = ctl({QStringLiteral("plan"), QStringLiteral("-f"), withId}, {}, elsewhere());
        QVERIFY2(found.exitCode == 0, qPrintable(found.out + found.err));
        QVERIFY(found.out.contains(QStringLiteral("  = unchanged %1 (key \"orders\")").arg(id)));
        QCOMPARE(sandbox->endpoints(providerId).size(), 1);
    }

    // Without a terminal, apply changes nothing unless --yes says so; variables fill the document.
    void applyAsksOrNeedsYes() {
        const auto sandbox = newSandbox();
        const QString connection = addConnection(QStringLiteral("polyai"), *sandbox, QStringLiteral("ask"));
        const QString path =
            write(QStringLiteral("ask.yaml"),
                  document(connection, QStringLiteral("polyai"),
                           QStringLiteral("      - key: alerts\n        url: https://hooks.${domain}/a\n"
                                          "        events: [alerts.triggered]\n        label: ${team} alerts\n")));
        const QString vars =
            write(QStringLiteral("ask-vars.yaml"), QStringLiteral("domain: shop.example\nteam: ops\n"));
        const CtlRun refused =
            ctl({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--vars-file"), vars}, "y\n");
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("stdin is not a terminal: run it with --yes")),
                 qPrintable(refused.err));
        QCOMPARE(writes(*sandbox), 0);
        const CtlRun applied =
            ctl({QStringLiteral("apply"), QStringLiteral("-f"), path, QStringLiteral("--vars-file"), vars,
                 QStringLiteral("--var"), QStringLiteral("team=dev"), QStringLiteral("--yes")});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        const SandboxEndpoint endpoint = sandbox->endpoints(QStringLiteral("polyai")).first();
        QCOMPARE(endpoint.url, QStringLiteral("https://hooks.shop.example/a"));
        QCOMPARE(endpoint.label.value_or(QString()), QStringLiteral("dev alerts")); // --var wins over the file
    }
};

QTEST_GUILESS_MAIN(TestWebhookctlAsCode)
#include "tst_WebhookctlAsCode.moc"
