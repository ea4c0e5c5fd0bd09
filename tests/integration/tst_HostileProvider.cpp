// The real webhookctl binary against a provider that lies, stalls, floods or tries to reach the
// operator's terminal (HostileHttpServer on loopback). Every case checks the exit status, that the
// process exited normally, that it finished in bounded time (and memory where a flood is involved),
// and that nothing the provider sent reached the terminal raw. One case drives ApiClient in this process.
#include "ApiClient.h"
#include "HostileHttpServer.h"
#include "ProviderRegistry.h"

#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTemporaryFile>
#include <QTest>
#include <QUuid>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <vector>

namespace {

struct Run {
    int exitCode = -1; // -1: crashed or killed
    QString out;
    QString err;
    qint64 elapsedMs = 0;
    qint64 peakRssKiB = 0; // the webhookctl process's peak resident set
};

// Characters a provider could use to drive the terminal or forge lines. Our own output uses only
// '\n' between lines and '\t' between fields of a plain (non-table) line.
bool hasRawControl(const QString &text) {
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == 0x0a || u == 0x09)
            continue;
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e) ||
            (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

// An HTTP date as RFC 9110 says (IMF-fixdate), never localised.
QByteArray imfFixdate(const QDateTime &when) {
    return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

const QByteArray hostileText = "\x1b]0;pwned\x07\x1b[2J";

} // namespace

class TestHostileProvider : public QObject {
    Q_OBJECT

private:
    HostileHttpServer m_server;
    const QString m_apiKey = QStringLiteral("sk_hostile_") + QUuid::createUuid().toString(QUuid::Id128);
    QStringList m_secrets; // every signing secret a scripted answer carried
    int m_cases = 0;

    QString layersUrl() const { return m_server.baseUrl().toString() + QStringLiteral("/layers"); }

    QProcessEnvironment environment() const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("WEBHOOK_API_KEY"), m_apiKey);
        return environment;
    }

    // Runs webhookctl without blocking the event loop (the server lives in it). Started with
    // posix_spawn and reaped with wait4 rather than QProcess, so the kernel reports this one child's
    // peak RSS exactly.
    Run ctl(const QStringList &arguments, const QProcessEnvironment &environment, int waitMs = 60000) {
        Run run;
        QTemporaryFile out;
        QTemporaryFile err;
        if (!out.open() || !err.open())
            return run;
        QList<QByteArray> argumentBytes{QByteArrayLiteral(WC_BINARY_DIR "/app/webhookctl")};
        for (const QString &argument : arguments)
            argumentBytes << argument.toUtf8();
        QList<QByteArray> environmentBytes;
        for (const QString &variable : environment.toStringList())
            environmentBytes << variable.toUtf8();
        std::vector<char *> argv;
        for (QByteArray &argument : argumentBytes)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        std::vector<char *> envp;
        for (QByteArray &variable : environmentBytes)
            envp.push_back(variable.data());
        envp.push_back(nullptr);

        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&files, out.handle(), 1);
        posix_spawn_file_actions_adddup2(&files, err.handle(), 2);
        QElapsedTimer clock;
        clock.start();
        pid_t pid = 0;
        const int spawned = posix_spawn(&pid, argv.front(), &files, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&files);
        if (spawned != 0)
            return run;
        int status = 0;
        rusage usage{};
        while (wait4(pid, &status, WNOHANG, &usage) == 0) {
            if (clock.elapsed() > waitMs) {
                kill(pid, SIGKILL);
                wait4(pid, &status, 0, &usage);
                break;
            }
            QTest::qWait(10);
        }
        run.elapsedMs = clock.elapsed();
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        run.peakRssKiB = usage.ru_maxrss; // KiB on Linux
        out.seek(0);
        err.seek(0);
        run.out = QString::fromUtf8(out.readAll());
        run.err = QString::fromUtf8(err.readAll());
        ++m_cases;
        return run;
    }
    Run ctl(const QStringList &arguments, int waitMs = 60000) { return ctl(arguments, environment(), waitMs); }

    // A fresh connection per case, so a create one case left in the journal is not replayed in the next.
    QString addConnection() {
        const QString name = QStringLiteral("hostile-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        const Run run = ctl({QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--provider"),
                             QStringLiteral("layers"), QStringLiteral("--base-url"), layersUrl(),
                             QStringLiteral("--environment"), QStringLiteral("development")});
        if (run.exitCode != 0)
            qWarning() << run.err;
        return run.exitCode == 0 ? name : QString();
    }

    static QStringList createArguments(const QString &connection) {
        return {QStringLiteral("-c"),
                connection,
                QStringLiteral("create"),
                QStringLiteral("--url"),
                QStringLiteral("https://hooks.example.com/hostile"),
                QStringLiteral("--event"),
                QStringLiteral("job.completed")};
    }

    static QByteArray endpointJson(const QByteArray &id, const QByteArray &url = "https://hooks.example.com/hostile",
                                   const QByteArray &description = "receiver") {
        return "{\"id\":" + id + ",\"url\":\"" + url + "\",\"events\":[\"job.completed\"],\"description\":\"" +
               description + "\",\"status\":\"active\"}";
    }

    static QByteArray uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1(); }

    QByteArray newSecret() {
        const QString secret = QStringLiteral("whsec_hostile_") + QUuid::createUuid().toString(QUuid::Id128);
        m_secrets << secret;
        return secret.toLatin1();
    }

    static void verifyTerminalSafe(const Run &run) {
        QVERIFY2(!hasRawControl(run.out),
                 qPrintable(QStringLiteral("raw control on stdout: ") + run.out.toHtmlEscaped()));
        QVERIFY2(!hasRawControl(run.err),
                 qPrintable(QStringLiteral("raw control on stderr: ") + run.err.toHtmlEscaped()));
        QVERIFY2(!run.err.contains(QStringLiteral("QIODevice")), qPrintable(run.err));
    }

    // A 201 carrying a secret but no usable endpoint: the provider made a secret it will never show
    // again, so it is printed on stderr exactly once (exit 3), never claimed to be in the keychain,
    // and the create is settled: the next command neither replays it nor prints the secret again.
    void checkCreateWithoutUsableEndpoint(const QByteArray &body) {
        const QString connection = addConnection();
        QVERIFY(!connection.isEmpty());
        m_server.script({HostileHttpServer::Answer::json(201, body)});
        const Run run = ctl(createArguments(connection) << QStringLiteral("--deadline") << QStringLiteral("10"));
        QVERIFY2(run.exitCode >= 0, "webhookctl crashed");
        QCOMPARE(run.exitCode, 3);
        verifyTerminalSafe(run);
        QCOMPARE(run.err.count(m_secrets.last()), 1);
        QVERIFY(!run.out.contains(m_secrets.last()));
        QVERIFY2(!run.out.contains(QStringLiteral("is in the keychain")), qPrintable(run.out));

        const qsizetype posts = postsSeen();
        m_server.script({HostileHttpServer::Answer::json(200, "{\"data\":[]}")});
        const Run next = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
        QCOMPARE(next.exitCode, 0);
        QVERIFY2(!next.err.contains(m_secrets.last()), qPrintable(next.err));
        QCOMPARE(postsSeen(), posts); // not replayed
        verifySecretsInNoFile();
    }

    qsizetype postsSeen() const {
        qsizetype count = 0;
        for (const HostileHttpServer::Seen &request : m_server.requests())
            count += request.method == "POST";
        return count;
    }

    void verifySecretsInNoFile() {
        QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            for (const QString &needle : std::as_const(m_secrets) + QStringList{m_apiKey})
                QVERIFY2(!content.contains(needle.toUtf8()),
                         qPrintable(QStringLiteral("a secret was written to %1").arg(file.fileName())));
        }
    }

    // Under AddressSanitizer, freed memory waits in its quarantine (256 MiB by default) and still
    // counts as resident, so peak RSS says nothing about what webhookctl holds: the bounds are
    // checked by the ordinary build only.
    static void verifyMemoryBound(qint64 growthKiB, qint64 boundKiB) {
#ifdef __SANITIZE_ADDRESS__
        qInfo("memory bound not checked under AddressSanitizer: grew %lld KiB (bound %lld KiB)", growthKiB, boundKiB);
#else
        QVERIFY2(growthKiB < boundKiB,
                 qPrintable(QStringLiteral("grew %1 KiB, bound %2 KiB").arg(growthKiB).arg(boundKiB)));
#endif
    }

    // Peak RSS of webhookctl listing a small, well-formed answer: the baseline a flood is measured against.
    qint64 baselineRssKiB(const QString &connection) {
        m_server.script({HostileHttpServer::Answer::json(200, "{\"data\":[]}")});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
        return run.exitCode == 0 ? run.peakRssKiB : 0;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QDir::homePath().contains(QStringLiteral("webhook-console-test")),
                 "run through ./test.sh: HOME must be a throwaway");
        QVERIFY(m_server.listen());
    }

    void createAnswerWithoutEndpointObject() {
        checkCreateWithoutUsableEndpoint("{\"signingSecret\":\"" + newSecret() + "\"}");
    }

    void createAnswerWithoutId() {
        checkCreateWithoutUsableEndpoint("{\"endpoint\":{\"url\":\"https://hooks.example.com/hostile\","
                                         "\"events\":[\"job.completed\"]},\"signingSecret\":\"" +
                                         newSecret() + "\"}");
    }

    void createAnswerWithNumericId() {
        checkCreateWithoutUsableEndpoint("{\"endpoint\":" + endpointJson("12345") + ",\"signingSecret\":\"" +
                                         newSecret() + "\"}");
    }

    void createAnswerWithEscapeSequencesInFields() {
        const QString connection = addConnection();
        QVERIFY(!connection.isEmpty());
        const QByteArray id = uuid();
        // JSON escapes, so the body is valid JSON whose strings carry ESC, BEL, CR, LF and a bidi override.
        const QByteArray evil = "\\u001b]0;pwned\\u0007\\u001b[2J\\r\\nCreated fake\\u202e";
        m_server.script({HostileHttpServer::Answer::json(
            201, "{\"endpoint\":" + endpointJson('"' + id + '"', "https://hooks.example.com/" + evil, evil) +
                     ",\"signingSecret\":\"" + newSecret() + "\"}")});
        const Run run = ctl(createArguments(connection));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        verifyTerminalSafe(run);
        QCOMPARE(run.out.count(QLatin1Char('\n')), 1); // one line, however many newlines the URL held
        QVERIFY2(run.out.contains(QStringLiteral("\\x1b]0;pwned\\x07")), qPrintable(run.out));
        QVERIFY(!run.out.contains(m_secrets.last()) && !run.err.contains(m_secrets.last()));
    }

    // list --json streams page by page; the provider's own objects only with --raw; a list that breaks
    // off after some pages still leaves parseable JSON on stdout, and stderr says it is incomplete.
    void listStreamsPagesAndBreaksOffCleanly() {
        const QString connection = addConnection();
        QVERIFY(!connection.isEmpty());
        const QByteArray first = endpointJson('"' + uuid() + '"');
        const QByteArray second = endpointJson('"' + uuid() + '"');
        const auto page = [](const QByteArray &item, const QByteArray &next) {
            return HostileHttpServer::Answer::json(200, "{\"data\":[" + item + "],\"nextCursor\":" + next + "}");
        };
        m_server.script({page(first, "\"p2\""), page(second, "null")});
        const Run whole = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(whole.exitCode, 0);
        QJsonParseError parsed;
        const QJsonArray listed = QJsonDocument::fromJson(whole.out.toUtf8(), &parsed).array();
        QCOMPARE(parsed.error, QJsonParseError::NoError);
        QCOMPARE(listed.size(), 2);
        QVERIFY(!listed.first().toObject().contains(QStringLiteral("provider")));

        m_server.script({page(first, "\"p2\""), page(second, "null")});
        const Run raw = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--json"),
                             QStringLiteral("--raw")});
        QCOMPARE(raw.exitCode, 0);
        const QJsonArray rawListed = QJsonDocument::fromJson(raw.out.toUtf8()).array();
        QCOMPARE(rawListed.size(), 2);
        QCOMPARE(rawListed.first().toObject().value(QStringLiteral("provider")).toObject().value(QStringLiteral("url")),
                 QJsonValue(QStringLiteral("https://hooks.example.com/hostile")));

        m_server.script({page(first, "\"p2\""), HostileHttpServer::Answer::json(200, "<html>gateway</html>")});
        const Run broken = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(broken.exitCode, 1);
        const QJsonArray partial = QJsonDocument::fromJson(broken.out.toUtf8(), &parsed).array();
        QCOMPARE(parsed.error, QJsonParseError::NoError);
        QCOMPARE(partial.size(), 1);
        QVERIFY2(broken.err.contains(QStringLiteral("incomplete")), qPrintable(broken.err));
        verifyTerminalSafe(broken);
    }

    // The next page is asked for before this page's endpoints are read. When one of them is
    // malformed the list ends there, once, and the page asked for ahead is never shown.
    void badItemEndsTheListBeforeThePageAskedForAhead() {
        const QString connection = addConnection();
        QVERIFY(!connection.isEmpty());
        const QByteArray good = endpointJson('"' + uuid() + '"');
        const QByteArray later = endpointJson('"' + uuid() + '"');
        m_server.script(
            {HostileHttpServer::Answer::json(200, "{\"data\":[" + good + ",{\"id\":7}],\"nextCursor\":\"p2\"}"),
             HostileHttpServer::Answer::json(200, "{\"data\":[" + later + "],\"nextCursor\":null}")});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QJsonParseError parsed;
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8(), &parsed).array().size(), 0);
        QCOMPARE(parsed.error, QJsonParseError::NoError);
        QVERIFY2(run.err.contains(QStringLiteral("(list item 2) whose \"id\" is not text")), qPrintable(run.err));
        QCOMPARE(run.err.count(QStringLiteral("webhookctl: ")), 1);
    }

    // In a process that lives on (the console), the page asked for ahead still comes back after a
    // bad item ended the list: it is dropped, so the list ends once and hands on nothing more.
    void pageAskedForAheadIsDroppedOnceTheListEnded() {
        const QByteArray later = endpointJson('"' + uuid() + '"');
        m_server.script({HostileHttpServer::Answer::json(200, "{\"data\":[{\"id\":7}],\"nextCursor\":\"p2\"}"),
                         HostileHttpServer::Answer::json(200, "{\"data\":[" + later + "],\"nextCursor\":null}")});
        m_server.clearRequests();
        Connection connection;
        connection.id = QString::fromLatin1(uuid());
        connection.name = QStringLiteral("hostile-in-process");
        connection.providerId = QStringLiteral("layers");
        connection.baseUrl = layersUrl();
        connection.environment = Environment::Development;
        QNetworkAccessManager network;
        ApiClient client(&network, connection, *ProviderRegistry().profile(QStringLiteral("layers")),
                         QStringLiteral("key"));
        int pages = 0;
        QList<ApiError> ends;
        client.listPages(
            this, [&pages](const QList<Endpoint> &) { ++pages; }, [&ends](const ApiError &error) { ends << error; });
        QTRY_COMPARE(ends.size(), 1);
        QTRY_COMPARE(m_server.requests().size(), 2); // the page asked for ahead
        QTRY_COMPARE(client.requestsInFlight(), 0);  // and its answer read
        QCOMPARE(ends.size(), 1);
        QCOMPARE(pages, 0);
        QVERIFY2(ends.first().message.contains(QStringLiteral("(list item 1) whose \"id\" is not text")),
                 qPrintable(ends.first().message));
    }

    // A list whose JSON has the wrong shape is an error that names what is wrong, never a crash.
    void checkMalformedList(const QByteArray &body, const QString &mentions) {
        const QString connection = addConnection();
        m_server.script({HostileHttpServer::Answer::json(200, body)});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        verifyTerminalSafe(run);
    }

    void listWithUrlAsNumber() {
        checkMalformedList("{\"data\":[{\"id\":\"" + uuid() +
                               "\",\"url\":42,\"events\":[\"job.completed\"],\"status\":\"active\"}]}",
                           QStringLiteral("url"));
    }

    void listWithEventsNotAnArray() {
        checkMalformedList("{\"data\":[{\"id\":\"" + uuid() +
                               "\",\"url\":\"https://hooks.example.com/a\",\"events\":\"job.completed\","
                               "\"status\":\"active\"}]}",
                           QStringLiteral("events"));
    }

    void listWithDataNotAnArray() {
        checkMalformedList("{\"data\":{\"id\":\"x\"}}", QStringLiteral("webhookctl:"));
    }

    void listedUrlWithNewlineForgesNoRow() {
        const QString connection = addConnection();
        const QByteArray forged = "https://hooks.example.com/a\\n" + uuid() + "  active  0  job.failed  forged";
        m_server.script({HostileHttpServer::Answer::json(
            200, "{\"data\":[" + endpointJson('"' + uuid() + '"', forged, "\\u001b[31mred\\u001b[0m") + "]}")});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        verifyTerminalSafe(run);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the header and one endpoint
        QVERIFY2(lines.last().contains(QStringLiteral("\\n")), qPrintable(run.out));

        // --json is real JSON: the newline is escaped inside the string and parses back intact.
        const Run json = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        verifyTerminalSafe(json);
        const QJsonArray parsed = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(parsed.size(), 1);
        QVERIFY(parsed.first().toObject().value(QStringLiteral("url")).toString().contains(QLatin1Char('\n')));
    }

    void errorMessageWithEscapeSequences() {
        const QString connection = addConnection();
        m_server.script(
            {HostileHttpServer::Answer::json(400, "{\"error\":{\"code\":\"BAD\\u001b[2J\",\"message\":\"\\u001b]0;"
                                                  "pwned\\u0007\\u001b[2J\",\"field\":\"url\"}}")});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
        QCOMPARE(run.exitCode, 1);
        verifyTerminalSafe(run);
        QVERIFY2(run.err.contains(QStringLiteral("\\x1b]0;pwned\\x07\\x1b[2J")), qPrintable(run.err));
    }

    // An endless chunked body at the pace of a fast network link (64 KiB a millisecond at most): the
    // 10 MiB cap ends the read, and memory grows by little more than the cap.
    void endlessChunkedBody() {
        const QString connection = addConnection();
        const qint64 baseline = baselineRssKiB(connection);
        QVERIFY(baseline > 0);
        HostileHttpServer::Answer answer =
            HostileHttpServer::Answer::of(HostileHttpServer::Answer::Mode::EndlessChunked);
        answer.intervalMs = 1;
        m_server.script({answer});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--deadline"),
                             QStringLiteral("30")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("larger than")), qPrintable(run.err));
        verifyTerminalSafe(run);
        QVERIFY2(run.elapsedMs < 30000, qPrintable(QString::number(run.elapsedMs)));
        const qint64 growthKiB = run.peakRssKiB - baseline;
        qInfo("endless chunked body, network pace: %lld ms, peak RSS %lld KiB, %lld KiB over the baseline of %lld KiB",
              run.elapsedMs, run.peakRssKiB, growthKiB, baseline);
        verifyMemoryBound(growthKiB, (10 + 8) * 1024);
    }

    // The same flood at loopback speed. Qt's HTTP thread then reads ahead of the thread that counts
    // against the cap, by as much as the machine's load allows (see ApiClient::attempt), so the flood
    // stops at 128 MiB to keep this test from taking a shared machine's memory: the cap must still
    // end the read (else the deadline would, with another message), and memory holds at most the
    // two copies Qt makes of what was sent (measured: 30 to 150 MiB over the baseline).
    void chunkedFloodAtLoopbackSpeed() {
        const QString connection = addConnection();
        const qint64 baseline = baselineRssKiB(connection);
        QVERIFY(baseline > 0);
        HostileHttpServer::Answer answer =
            HostileHttpServer::Answer::of(HostileHttpServer::Answer::Mode::EndlessChunked);
        answer.intervalMs = 0;
        answer.maxBytes = 128 * 1024 * 1024;
        m_server.script({answer});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--deadline"),
                             QStringLiteral("30")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("larger than")), qPrintable(run.err));
        verifyTerminalSafe(run);
        const qint64 growthKiB = run.peakRssKiB - baseline;
        qInfo("chunked flood, loopback speed: %lld ms, peak RSS %lld KiB, %lld KiB over the baseline of %lld KiB",
              run.elapsedMs, run.peakRssKiB, growthKiB, baseline);
        verifyMemoryBound(growthKiB, (2 * 128 + 16) * 1024);
    }

    void endlessHeaders() {
        const QString connection = addConnection();
        const qint64 baseline = baselineRssKiB(connection);
        m_server.script({HostileHttpServer::Answer::of(HostileHttpServer::Answer::Mode::EndlessHeaders)});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--deadline"),
                             QStringLiteral("4")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("deadline")), qPrintable(run.err));
        verifyTerminalSafe(run);
        // The deadline ends the command; Qt's HTTP thread, busy reading header lines, then holds the
        // exit for up to the 5 s its network manager waits for that thread.
        QVERIFY2(run.elapsedMs < 4000 + 5000 + 3000, qPrintable(QString::number(run.elapsedMs)));
        qInfo("endless headers: %lld ms, peak RSS %lld KiB (baseline %lld KiB): %s", run.elapsedMs, run.peakRssKiB,
              baseline, qPrintable(run.err.trimmed()));
        // Qt keeps only what it parses of a header section; kept whole, 4 s of it would be hundreds of MiB.
        verifyMemoryBound(run.peakRssKiB - baseline, 64 * 1024);
    }

    // Finite but oversized: more header bytes than ApiClient accepts, each line well within what Qt parses.
    void hugeHeaders() {
        const QString connection = addConnection();
        HostileHttpServer::Answer answer = HostileHttpServer::Answer::json(200, "{\"data\":[]}");
        for (int i = 0; i < 90; ++i)
            answer.headers.append(qMakePair("X-Filler-" + QByteArray::number(i), QByteArray(900, 'h')));
        m_server.script({answer});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--deadline"),
                             QStringLiteral("10")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("header")), qPrintable(run.err));
        verifyTerminalSafe(run);
    }

    // One byte per second: the command's deadline ends it, and says so.
    void tricklingBody() {
        const QString connection = addConnection();
        HostileHttpServer::Answer answer = HostileHttpServer::Answer::of(HostileHttpServer::Answer::Mode::Trickle);
        answer.intervalMs = 1000;
        m_server.script({answer});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--deadline"),
                             QStringLiteral("3")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("deadline")), qPrintable(run.err));
        QVERIFY2(run.elapsedMs < 8000, qPrintable(QString::number(run.elapsedMs)));
        verifyTerminalSafe(run); // includes: no "QIODevice::read: device not open" after the abort
    }

    void retryAfterAsDeltaSeconds() {
        const QString connection = addConnection();
        m_server.clearRequests();
        m_server.script(
            {HostileHttpServer::Answer::json(429, "{\"error\":{\"message\":\"slow down\"}}", {{"Retry-After", "2"}}),
             HostileHttpServer::Answer::json(200, "{\"data\":[]}")});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_server.requests().size(), 2);
        QVERIFY2(run.elapsedMs >= 1900, qPrintable(QString::number(run.elapsedMs)));
        QVERIFY2(run.elapsedMs < 10000, qPrintable(QString::number(run.elapsedMs)));
    }

    void retryAfterAsHttpDate() {
        const QString connection = addConnection();
        m_server.clearRequests();
        // Whole seconds: the date is rounded down, so at least 2 s of the 3 remain.
        const QByteArray when = imfFixdate(QDateTime::currentDateTimeUtc().addSecs(3));
        m_server.script(
            {HostileHttpServer::Answer::json(429, "{\"error\":{\"message\":\"slow down\"}}", {{"Retry-After", when}}),
             HostileHttpServer::Answer::json(200, "{\"data\":[]}")});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_server.requests().size(), 2);
        QVERIFY2(
            run.elapsedMs >= 1900,
            qPrintable(QStringLiteral("waited only %1 ms for %2").arg(run.elapsedMs).arg(QString::fromLatin1(when))));
        QVERIFY2(run.elapsedMs < 10000, qPrintable(QString::number(run.elapsedMs)));
    }

    // Every answer a 429 with a long Retry-After: the deadline, not four 30-second waits, ends it.
    void rateLimitedForever() {
        const QString connection = addConnection();
        m_server.script(
            {HostileHttpServer::Answer::json(429, "{\"error\":{\"message\":\"slow down\"}}", {{"Retry-After", "30"}})});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--deadline"),
                             QStringLiteral("3")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.elapsedMs < 8000, qPrintable(QString::number(run.elapsedMs)));
        QVERIFY2(run.err.contains(QStringLiteral("deadline")) || run.err.contains(QStringLiteral("rate")),
                 qPrintable(run.err));
        verifyTerminalSafe(run);
    }

    // A redirect is not followed, so the API key never reaches the host it points to.
    void redirectIsNotFollowed() {
        HostileHttpServer target;
        QVERIFY(target.listen());
        target.script({HostileHttpServer::Answer::json(200, "{\"data\":[]}")});
        const QString connection = addConnection();
        for (const int status : {301, 302, 307, 308}) {
            m_server.script({HostileHttpServer::Answer::json(
                status, "{}", {{"Location", (target.baseUrl().toString() + QStringLiteral("/steal")).toLatin1()}})});
            const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("redirect")), qPrintable(run.err));
            verifyTerminalSafe(run);
            QTest::qWait(200); // anything in flight to the target would have arrived by now
            QCOMPARE(target.requests().size(), 0);
        }
    }

    // A key with CR/LF could inject a header: refused at "connection add", and never sent from the
    // environment either.
    void apiKeyWithLineBreakIsNeverSent() {
        QProcessEnvironment injecting = environment();
        injecting.insert(QStringLiteral("WEBHOOK_API_KEY"), QStringLiteral("sk_x\r\nX-Injected: yes"));
        const QString name = QStringLiteral("inject-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        const Run added = ctl({QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--provider"),
                               QStringLiteral("layers"), QStringLiteral("--base-url"), layersUrl()},
                              injecting);
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains(QStringLiteral("API key")), qPrintable(added.err));
        verifyTerminalSafe(added);

        const QString connection = addConnection();
        m_server.clearRequests();
        m_server.script({HostileHttpServer::Answer::json(200, "{\"data\":[]}")});
        const Run run = ctl({QStringLiteral("-c"), connection, QStringLiteral("list")}, injecting);
        QCOMPARE(run.exitCode, 2);
        verifyTerminalSafe(run);
        for (const HostileHttpServer::Seen &seen : m_server.requests())
            QVERIFY2(seen.header("X-Injected").isEmpty(), "an injected header reached the server");
        QCOMPARE(m_server.requests().size(), 0);
    }

    void cleanupTestCase() {
        verifySecretsInNoFile();
        qInfo("hostile cases run: %d webhookctl invocations", m_cases);
    }
};

QTEST_GUILESS_MAIN(TestHostileProvider)
#include "tst_HostileProvider.moc"
