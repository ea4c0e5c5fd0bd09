#include "EndpointTableModel.h"

#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QSet>

namespace {

// Shown wherever a value is absent, so an empty cell never looks like a rendering glitch.
QString absentText() {
    return QStringLiteral("—");
}

// Compact enough for a narrow column: how long ago, or the date alone once it is a week old. The
// tooltip has the absolute time with its time zone. Worked out at paint time, so it keeps up as
// the view repaints.
QString compactTime(const QDateTime &time) {
    if (!time.isValid())
        return absentText();
    const qint64 seconds = time.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 60) // a provider's clock slightly ahead of ours counts as now
        return EndpointTableModel::tr("just now");
    if (seconds < 3600)
        return EndpointTableModel::tr("%1 min ago").arg(seconds / 60);
    if (seconds < 24 * 3600)
        return EndpointTableModel::tr("%1 h ago").arg(seconds / 3600);
    if (seconds < 7 * 24 * 3600)
        return EndpointTableModel::tr("%1 d ago").arg(seconds / (24 * 3600));
    return QLocale().toString(time.toLocalTime().date(), QLocale::NarrowFormat);
}

// Local time, spelled out, with the zone it is in.
QVariant absoluteTime(const QDateTime &time) {
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    return EndpointTableModel::tr("%1 %2", "date and time, time zone")
        .arg(QLocale().toString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss")), local.timeZoneAbbreviation());
}

QVariant optionalInt(const std::optional<int> &value) {
    return value ? QVariant(*value) : QVariant();
}

QVariant optionalTime(const QDateTime &time) {
    return time.isValid() ? QVariant(time) : QVariant();
}

QString searchText(const Endpoint &endpoint) {
    // One field per line so a search term never matches across two fields.
    QStringList parts{endpoint.url, endpoint.label, endpoint.id};
    parts += endpoint.events;
    return parts.join(QLatin1Char('\n')).toLower();
}

} // namespace

EndpointTableModel::EndpointTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

EndpointTableModel::~EndpointTableModel() = default;

int EndpointTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_rows.size();
}

int EndpointTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Endpoint &endpoint = row.endpoint;
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::FontRole: {
        // Auto-paused rows and missing secrets need the operator's attention. Bold rather than a
        // background colour: it reads the same on light and dark palettes.
        const bool attention = endpoint.status == EndpointStatus::AutoPaused ||
                               (column == Secret && row.secretStored == std::optional<bool>(false));
        if (!attention)
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::DecorationRole:
        if (column == Secret && row.secretStored == std::optional<bool>(false))
            return QIcon::fromTheme(QStringLiteral("dialog-warning"));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Failures)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EndpointIdRole:
        return endpoint.id;
    case StatusRole:
        return int(endpoint.status);
    case SortRole:
        return sortData(row, column);
    case SecretStoredRole:
        return row.secretStored ? QVariant(*row.secretStored) : QVariant();
    case BusyRole:
        return row.busyCount > 0;
    case FailureCountRole:
        return optionalInt(endpoint.consecutiveFailures);
    case SearchTextRole:
        return searchText(endpoint);
    default:
        return {};
    }
}

