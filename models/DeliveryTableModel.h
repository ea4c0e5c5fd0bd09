#pragma once

#include "CapturedDelivery.h"
#include "DeliveryFormat.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The captured deliveries for the Deliveries view, newest first: one row per delivery, with the
// event type worked out once per row.
class DeliveryTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryTableModel)

public:
    enum Column { Time, Method, Path, Endpoint, Event, Size, Verdict, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        DeliveryIdRole = Qt::UserRole + 1, // qint64
        VerdictRole,                       // QString: the verdict keyword ("ok", "mismatch", ...)
        EndpointKeyRole,                   // QString: endpointKey(), empty when matched to none
        EventTypeRole,                     // QString; empty when the body names none
        SortRole,                          // the column's raw value
    };
    Q_ENUM(Role)

    explicit DeliveryTableModel(QObject *parent = nullptr);
    ~DeliveryTableModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces every row (deliveries newest first, as DeliveryLog::recent gives them).
    void setDeliveries(const QList<CapturedDelivery> &deliveries);
    // A new delivery, on top.
    void addDelivery(const CapturedDelivery &delivery);
    // A later forward of a delivery (Replay): its outcome replaces the one shown.
    void setForwardOutcome(qint64 id, const ForwardOutcome &forward);
    void clear();
    // Whose connection an endpoint column names (a tooltip).
    void setConnectionNames(const QHash<QString, QString> &namesById);
    QString connectionName(const QString &connectionId) const { return m_connectionNames.value(connectionId); }
    // Where each connection's provider puts the event type in a body (its profile's "delivery"
    // section); a delivery matched to no connection is read with the default (top-level "type").
    void setDeliveryFormats(const QHash<QString, DeliveryFormat> &formatsByConnectionId);

    CapturedDelivery deliveryFromIndex(const QModelIndex &index) const;
    QModelIndex indexFromId(qint64 id) const;

    // "<connection-id>/<endpoint-id>", the key the endpoint filter uses.
    static QString endpointKey(const QString &connectionId, const QString &endpointId);
    // "Valid", "Previous secret", ...: a verdict keyword in words.
    static QString verdictTitle(const QString &keyword);
    static bool isValidVerdict(const QString &keyword) { return keyword == QLatin1String("ok"); }

private:
    struct Row {
        CapturedDelivery delivery;
        QString eventType;
    };
    QVariant sortValue(const QModelIndex &index) const;
    QString eventTypeOf(const CapturedDelivery &delivery) const;

    QList<Row> m_rows;
    QHash<QString, QString> m_connectionNames;
    QHash<QString, DeliveryFormat> m_formats;
};
