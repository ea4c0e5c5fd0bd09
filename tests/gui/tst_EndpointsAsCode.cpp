// File → Export…, Apply from File… and Compare with File…, clicked through with QTest against an
// in-process sandbox and the real keychain that ./test.sh provides.
#include "AppliedEndpoints.h"
#include "ClipboardGuard.h"
#include "ConnectionStore.h"
#include "DocumentReader.h"
#include "DocumentWriter.h"
#include "EndpointTableModel.h"
#include "MainWindow.h"
#include "PlanTreeModel.h"
#include "ProcessIdentity.h"
#include "SandboxServer.h"
#include "SandboxSession.h"
#include "SandboxStart.h"
#include "SecretDialog.h"
#include "ServiceRig.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <memory>

class TestEndpointsAsCode : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceRig> m_rig;
    std::unique_ptr<SandboxSession> m_session;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_files;

    SandboxServer *sandbox() const { return m_session->server(); }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    QString path(const char *name) const { return m_files.filePath(QLatin1String(name)); }

    template <typename T> T *child(QWidget *dialog, const char *name) const {
        return dialog ? dialog->findChild<T *>(QLatin1String(name)) : nullptr;
    }

    QDialog *openDialog(const char *actionName, const char *dialogName) {
        action(actionName)->trigger();
        QDialog *dialog = nullptr;
        [&] {
            QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(QLatin1String(dialogName))) && dialog->isVisible());
        }();
        return dialog;
    }

    void exportTo(const QString &fileName) {
        // The dialog deletes itself once closed, and QTRY's event processing may delete it.
        const QPointer<QDialog> dialog = openDialog("exportAction", "exportDialog");
        QVERIFY(dialog);
        auto *list = child<QListWidget>(dialog, "exportConnections");
        // Only the current connection is checked (the store may hold other tests' connections too).
        QStringList checked;
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->checkState() == Qt::Checked)
                checked << list->item(row)->text();
        }
        QCOMPARE(checked, QStringList{QStringLiteral("Layers sandbox")});
        child<QLineEdit>(dialog, "exportFile")->setText(fileName);
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
        QVERIFY(QFile::exists(fileName));
    }

    EndpointDocument read(const QString &fileName) {
        DocumentProblems problems;
        const std::optional<EndpointDocument> document = DocumentReader().readFile(fileName, &problems);
        [&] {
            QVERIFY2(document && !hasErrors(problems),
                     problems.isEmpty() ? "" : qPrintable(problems.first().toString()));
        }();
        return document.value_or(EndpointDocument());
    }

    static void write(const EndpointDocument &document, const QString &fileName) {
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(DocumentWriter::write(document));
    }

    QList<SandboxEndpoint> layersEndpoints() const { return sandbox()->endpoints(QStringLiteral("layers")); }

    // The sandbox connection's document, with one URL changed, one endpoint paused and one added.
    void writeThreeChanges(const QString &fileName, QString *updatedId, QString *pausedId) {
        exportTo(path("exported.yaml"));
        EndpointDocument document = read(path("exported.yaml"));
        QCOMPARE(document.connections.size(), 1);
        QList<DocumentEndpoint> &endpoints = document.connections[0].endpoints;
        for (DocumentEndpoint &endpoint : endpoints) {
            if (endpoint.fields.value(QStringLiteral("status")).toString() != QLatin1String("active"))
                continue;
            if (updatedId->isEmpty()) {
                *updatedId = endpoint.id;
                endpoint.fields.insert(QStringLiteral("url"), QStringLiteral("https://hooks.example.com/changed"));
            } else if (pausedId->isEmpty()) {
                *pausedId = endpoint.id;
                endpoint.fields.insert(QStringLiteral("status"), QStringLiteral("paused"));
            }
        }
        QVERIFY(!updatedId->isEmpty() && !pausedId->isEmpty());
        DocumentEndpoint added;
        added.key = QStringLiteral("added-orders");
        added.fields.insert(QStringLiteral("url"), QStringLiteral("https://hooks.example.com/added"));
        added.fields.insert(QStringLiteral("events"),
                            endpoints.first().fields.value(QStringLiteral("events")).toArray());
        endpoints << added;
        write(document, fileName);
    }

    // The visible item rows of the plan tree: "marker kind" → row index under its connection.
    static QStringList itemRows(QTreeView *tree) {
        QStringList rows;
        const QAbstractItemModel *model = tree->model();
        for (int top = 0; top < model->rowCount(); ++top) {
            const QModelIndex connection = model->index(top, 0);
            for (int row = 0; row < model->rowCount(connection); ++row)
                rows << model->index(row, PlanTreeModel::Change, connection).data().toString();
        }
        return rows;
    }

    static QModelIndex itemRow(QTreeView *tree, const QString &changePrefix) {
        const QAbstractItemModel *model = tree->model();
        for (int top = 0; top < model->rowCount(); ++top) {
            const QModelIndex connection = model->index(top, 0);
            for (int row = 0; row < model->rowCount(connection); ++row) {
                const QModelIndex item = model->index(row, 0, connection);
                if (item.data().toString().startsWith(changePrefix))
                    return item;
            }
        }
        return {};
    }

    QDialog *planFor(const char *actionName, const QString &fileName) {
        QDialog *dialog = openDialog(actionName, "planDialog");
        if (!dialog)
            return nullptr;
        child<QLineEdit>(dialog, "planFile")->setText(fileName);
        QTest::mouseClick(child<QPushButton>(dialog, "planButton"), Qt::LeftButton);
        return dialog;
    }

    // The plan of writeThreeChanges() in Apply from File, ready for Apply; null on failure.
    QDialog *plannedThreeChanges(const char *fileName, QString *updatedId, QString *pausedId) {
        writeThreeChanges(path(fileName), updatedId, pausedId);
        QDialog *dialog = planFor("applyFromFileAction", path(fileName));
        auto *apply = child<QPushButton>(dialog, "planApply");
        if (!apply || !QTest::qWaitFor([apply] { return apply->isEnabled(); }, 10000))
            return nullptr;
        return dialog;
    }

    static QString status(QDialog *dialog) { return dialog->findChild<QLabel *>(QStringLiteral("planStatus"))->text(); }

    Connection layersConnection() const {
        for (const Connection &connection : m_session->connections()) {
            if (connection.providerId == QLatin1String("layers"))
                return connection;
        }
        return {};
    }

    static QStringList layersEvents() {
        QStringList events;
        for (const EventType &event : ProviderRegistry().profile(QStringLiteral("layers"))->catalog()) {
            if (event.subscribable && events.isEmpty())
                events << event.type;
        }
        return events;
    }

    // A document of the Layers sandbox connection with one endpoint, known by its key alone.
    void writeKeyedDocument(const QString &fileName, const QString &key, const QString &url) {
        EndpointDocument document;
        DocumentConnection connection;
        connection.name = QStringLiteral("Layers sandbox");
        connection.provider = QStringLiteral("layers");
        DocumentEndpoint endpoint;
        endpoint.key = key;
        endpoint.fields.insert(QStringLiteral("url"), url);
        endpoint.fields.insert(QStringLiteral("events"), QJsonArray::fromStringList(layersEvents()));
        connection.endpoints << endpoint;
        document.connections << connection;
        write(document, fileName);
    }

    QString storedSecret(const Connection &connection, const QString &endpointId) {
        std::optional<QString> secret;
        m_rig->keychain.read(SecretStore::endpointSecretKey(connection.id, endpointId), this,
                             [&](const SecretResult &, const QString &value) { secret = value; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(secret.has_value(), 10000); }();
        return secret.value_or(QString());
    }

    // Every file this test's programs keep (the local state with its WAL, the settings).
    QStringList keptFiles() const {
        QStringList files;
        for (const QString &folder :
             {m_rig->dir.path(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
              QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)}) {
            QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        return files;
    }

    // Holds an apply claim on the connection in the name of a process that is not this one.
    void claimFor(const QProcess &holder, const Connection &connection) {
        QSqlQuery query(m_rig->state.database());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO apply_claims (connection_id, owner, token, claimed_at) "
                                     "VALUES (?, ?, 'other', ?)"));
        query.addBindValue(connection.id);
        query.addBindValue(ProcessIdentity::of(holder.processId()).toString());
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

private slots:
    void initTestCase() {
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QVERIFY(m_files.isValid());
    }

    void init() {
        m_rig = std::make_unique<ServiceRig>(QStringLiteral("webhook-console-ascode-"));
        m_session = std::make_unique<SandboxSession>(&m_rig->service);
        ApiClient::Policy policy;
        policy.backoffBaseMs = 10; // injected failures exhaust the retries quickly
        m_rig->service.setPolicy(policy);
        const QString problem = startSandboxWithKeys(*m_session, this);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_store = std::make_unique<ConnectionStore>();
        m_clipboard = std::make_unique<ClipboardGuard>();
        m_window =
            std::make_unique<MainWindow>(&m_rig->service, m_store.get(), m_clipboard.get(), m_session->connections());
        m_window->setAppliedEndpoints(&m_rig->applied);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *list = m_window->findChild<QListWidget *>(QStringLiteral("connectionList"));
        list->setCurrentItem(list->findItems(QStringLiteral("Layers sandbox"), Qt::MatchExactly).first());
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("endpointTable"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, 10000);
    }

    void cleanup() {
        m_window.reset();
        m_clipboard.reset();
        m_session.reset();
        m_rig.reset();
    }

    void exportWritesTheEndpointsAndNoSecret() {
        exportTo(path("export.yaml"));
        const EndpointDocument document = read(path("export.yaml"));
        QCOMPARE(document.connections.size(), 1);
        QCOMPARE(document.connections.first().name, QStringLiteral("Layers sandbox"));
        QStringList exported, atProvider;
        for (const DocumentEndpoint &endpoint : document.connections.first().endpoints)
            exported << endpoint.id;
        for (const SandboxEndpoint &endpoint : layersEndpoints())
            atProvider << endpoint.id;
        exported.sort();
        atProvider.sort();
        QCOMPARE(exported, atProvider);
        QFile file(path("export.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains(sandbox()->options().apiKey.toUtf8()));
        for (const SandboxEndpoint &endpoint : layersEndpoints())
            QVERIFY2(!text.contains(endpoint.secret.toUtf8()), qPrintable(endpoint.id));
    }

    void applyShowsExactlyTheChangesAndMakesThem() {
        QString updatedId, pausedId;
        writeThreeChanges(path("changes.yaml"), &updatedId, &pausedId);
        const int endpointsBefore = int(layersEndpoints().size());
        QDialog *dialog = planFor("applyFromFileAction", path("changes.yaml"));
        QVERIFY(dialog);
        auto *tree = child<QTreeView>(dialog, "planTree");
        // Alive as long as the model is used here: the tree is rebuilt by the toggle and the apply.
        QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *apply = child<QPushButton>(dialog, "planApply");
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);
        QStringList rows = itemRows(tree);
        rows.sort();
        QCOMPARE(rows,
                 (QStringList{QStringLiteral("+ create"), QStringLiteral("~ pause"), QStringLiteral("~ update")}));
        const QModelIndex update = itemRow(tree, QStringLiteral("~ update"));
        QCOMPARE(update.siblingAtColumn(PlanTreeModel::Endpoint).data().toString(), updatedId);
        QCOMPARE(tree->model()->rowCount(update), 1);
        const QModelIndex field = tree->model()->index(0, 0, update);
        QCOMPARE(field.data().toString(), QStringLiteral("url"));
        QVERIFY2(field.siblingAtColumn(PlanTreeModel::Details)
                     .data()
                     .toString()
                     .endsWith(QStringLiteral(" → \"https://hooks.example.com/changed\"")),
                 qPrintable(field.siblingAtColumn(PlanTreeModel::Details).data().toString()));
        // The column may cut a long URL short; its tooltip holds the whole change.
        QCOMPARE(field.siblingAtColumn(PlanTreeModel::Details).data(Qt::ToolTipRole).toString(),
                 field.siblingAtColumn(PlanTreeModel::Details).data().toString());
        QCOMPARE(itemRow(tree, QStringLiteral("~ pause")).siblingAtColumn(PlanTreeModel::Endpoint).data().toString(),
                 pausedId);
        // Unchanged endpoints are there behind the toggle.
        child<QCheckBox>(dialog, "planShowUnchanged")->click();
        QCOMPARE(itemRows(tree).count(QStringLiteral("= unchanged")), endpointsBefore - 2);
        child<QCheckBox>(dialog, "planShowUnchanged")->click();

        // Keyboard: Space on the focused Apply applies; it is the default button too, for Enter.
        QVERIFY(apply->isDefault());
        apply->setFocus();
        QTest::keyClick(apply, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("Apply complete: 3 change(s) applied.")),
                                 20000);
        QCOMPARE(itemRow(tree, QStringLiteral("+ create"))
                     .siblingAtColumn(PlanTreeModel::Progress)
                     .data()
                     .toString()
                     .left(4),
                 QStringLiteral("done"));
        QCOMPARE(sandbox()->endpoint(QStringLiteral("layers"), updatedId)->url,
                 QStringLiteral("https://hooks.example.com/changed"));
        QCOMPARE(sandbox()->endpoint(QStringLiteral("layers"), pausedId)->status, QStringLiteral("paused"));
        QCOMPARE(int(layersEndpoints().size()), endpointsBefore + 1);
        QVERIFY(!apply->isEnabled());
        // The table follows.
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("endpointTable"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), endpointsBefore + 1, 10000);

        // The same file again plans nothing.
        QTest::mouseClick(child<QPushButton>(dialog, "planButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("No changes")), 10000);
        QVERIFY(itemRows(tree).isEmpty());
        QVERIFY(!apply->isEnabled());
    }

    void anInvalidFileShowsItsProblemsAndSendsNothing() {
        QFile file(path("invalid.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("version: 1\n"
                   "connections:\n"
                   "  - name: Layers sandbox\n"
                   "    provider: layers\n"
                   "    endpoints:\n"
                   "      - key: broken\n"
                   "        url: not a url\n"
                   "        events: [nope.event]\n");
        file.close();
        sandbox()->clearRequestLog();
        QDialog *dialog = planFor("applyFromFileAction", path("invalid.yaml"));
        QVERIFY(dialog);
        auto *problems = child<QListWidget>(dialog, "planProblems");
        QTRY_VERIFY(problems->isVisible());
        QVERIFY(problems->count() >= 1);
        bool named = false;
        for (int row = 0; row < problems->count(); ++row)
            named = named || problems->item(row)->text().startsWith(path("invalid.yaml") + QStringLiteral(":7:"));
        QVERIFY2(named, qPrintable(problems->item(0)->text()));
        QVERIFY(status(dialog).contains(QStringLiteral("nothing was sent")));
        QVERIFY(!child<QPushButton>(dialog, "planApply")->isEnabled());
        QTest::qWait(200);
        QVERIFY(sandbox()->requestLog().isEmpty());
    }

    void compareShowsTheChangesWithoutApply() {
        QString updatedId, pausedId;
        writeThreeChanges(path("compare.yaml"), &updatedId, &pausedId);
        QDialog *dialog = planFor("compareWithFileAction", path("compare.yaml"));
        QVERIFY(dialog);
        QVERIFY(!child<QPushButton>(dialog, "planApply"));
        for (QPushButton *button : dialog->findChildren<QPushButton *>())
            QVERIFY(button->text().remove(QLatin1Char('&')) != QLatin1String("Apply"));
        auto *tree = child<QTreeView>(dialog, "planTree");
        QTRY_COMPARE_WITH_TIMEOUT(itemRows(tree).size(), 3, 10000);
        QCOMPARE(sandbox()->endpoint(QStringLiteral("layers"), updatedId)->url.contains(QLatin1String("changed")),
                 false);
    }

    void aProviderFailureMidApplyShowsTheFailedItemAndTheSummary() {
        QString updatedId, pausedId;
        QDialog *dialog = plannedThreeChanges("failing.yaml", &updatedId, &pausedId);
        QVERIFY(dialog);
        auto *apply = child<QPushButton>(dialog, "planApply");
        // Every try of the first change fails (Apply lists once more before it: that goes through).
        const QMetaObject::Connection armed =
            connect(sandbox(), &SandboxServer::requestReceived, this, [this](const SandboxRequest &request) {
                if (request.method != "GET")
                    sandbox()->failNext(50);
            });
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("stopped at its first error")), 20000);
        disconnect(armed);
        sandbox()->failNext(0);
        auto *tree = child<QTreeView>(dialog, "planTree");
        QStringList progress;
        const QAbstractItemModel *model = tree->model();
        const QModelIndex connection = model->index(model->rowCount() - 1, 0);
        for (int row = 0; row < model->rowCount(connection); ++row)
            progress << model->index(row, PlanTreeModel::Progress, connection).data().toString();
        QVERIFY2(progress.first().startsWith(QStringLiteral("failed: ")), qPrintable(progress.join(" | ")));
        QCOMPARE(progress.mid(1), (QStringList{QStringLiteral("not done"), QStringLiteral("not done")}));
        QVERIFY2(status(dialog).contains(QStringLiteral("Done: nothing.")), qPrintable(status(dialog)));
        QVERIFY(status(dialog).contains(QStringLiteral("Not done: ")));
        QVERIFY(!apply->isEnabled());
        QVERIFY(sandbox()->endpoint(QStringLiteral("layers"), pausedId)->status == QLatin1String("active"));
    }

    // An apply's create whose answer was lost (a crash, a dropped connection) is settled before
    // the plan is shown: its secret reaches the keychain, the endpoint is recorded under its key,
    // and the plan creates nothing a second time (a Layers key lives only in the local state).
    void unfinishedCreatesAreSettledBeforeThePlanIsShown() {
        const Connection connection = layersConnection();
        const QString url = QStringLiteral("https://hooks.example.com/settled");
        EndpointDraft draft;
        draft.url = url;
        draft.events = layersEvents();
        // Committed at once, but every answer (the retries' too) comes after the request timed out.
        ApiClient::Policy policy;
        policy.backoffBaseMs = 10;
        policy.timeoutMs = 300;
        m_rig->service.setPolicy(policy);
        m_rig->service.connectionEdited(connection); // its next request makes a client with this policy
        sandbox()->setLatencyMs(1500);
        std::optional<EndpointService::SecretOutcome> lost;
        m_rig->service.create(connection, draft, this,
                              [&](const EndpointService::SecretOutcome &outcome) { lost = outcome; },
                              {QString(), QStringLiteral("settled")});
        QTRY_VERIFY_WITH_TIMEOUT(lost.has_value(), 20000);
        sandbox()->setLatencyMs(0);
        policy.timeoutMs = ApiClient::Policy().timeoutMs;
        m_rig->service.setPolicy(policy);
        m_rig->service.connectionEdited(connection);
        QVERIFY2(lost->mayHaveReachedProvider, qPrintable(lost->error.toString()));
        QCOMPARE(m_rig->journal.unfinished().size(), 1);
        const auto atProvider = [&] {
            QList<SandboxEndpoint> found;
            for (const SandboxEndpoint &endpoint : layersEndpoints()) {
                if (endpoint.url == url)
                    found << endpoint;
            }
            return found;
        };
        QCOMPARE(atProvider().size(), 1);
        const SandboxEndpoint created = atProvider().first();

        writeKeyedDocument(path("settled.yaml"), QStringLiteral("settled"), url);
        QDialog *dialog = planFor("applyFromFileAction", path("settled.yaml"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("No changes")), 20000);
        QVERIFY(itemRows(child<QTreeView>(dialog, "planTree")).isEmpty());
        QVERIFY(!child<QPushButton>(dialog, "planApply")->isEnabled());
        QVERIFY(m_rig->journal.unfinished().isEmpty());
        QCOMPARE(atProvider().size(), 1);
        QVERIFY(storedSecret(connection, created.id) == created.secret); // QVERIFY: a failure prints no secret
        const QList<AppliedEndpoints::Record> records = m_rig->applied.forConnection(connection.id);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().endpointId, created.id);
        QCOMPARE(records.first().documentKey, QStringLiteral("settled"));
    }

    // Deleting an endpoint in the console takes its mapping along: the next plan creates it anew,
    // without calling the delete drift.
    void aConsoleDeleteForgetsTheMapping() {
        const QString url = QStringLiteral("https://hooks.example.com/console-delete");
        writeKeyedDocument(path("delete.yaml"), QStringLiteral("deleted"), url);
        QDialog *dialog = planFor("applyFromFileAction", path("delete.yaml"));
        QVERIFY(dialog);
        auto *apply = child<QPushButton>(dialog, "planApply");
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("Apply complete: 1 change(s) applied.")),
                                 20000);
        const Connection connection = layersConnection();
        QCOMPARE(m_rig->applied.forConnection(connection.id).size(), 1);
        dialog->close();

        auto *table = m_window->findChild<QTableView *>(QStringLiteral("endpointTable"));
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < table->model()->rowCount(); ++r) {
                    if (table->model()->index(r, EndpointTableModel::Url).data().toString() == url)
                        row = r;
                }
                return row >= 0;
            }(),
            10000);
        const QModelIndex cell = table->model()->index(row, EndpointTableModel::Url);
        table->scrollTo(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
        QTimer::singleShot(50, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            for (QAbstractButton *button : box->buttons()) {
                if (button->text() == QLatin1String("Delete endpoint"))
                    button->click();
            }
        });
        action("deleteEndpointAction")->trigger(); // Edit → Delete…
        QTRY_VERIFY_WITH_TIMEOUT(layersEndpoints().size() == 4, 10000);
        QTRY_VERIFY(m_rig->applied.forConnection(connection.id).isEmpty());

        dialog = planFor("applyFromFileAction", path("delete.yaml"));
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("1 to create")), 10000);
        const QModelIndex created = itemRow(child<QTreeView>(dialog, "planTree"), QStringLiteral("+ create"));
        QVERIFY(created.isValid());
        QVERIFY2(!created.siblingAtColumn(PlanTreeModel::Details).data().toString().contains(QStringLiteral("drift")),
                 qPrintable(created.siblingAtColumn(PlanTreeModel::Details).data().toString()));
    }

    // The keychain refuses a created endpoint's secret during a console apply: the secret is shown
    // once in the secret dialog, with the warning, and no file the programs keep holds it.
    void aSecretTheKeychainRefusesIsShownOnceAndWrittenNowhere() {
        QString updatedId, pausedId;
        QDialog *dialog = plannedThreeChanges("locked.yaml", &updatedId, &pausedId);
        QVERIFY(dialog);
        auto *apply = child<QPushButton>(dialog, "planApply");
        QStringList before;
        for (const SandboxEndpoint &endpoint : layersEndpoints())
            before << endpoint.id;
        m_rig->keychainGate.setRefusing(true);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("Apply complete: 3 change(s) applied.")),
                                 20000);
        m_rig->keychainGate.setRefusing(false);
        QVERIFY(status(dialog).contains(QStringLiteral("could not be stored in your keychain")));
        QCOMPARE(m_rig->keychainGate.refused(), 1);
        SandboxEndpoint added;
        for (const SandboxEndpoint &endpoint : layersEndpoints()) {
            if (!before.contains(endpoint.id))
                added = endpoint;
        }
        QVERIFY(!added.id.isEmpty() && added.secret.size() >= 16);

        SecretDialog *shown = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shown = m_window->findChild<SecretDialog *>(QStringLiteral("SecretDialog"))) && shown->isVisible(), 10000);
        QVERIFY(shown->findChild<QLineEdit *>(QStringLiteral("secret"))->text() == added.secret);
        auto *warning = shown->findChild<QLabel *>(QStringLiteral("keychainWarning"));
        QVERIFY(warning && warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("unlock was refused")), qPrintable(warning->text()));
        QVERIFY(shown->findChild<QLabel *>(QStringLiteral("heading"))->text().contains(QStringLiteral("NOT stored")));
        QVERIFY(!shown->findChild<QPushButton *>(QStringLiteral("closeButton"))->isEnabled());
        QVERIFY(storedSecret(layersConnection(), added.id).isEmpty());

        const QStringList files = keptFiles();
        QVERIFY(files.size() >= 2); // at least the database and the settings
        for (const QString &fileName : files) {
            QFile file(fileName);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(added.secret.toUtf8()), qPrintable(fileName + " holds the secret"));
        }
        shown->findChild<QCheckBox *>(QStringLiteral("savedCheckBox"))->click();
        shown->close();
    }

    // Another program applying to the connection holds Apply off, with its process named, until
    // it is gone; nothing is sent meanwhile.
    void applyWaitsForAnotherProgramsApply() {
        QString updatedId, pausedId;
        QDialog *dialog = plannedThreeChanges("claimed.yaml", &updatedId, &pausedId);
        QVERIFY(dialog);
        auto *apply = child<QPushButton>(dialog, "planApply");
        QProcess holder;
        holder.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(holder.waitForStarted());
        claimFor(holder, layersConnection());
        sandbox()->clearRequestLog();
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY(status(dialog).contains(QStringLiteral("Another program (process %1) is applying to "
                                                           "\"Layers sandbox\"; nothing was applied.")
                                                .arg(holder.processId())));
        QTest::qWait(200);
        QVERIFY(sandbox()->requestLog().isEmpty());
        QVERIFY(apply->isEnabled());

        holder.kill(); // gone, however it ended: its claim blocks nobody
        holder.waitForFinished();
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("Apply complete: 3 change(s) applied.")),
                                 20000);
        QCOMPARE(sandbox()->endpoint(QStringLiteral("layers"), updatedId)->url,
                 QStringLiteral("https://hooks.example.com/changed"));
    }

    // The endpoints changed between the plan and Apply (another program applied to them): Apply
    // plans again under its claim and shows the new plan instead of carrying out the old one.
    void aPlanThatNoLongerHoldsIsShownAgainNotApplied() {
        QString updatedId, pausedId;
        QDialog *dialog = plannedThreeChanges("stale.yaml", &updatedId, &pausedId);
        QVERIFY(dialog);
        auto *apply = child<QPushButton>(dialog, "planApply");

        const Connection connection = layersConnection();
        std::optional<EndpointService::UpdateOutcome> changed;
        const Endpoint current = [&] {
            std::optional<Endpoint> found;
            m_rig->service.get(connection, updatedId, this, [&](const ApiError &, const Endpoint &e) { found = e; });
            [&] { QTRY_VERIFY(found.has_value()); }();
            return found.value_or(Endpoint());
        }();
        EndpointDraft edited = EndpointDraft::fromEndpoint(current);
        edited.url = QStringLiteral("https://hooks.example.com/elsewhere");
        m_rig->service.update(connection, current, edited, this,
                              [&](const EndpointService::UpdateOutcome &outcome) { changed = outcome; });
        QTRY_VERIFY(changed.has_value() && !changed->error.isError());

        sandbox()->clearRequestLog();
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("The endpoints changed since this plan was "
                                                                        "made")),
                                 10000);
        for (const SandboxRequest &request : sandbox()->requestLog())
            QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(sandbox()->endpoint(QStringLiteral("layers"), updatedId)->url,
                 QStringLiteral("https://hooks.example.com/elsewhere"));
        auto *tree = child<QTreeView>(dialog, "planTree");
        const QModelIndex field = tree->model()->index(0, 0, itemRow(tree, QStringLiteral("~ update")));
        QVERIFY2(field.siblingAtColumn(PlanTreeModel::Details)
                     .data()
                     .toString()
                     .startsWith(QStringLiteral("\"https://hooks.example.com/elsewhere\" → ")),
                 qPrintable(field.siblingAtColumn(PlanTreeModel::Details).data().toString()));
        // The new plan is the one Apply carries out.
        QTRY_VERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(dialog).contains(QStringLiteral("Apply complete: 3 change(s) applied.")),
                                 20000);
        QCOMPARE(sandbox()->endpoint(QStringLiteral("layers"), updatedId)->url,
                 QStringLiteral("https://hooks.example.com/changed"));
    }
};

QTEST_MAIN(TestEndpointsAsCode)
#include "tst_EndpointsAsCode.moc"
