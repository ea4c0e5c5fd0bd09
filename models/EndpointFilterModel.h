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

    // Whitespace-separated terms, each matched case-insensitively as a substring of the URL, label,
    // id or an event type; a row must match every term. Empty shows everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    void setStatusFilter(EndpointFilterModel::StatusFilter filter);
    StatusFilter statusFilter() const { return m_statusFilter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool acceptsStatus(const QModelIndex &sourceIndex) const;

    QString m_searchText;
    QStringList m_searchTerms;
    StatusFilter m_statusFilter = StatusFilter::All;
    QCollator m_collator;
};