QVariant EndpointTableModel::displayData(const Row &row, int column) const {
    const Endpoint &endpoint = row.endpoint;
    switch (Column(column)) {
    case Status:
        // The failure count belongs with the status: it is why the provider paused the endpoint.
        if (endpoint.status == EndpointStatus::AutoPaused && endpoint.consecutiveFailures.value_or(0) > 0)
            return tr("%1 · %2", "status · consecutive failures")
                .arg(endpointStatusDisplayText(endpoint.status))
                .arg(*endpoint.consecutiveFailures);
        return endpointStatusDisplayText(endpoint.status);
    case Url:
        return endpoint.url;
    case Label:
        return endpoint.label.isEmpty() ? absentText() : endpoint.label;
    case Events:
        if (endpoint.events.isEmpty())
            return absentText();
        if (endpoint.events.size() > MaxListedEvents)
            return tr("%1 events").arg(endpoint.events.size()); // always more than one, no plural forms needed
        return endpoint.events.join(QStringLiteral(", "));
    case Failures:
        return endpoint.consecutiveFailures ? QString::number(*endpoint.consecutiveFailures) : absentText();
    case LastSuccess:
        return compactTime(endpoint.lastSuccessAt);
    case LastFailure:
        return compactTime(endpoint.lastFailureAt);
    case Secret:
        if (!row.secretStored)
            return absentText();
        return *row.secretStored ? tr("Stored") : tr("Missing");
    case Updated:
        return compactTime(endpoint.updatedAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EndpointTableModel::toolTipData(const Row &row, int column) const {
    const Endpoint &endpoint = row.endpoint;
    switch (Column(column)) {
    case Status:
        switch (endpoint.status) {
        case EndpointStatus::Active:
            return tr("Active: events are delivered");
        case EndpointStatus::Paused:
            return tr("Paused: no events are delivered until it is resumed");
        case EndpointStatus::AutoPaused:
            if (endpoint.consecutiveFailures.value_or(0) > 0)
                return tr("Auto-paused by the provider after repeated failed deliveries (%1 in a row)")
                    .arg(*endpoint.consecutiveFailures);
            return tr("Auto-paused by the provider after repeated failed deliveries");
        case EndpointStatus::Disabled:
            return tr("Disabled: no events are delivered");
        case EndpointStatus::Unknown:
            return tr("The provider reported a status the console does not know");
        }
        return {};
    case Url:
        return endpoint.url;
    case Label:
        return endpoint.label.isEmpty() ? QVariant() : endpoint.label;
    case Events:
        return endpoint.events.isEmpty() ? QVariant() : endpoint.events.join(QLatin1Char('\n'));
    case Failures:
        return endpoint.consecutiveFailures ? tr("Consecutive failed deliveries")
                                            : tr("The provider does not report failed deliveries");
    case LastSuccess:
        return absoluteTime(endpoint.lastSuccessAt);
    case LastFailure:
        return absoluteTime(endpoint.lastFailureAt);
    case Secret:
        if (!row.secretStored)
            return tr("Not checked yet: the keychain has not answered");
        return *row.secretStored ? tr("Stored in your keychain")
                                 : tr("Missing: not in this keychain — import or rotate it");
    case Updated:
        return absoluteTime(endpoint.updatedAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EndpointTableModel::sortData(const Row &row, int column) const {
    const Endpoint &endpoint = row.endpoint;
    switch (Column(column)) {
    case Status:
        return int(endpoint.status);
    case Url:
        return endpoint.url;
    case Label:
        return endpoint.label.isEmpty() ? QVariant() : endpoint.label;
    case Events:
        return int(endpoint.events.size());
    case Failures:
        return optionalInt(endpoint.consecutiveFailures);
    case LastSuccess:
        return optionalTime(endpoint.lastSuccessAt);
    case LastFailure:
        return optionalTime(endpoint.lastFailureAt);
    case Secret:
        return row.secretStored ? QVariant(int(*row.secretStored)) : QVariant();
    case Updated:
        return optionalTime(endpoint.updatedAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EndpointTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Status:
            return tr("Status");
        case Url:
            return tr("URL");
        case Label:
            return m_labelTitle.isEmpty() ? tr("Label") : m_labelTitle;
        case Events:
            return tr("Events");
        case Failures:
            return tr("Failures");
        case LastSuccess:
            return tr("Last success");
        case LastFailure:
            return tr("Last failure");
        case Secret:
            return tr("Secret");
        case Updated:
            return tr("Updated");
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Failures:
            return tr("Consecutive failed deliveries, as the provider reports them");
        case Secret:
            return tr("Whether the endpoint's signing secret is in your keychain");
        default:
            break;
        }
    }
    return {};
}

Qt::ItemFlags EndpointTableModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void EndpointTableModel::setLabelTitle(const QString &title) {
    if (title == m_labelTitle)
        return;
    m_labelTitle = title;
    emit headerDataChanged(Qt::Horizontal, Label, Label);
}

QHash<int, QByteArray> EndpointTableModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EndpointIdRole, QByteArrayLiteral("endpointId"));
    names.insert(StatusRole, QByteArrayLiteral("status"));
    names.insert(SortRole, QByteArrayLiteral("sortValue"));
    names.insert(SecretStoredRole, QByteArrayLiteral("secretStored"));
    names.insert(BusyRole, QByteArrayLiteral("busy"));
    names.insert(FailureCountRole, QByteArrayLiteral("failureCount"));
    names.insert(SearchTextRole, QByteArrayLiteral("searchText"));
    return names;
}

void EndpointTableModel::setEndpoints(const QList<Endpoint> &endpoints) {
    QHash<QString, int> incoming; // id -> position in `endpoints`
    incoming.reserve(endpoints.size());
    for (int i = 0; i < endpoints.size(); ++i)
        incoming.insert(endpoints.at(i).id, incoming.value(endpoints.at(i).id, i)); // first one wins

    // 1. Remove rows whose endpoint is gone, one contiguous run at a time, from the bottom up so
    //    the row numbers still to visit stay valid.
    for (int last = m_rows.size() - 1; last >= 0; --last) {
        if (incoming.contains(m_rows.at(last).endpoint.id))
            continue;
        int first = last;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).endpoint.id))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first;
    }
    rebuildRowIndex();

    // 2. Update rows in place; only changed ones are announced, in contiguous runs.
    int runStart = -1;
    const auto flushRun = [this, &runStart](int end) {
        if (runStart < 0)
            return;
        emit dataChanged(index(runStart, 0), index(end, ColumnCount - 1));
        runStart = -1;
    };
    for (int row = 0; row < m_rows.size(); ++row) {
        const Endpoint &fresh = endpoints.at(incoming.value(m_rows.at(row).endpoint.id));
        if (m_rows.at(row).endpoint == fresh) {
            flushRun(row - 1);
            continue;
        }
        m_rows[row].endpoint = fresh;
        if (runStart < 0)
            runStart = row;
    }
    flushRun(m_rows.size() - 1);

    // 3. Append the new ones in the order the provider listed them.
    QList<Row> added;
    QSet<QString> seen;
    for (const Endpoint &endpoint : endpoints) {
        if (m_rowById.contains(endpoint.id) || seen.contains(endpoint.id))
            continue;
        seen.insert(endpoint.id);
        added.append(Row{endpoint, std::nullopt, 0});
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, m_rows.size(), m_rows.size() + added.size() - 1);
        m_rows.append(added);
        rebuildRowIndex();
        endInsertRows();
    }
    updateCounts();
}

