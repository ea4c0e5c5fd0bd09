#include "PendingCreateJournal.h"

#include "LocalState.h"
#include "StateLogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace {

// What the journal of earlier versions assumed for every request.
constexpr int LegacyRequestTimeoutMs = 30000;

const QString Columns = QStringLiteral("id, connection_id, provider_id, idempotency_key, request_body, created_at, "
                                       "state, endpoint_id, request_timeout_ms, owner, orphaned_at, document_id, "
                                       "document_key");

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

// Times are stored as milliseconds since the epoch; an invalid QVariant binds as NULL.
QVariant timeValue(const QDateTime &time) {
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QSqlQuery &row, int column) {
    return row.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(row.value(column).toLongLong(), Qt::UTC);
}

PendingCreateJournal::Entry entryFrom(const QSqlQuery &row) {
    PendingCreateJournal::Entry entry;
    entry.id = row.value(0).toString();
    entry.connectionId = row.value(1).toString();
    entry.providerId = row.value(2).toString();
    entry.idempotencyKey = row.value(3).toString();
    entry.requestBody = QJsonDocument::fromJson(row.value(4).toByteArray()).object();
    entry.createdAt = timeFrom(row, 5);
    entry.state = stateFromName(row.value(6).toString()).value_or(PendingCreateJournal::State::Pending);
    entry.endpointId = row.value(7).toString();
    entry.requestTimeoutMs = row.value(8).toInt();
    entry.owner = ProcessIdentity::fromString(row.value(9).toString());
    entry.orphanedAt = timeFrom(row, 10);
    entry.documentId = row.value(11).toString();
    entry.documentKey = row.value(12).toString();
    return entry;
}

// An entry of the JSON journal that versions before the database wrote.
std::optional<PendingCreateJournal::Entry> legacyEntryFrom(const QJsonObject &object) {
    PendingCreateJournal::Entry entry;
    entry.id = object.value(QStringLiteral("id")).toString();
    entry.connectionId = object.value(QStringLiteral("connectionId")).toString();
    entry.providerId = object.value(QStringLiteral("providerId")).toString();
    entry.idempotencyKey = object.value(QStringLiteral("idempotencyKey")).toString();
    entry.requestBody = object.value(QStringLiteral("requestBody")).toObject();
    entry.createdAt = QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    entry.endpointId = object.value(QStringLiteral("endpointId")).toString();
    entry.requestTimeoutMs = LegacyRequestTimeoutMs;
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

// The driver binds a null QString as NULL; the text columns are NOT NULL, empty when unknown.
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

bool exec(QSqlQuery &query, const QVariantList &values) {
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

bool insert(QSqlDatabase &db, const PendingCreateJournal::Entry &entry, const QString &verb, QSqlError *error) {
    QSqlQuery query(db);
    query.prepare(verb + QStringLiteral(" INTO pending_creates (") + Columns +
                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const bool inserted =
        exec(query, {entry.id, entry.connectionId, text(entry.providerId), text(entry.idempotencyKey),
                     QString::fromUtf8(QJsonDocument(entry.requestBody).toJson(QJsonDocument::Compact)),
                     timeValue(entry.createdAt), stateName(entry.state), text(entry.endpointId), entry.requestTimeoutMs,
                     entry.owner.isNull() ? QVariant() : QVariant(entry.owner.toString()), timeValue(entry.orphanedAt),
                     text(entry.documentId), text(entry.documentKey)});
    if (!inserted)
        *error = query.lastError();
    return inserted;
}

} // namespace

PendingCreateJournal::PendingCreateJournal(LocalState &state, const QString &legacyPath)
    : m_state(state)
    , m_self(ProcessIdentity::current())
    , m_problem(state.problem()) {
    if (m_state.isUsable() && !legacyPath.isEmpty() && QFile::exists(legacyPath))
        importLegacyFile(legacyPath);
}

QString PendingCreateJournal::defaultLegacyPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/pending-creates.json");
}

PendingCreateJournal::Entry PendingCreateJournal::newEntry(const QString &connectionId, const QString &providerId,
                                                           const QString &idempotencyKey,
                                                           const QJsonObject &requestBody, int requestTimeoutMs) {
    Entry entry;
    entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.connectionId = connectionId;
    entry.providerId = providerId;
    entry.idempotencyKey = idempotencyKey;
    entry.requestBody = requestBody;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    entry.requestTimeoutMs = requestTimeoutMs;
    return entry;
}

QStringList PendingCreateJournal::secretLookingFields(const QJsonObject &requestBody) {
    QStringList found;
    collectSecretLookingFields(requestBody, QString(), &found);
    return found;
}

bool PendingCreateJournal::add(const Entry &entry, QString *error) {
    if (entry.id.isEmpty() || entry.connectionId.isEmpty() || !entry.createdAt.isValid()) {
        setError(error, QObject::tr("A journal entry needs an id, a connection and a creation time."));
        return false;
    }
    const QStringList secretFields = secretLookingFields(entry.requestBody);
    if (!secretFields.isEmpty()) {
        // Only the field names are reported; the values stay out of logs and messages.
        setError(error, QObject::tr("Refused to journal a request carrying secret-looking fields: %1")
                            .arg(secretFields.join(QStringLiteral(", "))));
        qCWarning(lcState) << "journal refused entry with secret-looking fields" << secretFields;
        return false;
    }
    Entry owned = entry;
    owned.owner = m_self;
    owned.orphanedAt = QDateTime();
    const bool added = m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlError failure;
            if (insert(db, owned, QStringLiteral("INSERT"), &failure))
                return true;
            *why = LocalState::isConstraintViolation(failure) // the id is taken
                       ? QObject::tr("The journal already holds an entry %1.").arg(entry.id)
                       : m_state.describe(failure);
            return false;
        },
        error);
    if (added) {
        m_atWork.insert(entry.id);
        qCDebug(lcState) << "journal add" << entry.id << "connection" << entry.connectionId;
    }
    return added;
}

