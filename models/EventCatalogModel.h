#pragma once

#include "EventType.h"

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>

// A provider's event catalog as a checkable two-level tree: one row per group ("job" for job.*),
// with the group's events as children. A group's check state is derived from its subscribable
// children (tri-state); setting it checks or clears them all. Events that cannot be subscribed to
// are listed, but not enabled, with the reason as their tooltip.
//
// Custom events (types the operator typed, accepted by open catalogs such as Layers') join the
// group of their prefix, creating it when needed, and are flagged by CustomRole.
class EventCatalogModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventCatalogModel)

public:
    enum Role {
        TypeRole = Qt::UserRole + 1, // QString: "job.completed"; the group name ("job") on group rows
        DescriptionRole,             // QString
        CustomRole,                  // bool: typed by the operator, not from the catalog
        SubscribableRole,            // bool
        GroupRole,                   // bool: true on group rows
        SearchTextRole,              // QString: what a filter matches (type and description; empty on groups)
    };

    explicit EventCatalogModel(QObject *parent = nullptr);
    explicit EventCatalogModel(const QList<EventType> &catalog, QObject *parent = nullptr);

    // Replaces the catalog; nothing is selected afterwards.
    void setCatalog(const QList<EventType> &catalog);

    // Checks exactly these types. Types the catalog lacks are added as custom events first, so an
    // existing endpoint's subscriptions are never silently dropped from an edit form.
    void setSelectedEvents(const QStringList &types);
    // Checked types in tree order (catalog order within a group, custom ones after).
    QStringList selectedEvents() const;
    int selectedCount() const;
    bool contains(const QString &type) const;
    // Checks every subscribable event / no event.
    void selectAll();
    void clear();

    // Adds type (checked) to its group as a custom event. Returns its index, or the existing row's
    // index (which is then checked, if subscribable) when the type is already listed. Whether the
    // type is acceptable at all is the caller's question (ProviderProfile::customEventPattern).
    QModelIndex addCustomEvent(const QString &type);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // The set of checked events changed (once per operation, however many rows it touched).
    void selectionChanged();

private:
    struct Entry {
        EventType event;
        bool checked = false;
    };
    struct Group {
        QString name;
        QList<Entry> entries;
    };

    // Group rows carry internalId 0; event rows carry their group's row + 1.
    static constexpr quintptr GroupId = 0;
    bool isGroup(const QModelIndex &index) const { return index.isValid() && index.internalId() == GroupId; }
    const Entry *entryAt(const QModelIndex &index) const;
    Qt::CheckState groupState(const Group &group) const;
    void setGroupChecked(int groupRow, bool checked);
    // Sets every entry's checked flag from predicate and reports the rows that changed.
    template <typename Predicate> bool applyChecks(Predicate wanted);
    int groupRow(const QString &name) const;
    QModelIndex findType(const QString &type) const;
    QModelIndex insertEvent(const EventType &event);

    QList<Group> m_groups;
};
