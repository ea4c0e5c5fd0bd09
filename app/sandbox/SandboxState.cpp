#include "SandboxState.h"

#include "SandboxLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

constexpr int stateFileVersion = 1;

} // namespace

SandboxState::SandboxState(QObject *parent)
    : QObject(parent) {}

std::optional<SandboxEndpoint> SandboxState::endpoint(const QString &providerId, const QString &id) const {
    for (const SandboxEndpoint &endpoint : m_endpoints.value(providerId)) {
        if (endpoint.id == id)
            return endpoint;
    }
    return std::nullopt;
}

void SandboxState::insert(const QString &providerId, const SandboxEndpoint &endpoint) {
    m_endpoints[providerId].append(endpoint);
}

void SandboxState::replace(const QString &providerId, const SandboxEndpoint &endpoint) {
    for (SandboxEndpoint &stored : m_endpoints[providerId]) {
        if (stored.id == endpoint.id) {
            stored = endpoint;
            return;
        }
    }
}

bool SandboxState::remove(const QString &providerId, const QString &id) {
    QList<SandboxEndpoint> &list = m_endpoints[providerId];
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).id == id) {
            list.removeAt(i);
            return true;
        }
    }
    return false;
}

std::optional<SandboxState::IdempotencyRecord>
SandboxState::idempotencyRecord(const QString &providerId, const QString &key, qint64 windowSeconds) const {
    const auto records = m_idempotency.constFind(providerId);
    if (records == m_idempotency.constEnd())
        return std::nullopt;
    const auto record = records->constFind(key);
    if (record == records->constEnd())
        return std::nullopt;
    if (record->createdAt.secsTo(QDateTime::currentDateTimeUtc()) > windowSeconds)
        return std::nullopt;
    return *record;
}

void SandboxState::rememberIdempotent(const QString &providerId, const QString &key, const IdempotencyRecord &record) {
    m_idempotency[providerId].insert(key, record);
}

void SandboxState::commit(const QString &providerId) {
    if (!m_file.isEmpty()) {
        QString error;
        if (!save(&error))
            qCWarning(lcSandbox) << "cannot save the sandbox state to" << m_file << ":" << error;
    }
    emit changed(providerId);
}

bool SandboxState::load(QString *error) {
    if (m_file.isEmpty() || !QFileInfo::exists(m_file))
        return true;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(m_file, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("%1 is not a sandbox state file (%2)").arg(m_file, parseError.errorString());
        return false;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("version")).toInt() != stateFileVersion) {
        *error = tr("%1: unsupported state file version").arg(m_file);
        return false;
    }
    m_endpoints.clear();
    m_idempotency.clear();
    const QJsonObject providers = root.value(QStringLiteral("providers")).toObject();
    for (auto it = providers.constBegin(); it != providers.constEnd(); ++it) {
        const QJsonObject provider = it.value().toObject();
        QList<SandboxEndpoint> &endpoints = m_endpoints[it.key()];
        for (const QJsonValue &value : provider.value(QStringLiteral("endpoints")).toArray())
            endpoints.append(SandboxEndpoint::fromStateJson(value.toObject()));
        const QJsonObject records = provider.value(QStringLiteral("idempotency")).toObject();
        for (auto record = records.constBegin(); record != records.constEnd(); ++record) {
            const QJsonObject json = record.value().toObject();
            IdempotencyRecord parsed;
            parsed.method = json.value(QStringLiteral("method")).toString().toLatin1();
            parsed.path = json.value(QStringLiteral("path")).toString();
            parsed.requestBody = json.value(QStringLiteral("request")).toString().toUtf8();
            parsed.status = json.value(QStringLiteral("status")).toInt();
            parsed.responseBody = json.value(QStringLiteral("response")).toString().toUtf8();
            parsed.createdAt =
                QDateTime::fromString(json.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
            m_idempotency[it.key()].insert(record.key(), parsed);
        }
    }
    return true;
}

bool SandboxState::save(QString *error) const {
    QJsonObject providers;
    QStringList ids = m_endpoints.keys();
    for (const QString &id : m_idempotency.keys()) {
        if (!ids.contains(id))
            ids << id;
    }
    for (const QString &providerId : ids) {
        QJsonArray endpoints;
        for (const SandboxEndpoint &endpoint : m_endpoints.value(providerId))
            endpoints.append(endpoint.toStateJson());
        QJsonObject records;
        const QHash<QString, IdempotencyRecord> stored = m_idempotency.value(providerId);
        for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
            records.insert(it.key(),
                           QJsonObject{{QStringLiteral("method"), QString::fromLatin1(it->method)},
                                       {QStringLiteral("path"), it->path},
                                       {QStringLiteral("request"), QString::fromUtf8(it->requestBody)},
                                       {QStringLiteral("status"), it->status},
                                       {QStringLiteral("response"), QString::fromUtf8(it->responseBody)},
                                       {QStringLiteral("createdAt"), it->createdAt.toString(Qt::ISODateWithMs)}});
        }
        providers.insert(providerId, QJsonObject{{QStringLiteral("endpoints"), endpoints},
                                                 {QStringLiteral("idempotency"), records}});
    }
    const QJsonObject root{{QStringLiteral("version"), stateFileVersion}, {QStringLiteral("providers"), providers}};

    const QFileInfo info(m_file);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = tr("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    // Set on the temporary file before anything is written: the secrets are never readable by others,
    // not even for the moment between write and rename.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}
