#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

namespace {

// Environment variable that turns this binary into the probe child of unavailableWithoutBus().
const char ProbeVariable[] = "WC_KEYCHAIN_PROBE_SERVICE";

QString randomSecret() {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QStringLiteral("whsec_") + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding));
}

// What a failure message may show of a secret: enough to tell two apart, too little to use.
QString masked(const QString &secret) {
    return secret.left(8) + QStringLiteral("… (%1 chars)").arg(secret.size());
}

// The forms in which a secret could sit in a file: as written, UTF-16 (QSettings, QDataStream) and base64.
QList<QByteArray> secretForms(const QString &secret) {
    const QByteArray utf8 = secret.toUtf8();
    QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    return {utf8, utf16, utf8.toBase64(), utf8.toBase64(QByteArray::Base64UrlEncoding)};
}

// Regular files under root containing any of the secrets.
QStringList filesContaining(const QString &root, const QStringList &secrets, int *filesScanned) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!it.fileInfo().isFile())
            continue; // sockets, pipes
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++*filesScanned;
        const QByteArray content = file.readAll();
        for (const QString &secret : secrets) {
            for (const QByteArray &form : secretForms(secret)) {
                if (content.contains(form))
                    hits.append(path);
            }
        }
    }
    hits.removeDuplicates();
    return hits;
}

// Runs as the child of unavailableWithoutBus(): reads a secret from stdin, tries to write and read it
// back, prints "write=<status> read=<status>" and one "error=" line per failure. Never the secret.
int runProbe(const QString &service) {
    QTextStream in(stdin);
    const QString secret = in.readLine();
    QTextStream out(stdout);
    KeychainSecretStore store(service);
    QObject context;
    std::optional<SecretResult> writeResult;
    std::optional<SecretResult> readResult;
    const QString key = SecretStore::endpointSecretKey(QStringLiteral("probe"), QStringLiteral("ep_1"));
    store.write(key, secret, &context, [&](const SecretResult &result) { writeResult = result; });
    store.read(key, &context, [&](const SecretResult &result, const QString &) {
        readResult = result;
        QCoreApplication::quit();
    });
    QTimer::singleShot(std::chrono::seconds(60), QCoreApplication::instance(), &QCoreApplication::quit);
    QCoreApplication::exec();
    if (!writeResult || !readResult) {
        out << "timeout\n";
        return 2;
    }
    out << "write=" << secretStatusName(writeResult->status) << " read=" << secretStatusName(readResult->status)
        << '\n';
    for (const auto &result : {*writeResult, *readResult}) {
        if (!result.errorText.isEmpty())
            out << "error="
                << (result.errorText.contains(secret) ? QStringLiteral("<contains the secret>") : result.errorText)
                << '\n';
    }
    return 0;
}

} // namespace

class TestKeychainSecretStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void readMissingIsNotFound();
    void removeMissingIsOk();
    void emptyKeyOrSecretRefused();
    void concurrentWritesAreQueued();
    void callbackDroppedWithContext();
    void noSecretInPlainFiles();
    void unavailableWithoutBus();
    void cleanupTestCase();

private:
    SecretResult write(const QString &key, const QString &secret);
    std::pair<SecretResult, QString> read(const QString &key);
    SecretResult remove(const QString &key);

    QString m_service;
    std::unique_ptr<KeychainSecretStore> m_store;
    QStringList m_keys;    // everything written, removed again at the end
    QStringList m_secrets; // everything written, searched for on disk
};

