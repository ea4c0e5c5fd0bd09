#include "DeliveryFilterModel.h"

#include "DeliveryTableModel.h"

DeliveryFilterModel::DeliveryFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(DeliveryTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void DeliveryFilterModel::setEndpointFilter(const QString &endpointKey) {
    if (endpointKey == m_endpoint)
        return;
    m_endpoint = endpointKey;
    invalidateFilter();
}

void DeliveryFilterModel::setEventTypeFilter(const QString &eventType) {
    if (eventType == m_eventType)
        return;
    m_eventType = eventType;
    invalidateFilter();
}

void DeliveryFilterModel::setVerdictFilter(const QString &keyword) {
    if (keyword == m_verdict)
        return;
    m_verdict = keyword;
    invalidateFilter();
}

bool DeliveryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_endpoint.isEmpty()) {
        const QString key = row.data(DeliveryTableModel::EndpointKeyRole).toString();
        if (m_endpoint == noEndpoint() ? !key.isEmpty() : key != m_endpoint)
            return false;
    }
    if (!m_eventType.isEmpty() && row.data(DeliveryTableModel::EventTypeRole).toString() != m_eventType)
        return false;
    return m_verdict.isEmpty() || row.data(DeliveryTableModel::VerdictRole).toString() == m_verdict;
}
