#pragma once

#include "Connection.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class EndpointService;

// Asks the keychain about every given endpoint of one connection, a few reads at a time, so that
// the secret index (and with it the Secret column) matches the keychain again after it was edited
// elsewhere: another machine, another program, a keyring restored from a backup. Each answer is
// recorded by EndpointService as it arrives; this class only walks the list and keeps the score.
class KeychainCheck final : public QObject {
    Q_OBJECT

public:
    struct Summary {
        int checked = 0;
        int stored = 0;
        int missing = 0;
        int corrected = 0; // answers that differed from the index
        QString errorText; // the keychain failed (locked, refused); the check stopped there
        bool cancelled = false;
    };

    // onRecord: the endpoints the index said have a secret, to count the corrections.
    KeychainCheck(EndpointService *service, const Connection &connection, const QStringList &endpointIds,
                  const QSet<QString> &onRecord, QObject *parent = nullptr);

    void start();
    // Stops asking; the reads already under way still land, then finished() follows.
    void cancel();
    const Connection &connection() const { return m_connection; }
    int total() const { return int(m_endpointIds.size()); }

signals:
    void progressed(int checked, int total);
    void finished(const KeychainCheck::Summary &summary);

private:
    static constexpr int readsInFlight = 4;

    void readNext();

    QPointer<EndpointService> m_service;
    Connection m_connection;
    QStringList m_endpointIds;
    QSet<QString> m_onRecord;
    int m_next = 0;
    int m_inFlight = 0;
    bool m_stopping = false;
    Summary m_summary;
};
