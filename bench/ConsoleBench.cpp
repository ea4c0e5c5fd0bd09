// The console's start, Secret column and filter, measured the way an operator meets them: the real
// MainWindow, wired as app/main.cpp wires it (with the real keychain behind a call counter), on
// one connection to the bench page server, no sandbox. Only public API: widgets found by object
// name, the model read through the view, the window's own signals and events.
//
// usage:
//   bench_console --setup BASE_URL [--seed COUNT]
//       Points the bench connection at BASE_URL and stores its API key; with --seed, also stores
//       the signing secrets of the first COUNT bench endpoints the way the product does
//       (EndpointService::importSecret: the keychain, then the secret index). Prints how long that
//       took, and the keychain service and key the API key is under (for bench_qt_table).
//   bench_console ENDPOINTS [--secret-limit SECONDS] [--start-only]
//       Starts the console on the bench connection and prints one JSON line, times in ms from launch
//       (see LaunchClock):
//       - rowsShownMs: all ENDPOINTS rows in the table's model and the table's viewport painted;
//         rssMiB is this process's resident memory then;
//       - secretCompleteMs: every row's Secret cell known (the model's "secretStored" role), and no
//         earlier than rowsShownMs; null if that did not happen within the limit (secretKnown says
//         how many were);
//       - apiKeyReads, secretReads, keychainWrites, keychainRemoves: keychain calls made until then;
//       - filter: keystrokes typed into the search field, each timed from the key to the table's
//         model holding the rows that match and its viewport painted.
#include "ApplicationIcon.h"
#include "AppliedEndpoints.h"
#include "BenchData.h"
#include "ClipboardGuard.h"
#include "ConnectionStore.h"
#include "CountingSecretStore.h"
#include "DeliveryLog.h"
#include "DeliveryRetention.h"
#include "EndpointService.h"
#include "KeychainSecretStore.h"
#include "LaunchClock.h"
#include "ListLimits.h"
#include "LocalState.h"
#include "MainWindow.h"
#include "PaintProbe.h"
#include "PendingCreateJournal.h"
#include "SecretColumnWatcher.h"
#include "ThreadedKeychainStore.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdlib>

