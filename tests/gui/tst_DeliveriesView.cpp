// The console's Deliveries view, clicked through with QTest: the console listens on 127.0.0.1,
// the in-process sandbox (the demo the console opens on) delivers to an endpoint whose URL is the
// console's receiver, and each delivery is judged against the real keychain that ./test.sh
// provides. Senders in the tests write raw HTTP, so the headers are exactly the ones asserted.
#include "AccessibleNames.h"
#include "ClipboardGuard.h"
#include "ConnectionStore.h"
#include "DeliveryLog.h"
#include "DeliveryReceiver.h"
#include "DeliveryTableModel.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "SandboxSession.h"
#include "SandboxStart.h"
#include "ServiceRig.h"
#include "SignatureVerifier.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using Headers = QList<QPair<QByteArray, QByteArray>>;

class TestDeliveriesView : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceRig> m_rig;
    std::unique_ptr<DeliveryLog> m_log;
    std::unique_ptr<SandboxSession> m_session;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    quint16 m_port = 0;
    QString m_endpointId; // the endpoint whose URL is the console's receiver
    const QString m_path = QStringLiteral("/hooks/console");

    template <typename T> T *child(const char *name) const { return m_window->findChild<T *>(QLatin1String(name)); }
    QTableView *deliveryTable() const { return child<QTableView>("deliveryTable"); }
    QAbstractItemModel *rows() const { return deliveryTable()->model(); }
    QAction *action(const char *name) const { return child<QAction>(name); }
    SandboxServer *sandbox() const { return m_session->server(); }

    Connection layers() const {
        for (const Connection &connection : m_session->connections()) {
            if (connection.providerId == QLatin1String("layers"))
                return connection;
        }
        return {};
    }

    // openDeliveries: View → Deliveries by its shortcut (a restored window may show it already).
    void openWindow(bool openDeliveries = true) {
        m_window = std::make_unique<MainWindow>(&m_rig->service, m_store.get(), m_clipboard.get(),
                                                m_session->connections(), m_log.get(), m_session.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *list = child<QListWidget>("connectionList");
        list->setCurrentItem(list->findItems(QStringLiteral("Layers sandbox"), Qt::MatchExactly).first());
        QTRY_VERIFY_WITH_TIMEOUT(child<QTableView>("endpointTable")->model()->rowCount() >= 4, 10000);
        m_tester = std::make_unique<QAbstractItemModelTester>(rows());
        if (!openDeliveries)
            return;
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(child<QDockWidget>("deliveriesDock")->isVisible());
        QTRY_VERIFY(deliveryTable()->hasFocus()); // the keyboard is on the rows
    }

    // Clicks Listen and waits for the address; the port it shows.
    quint16 listen() {
        QTest::mouseClick(child<QToolButton>("listenButton"), Qt::LeftButton);
        auto *address = child<QLineEdit>("listenAddress");
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!address->text().isEmpty(), 10000); }();
        if (!address->isReadOnly())
            return 0; // the address is for copying, not editing
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:(\\d+)/$")).match(address->text());
        return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
    }

    // A Layers endpoint at the console's receiver, created through the service (its secret goes to the keychain).
    QString createReceiverEndpoint() {
        EndpointDraft draft;
        draft.url = QStringLiteral("http://localhost:%1%2").arg(m_port).arg(m_path);
        draft.events = {QStringLiteral("job.completed"), QStringLiteral("job.failed")};
        draft.label = QStringLiteral("Console receiver");
        std::optional<EndpointService::SecretOutcome> created;
        m_rig->service.create(layers(), draft, this,
                              [&](const EndpointService::SecretOutcome &outcome) { created = outcome; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000); }();
        return created && created->secretStored() ? created->endpoint.id : QString();
    }

    QString secretOf(const QString &endpointId) const {
        return sandbox()->endpoint(QStringLiteral("layers"), endpointId)->secret;
    }

    // The headers Layers (Standard Webhooks) would sign body with, under secret.
    Headers signedWith(const QString &secret, const QByteArray &body, const QString &id = QStringLiteral("msg_1")) {
        const SignatureScheme scheme = m_rig->service.profileFor(layers())->signatureScheme();
        const auto headers =
            SignatureVerifier(scheme).signedHeaders(body, secret, id, QDateTime::currentSecsSinceEpoch());
        Headers result{{"Content-Type", "application/json"}};
        for (const auto &[name, value] : *headers)
            result.append({name.toLatin1(), value.toLatin1()});
        return result;
    }

    // Writes one HTTP/1.1 request, byte for byte, and returns the status it got (-1: none).
    int postRaw(const QString &path, const Headers &headers, const QByteArray &body, qint64 contentLength = -1) const {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!socket.waitForConnected(5000))
            return -1;
        QByteArray request =
            "POST " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
        for (const auto &[name, value] : headers)
            request += name + ": " + value + "\r\n";
        request +=
            "Content-Length: " + QByteArray::number(contentLength < 0 ? body.size() : contentLength) + "\r\n\r\n";
        socket.write(request);
        socket.write(body);
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (!answer.contains("\r\n") && timer.elapsed() < 15000) {
            QCoreApplication::processEvents();
            if (socket.waitForReadyRead(50))
                answer += socket.readAll();
            if (socket.state() == QAbstractSocket::UnconnectedState)
                break;
        }
        answer += socket.readAll();
        const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
        return statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
    }

    // The row shown for the newest delivery (view row 0: newest first).
    QString topVerdict() const { return rows()->index(0, 0).data(DeliveryTableModel::VerdictRole).toString(); }
    void selectTop() {
        deliveryTable()->setFocus();
        const QRect cell = deliveryTable()->visualRect(rows()->index(0, DeliveryTableModel::Path));
        QTest::mouseClick(deliveryTable()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(deliveryTable()->selectionModel()->selectedRows().size(), 1);
    }
    QString verdictShown() const { return child<QLabel>("deliveryVerdict")->text(); }
    QString headersShown() const { return child<QPlainTextEdit>("deliveryHeaders")->toPlainText(); }

    void chooseFilter(const char *name, const QString &value) {
        auto *combo = child<QComboBox>(name);
        const int index = combo->findData(value);
        QVERIFY2(index >= 0, qPrintable(value));
        combo->setCurrentIndex(index);
    }

    void answerNextMessageBox(const QString &buttonText) {
        QTimer::singleShot(50, this, [buttonText] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().remove(QLatin1Char('&')) == buttonText)
                    return button->click();
            }
            QFAIL(qPrintable(QStringLiteral("no button %1").arg(buttonText)));
        });
    }

    // Send Test Event on the receiver's row, through the window, as the operator would.
    void sendTestEventFromTheWindow() {
        action("refreshAction")->trigger();
        auto *table = child<QTableView>("endpointTable");
        int row = -1;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (int r = 0; r < table->model()->rowCount(); ++r) {
                        if (table->model()->index(r, 0).data(Qt::UserRole + 1).toString() == m_endpointId)
                            row = r;
                    }
                    return row >= 0;
                }(),
                10000);
        }();
        table->selectRow(row);
        QTRY_VERIFY(action("sendTestAction")->isEnabled());
        action("sendTestAction")->trigger();
    }

