#pragma once

#include "Endpoint.h"
#include "NaturalOrder.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <array>
#include <limits>
#include <optional>
#include <vector>

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
// Scale (100,000 rows): what filtering and sorting read (folded search text, sort values) is worked
// out once per row when its endpoint is set (RowKeys), string columns are ranked once per change in
// their collation, the counts are kept up to date row by row, and changes are announced once per
// run of changed rows (once over all of them when the runs are many); secret answers touch the
// Secret column only.
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

    // What EndpointFilterModel filters and sorts on, for one row, kept apart from the endpoints so a
    // scan or a sort over 100,000 rows reads little memory.
    struct RowKeys {
        static constexpr qint64 Absent = std::numeric_limits<qint64>::min();

        // Case-folded UTF-8: id, URL, label and event types, one per line. A search term holds no line
        // break, so it never matches across two fields; compare it case-folded, byte for byte.
        QByteArray search;
        int urlStart = 0;
        int labelStart = 0;
        int eventsStart = 0;
        // Each column's sort value, Absent when the value is absent: status, event count, failures,
        // msecs since the epoch, secret stored. Url and Label hold the row's rank in the natural
        // collation; read them through sortValue(), which ranks the rows when they changed.
        std::array<qint64, ColumnCount> sort{};

        EndpointStatus status() const { return EndpointStatus(sort[Status]); }
        QByteArrayView id() const { return QByteArrayView(search).first(urlStart - 1); }
        QByteArrayView url() const { return QByteArrayView(search).sliced(urlStart, labelStart - urlStart - 1); }
        QByteArrayView label() const { return QByteArrayView(search).sliced(labelStart, eventsStart - labelStart - 1); }
        QByteArrayView events() const { return QByteArrayView(search).sliced(eventsStart); }
    };

    // Replaces the contents keeping rows stable (see the class comment). Of duplicate ids the first wins.
    // A list equal to the current one changes nothing and emits nothing.
    void setEndpoints(const QList<Endpoint> &endpoints);
    // For a list that arrives in batches: rows of ids already held are updated in place, new ids are
    // appended in one insertion (of duplicates within the batch the first wins). Never removes a row.
    // Each batch into a sorted view costs a sort of every row, about 130 ms at 100,000 rows: use a
    // few large batches, not one a page.
    void appendEndpoints(const QList<Endpoint> &batch);
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

    // For EndpointFilterModel; 0 <= row < rowCount().
    const RowKeys &keysAt(int row) const { return m_keys.at(row); }
    // Compare with < for the column's order; Absent when the value is absent.
    qint64 sortValue(int row, int column) const {
        if ((column == Url || column == Label) && !m_ranked[column == Label])
            rank(column);
        return m_keys.at(row).sort[column];
    }

    // Both are ignored for an id the model does not hold.
    void setSecretStored(const QString &id, bool stored);
    // Every row becomes known: stored when its id is in the set, missing otherwise. Announced as one
    // dataChanged per run of changed rows (one over them all beyond 32 runs), Secret column only, and
    // at most one countsChanged.
    void setSecretStoredIds(const QSet<QString> &storedIds);
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
    int rowOf(const QString &id) const {
        const int row = m_rowById.value(id, -1);
        return row < m_rows.size() ? row : -1;
    }
    static RowKeys makeKeys(const Endpoint &endpoint); // Secret, Url and Label sort values Absent
    void rank(int column) const;
    void rankDirectly(std::vector<int> &rows, int column) const;
    void rankByCollationKeys(const std::vector<int> &rows, int column) const;
    void markUnranked(int row);
    // Ranks the rows marked unranked, or leaves every row to be ranked again when they are many.
    void settleRanks();
    void rankAmongOthers(const QList<int> &rows, int column);
    // Updates held rows and appends new ones; returns, per row afterwards, whether `endpoints` names it.
    std::vector<bool> merge(const QList<Endpoint> &endpoints);
    void setRowEndpoint(int row, const Endpoint &endpoint);
    void setRowSecretStored(int row, bool stored);
    void removeRuns(const QList<std::pair<int, int>> &runs); // ascending, inclusive [first, last]
    void gatherAtEnd(const QList<std::pair<int, int>> &runs);
    void emitRowChanged(int row, const QList<int> &roles = {});
    // One dataChanged per run of `rows` (ascending), or one over them all when the runs are many.
    void announceChanged(const QList<int> &rows, int firstColumn, int lastColumn, const QList<int> &roles = {});
    void reindexFrom(int first);
    void count(const Row &row, int sign);
    void emitCountsChangedSince(int autoPaused, int secretMissing);

    QList<Row> m_rows;
    mutable QList<RowKeys> m_keys;          // one per row; mutable for the ranks rank() fills in
    mutable std::array<bool, 2> m_ranked{}; // by URL, by label: every row's rank is current
    std::array<QList<int>, 2> m_unranked;   // by URL, by label: rows whose text changed, until settleRanks()
    QHash<QString, int> m_rowById;
    QString m_labelTitle;
    NaturalOrder m_order;
    int m_autoPausedCount = 0;
    int m_secretMissingCount = 0;
};
