#include "EndpointFilterModel.h"

#include "EndpointStatus.h"
#include "EndpointTableModel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace {

QCollator naturalCollator() {
    // Qt's collator compares code points in the C locale and ignores numeric mode there; the C
    // locale mostly means "not configured" (containers, CI), so collate as in English instead.
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    QCollator collator(locale);
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

} // namespace

EndpointFilterModel::EndpointFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_collator(naturalCollator()) {
    setSortRole(EndpointTableModel::SortRole);
    // Re-sorts and re-filters as rows change (a refresh, a status flip after pause/resume).
    setDynamicSortFilter(true);
}

EndpointFilterModel::~EndpointFilterModel() = default;

void EndpointFilterModel::setSearchText(const QString &text) {
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchTerms.clear();
    static const QStringList fields{QStringLiteral("url"), QStringLiteral("label"), QStringLiteral("event"),
                                    QStringLiteral("id"), QStringLiteral("status")};
    for (const QString &word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        const QString field = colon > 0 ? word.left(colon).toLower() : QString();
        // A colon that names no field ("https://...") is part of the text.
        if (fields.contains(field))
            m_searchTerms.append(Term{field, word.mid(colon + 1)});
        else
            m_searchTerms.append(Term{QString(), word});
    }
    invalidateRowsFilter();
}

void EndpointFilterModel::setStatusFilter(EndpointFilterModel::StatusFilter filter) {
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    invalidateRowsFilter();
}

bool EndpointFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!acceptsStatus(index))
        return false;
    for (const Term &term : m_searchTerms) {
        if (!term.text.isEmpty() && !matches(index, term))
            return false;
    }
    return true;
}

bool EndpointFilterModel::matches(const QModelIndex &sourceIndex, const Term &term) const {
    const auto *table = qobject_cast<const EndpointTableModel *>(sourceIndex.model());
    if (!table)
        return true;
    const Endpoint endpoint = table->endpointFromIndex(sourceIndex);
    const auto within = [&term](const QString &value) { return value.contains(term.text, Qt::CaseInsensitive); };
    const bool any = term.field.isEmpty();
    if ((any || term.field == QLatin1String("url")) && within(endpoint.url))
        return true;
    if ((any || term.field == QLatin1String("label")) && within(endpoint.label))
        return true;
    if (any || term.field == QLatin1String("event")) {
        if (std::any_of(endpoint.events.cbegin(), endpoint.events.cend(), within))
            return true;
    }
    if (any && endpoint.id.startsWith(term.text, Qt::CaseInsensitive))
        return true;
    if (term.field == QLatin1String("id") && within(endpoint.id))
        return true;
    if (term.field == QLatin1String("status")) {
        return endpointStatusName(endpoint.status).startsWith(term.text, Qt::CaseInsensitive) ||
               endpointStatusDisplayText(endpoint.status).startsWith(term.text, Qt::CaseInsensitive);
    }
    return false;
}

bool EndpointFilterModel::acceptsStatus(const QModelIndex &sourceIndex) const {
    const auto status = EndpointStatus(sourceIndex.data(EndpointTableModel::StatusRole).toInt());
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
        return status == EndpointStatus::AutoPaused ||
               sourceIndex.data(EndpointTableModel::FailureCountRole).toInt() > 0;
    }
    return true;
}

bool EndpointFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // The view reverses lessThan() for a descending sort; answering according to the order keeps
    // absent values at the bottom both ways.
    if (!a.isValid() || !b.isValid()) {
        if (a.isValid() == b.isValid())
            return false;
        const bool leftAbsent = !a.isValid();
        return leftAbsent == (sortOrder() == Qt::DescendingOrder);
    }
    switch (a.typeId()) {
    case QMetaType::QString:
        return m_collator.compare(a.toString(), b.toString()) < 0;
    case QMetaType::QDateTime:
        return a.toDateTime() < b.toDateTime();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Bool:
        return a.toLongLong() < b.toLongLong();
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}