void TestKeychainSecretStore::initTestCase() {
    // Scanning HOME and writing to a keychain is only fine in test.sh's throwaway session.
    const QString home = QDir::homePath();
    if (!home.startsWith(QDir::tempPath()) || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs test.sh's session: a temporary HOME and a private D-Bus with gnome-keyring");
    m_service = QStringLiteral("webhook-console-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_store = std::make_unique<KeychainSecretStore>(m_service);
    QCOMPARE(m_store->service(), m_service);
}

SecretResult TestKeychainSecretStore::write(const QString &key, const QString &secret) {
    m_keys.append(key);
    if (!secret.isEmpty()) // an empty needle would be found in every file
        m_secrets.append(secret);
    std::optional<SecretResult> outcome;
    m_store->write(key, secret, this, [&outcome](const SecretResult &result) { outcome = result; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
        return {SecretStatus::Failed, QStringLiteral("test timed out")};
    return *outcome;
}

std::pair<SecretResult, QString> TestKeychainSecretStore::read(const QString &key) {
    std::optional<std::pair<SecretResult, QString>> outcome;
    m_store->read(key, this, [&outcome](const SecretResult &result, const QString &secret) {
        outcome = std::make_pair(result, secret);
    });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
        return {{SecretStatus::Failed, QStringLiteral("test timed out")}, QString()};
    return *outcome;
}

SecretResult TestKeychainSecretStore::remove(const QString &key) {
    std::optional<SecretResult> outcome;
    m_store->remove(key, this, [&outcome](const SecretResult &result) { outcome = result; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
        return {SecretStatus::Failed, QStringLiteral("test timed out")};
    return *outcome;
}

#define VERIFY_RESULT(result, expected)                                                                                \
    QVERIFY2((result).status == (expected),                                                                            \
             qPrintable(QStringLiteral("status %1 (%2), expected %3")                                                  \
                            .arg(secretStatusName((result).status), (result).errorText, secretStatusName(expected))))

#define VERIFY_SECRET(actual, expected)                                                                                \
    QVERIFY2((actual) == (expected),                                                                                   \
             qPrintable(QStringLiteral("read %1, expected %2").arg(masked(actual), masked(expected))))

void TestKeychainSecretStore::roundTrip() {
    const QString key = SecretStore::endpointSecretKey(QStringLiteral("conn-1"), QStringLiteral("ep_round"));
    QCOMPARE(key, QStringLiteral("conn-1/ep_round"));
    const QString first = randomSecret();
    VERIFY_RESULT(write(key, first), SecretStatus::Ok);
    auto [readFirst, secretFirst] = read(key);
    VERIFY_RESULT(readFirst, SecretStatus::Ok);
    VERIFY_SECRET(secretFirst, first);

    const QString second = randomSecret();
    VERIFY_RESULT(write(key, second), SecretStatus::Ok);
    auto [readSecond, secretSecond] = read(key);
    VERIFY_RESULT(readSecond, SecretStatus::Ok);
    VERIFY_SECRET(secretSecond, second);

    VERIFY_RESULT(remove(key), SecretStatus::Ok);
    auto [readGone, secretGone] = read(key);
    VERIFY_RESULT(readGone, SecretStatus::NotFound);
    QVERIFY(secretGone.isEmpty());
    QVERIFY(!readGone.errorText.isEmpty());

    // Unicode survives the trip (QtKeychain stores text as UTF-8).
    const QString apiKey = SecretStore::apiKeyKey(QStringLiteral("conn-1"));
    QCOMPARE(apiKey, QStringLiteral("conn-1/api-key"));
    const QString unicode = randomSecret() + QStringLiteral("-ÄßЖ漢🔑");
    VERIFY_RESULT(write(apiKey, unicode), SecretStatus::Ok);
    auto [readUnicode, secretUnicode] = read(apiKey);
    VERIFY_RESULT(readUnicode, SecretStatus::Ok);
    VERIFY_SECRET(secretUnicode, unicode);
}

void TestKeychainSecretStore::readMissingIsNotFound() {
    auto [result, secret] = read(QStringLiteral("conn-1/never-written"));
    VERIFY_RESULT(result, SecretStatus::NotFound);
    QVERIFY(secret.isEmpty());
}

void TestKeychainSecretStore::removeMissingIsOk() {
    VERIFY_RESULT(remove(QStringLiteral("conn-1/never-written")), SecretStatus::Ok);
}

void TestKeychainSecretStore::emptyKeyOrSecretRefused() {
    const QString key = QStringLiteral("conn-1/ep_empty");
    VERIFY_RESULT(write(key, QString()), SecretStatus::Failed);
    VERIFY_RESULT(write(QString(), randomSecret()), SecretStatus::Failed);
    auto [result, secret] = read(key);
    VERIFY_RESULT(result, SecretStatus::NotFound);
}

void TestKeychainSecretStore::concurrentWritesAreQueued() {
    // Twenty writes without waiting, then the reads, also without waiting: the store must run them
    // one at a time, in order, so every read sees its write.
    constexpr int Count = 20;
    QStringList keys;
    QStringList secrets;
    QList<SecretResult> writeResults;
    QList<std::pair<SecretResult, QString>> readResults;
    QList<int> order;
    for (int i = 0; i < Count; ++i) {
        keys.append(SecretStore::endpointSecretKey(QStringLiteral("conn-2"), QStringLiteral("ep_%1").arg(i)));
        secrets.append(randomSecret());
        m_keys.append(keys.last());
        m_secrets.append(secrets.last());
        m_store->write(keys.last(), secrets.last(), this, [&writeResults, &order, i](const SecretResult &result) {
            writeResults.append(result);
            order.append(i);
        });
    }
    for (int i = 0; i < Count; ++i) {
        m_store->read(keys.at(i), this, [&readResults, &order, i](const SecretResult &result, const QString &secret) {
            readResults.append({result, secret});
            order.append(Count + i);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(readResults.size(), Count, 60000);
    QCOMPARE(writeResults.size(), Count);
    for (int i = 0; i < Count; ++i) {
        VERIFY_RESULT(writeResults.at(i), SecretStatus::Ok);
        VERIFY_RESULT(readResults.at(i).first, SecretStatus::Ok);
        VERIFY_SECRET(readResults.at(i).second, secrets.at(i));
    }
    QList<int> expectedOrder;
    for (int i = 0; i < 2 * Count; ++i)
        expectedOrder.append(i);
    QCOMPARE(order, expectedOrder);
}

void TestKeychainSecretStore::callbackDroppedWithContext() {
    const QString key = QStringLiteral("conn-1/ep_context");
    const QString secret = randomSecret();
    m_keys.append(key);
    m_secrets.append(secret);
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_store->write(key, secret, context.get(), [&called](const SecretResult &) { called = true; });
    context.reset();
    // The write itself still happens; only the answer is dropped.
    auto [result, readBack] = read(key);
    VERIFY_RESULT(result, SecretStatus::Ok);
    VERIFY_SECRET(readBack, secret);
    QVERIFY(!called);
}

void TestKeychainSecretStore::noSecretInPlainFiles() {
    QVERIFY(!m_secrets.isEmpty());
    // The folders a Qt application may write to, plus HOME (test.sh puts the XDG folders inside it).
    QStringList roots{QDir::homePath()};
    for (const auto location :
         {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
          QStandardPaths::GenericCacheLocation, QStandardPaths::RuntimeLocation, QStandardPaths::AppDataLocation})
        roots.append(QStandardPaths::writableLocation(location));
    // Qt 6.4 has no GenericStateLocation.
    if (!qEnvironmentVariableIsEmpty("XDG_STATE_HOME"))
        roots.append(qEnvironmentVariable("XDG_STATE_HOME"));
    int scanned = 0;
    {
        // The scan must be able to find a secret at all: plant one in plain text and look for it.
        const QString decoy = randomSecret();
        QFile planted(QDir::homePath() + QStringLiteral("/planted-decoy.txt"));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write(decoy.toUtf8());
        planted.close();
        int decoyScanned = 0;
        const QStringList found = filesContaining(QDir::homePath(), {decoy}, &decoyScanned);
        planted.remove();
        QCOMPARE(found, QStringList{planted.fileName()});
    }
    for (const QString &root : std::as_const(roots)) {
        const QStringList hits = filesContaining(root, m_secrets, &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("secret found in plain form in: ") + hits.join(u' ')));
    }
    // The secrets did reach disk, encrypted, in the keyring's own storage (scanned above too).
    const QDir keyrings(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                        QStringLiteral("/keyrings"));
    QVERIFY2(!keyrings.entryList({QStringLiteral("*.keyring")}, QDir::Files).isEmpty(),
             qPrintable(QStringLiteral("no keyring file in ") + keyrings.path()));
    // QtKeychain's plain-text fallback would live here; insecure fallback is off, so it must not.
    QVERIFY(!QFile::exists(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u'/' + m_service +
                           QStringLiteral(".conf")));
    qInfo("scanned %d files", scanned);
}

void TestKeychainSecretStore::unavailableWithoutBus() {
    // QtKeychain picks its backend once per process, so the no-bus case runs in a child: this same
    // binary in probe mode, with a session bus address that leads nowhere and an empty HOME of its own.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral("runtime")));
    QFile::setPermissions(home.path() + QStringLiteral("/runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.path() + QStringLiteral("/cache"));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), home.path() + QStringLiteral("/state"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path() + QStringLiteral("/runtime"));
    environment.insert(QString::fromLatin1(ProbeVariable), m_service + QStringLiteral("-nobus"));
    environment.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));

    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    const QString secret = randomSecret();
    child.write(secret.toUtf8() + '\n');
    child.closeWriteChannel();
    QVERIFY2(child.waitForFinished(90000), "probe child did not finish");
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    const QString errors = QString::fromUtf8(child.readAllStandardError());
    qInfo().noquote() << "probe without bus:" << output.trimmed();
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    QVERIFY2(!output.contains(secret) && !errors.contains(secret), "the probe printed its secret");
    QVERIFY2(output.startsWith(QStringLiteral("write=unavailable read=unavailable")), qPrintable(output));

    int scanned = 0;
    QVERIFY(filesContaining(home.path(), {secret}, &scanned).isEmpty());
    QDirIterator files(home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    QStringList written;
    while (files.hasNext())
        written.append(files.next());
    QVERIFY2(written.isEmpty(), qPrintable(QStringLiteral("the probe wrote: ") + written.join(u' ')));
}

void TestKeychainSecretStore::cleanupTestCase() {
    if (!m_store)
        return;
    m_keys.removeDuplicates();
    for (const QString &key : std::as_const(m_keys))
        remove(key);
}

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(ProbeVariable))
        return runProbe(qEnvironmentVariable(ProbeVariable));
    TestKeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_KeychainSecretStore.moc"
