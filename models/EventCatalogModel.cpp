#include "EventCatalogModel.h"

#include <algorithm>

EventCatalogModel::EventCatalogModel(QObject *parent)
    : QAbstractItemModel(parent) {}

EventCatalogModel::EventCatalogModel(const QList<EventType> &catalog, QObject *parent)
    : QAbstractItemModel(parent) {
    setCatalog(catalog);
}

void EventCatalogModel::setCatalog(const QList<EventType> &catalog) {
    const bool hadSelection = selectedCount() > 0;
    beginResetModel();
    m_groups.clear();
    for (const EventType &event : catalog) {
        const QString name = event.group();
        int row = groupRow(name);
        if (row < 0) {
            m_groups.append(Group{name, {}});
            row = m_groups.size() - 1;
        }
        m_groups[row].entries.append(Entry{event, false});
    }
    endResetModel();
    if (hadSelection)
        emit selectionChanged();
}

template <typename Predicate> bool EventCatalogModel::applyChecks(Predicate wanted) {
    bool anyChange = false;
    for (int g = 0; g < m_groups.size(); ++g) {
        Group &group = m_groups[g];
        int first = -1;
        int last = -1;
        for (int e = 0; e < group.entries.size(); ++e) {
            Entry &entry = group.entries[e];
            const bool checked = entry.event.subscribable && wanted(entry.event);
            if (entry.checked == checked)
                continue;
            entry.checked = checked;
            first = first < 0 ? e : first;
            last = e;
        }
        if (first < 0)
            continue;
        anyChange = true;
        const QModelIndex groupIndex = index(g, 0);
        emit dataChanged(index(first, 0, groupIndex), index(last, 0, groupIndex), {Qt::CheckStateRole});
        emit dataChanged(groupIndex, groupIndex, {Qt::CheckStateRole});
    }
    return anyChange;
}

void EventCatalogModel::setSelectedEvents(const QStringList &types) {
    bool added = false;
    for (const QString &type : types) {
        if (!type.isEmpty() && !findType(type).isValid()) {
            EventType custom;
            custom.type = type;
            custom.custom = true;
            insertEvent(custom);
            added = true;
        }
    }
    const bool changed = applyChecks([&types](const EventType &event) { return types.contains(event.type); });
    if (changed || added)
        emit selectionChanged();
}

QStringList EventCatalogModel::selectedEvents() const {
    QStringList types;
    for (const Group &group : m_groups) {
        for (const Entry &entry : group.entries) {
            if (entry.checked)
                types << entry.event.type;
        }
    }
    return types;
}

int EventCatalogModel::selectedCount() const {
    int count = 0;
    for (const Group &group : m_groups)
        count += static_cast<int>(std::count_if(group.entries.cbegin(), group.entries.cend(),
                                                [](const Entry &entry) { return entry.checked; }));
    return count;
}

bool EventCatalogModel::contains(const QString &type) const {
    return findType(type).isValid();
}

void EventCatalogModel::selectAll() {
    if (applyChecks([](const EventType &) { return true; }))
        emit selectionChanged();
}

void EventCatalogModel::clear() {
    if (applyChecks([](const EventType &) { return false; }))
        emit selectionChanged();
}

QModelIndex EventCatalogModel::addCustomEvent(const QString &type) {
    if (type.isEmpty())
        return {};
    QModelIndex existing = findType(type);
    if (!existing.isValid()) {
        EventType custom;
        custom.type = type;
        custom.custom = true;
        existing = insertEvent(custom);
    }
    setData(existing, Qt::Checked, Qt::CheckStateRole);
    return existing;
}

QModelIndex EventCatalogModel::index(int row, int column, const QModelIndex &parent) const {
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, GroupId) : QModelIndex();
    if (!isGroup(parent) || parent.column() != 0)
        return {};
    const int g = parent.row();
    if (g >= m_groups.size() || row >= m_groups.at(g).entries.size())
        return {};
    return createIndex(row, 0, static_cast<quintptr>(g) + 1);
}

QModelIndex EventCatalogModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || isGroup(child))
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, GroupId);
}

int EventCatalogModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return m_groups.size();
    if (isGroup(parent) && parent.column() == 0 && parent.row() < m_groups.size())
        return m_groups.at(parent.row()).entries.size();
    return 0;
}

int EventCatalogModel::columnCount(const QModelIndex &parent) const {
    // Events have no children, so they have no columns below them either.
    return parent.isValid() && !isGroup(parent) ? 0 : 1;
}

