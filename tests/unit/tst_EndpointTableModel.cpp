#include "EndpointTableModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

Endpoint makeEndpoint(const QString &id, EndpointStatus status = EndpointStatus::Active,
                      std::optional<int> failures = std::nullopt) {
    Endpoint endpoint;
    endpoint.id = id;
    endpoint.url = QStringLiteral("https://example.com/hooks/") + id;
    endpoint.label = QStringLiteral("Label of ") + id;
    endpoint.status = status;
    endpoint.events = {QStringLiteral("invoice.paid")};
    endpoint.consecutiveFailures = failures;
    endpoint.updatedAt = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
    return endpoint;
}

using Model = EndpointTableModel;

} // namespace

class TestEndpointTableModel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_model = std::make_unique<Model>();
        // Lives as long as the model, so it checks every change the test makes.
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup() {
        m_tester.reset();
        m_model.reset();
    }

    void headers() {
        QCOMPARE(m_model->columnCount(), 9);
        QCOMPARE(m_model->headerData(Model::Status, Qt::Horizontal).toString(), QStringLiteral("Status"));
        QCOMPARE(m_model->headerData(Model::Url, Qt::Horizontal).toString(), QStringLiteral("URL"));
        QCOMPARE(m_model->headerData(Model::LastSuccess, Qt::Horizontal).toString(), QStringLiteral("Last success"));
        QCOMPARE(m_model->headerData(Model::Secret, Qt::Horizontal).toString(), QStringLiteral("Secret"));
        QCOMPARE(m_model->headerData(Model::Updated, Qt::Horizontal).toString(), QStringLiteral("Updated"));
    }

    void displayText() {
        Endpoint few = makeEndpoint(QStringLiteral("ep_few"));
        few.events = {QStringLiteral("a.created"), QStringLiteral("a.deleted")};
        few.lastSuccessAt = QDateTime(QDate(2024, 5, 6), QTime(7, 8), Qt::UTC);
        Endpoint many = makeEndpoint(QStringLiteral("ep_many"), EndpointStatus::AutoPaused, 5);
        many.label.clear();
        many.events = {QStringLiteral("a.1"), QStringLiteral("a.2"), QStringLiteral("a.3"), QStringLiteral("a.4")};
        m_model->setEndpoints({few, many});

        const auto display = [this](int row, int column) {
            return m_model->index(row, column).data(Qt::DisplayRole).toString();
        };
        QCOMPARE(display(0, Model::Status), QStringLiteral("Active"));
        QCOMPARE(display(1, Model::Status), QStringLiteral("Auto-paused · 5"));
        QCOMPARE(display(0, Model::Url), few.url);
        QCOMPARE(display(0, Model::Label), few.label);
        QCOMPARE(display(1, Model::Label), QStringLiteral("—"));
        QCOMPARE(display(0, Model::Events), QStringLiteral("a.created, a.deleted"));
        QCOMPARE(display(1, Model::Events), QStringLiteral("4 events"));
        QCOMPARE(display(0, Model::Failures), QStringLiteral("—"));
        QCOMPARE(display(1, Model::Failures), QStringLiteral("5"));
        QCOMPARE(display(0, Model::LastSuccess),
                 QLocale().toString(few.lastSuccessAt.toLocalTime().date(), QLocale::NarrowFormat)); // compact
        QCOMPARE(display(0, Model::LastFailure), QStringLiteral("—"));
        QCOMPARE(display(0, Model::Secret), QStringLiteral("—")); // not checked yet

        // The full list and URL are one hover away.
        QCOMPARE(m_model->index(1, Model::Events).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("a.1\na.2\na.3\na.4"));
        QCOMPARE(m_model->index(0, Model::Url).data(Qt::ToolTipRole).toString(), few.url);
    }

    void customRoles() {
        Endpoint endpoint = makeEndpoint(QStringLiteral("EP_Mixed"), EndpointStatus::Paused, 3);
        endpoint.events = {QStringLiteral("Invoice.Paid"), QStringLiteral("customer.created")};
        m_model->setEndpoints({endpoint});
        const QModelIndex index = m_model->index(0, Model::Url);

        QCOMPARE(index.data(Model::EndpointIdRole).toString(), endpoint.id);
        QCOMPARE(EndpointStatus(index.data(Model::StatusRole).toInt()), EndpointStatus::Paused);
        QCOMPARE(index.data(Model::FailureCountRole).toInt(), 3);
        QCOMPARE(index.data(Model::BusyRole).toBool(), false);
        QVERIFY(!index.data(Model::SecretStoredRole).isValid()); // unknown until the keychain answers

        const QString search = index.data(Model::SearchTextRole).toString();
        QVERIFY(search.contains(QStringLiteral("ep_mixed")));
        QVERIFY(search.contains(QStringLiteral("invoice.paid")));
        QVERIFY(search.contains(QStringLiteral("customer.created")));
        QVERIFY(search.contains(QStringLiteral("label of ep_mixed")));
        QVERIFY(search.contains(QStringLiteral("https://example.com/hooks/ep_mixed")));

        // SortRole carries raw values, absent ones invalid.
        QCOMPARE(m_model->index(0, Model::Failures).data(Model::SortRole).typeId(), int(QMetaType::Int));
        QCOMPARE(m_model->index(0, Model::Updated).data(Model::SortRole).toDateTime(), endpoint.updatedAt);
        QVERIFY(!m_model->index(0, Model::LastSuccess).data(Model::SortRole).isValid());
        QCOMPARE(m_model->index(0, Model::Url).data(Model::SortRole).toString(), endpoint.url);
    }

    void secretColumn() {
        m_model->setEndpoints({makeEndpoint(QStringLiteral("a")), makeEndpoint(QStringLiteral("b"))});
        m_model->setSecretStored(QStringLiteral("a"), true);
        m_model->setSecretStored(QStringLiteral("b"), false);
        const QModelIndex stored = m_model->index(0, Model::Secret);
        const QModelIndex missing = m_model->index(1, Model::Secret);
        QCOMPARE(stored.data(Model::SecretStoredRole), QVariant(true));
        QCOMPARE(missing.data(Model::SecretStoredRole), QVariant(false));
        QCOMPARE(stored.data().toString(), QStringLiteral("Stored"));
        QCOMPARE(missing.data().toString(), QStringLiteral("Missing"));
        QCOMPARE(stored.data(Qt::ToolTipRole).toString(), QStringLiteral("Stored in your keychain"));
        QCOMPARE(missing.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Missing: not in this keychain — import or rotate it"));
        QVERIFY(missing.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!stored.data(Qt::FontRole).isValid());
    }

    void secretAnswerRepaintsOnlyTheSecretCell() {
        m_model->setEndpoints({makeEndpoint(QStringLiteral("a")), makeEndpoint(QStringLiteral("b"))});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setSecretStored(QStringLiteral("b"), false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(1, Model::Secret));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(1, Model::Secret));
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(Model::SecretStoredRole));
    }

    void secretStoredIdsAnnouncesRunsOfTheSecretColumn() {
        QList<Endpoint> endpoints;
        for (const char *id : {"a", "b", "c", "d", "e", "f"})
            endpoints << makeEndpoint(QString::fromLatin1(id));
        m_model->setEndpoints(endpoints);
        m_model->setSecretStored(QStringLiteral("b"), true);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy counts(m_model.get(), &Model::countsChanged);

        // a, c, e become stored, d and f missing, b stays stored: runs 0..0 and 2..5.
        m_model->setSecretStoredIds(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("e"), QStringLiteral("x")});
        QCOMPARE(changed.count(), 2);
        const QList<std::pair<int, int>> runs{{0, 0}, {2, 5}};
        for (int i = 0; i < 2; ++i) {
            const auto topLeft = changed.at(i).at(0).value<QModelIndex>();
            const auto bottomRight = changed.at(i).at(1).value<QModelIndex>();
            QCOMPARE(topLeft.row(), runs.at(i).first);
            QCOMPARE(bottomRight.row(), runs.at(i).second);
            QCOMPARE(topLeft.column(), int(Model::Secret));
            QCOMPARE(bottomRight.column(), int(Model::Secret));
            const auto roles = changed.at(i).at(2).value<QList<int>>();
            for (const int role : {int(Qt::DisplayRole), int(Qt::FontRole), int(Model::SecretStoredRole)})
                QVERIFY(roles.contains(role));
        }
        QCOMPARE(counts.count(), 1);
        QCOMPARE(m_model->secretMissingCount(), 2);
        QCOMPARE(m_model->index(3, Model::Secret).data().toString(), QStringLiteral("Missing"));
        QCOMPARE(m_model->index(4, Model::Secret).data().toString(), QStringLiteral("Stored"));

        m_model->setSecretStoredIds(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("e")}); // as it is
        QCOMPARE(changed.count(), 2);
        QCOMPARE(counts.count(), 1);

        m_model->setSecretStoredIds({}); // all missing now: one run over the rows that changed
        QCOMPARE(changed.count(), 4);
        QCOMPARE(changed.at(2).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(2).at(1).value<QModelIndex>().row(), 2);
        QCOMPARE(changed.at(3).at(0).value<QModelIndex>().row(), 4);
        QCOMPARE(changed.at(3).at(1).value<QModelIndex>().row(), 4);
        QCOMPARE(m_model->secretMissingCount(), 6);
        QCOMPARE(counts.count(), 2);
    }

    void autoPausedRowsStandOut() {
        m_model->setEndpoints({makeEndpoint(QStringLiteral("ok")),
                               makeEndpoint(QStringLiteral("tired"), EndpointStatus::AutoPaused, 12)});
        for (int column = 0; column < Model::ColumnCount; ++column) {
            QVERIFY(!m_model->index(0, column).data(Qt::FontRole).isValid());
            QVERIFY(m_model->index(1, column).data(Qt::FontRole).value<QFont>().bold());
        }
        QVERIFY(m_model->index(1, Model::Status).data(Qt::ToolTipRole).toString().contains(QStringLiteral("12")));
        // No hard-coded background: dark palettes must stay readable.
        QVERIFY(!m_model->index(1, Model::Url).data(Qt::BackgroundRole).isValid());
    }

    void refreshUpdatesInsertsAndRemovesWithoutReset() {
        const Endpoint a = makeEndpoint(QStringLiteral("a"));
        Endpoint b = makeEndpoint(QStringLiteral("b"));
        const Endpoint c = makeEndpoint(QStringLiteral("c"));
        m_model->setEndpoints({a, b, c});
        QCOMPARE(m_model->rowCount(), 3);

        const QPersistentModelIndex persistentA = m_model->index(0, Model::Url);
        const QPersistentModelIndex persistentB = m_model->index(1, Model::Label);
        const QPersistentModelIndex persistentC = m_model->index(2, Model::Url);

        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);

        b.label = QStringLiteral("renamed");
        const Endpoint d = makeEndpoint(QStringLiteral("d"));
        m_model->setEndpoints({d, b, a}); // c gone, d new, b changed, a as it was

        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 2);
        QCOMPARE(removed.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1); // only b: an unchanged row is not repainted
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(bottomRight.row(), 1);

        QCOMPARE(m_model->rowCount(), 3);
        QVERIFY(persistentA.isValid());
        QCOMPARE(persistentA.data(Model::EndpointIdRole).toString(), QStringLiteral("a"));
        QVERIFY(persistentB.isValid());
        QCOMPARE(persistentB.data().toString(), QStringLiteral("renamed"));
        QVERIFY(!persistentC.isValid());
        QCOMPARE(m_model->endpointAt(2).id, QStringLiteral("d"));
    }

    void refreshWithNothingChangedIsSilent() {
        const QList<Endpoint> endpoints{makeEndpoint(QStringLiteral("a"), EndpointStatus::AutoPaused, 4),
                                        makeEndpoint(QStringLiteral("b"))};
        m_model->setEndpoints(endpoints);
        m_model->setSecretStored(QStringLiteral("b"), false);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy counts(m_model.get(), &Model::countsChanged);
        m_model->setEndpoints(endpoints);
        m_model->appendEndpoints(endpoints);
        QCOMPARE(reset.count() + layout.count() + changed.count() + inserted.count() + removed.count() + counts.count(),
                 0);
    }

    void appendEndpointsInsertsEachBatchAtOnce() {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy counts(m_model.get(), &Model::countsChanged);
        m_model->appendEndpoints({makeEndpoint(QStringLiteral("a")), makeEndpoint(QStringLiteral("b"))});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);

        Endpoint b = makeEndpoint(QStringLiteral("b"), EndpointStatus::AutoPaused, 3);
        Endpoint c = makeEndpoint(QStringLiteral("c"));
        Endpoint laterC = c;
        laterC.label = QStringLiteral("second c");
        m_model->appendEndpoints({b, c, laterC, makeEndpoint(QStringLiteral("d"))});
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 2);
        QCOMPARE(inserted.at(1).at(2).toInt(), 3);
        QCOMPARE(changed.count(), 1); // b, updated in place
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->endpointById(QStringLiteral("c"))->label, c.label); // the first of duplicates
        QCOMPARE(m_model->indexFromId(QStringLiteral("d")).row(), 3);
        QCOMPARE(m_model->autoPausedCount(), 1);
        QCOMPARE(counts.count(), 1);
    }

    // Many scattered runs are gathered at the end in one layout change and removed at once.
    void refreshRemovesManyScatteredRows() {
        QList<Endpoint> endpoints;
        for (int i = 0; i < 30; ++i)
            endpoints << makeEndpoint(QStringLiteral("ep%1").arg(i), EndpointStatus::AutoPaused);
        m_model->setEndpoints(endpoints);
        m_model->setSecretStored(QStringLiteral("ep3"), false);
        m_model->setSecretStored(QStringLiteral("ep4"), false);
        QList<QPersistentModelIndex> persistent;
        for (int row = 0; row < 30; ++row)
            persistent << QPersistentModelIndex(m_model->index(row, Model::Label));

        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy counts(m_model.get(), &Model::countsChanged);
        QList<Endpoint> kept;
        for (int i = 0; i < 30; i += 2)
            kept << endpoints.at(i);
        m_model->setEndpoints(kept);

        QCOMPARE(removed.count(), 1);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(m_model->rowCount(), 15);
        QCOMPARE(m_model->autoPausedCount(), 15);
        QCOMPARE(m_model->secretMissingCount(), 1); // ep4 stayed, ep3 went
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(persistent.at(i).isValid(), i % 2 == 0);
            if (i % 2 == 0) {
                QCOMPARE(persistent.at(i).data(Model::EndpointIdRole).toString(), QStringLiteral("ep%1").arg(i));
                QCOMPARE(persistent.at(i).column(), int(Model::Label));
            }
        }
        for (int row = 0; row < 15; ++row) {
            QCOMPARE(m_model->endpointAt(row).id, QStringLiteral("ep%1").arg(row * 2));
            QCOMPARE(m_model->indexFromId(QStringLiteral("ep%1").arg(row * 2)).row(), row);
        }
        QVERIFY(!m_model->indexFromId(QStringLiteral("ep1")).isValid());
    }

    // Past 32 runs, one dataChanged spans the changed rows: a sorting proxy answers each one with a
    // pass over all of its rows.
    void manyScatteredChangesAreAnnouncedOnce() {
        QList<Endpoint> endpoints;
        for (int i = 0; i < 100; ++i)
            endpoints << makeEndpoint(QStringLiteral("ep%1").arg(i));
        m_model->setEndpoints(endpoints);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        for (int i = 1; i < 99; i += 2)
            endpoints[i].label = QStringLiteral("changed");
        m_model->setEndpoints(endpoints);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(1, 0));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(97, Model::ColumnCount - 1));

        QSet<QString> stored;
        for (int i = 0; i < 100; i += 2)
            stored.insert(QStringLiteral("ep%1").arg(i));
        m_model->setSecretStoredIds(stored); // every row changes: one run
        QCOMPARE(changed.count(), 2);
        QCOMPARE(m_model->secretMissingCount(), 50);
        for (int i = 1; i < 100; i += 2)
            stored.insert(QStringLiteral("ep%1").arg(i));
        m_model->setSecretStoredIds(stored); // the 50 odd rows: one announcement, Secret column only
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.at(2).at(0).value<QModelIndex>(), m_model->index(1, Model::Secret));
        QCOMPARE(changed.at(2).at(1).value<QModelIndex>(), m_model->index(99, Model::Secret));
        QCOMPARE(m_model->secretMissingCount(), 0);
    }

    void refreshRemovesRunsAndClears() {
        QList<Endpoint> endpoints;
        for (const char *id : {"a", "b", "c", "d", "e", "f"})
            endpoints << makeEndpoint(QString::fromLatin1(id));
        m_model->setEndpoints(endpoints);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_model->setEndpoints({endpoints.at(0), endpoints.at(3)}); // b,c and e,f go in two runs
        QCOMPARE(removed.count(), 2);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->endpointAt(0).id, QStringLiteral("a"));
        QCOMPARE(m_model->endpointAt(1).id, QStringLiteral("d"));
        QCOMPARE(m_model->indexFromId(QStringLiteral("d")).row(), 1);

        m_model->setEndpoints({});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void duplicateIdsKeepTheFirst() {
        Endpoint first = makeEndpoint(QStringLiteral("dup"));
        Endpoint second = first;
        second.label = QStringLiteral("second");
        m_model->setEndpoints({first, second});
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->endpointAt(0).label, first.label);
    }

    void refreshKeepsSecretAndBusyState() {
        m_model->setEndpoints({makeEndpoint(QStringLiteral("a")), makeEndpoint(QStringLiteral("b"))});
        m_model->setSecretStored(QStringLiteral("a"), false);
        m_model->setBusy(QStringLiteral("b"), true);
        Endpoint changedA = makeEndpoint(QStringLiteral("a"));
        changedA.url = QStringLiteral("https://example.com/moved");
        m_model->setEndpoints({changedA, makeEndpoint(QStringLiteral("b"))});
        QCOMPARE(m_model->indexFromId(QStringLiteral("a")).data(Model::SecretStoredRole), QVariant(false));
        QVERIFY(m_model->isBusy(QStringLiteral("b")));
        QCOMPARE(m_model->secretMissingCount(), 1);
    }

    void updateEndpointUpdatesOrAppends() {
        m_model->setEndpoints({makeEndpoint(QStringLiteral("a"))});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);

        Endpoint a = makeEndpoint(QStringLiteral("a"), EndpointStatus::Paused);
        m_model->updateEndpoint(a);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(m_model->endpointAt(0).status, EndpointStatus::Paused);

        m_model->updateEndpoint(a); // same again: nothing to repaint
        QCOMPARE(changed.count(), 1);

        m_model->updateEndpoint(makeEndpoint(QStringLiteral("created")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->rowCount(), 2);
        const QModelIndex created = m_model->indexFromId(QStringLiteral("created"), Model::Url);
        QCOMPARE(created.row(), 1);
        QCOMPARE(created.column(), int(Model::Url));
        QCOMPARE(m_model->endpointFromIndex(created).id, QStringLiteral("created"));
    }

    void removeEndpoint() {
        m_model->setEndpoints(
            {makeEndpoint(QStringLiteral("a")), makeEndpoint(QStringLiteral("b")), makeEndpoint(QStringLiteral("c"))});
        QVERIFY(m_model->removeEndpoint(QStringLiteral("b")));
        QVERIFY(!m_model->removeEndpoint(QStringLiteral("b")));
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->indexFromId(QStringLiteral("c")).row(), 1);
        QVERIFY(!m_model->indexFromId(QStringLiteral("b")).isValid());
        QVERIFY(!m_model->endpointById(QStringLiteral("b")));
        QVERIFY(m_model->endpointAt(7).id.isEmpty());
        QVERIFY(m_model->endpointFromIndex({}).id.isEmpty());
    }

    void counts() {
        QSignalSpy countsChanged(m_model.get(), &Model::countsChanged);
        m_model->setEndpoints({makeEndpoint(QStringLiteral("a"), EndpointStatus::AutoPaused, 9),
                               makeEndpoint(QStringLiteral("b"), EndpointStatus::AutoPaused, 4),
                               makeEndpoint(QStringLiteral("c")), makeEndpoint(QStringLiteral("d"))});
        QCOMPARE(m_model->autoPausedCount(), 2);
        QCOMPARE(m_model->secretMissingCount(), 0); // unknown is not missing
        QCOMPARE(countsChanged.count(), 1);

        m_model->setSecretStored(QStringLiteral("c"), true);
        QCOMPARE(countsChanged.count(), 1); // nothing counted changed
        m_model->setSecretStored(QStringLiteral("d"), false);
        QCOMPARE(m_model->secretMissingCount(), 1);
        QCOMPARE(countsChanged.count(), 2);
        m_model->setSecretStored(QStringLiteral("d"), false);
        QCOMPARE(countsChanged.count(), 2);

        m_model->updateEndpoint(makeEndpoint(QStringLiteral("a"))); // resumed
        QCOMPARE(m_model->autoPausedCount(), 1);
        QCOMPARE(countsChanged.count(), 3);

        m_model->removeEndpoint(QStringLiteral("d"));
        QCOMPARE(m_model->secretMissingCount(), 0);
        QCOMPARE(countsChanged.count(), 4);

        m_model->setSecretStored(QStringLiteral("nobody"), false); // unknown ids are ignored
        QCOMPARE(m_model->secretMissingCount(), 0);
    }

    void busyNestsAndRepaintsTheRow() {
        m_model->setEndpoints({makeEndpoint(QStringLiteral("a")), makeEndpoint(QStringLiteral("b"))});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        m_model->setBusy(QStringLiteral("b"), true);
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft, m_model->index(1, 0));
        QCOMPARE(bottomRight, m_model->index(1, Model::ColumnCount - 1)); // the whole row greys
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{Model::BusyRole});
        for (int column = 0; column < Model::ColumnCount; ++column)
            QVERIFY(m_model->index(1, column).data(Model::BusyRole).toBool());
        QVERIFY(!m_model->index(0, 0).data(Model::BusyRole).toBool());

        m_model->setBusy(QStringLiteral("b"), true); // a second request on the same endpoint
        m_model->setBusy(QStringLiteral("b"), false);
        QVERIFY(m_model->isBusy(QStringLiteral("b")));
        QCOMPARE(changed.count(), 1);
        m_model->setBusy(QStringLiteral("b"), false);
        QVERIFY(!m_model->isBusy(QStringLiteral("b")));
        QCOMPARE(changed.count(), 2);
        m_model->setBusy(QStringLiteral("b"), false); // unbalanced: stays not busy
        QVERIFY(!m_model->isBusy(QStringLiteral("b")));
        // Busy rows stay selectable.
        QVERIFY(m_model->flags(m_model->index(1, 0)) & Qt::ItemIsSelectable);
    }

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestEndpointTableModel)
#include "tst_EndpointTableModel.moc"