namespace {

Connection benchConnection(const QString &baseUrl) {
    Connection connection;
    connection.id = QStringLiteral("6f1c2a7e-5b0d-4c3e-9a8f-2d7b1e0c4a55"); // fixed: the seeded secrets are under it
    connection.name = QStringLiteral("bench");
    connection.providerId = QStringLiteral("layers");
    connection.baseUrl = baseUrl;
    connection.environment = Environment::Development;
    return connection;
}

// The names and translations app/main.cpp gives the console (the names also decide where its
// settings and state database are).
void describeApplication(QTranslator &qtTranslator, QTranslator &translator) {
    QCoreApplication::setApplicationName(QStringLiteral("webhook-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEBHOOK_CONSOLE_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("Webhook Console"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.webhook_console.WebhookConsole"));
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (translator.load(QLocale(), QStringLiteral("webhook-console"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
}

// The console's parts, made in app/main.cpp's order, the keychain behind a counter.
struct Console {
    QNetworkAccessManager network;
    ThreadedKeychainStore keychain{KeychainSecretStore::defaultService()};
    CountingSecretStore secrets{&keychain};
    LocalState state;
    PendingCreateJournal journal{state};
    const ProviderRegistry registry{ProviderRegistry::defaultUserDirectory()};
    SecretIndex secretIndex{state};
    DeliveryLog deliveryLog{state, DeliveryRetention::fromSettings().keep};
    AppliedEndpoints applied{state};
    EndpointService service{&network, &secrets, &journal, registry};
    ConnectionStore store;
    ClipboardGuard clipboard;

    Console() {
        service.setSecretIndex(&secretIndex);
        service.setAppliedEndpoints(&applied);
        ApiClient::Policy policy;
        ListLimits::fromSettings().applyTo(policy);
        policy.keepListedRaw = false;
        service.setPolicy(policy);
    }
};

// Runs the event loop until finish() or a deadline. Whoever calls finish() takes the time first.
class Wait final {
public:
    void finish() {
        m_done = true;
        m_loop.quit();
    }
    bool atMostMs(double ms) {
        if (!m_done) {
            QTimer::singleShot(qMax(0, int(ms)), &m_loop, &QEventLoop::quit);
            m_loop.exec();
        }
        return m_done;
    }

private:
    QEventLoop m_loop;
    bool m_done = false;
};

void print(const QJsonObject &object) {
    QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
}

int fail(const QString &why) {
    print({{QStringLiteral("error"), why}});
    return 1;
}

// A made-up signing secret in Layers' format; it goes only to the throwaway keychain.
QString madeUpSecret() {
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString secret = QStringLiteral("whsec_");
    for (int i = 0; i < 32; ++i)
        secret += alphabet.at(int(QRandomGenerator::global()->bounded(alphabet.size())));
    return secret;
}

// Points the Secret Service's "default" collection, where the console stores what it stores, at
// gnome-keyring's in-memory "session" collection. gnome-keyring writes its whole login keyring file
// again for every item stored, so seeding 10,000 secrets there would take over half an hour; in
// memory it takes minutes. Lookups cost the same: gnome-keyring searches all its unlocked
// collections in memory either way.
bool keepSecretsInMemory(QString *error) {
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SetAlias"));
    call << QStringLiteral("default")
         << QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/session")));
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call);
    *error = reply.errorMessage();
    return reply.type() == QDBusMessage::ReplyMessage;
}

int setUp(const QString &baseUrl, int seed) {
    QString error;
    if (seed > 0 && !keepSecretsInMemory(&error))
        return fail(QStringLiteral("the keychain's default collection could not be set: %1").arg(error));
    Console console;
    const Connection connection = benchConnection(baseUrl);
    if (!console.store.save(connection, &error))
        return fail(error);
    // All calls are queued at once; the keychain answers them one at a time, in order.
    QElapsedTimer timer;
    timer.start();
    QObject context;
    Wait wait;
    int pending = 1 + seed;
    int failed = 0;
    QString firstError;
    const auto stored = [&](const SecretResult &result) {
        if (!result.ok() && failed++ == 0)
            firstError = result.errorText;
        if (--pending == 0)
            wait.finish();
    };
    console.service.saveApiKey(connection, QStringLiteral("bench-key"), &context, stored);
    for (int i = 0; i < seed; ++i)
        console.service.importSecret(connection, BenchData::endpointId(i), madeUpSecret(), &context, stored);
    wait.atMostMs(3600 * 1000.0);
    if (pending > 0 || failed > 0)
        return fail(QStringLiteral("%1 of %2 keychain writes failed or did not finish: %3")
                        .arg(failed + pending)
                        .arg(1 + seed)
                        .arg(firstError));
    // Where the API key is, for the bare window that reads it too (names only, no secret).
    print({{QStringLiteral("seeded"), seed},
           {QStringLiteral("seconds"), double(timer.elapsed()) / 1000},
           {QStringLiteral("keychainService"), KeychainSecretStore::defaultService()},
           {QStringLiteral("apiKeyKey"), SecretStore::apiKeyKey(connection.id)}});
    return 0;
}

// How many bench endpoints the console's search shows for text: a bare term matches within the
// URL, the label (Layers: the description) or an event type, or the start of the id.
int expectedMatches(int endpoints, const QString &text) {
    if (text.isEmpty())
        return endpoints;
    int matches = 0;
    for (int i = 0; i < endpoints; ++i) {
        const QStringList events = BenchData::endpointEvents(i);
        matches += BenchData::endpointUrl(i).contains(text, Qt::CaseInsensitive) ||
                   BenchData::endpointDescription(i).contains(text, Qt::CaseInsensitive) ||
                   std::any_of(events.begin(), events.end(),
                               [&](const QString &event) { return event.contains(text, Qt::CaseInsensitive); }) ||
                   BenchData::endpointId(i).startsWith(text, Qt::CaseInsensitive);
    }
    return matches;
}

// One keystroke into the search field, and the text it leaves there.
struct Keystroke {
    Qt::Key key;
    QString text;
    bool selectAllFirst = false; // untimed Ctrl+A before the key: clearing the field
    int expectedRows = 0;
};

// Typing "hooks123" one key at a time, two backspaces, a character that leaves no match, a
// backspace, then clearing the field.
QList<Keystroke> typingSequence(int endpoints) {
    QList<Keystroke> keys;
    const QString word = QStringLiteral("hooks123");
    for (qsizetype length = 1; length <= word.size(); ++length)
        keys.append({Qt::Key(word.at(length - 1).toUpper().unicode()), word.left(length)});
    keys.append({Qt::Key_Backspace, QStringLiteral("hooks12")});
    keys.append({Qt::Key_Backspace, QStringLiteral("hooks1")});
    keys.append({Qt::Key_X, QStringLiteral("hooks1x")});
    keys.append({Qt::Key_Backspace, QStringLiteral("hooks1")});
    keys.append({Qt::Key_Backspace, QString(), true});
    for (Keystroke &keystroke : keys)
        keystroke.expectedRows = expectedMatches(endpoints, keystroke.text);
    return keys;
}

class ConsoleBench final {
public:
    ConsoleBench(const LaunchClock &clock, int endpoints, double secretLimitMs, bool startOnly)
        : m_clock(clock)
        , m_endpoints(endpoints)
        , m_secretLimitMs(secretLimitMs)
        , m_startOnly(startOnly) {}

    int run() {
        Console console;
        if (const std::optional<Connection> opening = MainWindow::openingConnection(console.store))
            console.service.prepare(*opening);
        ApplicationIcon::install();
        MainWindow window(&console.service, &console.store, &console.clipboard, {}, &console.deliveryLog);
        window.setAppliedEndpoints(&console.applied);
        m_table = window.findChild<QTableView *>(QStringLiteral("endpointTable"));
        QLineEdit *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
        if (!m_table || !search)
            return fail(QStringLiteral("no endpointTable or searchField in the window"));
        // The rows as the table shows them (sorted, filtered), and the model behind them.
        m_shown = m_table->model();
        const auto *proxy = qobject_cast<QAbstractProxyModel *>(m_shown);
        SecretColumnWatcher secrets(proxy ? proxy->sourceModel() : m_shown);
        if (!secrets.hasRole())
            return fail(QStringLiteral("the table's model has no \"secretStored\" role"));
        secrets.changed = [&] { noteSecrets(secrets); };
        PaintProbe probe(m_table->viewport());
        m_probe = &probe;
        window.show();
        window.recoverPendingCreates();

        if (!waitForRows())
            return fail(QStringLiteral("%1 of %2 rows shown after %3 s")
                            .arg(m_shown->rowCount())
                            .arg(m_endpoints)
                            .arg(m_clock.elapsedMs() / 1000, 0, 'f', 0));
        if (m_startOnly) { // the start alone, e.g. under a profiler
            print({{QStringLiteral("rowsShownMs"), m_rowsShownMs}, {QStringLiteral("rssMiB"), m_rssMiB}});
            std::_Exit(0);
        }
        if (m_secretCompleteMs >= 0) // known before the first paint: on screen with the rows, not before
            m_secretCompleteMs = qMax(m_secretCompleteMs, m_rowsShownMs);
        else {
            Wait wait;
            m_secretWait = &wait;
            wait.atMostMs(m_secretLimitMs - m_clock.elapsedMs());
            m_secretWait = nullptr;
        }
        const CountingSecretStore::Counts calls = console.secrets.counts();
        QJsonObject result{
            {QStringLiteral("endpoints"), m_endpoints},
            {QStringLiteral("clock"), m_clock.source()},
            {QStringLiteral("rowsShownMs"), m_rowsShownMs},
            {QStringLiteral("rssMiB"), m_rssMiB},
            {QStringLiteral("secretCompleteMs"), m_secretCompleteMs < 0 ? QJsonValue() : m_secretCompleteMs},
            {QStringLiteral("secretKnown"), secrets.known()},
            {QStringLiteral("secretLimitMs"), m_secretLimitMs},
            {QStringLiteral("apiKeyReads"), calls.apiKeyReads},
            {QStringLiteral("secretReads"), calls.secretReads},
            {QStringLiteral("keychainWrites"), calls.writes},
            {QStringLiteral("keychainRemoves"), calls.removes},
        };

        // Still filling the Secret column (a console that reads the keychain per row): the
        // keystrokes compete with its answers, as the operator's would.
        result.insert(QStringLiteral("filterWhileSecretsLoading"), m_secretCompleteMs < 0);
        search->setFocus(Qt::OtherFocusReason);
        QJsonArray filter;
        for (const Keystroke &keystroke : typingSequence(m_endpoints)) {
            settle(100); // a brisk typist's pace; whatever the last key left to do is done by now
            const double ms = timeKeystroke(search, keystroke);
            if (ms < 0) { // reported, not fatal: the figures measured so far stand
                result.insert(QStringLiteral("filterError"), QStringLiteral("typing \"%1\": %2 rows shown, %3 expected")
                                                                 .arg(search->text())
                                                                 .arg(m_shown->rowCount())
                                                                 .arg(keystroke.expectedRows));
                break;
            }
            filter.append(QJsonObject{{QStringLiteral("text"), keystroke.text}, {QStringLiteral("ms"), ms}});
        }
        result.insert(QStringLiteral("filter"), filter);
        result.insert(QStringLiteral("viewport"),
                      QStringLiteral("%1×%2").arg(m_table->viewport()->width()).arg(m_table->viewport()->height()));
        print(result);
        // Out at once: a console still waiting for thousands of keychain answers would spend
        // seconds on the way out answering each one "closed".
        std::_Exit(0);
    }

private:
    // The first paint of the viewport with every row in the table's model.
    bool waitForRows() {
        Wait wait;
        m_probe->painted = [&] {
            if (m_rowsShownMs >= 0 || m_shown->rowCount() != m_endpoints)
                return;
            m_rowsShownMs = m_clock.elapsedMs();
            m_rssMiB = residentMiB();
            wait.finish();
        };
        wait.atMostMs(qMax(120000.0, m_endpoints * 2.0)); // generous: a slow console is reported, not cut short
        m_probe->painted = nullptr;
        return m_rowsShownMs >= 0;
    }

    // Notes the first moment every row is in and every Secret cell is known.
    void noteSecrets(const SecretColumnWatcher &secrets) {
        if (m_secretCompleteMs >= 0 || secrets.rows() != m_endpoints || secrets.known() != m_endpoints)
            return;
        m_secretCompleteMs = m_clock.elapsedMs();
        if (m_secretWait)
            m_secretWait->finish();
    }

    void settle(int ms) {
        Wait wait;
        wait.atMostMs(ms);
    }

    // From the key to the first paint of the viewport with the expected rows in the table's model;
    // -1 if that does not come within 10 s. Once the rows are right an update is asked for, merged
    // with any the view asked for itself: a key that changes nothing still ends in one paint.
    double timeKeystroke(QLineEdit *search, const Keystroke &keystroke) {
        if (keystroke.selectAllFirst) {
            QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
            settle(0);
        }
        Wait wait;
        double startMs = 0;
        double endMs = -1;
        const auto rowsRight = [&] { return m_shown->rowCount() == keystroke.expectedRows; };
        const auto askForPaint = [&] {
            if (rowsRight())
                m_table->viewport()->update();
        };
        m_probe->painted = [&] {
            if (endMs < 0 && rowsRight()) {
                endMs = m_clock.elapsedMs();
                wait.finish();
            }
        };
        const QList<QMetaObject::Connection> connections{
            QObject::connect(m_shown, &QAbstractItemModel::rowsInserted, askForPaint),
            QObject::connect(m_shown, &QAbstractItemModel::rowsRemoved, askForPaint),
            QObject::connect(m_shown, &QAbstractItemModel::modelReset, askForPaint),
            QObject::connect(m_shown, &QAbstractItemModel::layoutChanged, askForPaint),
        };
        startMs = m_clock.elapsedMs();
        QTest::keyClick(search, keystroke.key);
        if (search->text() == keystroke.text) {
            askForPaint();
            wait.atMostMs(10000);
        }
        for (const QMetaObject::Connection &connection : connections)
            QObject::disconnect(connection);
        m_probe->painted = nullptr;
        return endMs < 0 ? -1 : endMs - startMs;
    }

    const LaunchClock &m_clock;
    const int m_endpoints;
    const double m_secretLimitMs;
    const bool m_startOnly;
    QTableView *m_table = nullptr;
    QAbstractItemModel *m_shown = nullptr;
    PaintProbe *m_probe = nullptr;
    Wait *m_secretWait = nullptr;
    double m_rowsShownMs = -1;
    double m_rssMiB = 0;
    double m_secretCompleteMs = -1;
};

} // namespace

int main(int argc, char *argv[]) {
    const LaunchClock clock; // first: the start is the launch, not this line
    QApplication app(argc, argv);
    QTranslator qtTranslator;
    QTranslator translator;
    describeApplication(qtTranslator, translator);

    const QStringList arguments = app.arguments();
    const auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype at = arguments.indexOf(name);
        return at > 0 ? arguments.value(at + 1) : fallback;
    };
    if (arguments.value(1) == QLatin1String("--setup"))
        return setUp(arguments.value(2), option(QStringLiteral("--seed"), QStringLiteral("0")).toInt());
    const int endpoints = arguments.value(1).toInt();
    if (endpoints <= 0) {
        QTextStream(stderr) << "usage: bench_console --setup BASE_URL [--seed COUNT]\n"
                               "       bench_console ENDPOINTS [--secret-limit SECONDS] [--start-only]\n";
        return 2;
    }
    const double secretLimitMs = option(QStringLiteral("--secret-limit"), QStringLiteral("10")).toDouble() * 1000;
    return ConsoleBench(clock, endpoints, secretLimitMs, arguments.contains(QStringLiteral("--start-only"))).run();
}