void EndpointTableModel::updateEndpoint(const Endpoint &endpoint) {
    const int row = rowOf(endpoint.id);
    if (row < 0) {
        beginInsertRows({}, m_rows.size(), m_rows.size());
        m_rows.append(Row{endpoint, std::nullopt, 0});
        m_rowById.insert(endpoint.id, m_rows.size() - 1);
        endInsertRows();
    } else {
        if (m_rows.at(row).endpoint == endpoint)
            return;
        m_rows[row].endpoint = endpoint;
        emitRowChanged(row);
    }
    updateCounts();
}

bool EndpointTableModel::removeEndpoint(const QString &id) {
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    rebuildRowIndex();
    endRemoveRows();
    updateCounts();
    return true;
}

QList<Endpoint> EndpointTableModel::endpoints() const {
    QList<Endpoint> result;
    result.reserve(m_rows.size());
    for (const Row &row : m_rows)
        result.append(row.endpoint);
    return result;
}

Endpoint EndpointTableModel::endpointAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).endpoint : Endpoint();
}

Endpoint EndpointTableModel::endpointFromIndex(const QModelIndex &index) const {
    // An invalid index is a normal question here (nothing selected), so no checkIndex() warning.
    if (!index.isValid() || index.model() != this)
        return {};
    return endpointAt(index.row());
}

std::optional<Endpoint> EndpointTableModel::endpointById(const QString &id) const {
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional<Endpoint>(m_rows.at(row).endpoint);
}

QModelIndex EndpointTableModel::indexFromId(const QString &id, int column) const {
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : index(row, column);
}

void EndpointTableModel::setSecretStored(const QString &id, bool stored) {
    const int row = rowOf(id);
    if (row < 0 || m_rows.at(row).secretStored == stored)
        return;
    m_rows[row].secretStored = stored;
    emitRowChanged(row);
    updateCounts();
}

void EndpointTableModel::setBusy(const QString &id, bool busy) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    int &count = m_rows[row].busyCount;
    const bool wasBusy = count > 0;
    count = busy ? count + 1 : qMax(0, count - 1);
    if (wasBusy != (count > 0))
        emitRowChanged(row, {BusyRole});
}

bool EndpointTableModel::isBusy(const QString &id) const {
    const int row = rowOf(id);
    return row >= 0 && m_rows.at(row).busyCount > 0;
}

void EndpointTableModel::emitRowChanged(int row, const QList<int> &roles) {
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1), roles);
}

void EndpointTableModel::rebuildRowIndex() {
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).endpoint.id, row);
}

void EndpointTableModel::updateCounts() {
    int autoPaused = 0;
    int secretMissing = 0;
    for (const Row &row : std::as_const(m_rows)) {
        autoPaused += row.endpoint.status == EndpointStatus::AutoPaused;
        secretMissing += row.secretStored == std::optional<bool>(false);
    }
    if (autoPaused == m_autoPausedCount && secretMissing == m_secretMissingCount)
        return;
    m_autoPausedCount = autoPaused;
    m_secretMissingCount = secretMissing;
    emit countsChanged();
}
