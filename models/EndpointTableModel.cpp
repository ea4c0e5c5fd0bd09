#include "EndpointTableModel.h"

#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace {

// text.toCaseFolded().toUtf8(), without the general Unicode path for the ASCII text most rows
// hold: folding ASCII is lower-casing A to Z.
QByteArray foldedUtf8(const QString &text) {
    QByteArray folded(text.size(), Qt::Uninitialized);
    char *out = folded.data();
    for (const QChar character : text) {
        const char16_t c = character.unicode();
        if (c >= 0x80) {
            folded = text.toCaseFolded().toUtf8();
            folded.squeeze(); // toUtf8() leaves room for three bytes per character
            return folded;
        }
        *out++ = char(c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c);
    }
    return folded;
}

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

qint64 timeKey(const QDateTime &time) {
    return time.isValid() ? time.toMSecsSinceEpoch() : EndpointTableModel::RowKeys::Absent;
}

// The roles of the Secret column that depend on whether the secret is stored.
const QList<int> &secretRoles() {
    static const QList<int> roles{Qt::DisplayRole,
                                  Qt::ToolTipRole,
                                  Qt::FontRole,
                                  Qt::DecorationRole,
                                  EndpointTableModel::SecretStoredRole,
                                  EndpointTableModel::SortRole};
    return roles;
}

// Above this many separate runs of rows to remove, the rows are first gathered at the end (one
// layout change) and removed at once: every removal costs the proxy and the view O(rows).
constexpr int MaxRemovalRuns = 8;

// Above this many runs of changed rows, one dataChanged spans them all: a sorting proxy answers
// each announcement with a pass over all of its rows.
constexpr int MaxAnnouncedRuns = 32;

// Up to this many rows whose URL or label is new are ranked among the others one by one (a binary
// search each, O(rows)); more, and every row is ranked again (O(rows log rows), an ICU key each).
constexpr qsizetype MaxRankedAmongOthers = 32;

// Contiguous runs [first, last] of ascending row numbers.
QList<std::pair<int, int>> runsOf(const QList<int> &rows) {
    QList<std::pair<int, int>> runs;
    for (const int row : rows) {
        if (!runs.isEmpty() && runs.last().second == row - 1)
            runs.last().second = row;
        else
            runs.append({row, row});
    }
    return runs;
}

QString searchText(const Endpoint &endpoint) {
    // One field per line so a search term never matches across two fields.
    QStringList parts{endpoint.url, endpoint.label, endpoint.id};
    parts += endpoint.events;
    return parts.join(QLatin1Char('\n')).toLower();
}

} // namespace

EndpointTableModel::EndpointTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_order(NaturalOrder::forSystemLocale()) {}

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
    const int autoPaused = m_autoPausedCount;
    const int secretMissing = m_secretMissingCount;
    const std::vector<bool> named = merge(endpoints);
    QList<int> gone; // rows the list no longer names
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!named[row])
            gone.append(row);
    }
    removeRuns(runsOf(gone));
    emitCountsChangedSince(autoPaused, secretMissing);
}

void EndpointTableModel::appendEndpoints(const QList<Endpoint> &batch) {
    const int autoPaused = m_autoPausedCount;
    const int secretMissing = m_secretMissingCount;
    merge(batch);
    emitCountsChangedSince(autoPaused, secretMissing);
}

std::vector<bool> EndpointTableModel::merge(const QList<Endpoint> &endpoints) {
    const int heldRows = m_rows.size();
    std::vector<bool> named(heldRows);
    QList<int> changed;
    QList<Row> added;
    QList<RowKeys> addedKeys;
    for (const Endpoint &endpoint : endpoints) {
        const int row = m_rowById.value(endpoint.id, -1);
        if (row >= heldRows || (row >= 0 && named[row]))
            continue; // a duplicate id: the first one wins
        if (row < 0) {
            // Indexed now so a later duplicate is recognised (rowOf() ignores it until the row arrives).
            m_rowById.insert(endpoint.id, heldRows + added.size());
            added.append(Row{endpoint, std::nullopt, 0});
            addedKeys.append(makeKeys(endpoint));
            continue;
        }
        named[row] = true;
        if (m_rows.at(row).endpoint == endpoint)
            continue;
        setRowEndpoint(row, endpoint);
        changed.append(row);
    }

    // An unchanged row is not repainted.
    std::sort(changed.begin(), changed.end());
    settleRanks();
    announceChanged(changed, 0, ColumnCount - 1);

    if (!added.isEmpty()) {
        beginInsertRows({}, heldRows, heldRows + added.size() - 1);
        for (const Row &row : std::as_const(added))
            count(row, +1);
        m_rows.append(std::move(added));
        m_keys.append(std::move(addedKeys));
        for (int row = heldRows; row < m_rows.size(); ++row)
            markUnranked(row);
        settleRanks();
        endInsertRows();
    }
    named.resize(m_rows.size(), true);
    return named;
}

