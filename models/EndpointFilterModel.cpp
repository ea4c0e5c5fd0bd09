#include "EndpointFilterModel.h"

#include "EndpointStatus.h"
#include "EndpointTableModel.h"

#include <algorithm>

namespace {

using RowKeys = EndpointTableModel::RowKeys;

// Qt's dynamic sorting takes inserted or changed rows in one run of neighbours at a time, with a pass
// over all of its rows for each run: for a batch among many rows that grows as batch × rows. From
// this many rows on, sorting is held back while the base class takes the rows in, and everything is
// sorted once afterwards.
constexpr int LargeChange = 64;

// Up to this many rows shown or hidden by a filter change are announced row by row (see the class
// comment); more are announced as one layout change.
constexpr qsizetype RowByRowChanges = 64;

unsigned statusesStartingWith(const QString &foldedText) {
    unsigned statuses = 0;
    for (auto status : {EndpointStatus::Unknown, EndpointStatus::Active, EndpointStatus::Paused,
                        EndpointStatus::AutoPaused, EndpointStatus::Disabled}) {
        if (endpointStatusName(status).toCaseFolded().startsWith(foldedText) ||
            endpointStatusDisplayText(status).toCaseFolded().startsWith(foldedText))
            statuses |= 1u << unsigned(status);
    }
    return statuses;
}

} // namespace

EndpointFilterModel::EndpointFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(EndpointTableModel::SortRole);
    // Re-sorts and re-filters as rows change (a refresh, a status flip after pause/resume).
    setDynamicSortFilter(true);
}

EndpointFilterModel::~EndpointFilterModel() = default;

void EndpointFilterModel::setSourceModel(QAbstractItemModel *sourceModel) {
    if (m_table)
        disconnect(m_table, nullptr, this, nullptr);
    m_table = qobject_cast<const EndpointTableModel *>(sourceModel);
    m_accepted.clear();
    if (m_table) {
        // Connected before the base class connects its own, so m_accepted is current when it filters.
        // (EndpointTableModel never moves rows.)
        connect(m_table, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            m_accepted.insert(m_accepted.begin() + first, last - first + 1, false);
            refilter(first, last);
        });
        connect(m_table, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    const int count = last - first + 1;
                    if (count >= LargeChange && count < m_table->rowCount()) // removing all is one run anyway
                        unsortForRemoval();
                });
        connect(m_table, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
            m_accepted.erase(m_accepted.begin() + first, m_accepted.begin() + last + 1);
        });
        connect(m_table, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    const qsizetype changes = refilter(topLeft.row(), bottomRight.row());
                    const bool resorts = sortColumn() >= topLeft.column() && sortColumn() <= bottomRight.column() &&
                                         bottomRight.row() - topLeft.row() + 1 >= LargeChange;
                    if (resorts || changes > RowByRowChanges)
                        holdBackSorting(changes > 0);
                });
        connect(m_table, &QAbstractItemModel::layoutChanged, this, &EndpointFilterModel::refilterAll);
        connect(m_table, &QAbstractItemModel::modelReset, this, &EndpointFilterModel::refilterAll);
        connect(m_table, &QObject::destroyed, this, [this] {
            m_table = nullptr; // the base class carries on with an empty model
            m_accepted.clear();
        });
        refilterAll();
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
    if (m_table) {
        // Connected after the base class, so sorting resumes once it has taken the rows in.
        connect(m_table, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    if (last - first + 1 >= LargeChange && sortColumn() >= 0 && rowCount() > 0)
                        holdBackSorting(false);
                });
        connect(m_table, &QAbstractItemModel::rowsInserted, this, &EndpointFilterModel::resumeSorting);
        connect(m_table, &QAbstractItemModel::dataChanged, this, &EndpointFilterModel::resumeSorting);
        connect(m_table, &QAbstractItemModel::rowsRemoved, this, &EndpointFilterModel::resortAfterRemoval);
    }
}

void EndpointFilterModel::setSearchText(const QString &text) {
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchTerms.clear();
    static const QList<std::pair<QString, Field>> fields{{QStringLiteral("url"), Field::Url},
                                                         {QStringLiteral("label"), Field::Label},
                                                         {QStringLiteral("event"), Field::Event},
                                                         {QStringLiteral("id"), Field::Id},
                                                         {QStringLiteral("status"), Field::Status}};
    for (const QString &word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        const QString prefix = colon > 0 ? word.left(colon).toLower() : QString();
        // A colon that names no field ("https://...") is part of the text.
        const auto known = std::find_if(fields.cbegin(), fields.cend(),
                                        [&prefix](const auto &field) { return field.first == prefix; });
        const Field field = known != fields.cend() ? known->second : Field::Any;
        const QString termText = field == Field::Any ? word : word.mid(colon + 1);
        if (termText.isEmpty())
            continue; // "url:" alone, still being typed: no constraint yet
        m_searchTerms.emplace_back(field, termText.toCaseFolded().toUtf8());
    }
    applyFilter();
}

void EndpointFilterModel::setStatusFilter(EndpointFilterModel::StatusFilter filter) {
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    applyFilter();
}