bool PendingCreateJournal::change(const QString &statement, const QVariantList &values, const QString &id,
                                  QString *error) {
    return m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            query.prepare(statement);
            if (!exec(query, values)) {
                *why = m_state.describe(query.lastError());
                return false;
            }
            if (query.numRowsAffected() == 0) {
                *why = QObject::tr("The journal holds no entry %1.").arg(id);
                return false;
            }
            return true;
        },
        error);
}

bool PendingCreateJournal::markSent(const QString &id, QString *error) {
    return change(QStringLiteral("UPDATE pending_creates SET state = CASE state WHEN 'pending' THEN 'sent' ELSE "
                                 "state END WHERE id = ?"),
                  {id}, id, error);
}

bool PendingCreateJournal::markEndpointKnown(const QString &id, const QString &endpointId, QString *error) {
    if (endpointId.isEmpty()) {
        setError(error, QObject::tr("An empty endpoint id is not an endpoint."));
        return false;
    }
    // A response arrived, so the request was certainly sent.
    return change(QStringLiteral("UPDATE pending_creates SET endpoint_id = ?, state = CASE state WHEN 'pending' THEN "
                                 "'sent' ELSE state END WHERE id = ?"),
                  {endpointId, id}, id, error);
}

bool PendingCreateJournal::markSecretStored(const QString &id, QString *error) {
    return change(QStringLiteral("UPDATE pending_creates SET state = 'secret-stored' WHERE id = ?"), {id}, id, error);
}

bool PendingCreateJournal::markDone(const QString &id, QString *error) {
    m_atWork.remove(id);
    const bool removed = change(QStringLiteral("DELETE FROM pending_creates WHERE id = ?"), {id}, id, error);
    if (removed)
        qCDebug(lcState) << "journal done" << id;
    return removed;
}