void EndpointTableModel::updateEndpoint(const Endpoint &endpoint) {
    const int autoPaused = m_autoPausedCount;
    const int secretMissing = m_secretMissingCount;
    const int row = rowOf(endpoint.id);
    if (row < 0) {
        beginInsertRows({}, m_rows.size(), m_rows.size());
        m_rows.append(Row{endpoint, std::nullopt, 0});
        m_keys.append(makeKeys(endpoint));
        m_rowById.insert(endpoint.id, m_rows.size() - 1);
        count(m_rows.last(), +1);
        markUnranked(m_rows.size() - 1);
        settleRanks();
        endInsertRows();
    } else {
        if (m_rows.at(row).endpoint == endpoint)
            return;
        setRowEndpoint(row, endpoint);
        settleRanks();
        emitRowChanged(row);
    }
    emitCountsChangedSince(autoPaused, secretMissing);
}

bool EndpointTableModel::removeEndpoint(const QString &id) {
    const int row = rowOf(id);
    if (row < 0)
        return false;
    const int autoPaused = m_autoPausedCount;
    const int secretMissing = m_secretMissingCount;
    removeRuns({{row, row}});
    emitCountsChangedSince(autoPaused, secretMissing);
    return true;
}

void EndpointTableModel::removeRuns(const QList<std::pair<int, int>> &runs) {
    if (runs.isEmpty())
        return;
    if (runs.size() > MaxRemovalRuns) {
        int removed = 0;
        for (const auto &[first, last] : runs)
            removed += last - first + 1;
        gatherAtEnd(runs);
        removeRuns({{m_rows.size() - removed, m_rows.size() - 1}});
        return;
    }
    // From the bottom up, so the row numbers still to visit stay valid.
    for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
        const auto [first, last] = *run;
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row) {
            count(m_rows.at(row), -1);
            m_rowById.remove(m_rows.at(row).endpoint.id);
        }
        m_rows.remove(first, last - first + 1);
        m_keys.remove(first, last - first + 1); // the ranks left keep their order
        reindexFrom(first);
        endRemoveRows();
    }
}

void EndpointTableModel::gatherAtEnd(const QList<std::pair<int, int>> &runs) {
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    std::vector<bool> removed(m_rows.size());
    for (const auto &[first, last] : runs)
        std::fill(removed.begin() + first, removed.begin() + last + 1, true);
    QList<int> newRow(m_rows.size());
    QList<Row> reordered;
    QList<RowKeys> reorderedKeys;
    reordered.reserve(m_rows.size());
    reorderedKeys.reserve(m_rows.size());
    for (const bool pass : {false, true}) { // the rows that stay, then those that go
        for (int row = 0; row < m_rows.size(); ++row) {
            if (removed[row] != pass)
                continue;
            newRow[row] = reordered.size();
            reordered.append(std::move(m_rows[row]));
            reorderedKeys.append(std::move(m_keys[row]));
        }
    }
    m_rows = std::move(reordered);
    m_keys = std::move(reorderedKeys);
    reindexFrom(0);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(this->index(newRow.at(index.row()), index.column()));
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
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
    const int autoPaused = m_autoPausedCount;
    const int secretMissing = m_secretMissingCount;
    setRowSecretStored(row, stored);
    announceChanged({row}, Secret, Secret, secretRoles());
    emitCountsChangedSince(autoPaused, secretMissing);
}

