#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

class EndpointTableModel;

// Filters and sorts EndpointTableModel for the centre table.
//
// Filtering goes through typed setters (search text, status); sorting compares the keys the source
// works out once per row (EndpointTableModel::RowKeys): strings in a numeric, case-insensitive
// collation ("hook-2" before "hook-10"), dates chronologically, numbers numerically, and absent
// values (no label, no failure count, never succeeded) last in either sort order, so the rows that
// have a value stay on top. Neither filtering nor sorting goes through QVariant or copies an
// endpoint: with 100,000 rows a keystroke scans pre-folded text and a sort compares integers.
//
// A filter change that shows or hides only a few rows is announced row by row (rowsRemoved,
// rowsInserted); one that shows or hides many is announced as one layoutChanged, since Qt's row by
// row path costs a pass over every row for each run of neighbours. To follow rowCount(), listen to
// layoutChanged as well.
class EndpointFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointFilterModel)

public:
    enum class StatusFilter {
        All,
        Active,
        Paused,
        AutoPaused,
        Disabled,
        NeedsAttention, // auto-paused, or at least one failed delivery in a row
    };
    Q_ENUM(StatusFilter)

    explicit EndpointFilterModel(QObject *parent = nullptr);
    ~EndpointFilterModel() override;

    // Meant for an EndpointTableModel; any other model shows every row, sorted by SortRole.
    void setSourceModel(QAbstractItemModel *sourceModel) override;

    // Whitespace-separated terms; a row must match every one, case-insensitively. A bare term matches
    // within the URL, the label or an event type, or the start of the id (a short term inside a long
    // hex id is noise). "url:", "label:", "event:" and "id:" match within that field only,
    // "status:" the start of the status ("status:paused", "status:auto"). Empty shows everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    void setStatusFilter(EndpointFilterModel::StatusFilter filter);
    StatusFilter statusFilter() const { return m_statusFilter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    enum class Field { Any, Url, Label, Event, Id, Status };
    struct Term {
        Term(Field field, const QByteArray &text);
        bool within(QByteArrayView haystack) const {
            return std::search(haystack.begin(), haystack.end(), searcher) != haystack.end();
        }

        Field field;
        QByteArray text; // case-folded UTF-8, never empty; never changed, so `searcher` may point into it
        // Prepared once for the term, then run over every row: several times faster than indexOf().
        std::boyer_moore_horspool_searcher<const char *> searcher;
        unsigned statuses = 0; // Field::Status: bit n set when EndpointStatus(n) matches
    };

    bool accepts(int sourceRow) const;
    bool acceptsStatus(int sourceRow) const;
    bool matches(int sourceRow, const Term &term) const;
    void applyFilter();
    // Both return how many rows changed from shown to hidden or back.
    qsizetype refilterAll();
    qsizetype refilter(int first, int last);
    void unsortForRemoval();
    void resortAfterRemoval();
    void holdBackSorting(bool refilter);
    void resumeSorting();

    const EndpointTableModel *m_table = nullptr;
    // accepts() per source row, worked out in source order (a scan in sorted order would jump around
    // memory) and kept in step with the source before the base class reads it through filterAcceptsRow().
    std::vector<char> m_accepted;
    QString m_searchText;
    std::vector<Term> m_searchTerms;
    StatusFilter m_statusFilter = StatusFilter::All;
    bool m_sortingHeldBack = false;
    bool m_refilterOnResume = false;
    std::optional<std::pair<int, Qt::SortOrder>> m_sortBeforeRemoval;
};
