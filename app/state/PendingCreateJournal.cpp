#include "PendingCreateJournal.h"

#include "SecretsLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace {

constexpr int FormatVersion = 1;
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString stateName(PendingCreateJournal::State state) {
    switch (state) {
    case PendingCreateJournal::State::Pending:
        return QStringLiteral("pending");
    case PendingCreateJournal::State::Sent:
        return QStringLiteral("sent");
    case PendingCreateJournal::State::SecretStored:
        return QStringLiteral("secret-stored");
    }
    return QStringLiteral("pending");
}

std::optional<PendingCreateJournal::State> stateFromName(const QString &name) {
    for (const auto state : {PendingCreateJournal::State::Pending, PendingCreateJournal::State::Sent,
                             PendingCreateJournal::State::SecretStored}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QJsonObject toJson(const PendingCreateJournal::Entry &entry) {
    return QJsonObject{
        {QStringLiteral("id"), entry.id},
        {QStringLiteral("connectionId"), entry.connectionId},
        {QStringLiteral("providerId"), entry.providerId},
        {QStringLiteral("idempotencyKey"), entry.idempotencyKey},
        {QStringLiteral("requestBody"), entry.requestBody},
        {QStringLiteral("createdAt"), entry.createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("state"), stateName(entry.state)},
        {QStringLiteral("endpointId"), entry.endpointId},
    };
}

std::optional<PendingCreateJournal::Entry> fromJson(const QJsonObject &object) {
    PendingCreateJournal::Entry entry;
    entry.id = object.value(QStringLiteral("id")).toString();
    entry.connectionId = object.value(QStringLiteral("connectionId")).toString();
    entry.providerId = object.value(QStringLiteral("providerId")).toString();
    entry.idempotencyKey = object.value(QStringLiteral("idempotencyKey")).toString();
    entry.requestBody = object.value(QStringLiteral("requestBody")).toObject();
    entry.createdAt = QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    entry.endpointId = object.value(QStringLiteral("endpointId")).toString();
    const auto state = stateFromName(object.value(QStringLiteral("state")).toString());
    if (entry.id.isEmpty() || entry.connectionId.isEmpty() || !entry.createdAt.isValid() || !state ||
        !object.value(QStringLiteral("requestBody")).isObject())
        return std::nullopt;
    entry.state = *state;
    return entry;
}

void collectSecretLookingFields(const QJsonValue &value, const QString &path, QStringList *found) {
    // Field names, not values: a value cannot be told apart from a secret, a name can.
    static const QRegularExpression secretName(
        QStringLiteral("secret|passw|token|api[-_]?key|authorization|credential|private[-_]?key"),
        QRegularExpression::CaseInsensitiveOption);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString childPath = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            if (secretName.match(it.key()).hasMatch())
                found->append(childPath);
            collectSecretLookingFields(it.value(), childPath, found);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectSecretLookingFields(array.at(i), path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'),
                                       found);
    }
}

void setError(QString *error, const QString &text) {
    if (error)
        *error = text;
}

} // namespace

PendingCreateJournal::PendingCreateJournal(const QString &filePath)
    : m_filePath(filePath) {
    load();
}

QString PendingCreateJournal::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/pending-creates.json");
}

PendingCreateJournal::Entry PendingCreateJournal::newEntry(const QString &connectionId, const QString &providerId,
                                                           const QString &idempotencyKey,
                                                           const QJsonObject &requestBody) {
    Entry entry;
    entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.connectionId = connectionId;
    entry.providerId = providerId;
    entry.idempotencyKey = idempotencyKey;
    entry.requestBody = requestBody;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    return entry;
}

QStringList PendingCreateJournal::secretLookingFields(const QJsonObject &requestBody) {
    QStringList found;
    collectSecretLookingFields(requestBody, QString(), &found);
    return found;
}

