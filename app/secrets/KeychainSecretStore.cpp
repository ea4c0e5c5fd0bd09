#include "KeychainSecretStore.h"

#include "SecretsLogging.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMetaObject>

namespace {

SecretStatus statusFromError(QKeychain::Error error) {
    switch (error) {
    case QKeychain::NoError:
        return SecretStatus::Ok;
    case QKeychain::EntryNotFound:
        return SecretStatus::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStatus::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStatus::Denied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        return SecretStatus::Failed;
    }
    return SecretStatus::Failed;
}

QString fallbackErrorText(SecretStatus status) {
    switch (status) {
    case SecretStatus::Ok:
        return QString();
    case SecretStatus::NotFound:
        return KeychainSecretStore::tr("No secret is stored under this key.");
    case SecretStatus::Unavailable:
        return KeychainSecretStore::tr("No keychain is available.");
    case SecretStatus::Denied:
        return KeychainSecretStore::tr("The keychain refused access.");
    case SecretStatus::Failed:
        break;
    }
    return KeychainSecretStore::tr("The keychain reported an error.");
}

SecretResult resultFromJob(const QKeychain::Job &job, const QString &secret) {
    SecretResult result;
    result.status = statusFromError(job.error());
    if (result.status == SecretStatus::Ok)
        return result;
    result.errorText = job.errorString();
    // The backend's message comes from outside our code; make sure it cannot carry the secret
    // into a dialog or a log line.
    if (result.errorText.isEmpty() || (!secret.isEmpty() && result.errorText.contains(secret)))
        result.errorText = fallbackErrorText(result.status);
    return result;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service) {
    Q_ASSERT(!service.isEmpty());
}

KeychainSecretStore::~KeychainSecretStore() {
    // A job in flight is not deleted: the backend keeps a pointer to it until it finishes, and it
    // deletes itself then. Its finished() connection dies with this object, so it is answered here.
    for (Request &request : m_queue) {
        qCWarning(lcSecrets) << "keychain closed before" << request.key << "was done";
        deliver(std::move(request),
                {SecretStatus::Failed, tr("The keychain was closed before the operation finished.")});
    }
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, WriteCallback done) {
    Request request;
    request.operation = Operation::Write;
    request.key = key;
    request.secret = secret;
    request.context = context ? context : this;
    request.writeDone = std::move(done);
    Q_ASSERT(context);
    if (key.isEmpty() || secret.isEmpty()) {
        qCWarning(lcSecrets) << "refused to write" << (key.isEmpty() ? "an empty key" : "an empty secret") << key;
        deliver(std::move(request), {SecretStatus::Failed, tr("Refused to store an empty key or secret.")});
        return;
    }
    enqueue(std::move(request));
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done) {
    Request request;
    request.operation = Operation::Read;
    request.key = key;
    request.context = context ? context : this;
    request.readDone = std::move(done);
    Q_ASSERT(context);
    if (key.isEmpty()) {
        deliver(std::move(request), {SecretStatus::Failed, tr("Refused to read an empty key.")});
        return;
    }
    enqueue(std::move(request));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, RemoveCallback done) {
    Request request;
    request.operation = Operation::Remove;
    request.key = key;
    request.context = context ? context : this;
    request.writeDone = std::move(done);
    Q_ASSERT(context);
    if (key.isEmpty()) {
        deliver(std::move(request), {SecretStatus::Failed, tr("Refused to remove an empty key.")});
        return;
    }
    enqueue(std::move(request));
}

void KeychainSecretStore::enqueue(Request request) {
    m_queue.push_back(std::move(request));
    startNext();
}

void KeychainSecretStore::startNext() {
    if (m_running || m_queue.empty())
        return;
    const Request &request = m_queue.front();

    QKeychain::Job *job = nullptr;
    switch (request.operation) {
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(request.secret);
        job = writeJob;
        break;
    }
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // No parent: deleting a job in flight would leave the backend's callback with a dangling pointer.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(request.key);
    connect(job, &QKeychain::Job::finished, this, &KeychainSecretStore::finishCurrent);
    m_running = true;
    static const char *const names[] = {"write", "read", "remove"};
    qCDebug(lcSecrets) << "start" << names[static_cast<int>(request.operation)] << request.key << "service"
                       << m_service;
    job->start();
}

void KeychainSecretStore::finishCurrent(QKeychain::Job *job) {
    Q_ASSERT(m_running && !m_queue.empty());
    if (!m_running || m_queue.empty())
        return;
    const Request &request = m_queue.front();
    const SecretResult result = resultFromJob(*job, request.secret);
    if (job->error() == QKeychain::OtherError) {
        classifyOtherError(result);
        return;
    }
    QString secret;
    if (result.ok() && request.operation == Operation::Read)
        secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    finishFront(result, secret);
}

void KeychainSecretStore::classifyOtherError(const SecretResult &result) {
    // QtKeychain 0.13's libsecret backend reports every D-Bus failure as OtherError: no session bus
    // ("Could not connect: No such file or directory") and no Secret Service on it look like any
    // other error. Ask the bus ourselves, so that "there is no keychain" reaches the operator as
    // Unavailable. The request stays at the front of the queue meanwhile, which keeps answers in call
    // order and lets the destructor answer it.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        finishFront(
            {SecretStatus::Unavailable, tr("No D-Bus session bus, so no keychain (%1).").arg(result.errorText)});
        return;
    }
    const QDBusPendingCall call =
        bus.interface()->asyncCall(QStringLiteral("NameHasOwner"), QStringLiteral("org.freedesktop.secrets"));
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, result](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusPendingReply<bool> reply = *finished;
        if (reply.isValid() && !reply.value()) {
            finishFront({SecretStatus::Unavailable,
                         tr("No Secret Service is running on the session bus (%1).").arg(result.errorText)});
        } else {
            finishFront(result);
        }
    });
}

void KeychainSecretStore::finishFront(const SecretResult &result, const QString &secret) {
    Request request = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = false;
    // Not found is an ordinary answer ("no secret yet"), and no keychain at all is an expected state
    // (CI, a server with WEBHOOK_API_KEY) that callers put to the operator in their own words.
    if (result.ok() || result.status == SecretStatus::NotFound || result.status == SecretStatus::Unavailable)
        qCDebug(lcSecrets) << "done" << request.key << secretStatusName(result.status);
    else
        qCWarning(lcSecrets) << "done" << request.key << secretStatusName(result.status) << result.errorText;
    startNext();
    deliver(std::move(request), result, secret);
}

void KeychainSecretStore::deliver(Request request, const SecretResult &result, const QString &secret) {
    QObject *context = request.context.data();
    if (!context || !(request.operation == Operation::Read ? bool(request.readDone) : bool(request.writeDone)))
        return;
    // Queued through the context: the caller never sees its callback run inside its own call, and a
    // context destroyed in the meantime drops it.
    if (request.operation == Operation::Read) {
        QMetaObject::invokeMethod(
            context, [done = std::move(request.readDone), result, secret] { done(result, secret); },
            Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(
            context, [done = std::move(request.writeDone), result] { done(result); }, Qt::QueuedConnection);
    }
}
