#pragma once

#include <QObject>
#include <QString>

#include <functional>

// What a keychain operation came to. Callers branch on this, never on errorText.
enum class SecretStatus {
    Ok,
    NotFound,    // nothing stored under the key (only read reports this; removing a missing key is Ok)
    Unavailable, // no keychain to talk to: no session bus, no Secret Service, no backend
    Denied,      // the keychain is locked, or its unlock prompt was refused or could not open
    Failed,      // anything else; errorText says what
};

// "ok", "not-found", ...: stable words for log lines.
QString secretStatusName(SecretStatus status);

struct SecretResult {
    SecretStatus status = SecretStatus::Ok;
    QString errorText; // for the operator; never contains the secret

    bool ok() const { return status == SecretStatus::Ok; }
};

// Where signing secrets and API keys live. Asynchronous: every call returns at once and its
// callback runs later from the event loop (never from inside the call), in the order the calls were
// made. A callback is dropped if its context object is destroyed first, so a closed dialog is never
// called back. Context must not be null. Use from the thread the store lives in.
class SecretStore : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using WriteCallback = std::function<void(const SecretResult &result)>;
    using ReadCallback = std::function<void(const SecretResult &result, const QString &secret)>;
    using RemoveCallback = std::function<void(const SecretResult &result)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // Stores secret under key, replacing what was there. An empty key or secret is refused (Failed):
    // an empty secret means a parsing bug upstream, and storing it would make a lost secret look safe.
    virtual void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) = 0;
    // secret is empty unless the result is Ok.
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    // Removing a key that holds nothing is Ok: the caller wanted it gone, and it is.
    virtual void remove(const QString &key, QObject *context, RemoveCallback done) = 0;

    // "<connection-id>/<endpoint-id>": an endpoint's signing secret.
    static QString endpointSecretKey(const QString &connectionId, const QString &endpointId);
    // "<connection-id>/<endpoint-id>/previous": the secret an endpoint's last rotate replaced. An
    // endpoint id never holds "/" (it must fit the profile's idPattern and is checked for it), so
    // this key can be neither another endpoint's secret nor an API key.
    static QString previousSecretKey(const QString &connectionId, const QString &endpointId);
    // "<connection-id>/api-key": a connection's API key.
    static QString apiKeyKey(const QString &connectionId);
};