private slots:
    void init() {
        m_rig = std::make_unique<ServiceRig>(QStringLiteral("webhook-console-deliveries-"));
        m_log = std::make_unique<DeliveryLog>(m_rig->state);
        m_session = std::make_unique<SandboxSession>(&m_rig->service);
        const QString problem = startSandboxWithKeys(*m_session, this);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_store = std::make_unique<ConnectionStore>();
        m_clipboard = std::make_unique<ClipboardGuard>();
        openWindow();
        m_port = listen();
        QVERIFY(m_port != 0);
        m_endpointId = createReceiverEndpoint();
        QVERIFY(!m_endpointId.isEmpty());
    }

    void cleanup() {
        // What a closed window saved is this test's: the next starts as on a first run.
        QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("webhook-console"),
                  QStringLiteral("console"))
            .clear();
        m_tester.reset();
        m_window.reset();
        m_clipboard.reset();
        m_session.reset();
        m_log.reset();
        m_rig.reset();
    }

    void aTestEventIsValidThenAnOldSecretAndATamperedBodyAreDiagnosed() {
        sendTestEventFromTheWindow();
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 1, 15000);
        QCOMPARE(topVerdict(), QStringLiteral("ok"));
        QCOMPARE(rows()->index(0, DeliveryTableModel::Verdict).data().toString(), QStringLiteral("Valid"));
        QCOMPARE(rows()->index(0, DeliveryTableModel::Event).data().toString(), QStringLiteral("webhook.test"));
        QCOMPARE(rows()->index(0, DeliveryTableModel::Endpoint).data().toString(), m_endpointId);
        QCOMPARE(rows()->index(0, DeliveryTableModel::Path).data().toString(), m_path);
        QCOMPARE(rows()->index(0, DeliveryTableModel::Method).data().toString(), QStringLiteral("POST"));
        selectTop();
        QVERIFY2(verdictShown().startsWith(QStringLiteral("Valid: ")), qPrintable(verdictShown()));
        auto *pretty = child<QPlainTextEdit>("deliveryBodyPretty");
        QVERIFY2(pretty->toPlainText().contains(QStringLiteral("\n    \"type\": \"webhook.test\"")),
                 qPrintable(pretty->toPlainText()));
        QVERIFY(child<QTabWidget>("deliveryBodyTabs")->isTabEnabled(0));

        // Signed with today's secret, then a rotate: now it is the previous one's signature.
        const QByteArray body = "{\"type\":\"job.completed\",\"data\":{\"id\":\"job_7\"}}";
        const QString oldSecret = secretOf(m_endpointId);
        const Headers oldHeaders = signedWith(oldSecret, body);
        std::optional<EndpointService::SecretOutcome> rotated;
        m_rig->service.rotateSecret(layers(), m_endpointId, this,
                                    [&](const EndpointService::SecretOutcome &outcome) { rotated = outcome; });
        QTRY_VERIFY_WITH_TIMEOUT(rotated.has_value(), 10000);
        QVERIFY(rotated->secretStored());
        QCOMPARE(postRaw(m_path, oldHeaders, body), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 2, 15000);
        QCOMPARE(topVerdict(), QStringLiteral("previous-secret"));
        selectTop();
        QVERIFY2(verdictShown().startsWith(QStringLiteral("Previous secret: ")), qPrintable(verdictShown()));

        // Signed with the current secret, then changed on the way: a mismatch, and why.
        QByteArray tampered = body;
        tampered.replace("job_7", "job_8");
        QCOMPARE(postRaw(m_path, signedWith(secretOf(m_endpointId), body), tampered), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 3, 15000);
        QCOMPARE(topVerdict(), QStringLiteral("mismatch"));
        selectTop();
        QVERIFY2(verdictShown().startsWith(QStringLiteral("Mismatch: ")), qPrintable(verdictShown()));
        QVERIFY(verdictShown().size() > QStringLiteral("Mismatch: ").size() + 10);

        // On no endpoint's path, but signed with this endpoint's secret: matched by the signature.
        QCOMPARE(postRaw(QStringLiteral("/elsewhere"), signedWith(secretOf(m_endpointId), body), body), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 4, 15000);
        QCOMPARE(topVerdict(), QStringLiteral("ok"));
        QCOMPARE(rows()->index(0, DeliveryTableModel::Endpoint).data().toString(), m_endpointId);
        QVERIFY(rows()
                    ->index(0, DeliveryTableModel::Verdict)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Matched by its signature")));

        // Kept, with their verdicts, and never a secret.
        const QList<DeliveryLog::Entry> kept = m_log->recent();
        QCOMPARE(kept.size(), 4);
        QCOMPARE(kept.at(3).verdict, QStringLiteral("ok"));
        QCOMPARE(kept.at(2).verdict, QStringLiteral("previous-secret"));
        QCOMPARE(kept.at(1).verdict, QStringLiteral("mismatch"));
        QByteArray onDisk; // the database and its write-ahead log, as they lie on disk
        for (const QString &file : QStringList{m_log->databasePath(), m_log->databasePath() + QStringLiteral("-wal")}) {
            QFile stored(file);
            if (stored.open(QIODevice::ReadOnly))
                onDisk += stored.readAll();
        }
        QVERIFY(onDisk.contains(tampered)); // what was kept is there to scan
        for (const QString &secret : {oldSecret, secretOf(m_endpointId)}) {
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!onDisk.contains(secret.toUtf8()), "a signing secret is in the state database");
        }
    }

    void deliverSampleSendsTheChosenEventType() {
        action("refreshAction")->trigger();
        sendTestEventFromTheWindow(); // selects the receiver's row
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 1, 15000);
        // The delivery arrives before the provider's answer to the test: its message comes after.
        auto *message = child<QLabel>("messageText");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QStringLiteral("Test event sent")), 15000);
        auto *menu = child<QMenu>("deliverSampleMenu");
        QVERIFY(menu->menuAction()->isEnabled());
        emit menu->aboutToShow();
        QStringList offered;
        QAction *failed = nullptr;
        for (QAction *entry : menu->actions()) {
            offered << entry->text();
            if (entry->text() == QLatin1String("job.failed"))
                failed = entry;
        }
        QCOMPARE(offered, QStringList({QStringLiteral("job.completed"), QStringLiteral("job.failed")}));
        failed->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 2, 15000);
        QCOMPARE(rows()->index(0, DeliveryTableModel::Event).data().toString(), QStringLiteral("job.failed"));
        QCOMPARE(topVerdict(), QStringLiteral("ok"));
        QTRY_VERIFY2(message->text().contains(QStringLiteral("job.failed")), qPrintable(message->text()));
    }

    void filtersCurlReplayClearAndRestart() {
        const QByteArray body = "{\"type\":\"job.completed\",\"data\":{\"id\":\"job_7\"}}";
        Headers headers = signedWith(secretOf(m_endpointId), body, QStringLiteral("msg_curl"));
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer receiver-password")));
        headers.append(qMakePair(QByteArray("X-Note"), QByteArray("it's")));
        QCOMPARE(postRaw(m_path, headers, body), 200);
        QCOMPARE(postRaw(QStringLiteral("/nowhere"), {{"Content-Type", "text/plain"}}, "plain words"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 2, 15000);

        // Filters: by verdict, event type and endpoint.
        chooseFilter("deliveryVerdictFilter", QStringLiteral("ok"));
        QCOMPARE(rows()->rowCount(), 1);
        chooseFilter("deliveryVerdictFilter", QString());
        QCOMPARE(rows()->rowCount(), 2);
        chooseFilter("deliveryEventFilter", QStringLiteral("job.completed"));
        QCOMPARE(rows()->rowCount(), 1);
        chooseFilter("deliveryEventFilter", QString());
        chooseFilter("deliveryEndpointFilter", QStringLiteral("-"));
        QCOMPARE(rows()->rowCount(), 1);
        QCOMPARE(topVerdict(), QStringLiteral("no-endpoint"));
        // Not JSON: shown raw, the pretty view off.
        selectTop();
        QVERIFY(!child<QTabWidget>("deliveryBodyTabs")->isTabEnabled(0));
        QCOMPARE(child<QTabWidget>("deliveryBodyTabs")->currentIndex(), 1);
        QCOMPARE(child<QPlainTextEdit>("deliveryBodyRaw")->toPlainText(), QStringLiteral("plain words"));
        chooseFilter("deliveryEndpointFilter", QString());
        QCOMPARE(rows()->rowCount(), 2);

        // Copy as curl: exact text, no Authorization, no hop-by-hop headers.
        deliveryTable()->selectRow(1);
        QCOMPARE(rows()->index(1, DeliveryTableModel::Path).data().toString(), m_path);
        QVERIFY(action("copyAsCurlAction")->isEnabled());
        action("copyAsCurlAction")->trigger();
        QString expected = QStringLiteral("curl 'http://127.0.0.1:%1/hooks/console' \\\n").arg(m_port) +
                           QStringLiteral("  -H 'Content-Type: application/json' \\\n");
        for (const auto &[name, value] : headers) {
            if (name.startsWith("webhook-"))
                expected +=
                    QStringLiteral("  -H '%1: %2' \\\n").arg(QString::fromLatin1(name), QString::fromLatin1(value));
        }
        expected += QStringLiteral("  -H 'X-Note: it'\\''s' \\\n"
                                   "  --data-binary '{\"type\":\"job.completed\",\"data\":{\"id\":\"job_7\"}}'");
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QVERIFY(!QGuiApplication::clipboard()->text().contains(QStringLiteral("receiver-password")));

        // Replay: off without a forward URL (and says why), then to a target that answers 202.
        QVERIFY(!action("replayDeliveryAction")->isEnabled());
        QVERIFY(child<QToolButton>("replayDelivery")->toolTip().contains(QStringLiteral("forward URL")));
        QHttpServer target;
        QByteArray replayedBody;
        QByteArray replayedAuthorization = "unset";
        target.route(QStringLiteral("/in"), [&](const QHttpServerRequest &request) {
            replayedBody = request.body();
            replayedAuthorization = request.value("Authorization");
            return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("accepted by target"),
                                       QHttpServerResponder::StatusCode::Accepted);
        });
        const quint16 targetPort = target.listen(QHostAddress::LocalHost);
        QVERIFY(targetPort != 0);
        auto *forward = child<QLineEdit>("forwardUrl");
        forward->setFocus();
        QTest::keyClicks(forward, QStringLiteral("http://127.0.0.1:%1/in").arg(targetPort));
        QVERIFY(action("replayDeliveryAction")->isEnabled());
        QTest::mouseClick(child<QToolButton>("replayDelivery"), Qt::LeftButton);
        auto *forwardShown = child<QLabel>("deliveryForward");
        QTRY_VERIFY_WITH_TIMEOUT(forwardShown->isVisible(), 10000);
        QVERIFY2(forwardShown->text().contains(QStringLiteral("answered 202")), qPrintable(forwardShown->text()));
        QCOMPARE(child<QPlainTextEdit>("deliveryForwardBody")->toPlainText(), QStringLiteral("accepted by target"));
        QCOMPARE(replayedBody, body);
        QVERIFY2(replayedAuthorization.isEmpty(), replayedAuthorization.constData());
        const qint64 replayedId = rows()->index(1, 0).data(DeliveryTableModel::DeliveryIdRole).toLongLong();
        bool found = false;
        for (const DeliveryLog::Entry &entry : m_log->recent()) {
            if (entry.id == replayedId) {
                found = true;
                QCOMPARE(entry.forward.status, 202);
                QCOMPARE(entry.forward.body, QByteArray("accepted by target"));
                // The credential never reached the database either.
                for (const auto &[name, value] : entry.headers)
                    QVERIFY(!value.contains("receiver-password"));
            }
        }
        QVERIFY(found);

        // Listening with the forward URL set: a new delivery goes on to the target, live, and its
        // answer is shown with it.
        QCOMPARE(postRaw(m_path, signedWith(secretOf(m_endpointId), body, QStringLiteral("msg_live")), body), 202);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 3, 15000);
        selectTop();
        QVERIFY2(QRegularExpression(QStringLiteral("^Forward target answered 202 in \\d+ ms:$"))
                     .match(forwardShown->text())
                     .hasMatch(),
                 qPrintable(forwardShown->text()));
        QVERIFY(child<QPlainTextEdit>("deliveryForwardBody")->isVisible());
        QCOMPARE(child<QPlainTextEdit>("deliveryForwardBody")->toPlainText(), QStringLiteral("accepted by target"));

        // A new window over the same database shows what was kept, the target's answers too.
        m_tester.reset();
        m_window.reset();
        openWindow();
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 3, 10000);
        QCOMPARE(rows()->index(2, DeliveryTableModel::Path).data().toString(), m_path);
        QCOMPARE(rows()->index(1, DeliveryTableModel::Verdict).data().toString(), QStringLiteral("No endpoint"));
        for (int row : {0, 2}) {
            deliveryTable()->selectRow(row);
            QVERIFY2(
                child<QLabel>("deliveryForward")->text().startsWith(QStringLiteral("Forward target answered 202 in ")),
                qPrintable(child<QLabel>("deliveryForward")->text()));
            QVERIFY(child<QPlainTextEdit>("deliveryForwardBody")->isVisible());
            QCOMPARE(child<QPlainTextEdit>("deliveryForwardBody")->toPlainText(), QStringLiteral("accepted by target"));
        }
        // Not forwarded: nothing said about a forward.
        deliveryTable()->selectRow(1);
        QVERIFY(!child<QLabel>("deliveryForward")->isVisible());
        QVERIFY(!child<QPlainTextEdit>("deliveryForwardBody")->isVisible());

        // Clear asks, then empties the table and the database.
        answerNextMessageBox(QStringLiteral("Clear deliveries"));
        action("clearDeliveriesAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 0, 5000);
        QCOMPARE(m_log->count(), 0);
        QVERIFY(!action("clearDeliveriesAction")->isEnabled());
        QTRY_COMPARE(m_window->focusWidget(), deliveryTable()); // not lost with the disabled button
    }

    // A target that answers with a page: the first 64 KiB are shown, and the view says so.
    void aLongForwardAnswerIsShownCut() {
        QHttpServer target;
        const QByteArray page = "<html>" + QByteArray(ForwardOutcome::maxBodyBytes, 'p') + "</html>";
        target.route(QStringLiteral("/page"), [&] {
            return QHttpServerResponse(QByteArrayLiteral("text/html"), page, QHttpServerResponder::StatusCode::Ok);
        });
        const quint16 targetPort = target.listen(QHostAddress::LocalHost);
        QVERIFY(targetPort != 0);
        QCOMPARE(postRaw(m_path, {{"Content-Type", "application/json"}}, "{}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 1, 15000);
        auto *forward = child<QLineEdit>("forwardUrl");
        forward->setFocus();
        QTest::keyClicks(forward, QStringLiteral("http://127.0.0.1:%1/page").arg(targetPort));
        selectTop();
        QTest::mouseClick(child<QToolButton>("replayDelivery"), Qt::LeftButton);
        auto *forwardShown = child<QLabel>("deliveryForward");
        QTRY_VERIFY_WITH_TIMEOUT(forwardShown->isVisible(), 10000);
        QVERIFY2(QRegularExpression(QStringLiteral("^Forward target answered 200 in \\d+ ms, with a body longer "
                                                   "than 64 KiB: the first 64 KiB are shown\\.$"))
                     .match(forwardShown->text())
                     .hasMatch(),
                 qPrintable(forwardShown->text()));
        const QString shown = child<QPlainTextEdit>("deliveryForwardBody")->toPlainText();
        QCOMPARE(shown.size(), ForwardOutcome::maxBodyBytes);
        QVERIFY(shown.startsWith(QStringLiteral("<html>pp")));
        QCOMPARE(m_log->recent(1).first().forward.body, page.left(ForwardOutcome::maxBodyBytes));
    }

    // Alt+J and Alt+W choose the body's view: the keyboard goes to the toggle, and Tab from there
    // into the body it shows; a body that is not JSON has no pretty view to choose.
    void bodyViewMnemonicsTakeTheKeyboard() {
        QCOMPARE(postRaw(QStringLiteral("/nowhere"), {{"Content-Type", "text/plain"}}, "plain words"), 200);
        QCOMPARE(postRaw(m_path, {{"Content-Type", "application/json"}}, "{\"type\":\"job.completed\"}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 2, 15000);
        selectTop();
        auto *tabs = child<QTabWidget>("deliveryBodyTabs");
        auto *pretty = child<QPlainTextEdit>("deliveryBodyPretty");
        auto *raw = child<QPlainTextEdit>("deliveryBodyRaw");
        QCOMPARE(tabs->currentIndex(), 0);
        QVERIFY(deliveryTable()->hasFocus());

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::AltModifier);
        QCOMPARE(tabs->currentWidget(), raw);
        QTRY_COMPARE(QApplication::focusWidget(), tabs->tabBar());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), raw);
        QCOMPARE(raw->toPlainText(), QStringLiteral("{\"type\":\"job.completed\"}"));

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J, Qt::AltModifier);
        QCOMPARE(tabs->currentWidget(), pretty);
        QTRY_COMPARE(QApplication::focusWidget(), tabs->tabBar());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), pretty);
        QVERIFY(pretty->toPlainText().contains(QStringLiteral("\"type\": \"job.completed\"")));

        // The plain-text delivery: Raw only, Alt+J leaves it (and the keyboard) where they are.
        deliveryTable()->setFocus();
        QTest::keyClick(deliveryTable(), Qt::Key_Down);
        QCOMPARE(rows()->index(1, 0).data(DeliveryTableModel::VerdictRole).toString(), QStringLiteral("no-endpoint"));
        QTRY_COMPARE(tabs->currentWidget(), raw);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J, Qt::AltModifier);
        QCOMPARE(tabs->currentWidget(), raw);
        QCOMPARE(QApplication::focusWidget(), deliveryTable());
    }

    void hostileDeliveriesAreRefusedOrShownSafely() {
        // 10 MB: refused before it is read, and nothing is shown.
        const QByteArray huge(10 * 1024 * 1024, 'x');
        QCOMPARE(postRaw(m_path, {{"Content-Type", "application/json"}}, huge), 413);
        // Escape sequences and control characters in header values are shown, not interpreted.
        const Headers evil{{"Content-Type", "application/json"},
                           {"X-Evil", "\x1b]0;owned\x07 \x1b[31mred"},
                           {"X-Bidi", "abc\xe2\x80\xae"
                                      "fed"}};
        QCOMPARE(postRaw(m_path, evil, "{\"type\":\"x.y\"}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 1, 15000);
        QCOMPARE(m_log->count(), 1);
        QCOMPARE(topVerdict(), QStringLiteral("no-signature"));
        selectTop();
        const QString shown = headersShown();
        QVERIFY2(shown.contains(QStringLiteral("X-Evil: \\x1b]0;owned\\x07 \\x1b[31mred")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("X-Bidi: abc\\u202efed")), qPrintable(shown));
        QVERIFY(!shown.contains(QChar(0x1b)));
        QVERIFY(!shown.contains(QChar(0x202e)));
        // The receiver still answers after all that.
        QCOMPARE(postRaw(m_path, {{"Content-Type", "application/json"}}, "{}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 2, 15000);
    }

    void listenSaysItsStateAndAPortInUseIsExplained() {
        // Listening (init): the button says what it would do, the status and description where.
        auto *button = child<QToolButton>("listenButton");
        auto *status = child<QLabel>("listenStatus");
        auto *port = child<QSpinBox>("listenPort");
        const QString where = QStringLiteral("Listening on 127.0.0.1:%1").arg(m_port);
        QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Stop Listening"));
        QCOMPARE(status->text(), where);
        QCOMPARE(button->accessibleName(), QStringLiteral("Stop listening"));
        QCOMPARE(button->accessibleDescription(), where);
        QVERIFY(!port->isEnabled());
        QVERIFY2(port->toolTip().contains(QStringLiteral("Stop listening")), qPrintable(port->toolTip()));
        QVERIFY(!child<QLabel>("listenProblem")->isVisible());
        // Copy puts the address on the clipboard, to paste as an endpoint's URL.
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(child<QToolButton>("copyListenAddress"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("http://127.0.0.1:%1/").arg(m_port));

        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Listen"));
        QCOMPARE(status->text(), QStringLiteral("Not listening"));
        QCOMPARE(button->accessibleName(), QStringLiteral("Listen"));
        QCOMPARE(button->accessibleDescription(), QStringLiteral("Not listening"));
        QVERIFY(port->isEnabled());

        // Another program has the port: said next to the control, and the toggle is off again.
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost));
        port->setValue(occupant.serverPort());
        QTest::mouseClick(button, Qt::LeftButton);
        auto *problem = child<QLabel>("listenProblem");
        QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
        QVERIFY2(problem->text().contains(QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort())),
                 qPrintable(problem->text()));
        QVERIFY2(problem->text().contains(QStringLiteral("already in use")), qPrintable(problem->text()));
        QVERIFY(!action("listenAction")->isChecked());
        QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Listen"));
        QCOMPARE(status->text(), QStringLiteral("Not listening"));
        QVERIFY(port->isEnabled());
        QCOMPARE(port->accessibleDescription(), problem->text());
        QVERIFY(child<QLineEdit>("listenAddress")->text().isEmpty());

        // A free port: listening again, the problem gone.
        port->setValue(0);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Listening on 127.0.0.1:")), 10000);
        QVERIFY(!problem->isVisible());
        QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Stop Listening"));
    }

    void theDockOpensSmallAndARestartRestoresIt() {
        // The first time (init opened it): the endpoints keep most of the window.
        auto *dock = child<QDockWidget>("deliveriesDock");
        auto *endpoints = child<QTableView>("endpointTable");
        QTRY_VERIFY2(dock->height() <= m_window->height() * 2 / 5,
                     qPrintable(QStringLiteral("dock %1 of %2").arg(dock->height()).arg(m_window->height())));
        QVERIFY2(endpoints->height() > dock->height(),
                 qPrintable(QStringLiteral("endpoints %1, dock %2").arg(endpoints->height()).arg(dock->height())));

        // The operator makes it taller and moves the split, then quits.
        const int taller = dock->height() + 120;
        m_window->resizeDocks({dock}, {taller}, Qt::Vertical);
        QTRY_VERIFY(qAbs(dock->height() - taller) <= 4);
        const int height = dock->height();
        auto *splitter = child<QSplitter>("deliveriesSplitter");
        splitter->setSizes({320, splitter->width() - 320 - splitter->handleWidth()});
        const QList<int> split = splitter->sizes();
        QVERIFY(m_window->close());
        m_tester.reset();
        m_window.reset();

        // The next start shows it again, as it was, without View → Deliveries.
        openWindow(false);
        dock = child<QDockWidget>("deliveriesDock");
        QTRY_VERIFY(dock->isVisible());
        QTRY_COMPARE(dock->height(), height);
        QCOMPARE(child<QSplitter>("deliveriesSplitter")->sizes(), split);

        // Hidden when quit: hidden at the next start, and as tall as it was when opened again.
        action("toggleDeliveriesAction")->trigger();
        QVERIFY(!dock->isVisible());
        QVERIFY(m_window->close());
        m_tester.reset();
        m_window.reset();
        openWindow(false);
        dock = child<QDockWidget>("deliveriesDock");
        QTest::qWait(100);
        QVERIFY(!dock->isVisible());
        action("toggleDeliveriesAction")->trigger();
        QTRY_VERIFY(dock->isVisible());
        QTRY_COMPARE(dock->height(), height);
    }

    // On a window 1,240 pixels wide the fixed columns took all the table's width, and the path,
    // which stretches over what is left, got none; it keeps a short path's width now.
    void thePathColumnNeverVanishes() {
        m_window->resize(1240, 860);
        QTRY_COMPARE(m_window->width(), 1240);
        QCOMPARE(postRaw(m_path, {{"Content-Type", "application/json"}}, "{}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 1, 15000);
        const int width = deliveryTable()->horizontalHeader()->sectionSize(DeliveryTableModel::Path);
        const int needed = deliveryTable()->fontMetrics().horizontalAdvance(QStringLiteral("/hooks/x"));
        QVERIFY2(width > needed, qPrintable(QStringLiteral("path column %1, /hooks/x %2").arg(width).arg(needed)));
    }

    // Tab goes through the dock's controls in reading order and on into the window, and comes back
    // round; nothing of the dock is skipped (the window's own tab order once cut it off after the
    // table's first neighbour).
    void tabReachesEveryControlOfTheDock() {
        const auto nameOf = [](QWidget *widget) {
            for (; widget; widget = widget->parentWidget()) {
                if (!widget->objectName().isEmpty() && !widget->objectName().startsWith(QLatin1String("qt_")))
                    return widget->objectName();
            }
            return QStringLiteral("-");
        };
        auto *start = child<QToolButton>("listenButton");
        start->setFocus(Qt::TabFocusReason);
        QStringList visited;
        for (int i = 0; i < 60; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            if (i > 0 && focus == start)
                break;
            if (visited.isEmpty() || visited.last() != nameOf(focus))
                visited << nameOf(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QVERIFY2(QApplication::focusWidget() == start,
                 qPrintable(visited.join(QStringLiteral(", ")))); // round the window and back
        const QStringList inOrder{QStringLiteral("listenButton"),           QStringLiteral("copyListenAddress"),
                                  QStringLiteral("listenAddress"),          QStringLiteral("forwardUrl"),
                                  QStringLiteral("deliveryEndpointFilter"), QStringLiteral("deliveryEventFilter"),
                                  QStringLiteral("deliveryVerdictFilter"),  QStringLiteral("deliveryTable"),
                                  QStringLiteral("deliveryVerdict"),        QStringLiteral("deliveryHeaders"),
                                  QStringLiteral("deliveryBodyTabs"),       QStringLiteral("deliveryBodyPretty"),
                                  QStringLiteral("endpointTable")};
        QVERIFY2(visited.mid(0, inOrder.size() - 1) == inOrder.mid(0, inOrder.size() - 1),
                 qPrintable(visited.join(QStringLiteral(", "))));
        QVERIFY2(visited.contains(inOrder.last()), qPrintable(visited.join(QStringLiteral(", "))));

        // Shift+Tab from the rows goes back to the filters.
        deliveryTable()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(deliveryTable(), Qt::Key_Backtab);
        QCOMPARE(nameOf(QApplication::focusWidget()), QStringLiteral("deliveryVerdictFilter"));

        // Mnemonics are unique in the window: each reaches its own control.
        const QList<QPair<Qt::Key, QString>> mnemonics{{Qt::Key_S, QStringLiteral("listenAddress")},
                                                       {Qt::Key_D, QStringLiteral("forwardUrl")},
                                                       {Qt::Key_P, QStringLiteral("deliveryEndpointFilter")},
                                                       {Qt::Key_Y, QStringLiteral("deliveryEventFilter")},
                                                       {Qt::Key_I, QStringLiteral("deliveryVerdictFilter")}};
        for (const auto &[key, name] : mnemonics) {
            QTest::keyClick(QApplication::focusWidget(), key, Qt::AltModifier);
            QCOMPARE(nameOf(QApplication::focusWidget()), name);
        }
    }

    void listenIsKeyboardOperableAndNamed() {
        // Off and on again by its shortcut; the port field is locked while listening.
        auto *listenAction = action("listenAction");
        QVERIFY(listenAction->isChecked());
        QVERIFY(!child<QWidget>("listenPort")->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!listenAction->isChecked());
        QVERIFY(child<QLineEdit>("listenAddress")->text().isEmpty());
        QVERIFY(child<QWidget>("listenPort")->isEnabled());
        QCOMPARE(postRaw(m_path, {}, "{}"), -1); // nobody listens any more
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLineEdit>("listenAddress")->text().isEmpty(), 10000);

        const QStringList unnamed = unnamedControls(child<QWidget>("deliveriesView"), m_window.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestDeliveriesView)
#include "tst_DeliveriesView.moc"
