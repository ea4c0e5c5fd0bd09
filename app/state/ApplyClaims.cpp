#include "ApplyClaims.h"

#include "LocalState.h"
#include "StateLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

ApplyClaims::ApplyClaims(LocalState &state)
    : m_state(state)
    , m_self(ProcessIdentity::current())
    , m_token(QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

ApplyClaims::~ApplyClaims() {
    QString error;
    if (holdsAny() && !release(&error))
        qCWarning(lcState).noquote() << error;
}

ApplyClaims::Result ApplyClaims::claim(const QStringList &connectionIds, Holder *holder, QString *error) {
    Result result = Result::Failed;
    const bool written = m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            // Inside the transaction: nobody can claim between this read and the write.
            QSqlQuery query(db);
            for (const QString &connectionId : connectionIds) {
                query.prepare(QStringLiteral("SELECT owner, token, claimed_at FROM apply_claims WHERE "
                                             "connection_id = ?"));
                query.addBindValue(connectionId);
                if (!query.exec()) {
                    *why = m_state.describe(query.lastError());
                    return false;
                }
                if (!query.next())
                    continue;
                const ProcessIdentity owner = ProcessIdentity::fromString(query.value(0).toString());
                const bool mine = owner == m_self && query.value(1).toString() == m_token;
                if (mine || !owner.isAlive())
                    continue;
                result = Result::HeldElsewhere;
                if (holder)
                    *holder = {connectionId, owner,
                               QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC), owner == m_self};
                return true; // nothing written: all or none
            }
            for (const QString &connectionId : connectionIds) {
                query.prepare(QStringLiteral("INSERT OR REPLACE INTO apply_claims (connection_id, owner, token, "
                                             "claimed_at) VALUES (?, ?, ?, ?)"));
                query.addBindValue(connectionId);
                query.addBindValue(m_self.toString());
                query.addBindValue(m_token);
                query.addBindValue(QDateTime::currentMSecsSinceEpoch());
                if (!query.exec()) {
                    *why = m_state.describe(query.lastError());
                    return false;
                }
            }
            result = Result::Claimed;
            return true;
        },
        error);
    if (!written)
        return Result::Failed;
    if (result == Result::Claimed) {
        for (const QString &connectionId : connectionIds) {
            if (!m_held.contains(connectionId))
                m_held << connectionId;
        }
    }
    return result;
}

bool ApplyClaims::release(QString *error) {
    const bool released = m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            for (const QString &connectionId : std::as_const(m_held)) {
                query.prepare(QStringLiteral("DELETE FROM apply_claims WHERE connection_id = ? AND owner = ? AND "
                                             "token = ?"));
                query.addBindValue(connectionId);
                query.addBindValue(m_self.toString());
                query.addBindValue(m_token);
                if (!query.exec()) {
                    *why = m_state.describe(query.lastError());
                    return false;
                }
            }
            return true;
        },
        error);
    if (released)
        m_held.clear();
    return released;
}