void PendingCreateJournal::load() {
    QFile file(m_filePath);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        // Unreadable is not empty: keep our hands off it.
        m_writable = false;
        m_loadError = QObject::tr("Cannot read the pending-create journal %1: %2").arg(m_filePath, file.errorString());
        qCWarning(lcSecrets) << "journal unreadable, read-only:" << m_filePath << file.errorString();
        return;
    }
    const QByteArray data = file.readAll();
    file.close();

    QString problem;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError) {
        problem = QObject::tr("not valid JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset);
    } else if (!document.isObject() || !root.value(QStringLiteral("entries")).isArray()) {
        problem = QObject::tr("no list of entries");
    } else if (root.value(QStringLiteral("version")).toInt() < 1) {
        problem = QObject::tr("no format version");
    } else if (root.value(QStringLiteral("version")).toInt() != FormatVersion) {
        // A newer version's file: reading it partially and writing it back would lose its fields.
        m_writable = false;
        m_loadError =
            QObject::tr("The pending-create journal %1 has an unknown format version %2; it is left untouched.")
                .arg(m_filePath)
                .arg(root.value(QStringLiteral("version")).toInt());
        qCWarning(lcSecrets) << "journal version unknown, read-only:" << m_filePath;
        return;
    } else {
        int skipped = 0;
        const QJsonArray entries = root.value(QStringLiteral("entries")).toArray();
        for (const QJsonValue &value : entries) {
            if (const auto entry = fromJson(value.toObject()))
                m_entries.append(*entry);
            else
                ++skipped;
        }
        if (skipped > 0)
            problem = QObject::tr("%n entries could not be read", nullptr, skipped);
    }
    if (problem.isEmpty())
        return;

    const QString backupPath = m_filePath + QStringLiteral(".corrupt-") +
                               QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'"));
    if (QFile::copy(m_filePath, backupPath)) {
        QFile::setPermissions(backupPath, OwnerOnly);
        m_loadError = QObject::tr("The pending-create journal %1 was damaged (%2); a copy was kept as %3.")
                          .arg(m_filePath, problem, backupPath);
    } else {
        m_writable = false;
        m_loadError =
            QObject::tr(
                "The pending-create journal %1 is damaged (%2) and could not be copied aside; it is left untouched.")
                .arg(m_filePath, problem);
    }
    qCWarning(lcSecrets).noquote() << m_loadError;
}

bool PendingCreateJournal::save(const QList<Entry> &entries, QString *error) const {
    if (!m_writable) {
        setError(error, m_loadError);
        return false;
    }
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        setError(error, QObject::tr("Cannot create the folder %1").arg(info.absolutePath()));
        return false;
    }
    QJsonArray array;
    for (const Entry &entry : entries)
        array.append(toJson(entry));
    const QJsonObject root{{QStringLiteral("version"), FormatVersion}, {QStringLiteral("entries"), array}};

    // QSaveFile writes a temporary file and renames it over the old one on commit, so a crash
    // leaves either the old journal or the new one, never half of one.
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error,
                 QObject::tr("Cannot write the pending-create journal %1: %2").arg(m_filePath, file.errorString()));
        return false;
    }
    file.setPermissions(OwnerOnly);
    const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    // Check the write and the flush ourselves: Qt 6.4's QSaveFile::commit() misses an error in
    // flushing its buffer (seen with EFBIG) and would rename a truncated journal into place.
    const bool written = file.write(data) == data.size() && file.flush();
    if (!written) {
        const QString reason = file.errorString();
        qCWarning(lcSecrets) << "journal write failed, old file kept:" << m_filePath << reason;
        file.cancelWriting();
        file.commit(); // with writing cancelled: removes the temporary file, leaves the journal alone
        setError(error, QObject::tr("Cannot write the pending-create journal %1: %2").arg(m_filePath, reason));
        return false;
    }
    if (!file.commit()) {
        setError(error,
                 QObject::tr("Cannot write the pending-create journal %1: %2").arg(m_filePath, file.errorString()));
        return false;
    }
    // Belt and braces: the request bodies are nobody else's business.
    if (QFile::permissions(m_filePath) != OwnerOnly)
        QFile::setPermissions(m_filePath, OwnerOnly);
    return true;
}

