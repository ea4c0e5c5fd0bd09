#pragma once

#include <QSortFilterProxyModel>
#include <QString>

// Filters and sorts DeliveryTableModel for the Deliveries view: by endpoint, event type and
// verdict, each through a typed setter; an empty value shows all. Sorted on SortRole.
class DeliveryFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryFilterModel)

public:
    // The endpoint filter's value for "matched to no endpoint".
    static QString noEndpoint() { return QStringLiteral("-"); }

    explicit DeliveryFilterModel(QObject *parent = nullptr);

    // DeliveryTableModel::endpointKey(), noEndpoint(), or empty for all.
    void setEndpointFilter(const QString &endpointKey);
    void setEventTypeFilter(const QString &eventType);
    // A verdict keyword ("ok", "mismatch", ...), or empty for all.
    void setVerdictFilter(const QString &keyword);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_endpoint;
    QString m_eventType;
    QString m_verdict;
};
