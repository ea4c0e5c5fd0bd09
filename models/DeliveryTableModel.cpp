#include "DeliveryTableModel.h"

#include <QLocale>

DeliveryTableModel::DeliveryTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

DeliveryTableModel::~DeliveryTableModel() = default;

int DeliveryTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeliveryTableModel::endpointKey(const QString &connectionId, const QString &endpointId) {
    return endpointId.isEmpty() ? QString() : connectionId + QLatin1Char('/') + endpointId;
}

QString DeliveryTableModel::verdictTitle(const QString &keyword) {
    static const QHash<QString, const char *> titles{
        {QStringLiteral("ok"), QT_TR_NOOP("Valid")},
        {QStringLiteral("no-signature"), QT_TR_NOOP("No signature")},
        {QStringLiteral("stale-timestamp"), QT_TR_NOOP("Stale timestamp")},
        {QStringLiteral("other-secret"), QT_TR_NOOP("Another endpoint's secret")},
        {QStringLiteral("previous-secret"), QT_TR_NOOP("Previous secret")},
        {QStringLiteral("body-reencoded"), QT_TR_NOOP("Body re-encoded")},
        {QStringLiteral("key-interpretation"), QT_TR_NOOP("Key read the other way")},
        {QStringLiteral("encoding"), QT_TR_NOOP("Other encoding")},
        {QStringLiteral("other-scheme"), QT_TR_NOOP("Other scheme")},
        {QStringLiteral("mismatch"), QT_TR_NOOP("Mismatch")},
        {QStringLiteral("no-endpoint"), QT_TR_NOOP("No endpoint")},
        {QStringLiteral("no-scheme"), QT_TR_NOOP("Not checked")},
        {QStringLiteral("keychain-error"), QT_TR_NOOP("Keychain error")},
    };
    if (const char *title = titles.value(keyword))
        return tr(title);
    return keyword.isEmpty() ? tr("Not checked") : keyword;
}

QVariant DeliveryTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const CapturedDelivery &delivery = row.delivery;
    switch (role) {
    case DeliveryIdRole:
        return delivery.id;
    case VerdictRole:
        return delivery.verdict;
    case EndpointKeyRole:
        return endpointKey(delivery.connectionId, delivery.endpointId);
    case EventTypeRole:
        return row.eventType;
    case SortRole:
        return sortValue(index);
    case Qt::TextAlignmentRole:
        return index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Time:
            return QLocale().toString(delivery.receivedAt.toLocalTime(), QLocale::LongFormat);
        case Endpoint:
            return delivery.endpointId.isEmpty()
                       ? tr("Matched to no endpoint")
                       : tr("Endpoint %1 of connection %2")
                             .arg(delivery.endpointId,
                                  m_connectionNames.value(delivery.connectionId, delivery.connectionId));
        case Size:
            return tr("%n bytes", nullptr, int(qMin<qint64>(delivery.size(), INT_MAX)));
        case Verdict:
            return delivery.verdictMessage;
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return delivery.receivedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Method:
            return delivery.method;
        case Path:
            return delivery.path;
        case Endpoint:
            return delivery.endpointId.isEmpty() ? tr("—") : delivery.endpointId;
        case Event:
            return row.eventType.isEmpty() ? tr("—") : row.eventType;
        case Size:
            return QLocale().formattedDataSize(delivery.size(), 1, QLocale::DataSizeTraditionalFormat);
        case Verdict:
            return verdictTitle(delivery.verdict);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant DeliveryTableModel::sortValue(const QModelIndex &index) const {
    const Row &row = m_rows.at(index.row());
    switch (index.column()) {
    case Time:
        return row.delivery.id; // arrival order, also for deliveries that arrived in the same second
    case Size:
        return row.delivery.size();
    case Event:
        return row.eventType;
    case Verdict:
        return verdictTitle(row.delivery.verdict);
    default:
        return data(index, Qt::DisplayRole);
    }
}

QVariant DeliveryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Received");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Endpoint:
        return tr("Endpoint");
    case Event:
        return tr("Event type");
    case Size:
        return tr("Size");
    case Verdict:
        return tr("Verdict");
    default:
        return {};
    }
}

void DeliveryTableModel::setDeliveries(const QList<CapturedDelivery> &deliveries) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(deliveries.size());
    for (const CapturedDelivery &delivery : deliveries)
        m_rows.append({delivery, eventTypeOf(delivery)});
    endResetModel();
}

void DeliveryTableModel::addDelivery(const CapturedDelivery &delivery) {
    beginInsertRows(QModelIndex(), 0, 0);
    m_rows.prepend({delivery, eventTypeOf(delivery)});
    endInsertRows();
}

void DeliveryTableModel::setForwardOutcome(qint64 id, const ForwardOutcome &forward) {
    const QModelIndex found = indexFromId(id);
    if (!found.isValid())
        return;
    m_rows[found.row()].delivery.forward = forward;
    emit dataChanged(index(found.row(), 0), index(found.row(), ColumnCount - 1));
}

void DeliveryTableModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void DeliveryTableModel::setConnectionNames(const QHash<QString, QString> &namesById) {
    m_connectionNames = namesById;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Endpoint), index(rowCount() - 1, Endpoint), {Qt::ToolTipRole});
}

void DeliveryTableModel::setDeliveryFormats(const QHash<QString, DeliveryFormat> &formatsByConnectionId) {
    m_formats = formatsByConnectionId;
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &shown = m_rows[row];
        const QString type = eventTypeOf(shown.delivery);
        if (type == shown.eventType)
            continue;
        shown.eventType = type;
        emit dataChanged(index(row, Event), index(row, Event));
    }
}

QString DeliveryTableModel::eventTypeOf(const CapturedDelivery &delivery) const {
    return m_formats.value(delivery.connectionId).eventTypeOf(delivery.body);
}

CapturedDelivery DeliveryTableModel::deliveryFromIndex(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return {};
    return m_rows.at(index.row()).delivery;
}

QModelIndex DeliveryTableModel::indexFromId(qint64 id) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).delivery.id == id)
            return index(row, 0);
    }
    return {};
}