void EndpointTableModel::setSecretStoredIds(const QSet<QString> &storedIds) {
    const int autoPaused = m_autoPausedCount;
    const int secretMissing = m_secretMissingCount;
    QList<int> changed;
    for (int row = 0; row < m_rows.size(); ++row) {
        const bool stored = storedIds.contains(m_rows.at(row).endpoint.id);
        if (m_rows.at(row).secretStored != stored) {
            setRowSecretStored(row, stored);
            changed.append(row);
        }
    }
    announceChanged(changed, Secret, Secret, secretRoles());
    emitCountsChangedSince(autoPaused, secretMissing);
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

EndpointTableModel::RowKeys EndpointTableModel::makeKeys(const Endpoint &endpoint) {
    // One string, folded and converted once: far cheaper than a fold and a conversion per field.
    qsizetype size = endpoint.id.size() + endpoint.url.size() + endpoint.label.size() + 3;
    for (const QString &event : endpoint.events)
        size += event.size() + 1;
    QString text;
    text.reserve(size);
    const auto appendLine = [&text](const QString &field) {
        const qsizetype start = text.size();
        text.append(field);
        // A line break inside a field (a description) would end its line early; a search term holds
        // no white space, so a space in its place matches the same terms.
        if (field.contains(QLatin1Char('\n')))
            std::replace(text.begin() + start, text.end(), QChar(QLatin1Char('\n')), QChar(QLatin1Char(' ')));
        text.append(QLatin1Char('\n'));
    };
    for (const QString *field : {&endpoint.id, &endpoint.url, &endpoint.label})
        appendLine(*field);
    for (const QString &event : endpoint.events)
        appendLine(event);
    RowKeys keys;
    keys.search = foldedUtf8(text);
    keys.urlStart = keys.search.indexOf('\n') + 1;
    keys.labelStart = keys.search.indexOf('\n', keys.urlStart) + 1;
    keys.eventsStart = keys.search.indexOf('\n', keys.labelStart) + 1;

    keys.sort.fill(RowKeys::Absent);
    keys.sort[Status] = qint64(endpoint.status);
    keys.sort[Events] = endpoint.events.size();
    keys.sort[Failures] = endpoint.consecutiveFailures ? *endpoint.consecutiveFailures : RowKeys::Absent;
    keys.sort[LastSuccess] = timeKey(endpoint.lastSuccessAt);
    keys.sort[LastFailure] = timeKey(endpoint.lastFailureAt);
    keys.sort[Updated] = timeKey(endpoint.updatedAt);
    return keys;
}

void EndpointTableModel::rank(int column) const {
    const bool byLabel = column == Label;
    std::vector<int> rows;
    rows.reserve(m_rows.size());
    bool direct = true;
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString &text = byLabel ? m_rows.at(row).endpoint.label : m_rows.at(row).endpoint.url;
        if (byLabel && text.isEmpty()) {
            m_keys[row].sort[column] = RowKeys::Absent;
            continue;
        }
        rows.push_back(row);
        direct = direct && m_order.isDirect(text);
    }
    if (direct)
        rankDirectly(rows, column);
    else
        rankByCollationKeys(rows, column);
    m_ranked[byLabel] = true;
}

// Equal texts share a rank.
void EndpointTableModel::rankDirectly(std::vector<int> &rows, int column) const {
    const bool byLabel = column == Label;
    const auto textOf = [this, byLabel](int row) -> const QString & {
        return byLabel ? m_rows.at(row).endpoint.label : m_rows.at(row).endpoint.url;
    };
    std::sort(rows.begin(), rows.end(),
              [&](int a, int b) { return NaturalOrder::compareDirectly(textOf(a), textOf(b)) < 0; });
    qint64 rank = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (i > 0 && NaturalOrder::compareDirectly(textOf(rows[i - 1]), textOf(rows[i])) != 0)
            ++rank;
        m_keys[rows[i]].sort[column] = rank;
    }
}

void EndpointTableModel::rankByCollationKeys(const std::vector<int> &rows, int column) const {
    // The collation keys live only while ranking: kept, they would cost more memory than the rows' text.
    struct Keyed {
        QCollatorSortKey key;
        int row;
    };
    const bool byLabel = column == Label;
    std::vector<Keyed> keyed;
    keyed.reserve(rows.size());
    for (const int row : rows) {
        const QString &text = byLabel ? m_rows.at(row).endpoint.label : m_rows.at(row).endpoint.url;
        keyed.push_back({m_order.collator().sortKey(text), row});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed &a, const Keyed &b) { return a.key.compare(b.key) < 0; });
    qint64 rank = 0;
    for (size_t i = 0; i < keyed.size(); ++i) {
        if (i > 0 && keyed[i - 1].key.compare(keyed[i].key) != 0)
            ++rank; // equal keys share a rank
        m_keys[keyed[i].row].sort[column] = rank;
    }
}

