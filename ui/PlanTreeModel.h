#pragma once

#include "Plan.h"

#include <QAbstractItemModel>
#include <QList>

// A plan as a tree for review: the plan's warnings first, then one row per connection, under it one
// row per endpoint the plan touches (marked "+ create", "~ update", "- delete", "~ pause",
// "~ resume", "= unchanged"; unchanged ones only with setShowUnchanged), and under an update one
// row per field, before → after. Every marker is text, so nothing is told by colour alone. While
// a plan is applied, each change's progress is in the Progress column.
class PlanTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanTreeModel)

public:
    enum Column { Change, Endpoint, Details, Progress, ColumnCount };
    enum class ItemState { Planned, Pending, Running, Done, Failed, NotDone };
    enum Role { PlanIndexRole = Qt::UserRole + 1, DriftRole };

    explicit PlanTreeModel(QObject *parent = nullptr);
    ~PlanTreeModel() override;

    void setPlan(const Plan &plan);
    const Plan &plan() const { return m_plan; }
    void setShowUnchanged(bool show);
    bool showUnchanged() const { return m_showUnchanged; }
    void setItemState(int planIndex, ItemState state, const QString &message = QString());
    ItemState itemState(int planIndex) const { return m_states.value(planIndex, ItemState::Planned); }
    // The row of a plan item, or an invalid index when it is hidden.
    QModelIndex indexOfItem(int planIndex) const;

    static QString marker(PlanItem::Kind kind);
    static QString kindText(PlanItem::Kind kind);
    static QString itemName(const PlanItem &item);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        enum class Type { Warning, Connection, Item, Field };
        Type type = Type::Item;
        int parent = -1; // in m_nodes; -1 at the top
        int row = 0;     // under its parent
        QList<int> children;
        int planIndex = -1;   // Item, Field
        int changeIndex = -1; // Field
        QString text;         // Warning, Connection
    };
    void rebuild();
    int addNode(Node node);
    QVariant itemData(const Node &node, int column, int role) const;
    QVariant fieldData(const Node &node, int column, int role) const;
    QString stateText(int planIndex) const;

    Plan m_plan;
    bool m_showUnchanged = false;
    QList<Node> m_nodes;
    QList<int> m_top;
    QHash<int, ItemState> m_states;
    QHash<int, QString> m_messages;
};
