#include "PlanTreeModel.h"

#include "EndpointFields.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace {

QString driftText(const PlanItem &item) {
    if (item.drift.contains(QLatin1String("deleted")))
        return PlanTreeModel::tr("drift: deleted at the provider since the last apply");
    return PlanTreeModel::tr("drift: %1 changed at the provider since the last apply")
        .arg(item.drift.join(QStringLiteral(", ")));
}

} // namespace

PlanTreeModel::PlanTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {}

PlanTreeModel::~PlanTreeModel() = default;

void PlanTreeModel::setPlan(const Plan &plan) {
    beginResetModel();
    m_plan = plan;
    m_states.clear();
    m_messages.clear();
    rebuild();
    endResetModel();
}

void PlanTreeModel::setShowUnchanged(bool show) {
    if (show == m_showUnchanged)
        return;
    beginResetModel();
    m_showUnchanged = show;
    rebuild();
    endResetModel();
}

void PlanTreeModel::setItemState(int planIndex, ItemState state, const QString &message) {
    m_states.insert(planIndex, state);
    m_messages.insert(planIndex, message);
    const QModelIndex row = indexOfItem(planIndex);
    if (row.isValid())
        emit dataChanged(row.siblingAtColumn(Progress), row.siblingAtColumn(Progress));
}

QModelIndex PlanTreeModel::indexOfItem(int planIndex) const {
    for (int node = 0; node < m_nodes.size(); ++node) {
        if (m_nodes.at(node).type == Node::Type::Item && m_nodes.at(node).planIndex == planIndex)
            return createIndex(m_nodes.at(node).row, 0, quintptr(node));
    }
    return {};
}

int PlanTreeModel::addNode(Node node) {
    QList<int> &siblings = node.parent < 0 ? m_top : m_nodes[node.parent].children;
    node.row = int(siblings.size());
    m_nodes << node;
    const int id = int(m_nodes.size()) - 1;
    (node.parent < 0 ? m_top : m_nodes[node.parent].children) << id;
    return id;
}

void PlanTreeModel::rebuild() {
    m_nodes.clear();
    m_top.clear();
    for (const DocumentProblem &problem : std::as_const(m_plan.problems)) {
        Node warning;
        warning.type = Node::Type::Warning;
        warning.text = problem.toString();
        addNode(warning);
    }
    QString connectionId;
    int connectionNode = -1;
    for (int i = 0; i < m_plan.items.size(); ++i) {
        const PlanItem &item = m_plan.items.at(i);
        if (item.kind == PlanItem::Kind::Unchanged && !m_showUnchanged && item.drift.isEmpty())
            continue;
        if (connectionNode < 0 || item.connection.id != connectionId) {
            connectionId = item.connection.id;
            Node connection;
            connection.type = Node::Type::Connection;
            connection.text = tr("Connection \"%1\" (%2, %3)")
                                  .arg(item.connection.name, item.connection.providerId, item.connection.baseUrl);
            connectionNode = addNode(connection);
        }
        Node row;
        row.type = Node::Type::Item;
        row.parent = connectionNode;
        row.planIndex = i;
        const int itemNode = addNode(row);
        for (int change = 0; change < item.changes.size(); ++change) {
            Node field;
            field.type = Node::Type::Field;
            field.parent = itemNode;
            field.planIndex = i;
            field.changeIndex = change;
            addNode(field);
        }
    }
}

QString PlanTreeModel::marker(PlanItem::Kind kind) {
    switch (kind) {
    case PlanItem::Kind::Create:
        return QStringLiteral("+");
    case PlanItem::Kind::Delete:
        return QStringLiteral("\u2212"); // minus sign
    case PlanItem::Kind::Unchanged:
        return QStringLiteral("=");
    default:
        return QStringLiteral("~");
    }
}

QString PlanTreeModel::kindText(PlanItem::Kind kind) {
    switch (kind) {
    case PlanItem::Kind::Create:
        return tr("create");
    case PlanItem::Kind::Update:
        return tr("update");
    case PlanItem::Kind::Pause:
        return tr("pause");
    case PlanItem::Kind::Resume:
        return tr("resume");
    case PlanItem::Kind::Delete:
        return tr("delete");
    case PlanItem::Kind::Unchanged:
        break;
    }
    return tr("unchanged");
}

QString PlanTreeModel::itemName(const PlanItem &item) {
    if (item.current.id.isEmpty())
        return item.document.reference();
    if (item.document.key.isEmpty())
        return item.current.id;
    return item.current.id + QStringLiteral(" (") + item.document.reference() + QLatin1Char(')');
}