void EndpointTableModel::markUnranked(int row) {
    m_unranked[0].append(row);
    m_unranked[1].append(row);
}

void EndpointTableModel::settleRanks() {
    for (const int column : {int(Url), int(Label)}) {
        QList<int> &rows = m_unranked[column == Label];
        if (rows.isEmpty())
            continue;
        if (m_ranked[column == Label] && rows.size() <= MaxRankedAmongOthers)
            rankAmongOthers(rows, column);
        else
            m_ranked[column == Label] = false; // ranked all over again when next sorted by it
        rows.clear();
    }
}

void EndpointTableModel::rankAmongOthers(const QList<int> &rows, int column) {
    const bool byLabel = column == Label;
    const auto textOf = [this, byLabel](int row) -> const QString & {
        return byLabel ? m_rows.at(row).endpoint.label : m_rows.at(row).endpoint.url;
    };
    std::vector<bool> unranked(m_rows.size());
    for (const int row : rows)
        unranked[row] = true;
    std::vector<std::pair<qint64, int>> order; // rank and row of the others, by rank
    order.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!unranked[row] && m_keys.at(row).sort[column] != RowKeys::Absent)
            order.emplace_back(m_keys.at(row).sort[column], row);
    }
    std::sort(order.begin(), order.end());
    for (const int row : rows) {
        if (textOf(row).isEmpty() && byLabel) {
            m_keys[row].sort[column] = RowKeys::Absent;
            continue;
        }
        const auto next = std::partition_point(order.begin(), order.end(), [&](const auto &other) {
            return m_order.compare(textOf(other.second), textOf(row)) < 0;
        });
        qint64 rank = order.empty() ? 0 : order.back().first + 1;
        if (next != order.end()) {
            rank = next->first;
            if (m_order.compare(textOf(next->second), textOf(row)) != 0) {
                for (auto above = next; above != order.end(); ++above)
                    ++above->first; // make room
            }
        }
        order.insert(next, {rank, row});
    }
    for (const auto &[rank, row] : order)
        m_keys[row].sort[column] = rank;
}

void EndpointTableModel::setRowEndpoint(int row, const Endpoint &endpoint) {
    Row &target = m_rows[row];
    const RowKeys &old = m_keys.at(row);
    RowKeys keys = makeKeys(endpoint);
    keys.sort[Secret] = old.sort[Secret];
    // A rank stays valid while the text it was made from does.
    const bool urlChanged = target.endpoint.url != endpoint.url;
    const bool labelChanged = target.endpoint.label != endpoint.label;
    if (!urlChanged)
        keys.sort[Url] = old.sort[Url];
    if (!labelChanged)
        keys.sort[Label] = old.sort[Label];
    if (urlChanged)
        m_unranked[0].append(row);
    if (labelChanged)
        m_unranked[1].append(row);
    count(target, -1);
    target.endpoint = endpoint;
    m_keys[row] = std::move(keys);
    count(target, +1);
}

void EndpointTableModel::setRowSecretStored(int row, bool stored) {
    Row &target = m_rows[row];
    count(target, -1);
    target.secretStored = stored;
    m_keys[row].sort[Secret] = stored;
    count(target, +1);
}

void EndpointTableModel::emitRowChanged(int row, const QList<int> &roles) {
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1), roles);
}

void EndpointTableModel::announceChanged(const QList<int> &rows, int firstColumn, int lastColumn,
                                         const QList<int> &roles) {
    QList<std::pair<int, int>> runs = runsOf(rows);
    if (runs.size() > MaxAnnouncedRuns)
        runs = {{runs.first().first, runs.last().second}};
    for (const auto &[first, last] : std::as_const(runs))
        emit dataChanged(index(first, firstColumn), index(last, lastColumn), roles);
}

void EndpointTableModel::reindexFrom(int first) {
    for (int row = first; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).endpoint.id, row);
}

void EndpointTableModel::count(const Row &row, int sign) {
    m_autoPausedCount += sign * (row.endpoint.status == EndpointStatus::AutoPaused);
    m_secretMissingCount += sign * (row.secretStored == std::optional<bool>(false));
}

void EndpointTableModel::emitCountsChangedSince(int autoPaused, int secretMissing) {
    if (autoPaused != m_autoPausedCount || secretMissing != m_secretMissingCount)
        emit countsChanged();
}
