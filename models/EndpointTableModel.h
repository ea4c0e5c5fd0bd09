#pragma once

#include "Endpoint.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

// The endpoints of one connection, one row each, for the centre table.
//
// Rows are keyed by endpoint id and stay put across a refresh: setEndpoints() updates changed
// rows in place, removes gone ones and appends new ones, so the view keeps its selection, current
// index and scroll position (a model reset would lose all three). Row order is arrival order; the
// view sorts through EndpointFilterModel.
//
// Besides the endpoint itself a row carries two things the provider does not know: whether its
// signing secret is in the keychain (unknown until checked) and whether a request on it is in
// flight. Both survive a refresh.
//
// Busy rows: the model only reports BusyRole; StatusBadgeDelegate (set for every column) draws
// busy rows with the palette's Disabled colour group. flags() deliberately stays unchanged, since
// a row without Qt::ItemIsEnabled would drop out of the selection while its request runs.
class EndpointTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointTableModel)

public:
    enum Column { Status, Url, Label, Events, Failures, LastSuccess, LastFailure, Secret, Updated, ColumnCount };
    Q_ENUM(Column)

    // Row-level roles answer the same on every column of a row, except SortRole (per column).
    enum Role {
        EndpointIdRole = Qt::UserRole + 1, // QString
        StatusRole,                        // int(EndpointStatus)
        SortRole,                          // the column's raw value: QString, int or QDateTime; invalid when absent
        SecretStoredRole,                  // bool; invalid while not known
        BusyRole,                          // bool: a request on this endpoint is in flight
        FailureCountRole,                  // int consecutive failures; invalid when the provider reports none
        SearchTextRole,                    // url, label, id and event types, lower-cased, one per line
    };
    Q_ENUM(Role)

    // Above this many event types the Events column says "N events" instead of listing them.
    static constexpr int MaxListedEvents = 3;

    explicit EndpointTableModel(QObject *parent = nullptr);
    ~EndpointTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the contents keeping rows stable (see the class comment). Of duplicate ids the first wins.
    void setEndpoints(const QList<Endpoint> &endpoints);
    // Updates the endpoint's row, or appends a row when the id is new (e.g. just created).
    void updateEndpoint(const Endpoint &endpoint);
    // Returns false when no row has this id.
    bool removeEndpoint(const QString &id);

    // The Label column's header, in the provider's own word for the field ("Description", "Name");
    // empty for the generic "Label".
    void setLabelTitle(const QString &title);

    QList<Endpoint> endpoints() const;
    Endpoint endpointAt(int row) const; // a default Endpoint for a row out of range
    Endpoint endpointFromIndex(const QModelIndex &index) const;
    std::optional<Endpoint> endpointById(const QString &id) const;
    QModelIndex indexFromId(const QString &id, int column = Status) const; // invalid when unknown

    // Both are ignored for an id the model does not hold.
    void setSecretStored(const QString &id, bool stored);
    // Calls nest: a row stays busy until every setBusy(id, true) has had its setBusy(id, false),
    // so two requests on one endpoint do not un-grey it when the first one finishes.
    void setBusy(const QString &id, bool busy);
    bool isBusy(const QString &id) const;

    int autoPausedCount() const { return m_autoPausedCount; }
    int secretMissingCount() const { return m_secretMissingCount; } // known missing; unknown ones excluded

signals:
    // autoPausedCount() or secretMissingCount() changed (row insertions and removals have their own signals).
    void countsChanged();

private:
    struct Row {
        Endpoint endpoint;
        std::optional<bool> secretStored;
        int busyCount = 0;
    };

    QVariant displayData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    void emitRowChanged(int row, const QList<int> &roles = {});
    void rebuildRowIndex();
    void updateCounts();

    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    QString m_labelTitle;
    int m_autoPausedCount = 0;
    int m_secretMissingCount = 0;
};