QVariant EventCatalogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isGroup(index)) {
        if (index.row() >= m_groups.size())
            return {};
        const Group &group = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return tr("%1.*").arg(group.name);
        case Qt::ToolTipRole:
        case Qt::AccessibleDescriptionRole: {
            // "job.*" reads like a wildcard subscription, which it is not: say what ticking it does.
            QStringList types;
            for (const Entry &entry : group.entries) {
                if (entry.event.subscribable)
                    types << entry.event.type;
            }
            return tr("Ticks the %n event type(s) listed under it: %1. It is not a wildcard subscription: event "
                      "types that start with “%2.” but are not listed here are not included.",
                      nullptr, int(types.size()))
                .arg(types.join(QStringLiteral(", ")), group.name);
        }
        case Qt::CheckStateRole:
            return groupState(group);
        case TypeRole:
            return group.name;
        case GroupRole:
            return true;
        case CustomRole:
            return false;
        case SubscribableRole:
            return std::any_of(group.entries.cbegin(), group.entries.cend(),
                               [](const Entry &entry) { return entry.event.subscribable; });
        case SearchTextRole:
            return QString();
        default:
            return {};
        }
    }
    const Entry *entry = entryAt(index);
    if (!entry)
        return {};
    const EventType &event = entry->event;
    switch (role) {
    case Qt::DisplayRole:
        return event.custom ? tr("%1 (custom)").arg(event.type) : event.type;
    case Qt::ToolTipRole:
        if (!event.subscribable) {
            const QString reason = event.notSubscribableReason.isEmpty() ? tr("This event cannot be subscribed to.")
                                                                         : event.notSubscribableReason;
            return event.description.isEmpty() ? reason : tr("%1\n%2").arg(event.description, reason);
        }
        if (event.custom)
            return tr("A custom event type, not in the provider's published catalog.");
        return event.description;
    case Qt::CheckStateRole:
        return entry->checked ? Qt::Checked : Qt::Unchecked;
    case TypeRole:
        return event.type;
    case DescriptionRole:
        return event.description;
    case CustomRole:
        return event.custom;
    case SubscribableRole:
        return event.subscribable;
    case GroupRole:
        return false;
    case SearchTextRole:
        return QString(event.type + QLatin1Char(' ') + event.description);
    default:
        return {};
    }
}

bool EventCatalogModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const bool checked = value.toInt() != Qt::Unchecked;
    if (isGroup(index)) {
        if (!(flags(index) & Qt::ItemIsUserCheckable))
            return false;
        setGroupChecked(index.row(), checked);
        return true;
    }
    const int g = static_cast<int>(index.internalId() - 1);
    Entry &entry = m_groups[g].entries[index.row()];
    if (!entry.event.subscribable)
        return false;
    if (entry.checked == checked)
        return true;
    entry.checked = checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    const QModelIndex groupIndex = this->index(g, 0);
    emit dataChanged(groupIndex, groupIndex, {Qt::CheckStateRole});
    emit selectionChanged();
    return true;
}

Qt::ItemFlags EventCatalogModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (isGroup(index)) {
        if (!data(index, SubscribableRole).toBool())
            return Qt::NoItemFlags;
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    }
    const Entry *entry = entryAt(index);
    if (!entry || !entry->event.subscribable)
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QVariant EventCatalogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Event type");
    return {};
}

QHash<int, QByteArray> EventCatalogModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(TypeRole, "type");
    names.insert(DescriptionRole, "description");
    names.insert(CustomRole, "custom");
    names.insert(SubscribableRole, "subscribable");
    names.insert(GroupRole, "group");
    names.insert(SearchTextRole, "searchText");
    return names;
}

const EventCatalogModel::Entry *EventCatalogModel::entryAt(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this || isGroup(index))
        return nullptr;
    const int g = static_cast<int>(index.internalId() - 1);
    if (g < 0 || g >= m_groups.size() || index.row() >= m_groups.at(g).entries.size())
        return nullptr;
    return &m_groups.at(g).entries.at(index.row());
}

Qt::CheckState EventCatalogModel::groupState(const Group &group) const {
    int subscribable = 0;
    int checked = 0;
    for (const Entry &entry : group.entries) {
        if (!entry.event.subscribable)
            continue;
        ++subscribable;
        checked += entry.checked ? 1 : 0;
    }
    if (checked == 0)
        return Qt::Unchecked;
    return checked == subscribable ? Qt::Checked : Qt::PartiallyChecked;
}

void EventCatalogModel::setGroupChecked(int row, bool checked) {
    const QString name = m_groups.at(row).name;
    // Only this group's events change; the others keep what they have.
    const QStringList others = selectedEvents();
    const bool changed = applyChecks(
        [&](const EventType &event) { return event.group() == name ? checked : others.contains(event.type); });
    if (changed)
        emit selectionChanged();
}

int EventCatalogModel::groupRow(const QString &name) const {
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).name == name)
            return g;
    }
    return -1;
}

QModelIndex EventCatalogModel::findType(const QString &type) const {
    for (int g = 0; g < m_groups.size(); ++g) {
        const QList<Entry> &entries = m_groups.at(g).entries;
        for (int e = 0; e < entries.size(); ++e) {
            if (entries.at(e).event.type == type)
                return createIndex(e, 0, static_cast<quintptr>(g) + 1);
        }
    }
    return {};
}

QModelIndex EventCatalogModel::insertEvent(const EventType &event) {
    const QString name = event.group();
    int g = groupRow(name);
    if (g < 0) {
        g = m_groups.size();
        beginInsertRows(QModelIndex(), g, g);
        m_groups.append(Group{name, {}});
        endInsertRows();
    }
    const QModelIndex groupIndex = index(g, 0);
    const int row = m_groups.at(g).entries.size();
    beginInsertRows(groupIndex, row, row);
    m_groups[g].entries.append(Entry{event, false});
    endInsertRows();
    // A new unchecked child can turn a checked group into a partly checked one.
    emit dataChanged(groupIndex, groupIndex, {Qt::CheckStateRole});
    return index(row, 0, groupIndex);
}