EndpointFilterModel::Term::Term(Field field, const QByteArray &text)
    : field(field)
    , text(text)
    , searcher(this->text.cbegin(), this->text.cend())
    , statuses(field == Field::Status ? statusesStartingWith(QString::fromUtf8(text)) : 0) {}

bool EndpointFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    return !m_table || m_accepted.at(sourceRow);
}

void EndpointFilterModel::applyFilter() {
    if (!m_table)
        return;
    const qsizetype changes = refilterAll();
    if (changes == 0)
        return; // the same rows: nothing to tell the view
    if (changes > RowByRowChanges)
        invalidate();
    else
        invalidateRowsFilter();
}

qsizetype EndpointFilterModel::refilterAll() {
    if (!m_table)
        return 0;
    m_accepted.resize(m_table->rowCount());
    return refilter(0, m_table->rowCount() - 1);
}

qsizetype EndpointFilterModel::refilter(int first, int last) {
    // Each row's text sits in its own allocation: asking for it a few rows ahead hides the wait for
    // memory, which is most of a scan's time.
    constexpr int Ahead = 8;
    qsizetype changes = 0;
    for (int row = first; row <= last; ++row) {
        if (row + Ahead <= last)
            __builtin_prefetch(m_table->keysAt(row + Ahead).search.constData());
        const bool accepted = accepts(row);
        changes += accepted != bool(m_accepted[row]);
        m_accepted[row] = accepted;
    }
    return changes;
}

bool EndpointFilterModel::accepts(int sourceRow) const {
    if (!acceptsStatus(sourceRow))
        return false;
    return std::all_of(m_searchTerms.cbegin(), m_searchTerms.cend(),
                       [this, sourceRow](const Term &term) { return matches(sourceRow, term); });
}

bool EndpointFilterModel::matches(int sourceRow, const Term &term) const {
    const RowKeys &keys = m_table->keysAt(sourceRow);
    switch (term.field) {
    case Field::Any: // the id from its start, the rest anywhere
        return keys.id().startsWith(term.text) || term.within(QByteArrayView(keys.search).sliced(keys.urlStart));
    case Field::Url:
        return term.within(keys.url());
    case Field::Label:
        return term.within(keys.label());
    case Field::Event:
        return term.within(keys.events());
    case Field::Id:
        return term.within(keys.id());
    case Field::Status:
        return term.statuses & (1u << unsigned(keys.status()));
    }
    return false;
}

bool EndpointFilterModel::acceptsStatus(int sourceRow) const {
    const RowKeys &keys = m_table->keysAt(sourceRow);
    const EndpointStatus status = keys.status();
    switch (m_statusFilter) {
    case StatusFilter::All:
        return true;
    case StatusFilter::Active:
        return status == EndpointStatus::Active;
    case StatusFilter::Paused:
        return status == EndpointStatus::Paused;
    case StatusFilter::AutoPaused:
        return status == EndpointStatus::AutoPaused;
    case StatusFilter::Disabled:
        return status == EndpointStatus::Disabled;
    case StatusFilter::NeedsAttention:
        return status == EndpointStatus::AutoPaused || keys.sort[EndpointTableModel::Failures] > 0;
    }
    return true;
}

bool EndpointFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    if (!m_table)
        return QSortFilterProxyModel::lessThan(left, right);
    const qint64 a = m_table->sortValue(left.row(), left.column());
    const qint64 b = m_table->sortValue(right.row(), right.column());
    // The view reverses lessThan() for a descending sort; answering according to the order keeps
    // absent values at the bottom both ways.
    if (a == RowKeys::Absent || b == RowKeys::Absent) {
        if ((a == RowKeys::Absent) == (b == RowKeys::Absent))
            return false;
        return (b == RowKeys::Absent) == (sortOrder() == Qt::AscendingOrder);
    }
    return a < b;
}

void EndpointFilterModel::unsortForRemoval() {
    // Rows leave one run of proxy neighbours at a time, with a pass over all rows for each run; in
    // source order a block of source rows is one run.
    if (sortColumn() < 0 || rowCount() == 0)
        return;
    m_sortBeforeRemoval = {sortColumn(), sortOrder()};
    QSortFilterProxyModel::sort(-1);
}

void EndpointFilterModel::resortAfterRemoval() {
    if (!m_sortBeforeRemoval)
        return;
    const auto [column, order] = *std::exchange(m_sortBeforeRemoval, std::nullopt);
    QSortFilterProxyModel::sort(column, order);
}

void EndpointFilterModel::holdBackSorting(bool refilter) {
    if (!dynamicSortFilter())
        return;
    m_sortingHeldBack = true;
    m_refilterOnResume = refilter;
    setDynamicSortFilter(false); // the base class now appends inserted rows and leaves changed ones in place
}

void EndpointFilterModel::resumeSorting() {
    if (!m_sortingHeldBack)
        return;
    m_sortingHeldBack = false;
    if (m_refilterOnResume)
        invalidate();           // rows to show or hide: filtered and sorted anew, as one layout change
    setDynamicSortFilter(true); // sorts every row once, as one layout change
}