PendingCreateJournal::Claim PendingCreateJournal::claim(const QString &id, Entry *claimed, QString *error) {
    Claim result = Claim::Failed;
    const bool written = m_state.write(
        [&](QSqlDatabase &, QString *why) {
            // Inside the transaction: nobody can take the entry between this read and the write.
            const QList<Entry> found = select(QStringLiteral("id = ?"), {id});
            if (found.isEmpty()) {
                result = Claim::Gone;
                return true;
            }
            Entry entry = found.first();
            const bool ownedHere = entry.owner == m_self && m_atWork.contains(id);
            if (ownedHere || (entry.owner != m_self && entry.owner.isAlive())) {
                result = Claim::OwnedElsewhere;
                if (claimed)
                    *claimed = entry;
                return true;
            }
            entry.owner = m_self;
            if (!entry.orphanedAt.isValid())
                entry.orphanedAt = QDateTime::currentDateTimeUtc();
            QSqlQuery query(m_state.database());
            query.prepare(QStringLiteral("UPDATE pending_creates SET owner = ?, orphaned_at = ? WHERE id = ?"));
            if (!exec(query, {entry.owner.toString(), timeValue(entry.orphanedAt), id})) {
                *why = m_state.describe(query.lastError());
                return false;
            }
            result = Claim::Claimed;
            if (claimed)
                *claimed = entry;
            return true;
        },
        error);
    return written ? result : Claim::Failed;
}

bool PendingCreateJournal::release(const QString &id, QString *error) {
    // Orphaned from now on, unless it already was: the grace period counts from the first time.
    m_atWork.remove(id);
    return change(QStringLiteral("UPDATE pending_creates SET owner = NULL, orphaned_at = COALESCE(orphaned_at, ?) "
                                 "WHERE id = ?"),
                  {QDateTime::currentMSecsSinceEpoch(), id}, id, error);
}

QList<PendingCreateJournal::Entry> PendingCreateJournal::select(const QString &where,
                                                                const QVariantList &values) const {
    QList<Entry> entries;
    QSqlQuery query(m_state.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM pending_creates") +
                  (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where) +
                  QStringLiteral(" ORDER BY created_at, id"));
    if (!exec(query, values)) {
        qCWarning(lcState).noquote() << m_state.describe(query.lastError());
        return entries;
    }
    while (query.next())
        entries << entryFrom(query);
    return entries;
}

std::optional<PendingCreateJournal::Entry> PendingCreateJournal::entry(const QString &id) const {
    const QList<Entry> found = select(QStringLiteral("id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<Entry>(found.first());
}

QList<PendingCreateJournal::Entry> PendingCreateJournal::unfinished() const {
    return select(QString(), {});
}

QList<PendingCreateJournal::Entry> PendingCreateJournal::unfinished(const QString &connectionId) const {
    return select(QStringLiteral("connection_id = ?"), {connectionId});
}

void PendingCreateJournal::importLegacyFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem = QObject::tr("The journal of an earlier version, %1, could not be read (%2); it was not imported.")
                        .arg(path, file.errorString());
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    file.close();
    const QJsonArray entries = document.object().value(QStringLiteral("entries")).toArray();
    int skipped = 0;
    QString error;
    const bool imported = m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            if (!QFile::exists(path))
                return true; // another program imported it while we waited for the database
            for (const QJsonValue &value : entries) {
                const std::optional<Entry> entry = legacyEntryFrom(value.toObject());
                QSqlError failure;
                if (!entry || !secretLookingFields(entry->requestBody).isEmpty()) {
                    ++skipped;
                } else if (!insert(db, *entry, QStringLiteral("INSERT OR IGNORE"), &failure)) {
                    *why = m_state.describe(failure);
                    return false;
                }
            }
            // Renamed inside the transaction: if the rename fails, nothing is imported twice.
            const QString kept = path + QStringLiteral(".imported");
            QFile::remove(kept);
            if (!QFile::rename(path, kept)) {
                *why = QObject::tr("%1 could not be renamed to %2.").arg(path, kept);
                return false;
            }
            return true;
        },
        &error);
    if (!imported)
        m_problem = QObject::tr("The journal of an earlier version, %1, was not imported: %2").arg(path, error);
    else if (skipped > 0 || !document.isObject())
        m_problem = QObject::tr("The journal of an earlier version, %1, was imported, but %n of its entries could not "
                                "be read; the file was kept as %1.imported.",
                                nullptr, skipped)
                        .arg(path);
    if (!m_problem.isEmpty())
        qCWarning(lcState).noquote() << m_problem;
    else
        qCInfo(lcState) << "imported" << entries.size() << "journal entries from" << path;
}