QString PlanTreeModel::stateText(int planIndex) const {
    const QString message = m_messages.value(planIndex);
    switch (itemState(planIndex)) {
    case ItemState::Planned:
        return {};
    case ItemState::Pending:
        return tr("pending");
    case ItemState::Running:
        return tr("applying…");
    case ItemState::Done:
        return message.isEmpty() ? tr("done") : tr("done: %1").arg(message);
    case ItemState::Failed:
        return tr("failed: %1").arg(message);
    case ItemState::NotDone:
        return tr("not done");
    }
    return {};
}

QVariant PlanTreeModel::itemData(const Node &node, int column, int role) const {
    const PlanItem &item = m_plan.items.at(node.planIndex);
    const bool drifted = !item.drift.isEmpty();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (column) {
        case Change:
            return QString(marker(item.kind) + QLatin1Char(' ') + kindText(item.kind) +
                           (drifted ? QStringLiteral("  ") + tr("[drift]") : QString()));
        case Endpoint:
            return itemName(item);
        case Details:
            if (item.kind == PlanItem::Kind::Delete)
                return tr("%1 (not in the document)").arg(item.current.url);
            if (item.kind == PlanItem::Kind::Create)
                return EndpointFields::text(item.document.fields.value(QStringLiteral("url")));
            return drifted ? driftText(item) : item.current.url;
        case Progress:
            return stateText(node.planIndex);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (drifted)
            return driftText(item);
        if (column == Progress && itemState(node.planIndex) == ItemState::Failed)
            return stateText(node.planIndex);
    }
    if (role == Qt::ForegroundRole && column == Change) {
        if (drifted)
            return QBrush(QColor(0xb3, 0x5c, 0x00)); // with the [drift] text, never instead of it
        if (item.kind == PlanItem::Kind::Create)
            return QBrush(QColor(0x1a, 0x7f, 0x37));
        if (item.kind == PlanItem::Kind::Delete)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
    }
    if (role == Qt::ForegroundRole && column == Progress && itemState(node.planIndex) == ItemState::Failed)
        return QBrush(QColor(0xc0, 0x1c, 0x28));
    if (role == DriftRole)
        return drifted;
    return {};
}

QVariant PlanTreeModel::fieldData(const Node &node, int column, int role) const {
    const PlanItem::Change &change = m_plan.items.at(node.planIndex).changes.at(node.changeIndex);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (column) {
        case Change:
            return change.drifted ? change.field + QStringLiteral("  ") + tr("[drift]") : change.field;
        case Details:
            return QString(EndpointFields::text(change.before) + QStringLiteral(" → ") +
                           EndpointFields::text(change.after));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        // The column cuts a long URL short; the tip shows the whole change.
        const QString drift =
            change.drifted
                ? tr("Changed at the provider since the last apply; applying sets it back to the document's value.")
                : QString();
        if (column == Details) {
            const QString diff = fieldData(node, column, Qt::DisplayRole).toString();
            return drift.isEmpty() ? diff : diff + QLatin1Char('\n') + drift;
        }
        return drift.isEmpty() ? QVariant() : QVariant(drift);
    }
    if (role == DriftRole)
        return change.drifted;
    return {};
}

QVariant PlanTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.internalId() >= quintptr(m_nodes.size()))
        return {};
    const Node &node = m_nodes.at(int(index.internalId()));
    if (role == PlanIndexRole)
        return node.planIndex;
    switch (node.type) {
    case Node::Type::Warning:
        if (index.column() == Change && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
            return node.text;
        return {};
    case Node::Type::Connection:
        if (index.column() == Change && role == Qt::DisplayRole)
            return node.text;
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Node::Type::Item:
        return itemData(node, index.column(), role);
    case Node::Type::Field:
        return fieldData(node, index.column(), role);
    }
    return {};
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int> &siblings = parent.isValid() ? m_nodes.at(int(parent.internalId())).children : m_top;
    if (row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings.at(row)));
}

QModelIndex PlanTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes.at(int(child.internalId())).parent;
    if (parentNode < 0)
        return {};
    return createIndex(m_nodes.at(parentNode).row, 0, quintptr(parentNode));
}

int PlanTreeModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes.at(int(parent.internalId())).children.size());
}

int PlanTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Change:
        return tr("Change");
    case Endpoint:
        return tr("Endpoint");
    case Details:
        return tr("Details");
    case Progress:
        return tr("Progress");
    }
    return {};
}
