#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringList>

// Filters and sorts EndpointTableModel for the centre table.
//
// Filtering goes through typed setters (search text, status); sorting uses the source's SortRole:
// strings with a numeric, case-insensitive QCollator ("hook-2" before "hook-10"), dates
// chronologically, numbers numerically, and absent values (no label, no failure count, never
// succeeded) last in either sort order, so the rows that have a value stay on top.
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
    struct Term {
        QString field; // "url", "label", "event", "id", "status", or empty for any
        QString text;
    };

    bool acceptsStatus(const QModelIndex &sourceIndex) const;
    bool matches(const QModelIndex &sourceIndex, const Term &term) const;

    QString m_searchText;
    QList<Term> m_searchTerms;
    StatusFilter m_statusFilter = StatusFilter::All;
    QCollator m_collator;
};