bool PendingCreateJournal::add(const Entry &entry, QString *error) {
    if (entry.id.isEmpty() || entry.connectionId.isEmpty() || !entry.createdAt.isValid()) {
        setError(error, QObject::tr("A journal entry needs an id, a connection and a creation time."));
        return false;
    }
    if (this->entry(entry.id)) {
        setError(error, QObject::tr("The journal already holds an entry %1.").arg(entry.id));
        return false;
    }
    const QStringList secretFields = secretLookingFields(entry.requestBody);
    if (!secretFields.isEmpty()) {
        // Only the field names are reported; the values stay out of logs and messages.
        setError(error, QObject::tr("Refused to journal a request carrying secret-looking fields: %1")
                            .arg(secretFields.join(QStringLiteral(", "))));
        qCWarning(lcSecrets) << "journal refused entry with secret-looking fields" << secretFields;
        return false;
    }
    QLockFile lock(lockPath());
    if (!lockAndReload(lock, error))
        return false;
    QList<Entry> entries = m_entries;
    entries.append(entry);
    if (!save(entries, error))
        return false;
    m_entries = entries;
    qCDebug(lcSecrets) << "journal add" << entry.id << "connection" << entry.connectionId;
    return true;
}

// The console and webhookctl may share this file: each change happens under a lock file and
// starts from what is on disk, so neither overwrites the other's entries.
QString PendingCreateJournal::lockPath() const {
    return m_filePath + QStringLiteral(".lock");
}

bool PendingCreateJournal::lockAndReload(QLockFile &lock, QString *error) {
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    if (!lock.tryLock(5000)) {
        setError(error, QObject::tr("The pending-create journal %1 is locked by another program.").arg(m_filePath));
        return false;
    }
    reload();
    return true;
}

void PendingCreateJournal::reload() {
    if (!m_writable)
        return; // a file we could not read is left alone, as load() decided
    m_entries.clear();
    load();
}

bool PendingCreateJournal::change(const QString &id, QString *error, const std::function<void(Entry &)> &apply) {
    QLockFile lock(lockPath());
    if (!lockAndReload(lock, error))
        return false;
    QList<Entry> entries = m_entries;
    const auto it = std::find_if(entries.begin(), entries.end(), [&id](const Entry &e) { return e.id == id; });
    if (it == entries.end()) {
        setError(error, QObject::tr("The journal holds no entry %1.").arg(id));
        return false;
    }
    apply(*it);
    // Memory follows the disk: a failed write leaves both as they were.
    if (!save(entries, error))
        return false;
    m_entries = entries;
    return true;
}

bool PendingCreateJournal::markSent(const QString &id, QString *error) {
    return change(id, error, [](Entry &entry) {
        if (entry.state == State::Pending)
            entry.state = State::Sent;
    });
}

bool PendingCreateJournal::markEndpointKnown(const QString &id, const QString &endpointId, QString *error) {
    if (endpointId.isEmpty()) {
        setError(error, QObject::tr("An empty endpoint id is not an endpoint."));
        return false;
    }
    return change(id, error, [&endpointId](Entry &entry) {
        entry.endpointId = endpointId;
        // A response arrived, so the request was certainly sent.
        if (entry.state == State::Pending)
            entry.state = State::Sent;
    });
}

bool PendingCreateJournal::markSecretStored(const QString &id, QString *error) {
    return change(id, error, [](Entry &entry) { entry.state = State::SecretStored; });
}

bool PendingCreateJournal::markDone(const QString &id, QString *error) {
    QList<Entry> entries = m_entries;
    const auto removed = std::remove_if(entries.begin(), entries.end(), [&id](const Entry &e) { return e.id == id; });
    if (removed == entries.end()) {
        setError(error, QObject::tr("The journal holds no entry %1.").arg(id));
        return false;
    }
    entries.erase(removed, entries.end());
    if (!save(entries, error))
        return false;
    m_entries = entries;
    qCDebug(lcSecrets) << "journal done" << id;
    return true;
}

std::optional<PendingCreateJournal::Entry> PendingCreateJournal::entry(const QString &id) const {
    for (const Entry &entry : m_entries) {
        if (entry.id == id)
            return entry;
    }
    return std::nullopt;
}

QList<PendingCreateJournal::Entry> PendingCreateJournal::unfinished(const QString &connectionId) const {
    QList<Entry> result;
    for (const Entry &entry : m_entries) {
        if (entry.connectionId == connectionId)
            result.append(entry);
    }
    return result;
}
