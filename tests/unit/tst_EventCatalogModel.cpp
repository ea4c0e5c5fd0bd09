#include "EventCatalogModel.h"
#include "ProviderRegistry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

QList<EventType> catalogOf(const QString &providerId) {
    const auto profile = ProviderRegistry().profile(providerId);
    return profile ? profile->catalog() : QList<EventType>();
}

} // namespace

class TestEventCatalogModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EventCatalogModel> m_model;
    // Lives as long as the model, so it checks every change each test makes.
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    void makeModel(const QString &providerId) {
        m_tester.reset();
        m_model = std::make_unique<EventCatalogModel>(catalogOf(providerId));
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    QModelIndex group(const QString &name) const {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (index.data(EventCatalogModel::TypeRole).toString() == name)
                return index;
        }
        return {};
    }

    QModelIndex event(const QString &type) const {
        const QModelIndex parent = group(type.section(QLatin1Char('.'), 0, 0));
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (index.data(EventCatalogModel::TypeRole).toString() == type)
                return index;
        }
        return {};
    }

    static Qt::CheckState state(const QModelIndex &index) {
        return index.data(Qt::CheckStateRole).value<Qt::CheckState>();
    }

private slots:
    void cleanup() {
        m_tester.reset();
        m_model.reset();
    }

    void groupsByPrefixInCatalogOrder() {
        makeModel(QStringLiteral("layers"));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("job.*"));
        QCOMPARE(m_model->index(1, 0).data(EventCatalogModel::TypeRole).toString(), QStringLiteral("content"));
        QCOMPARE(m_model->index(2, 0).data(EventCatalogModel::TypeRole).toString(), QStringLiteral("post"));
        const QModelIndex job = group(QStringLiteral("job"));
        QCOMPARE(m_model->rowCount(job), 2);
        QCOMPARE(m_model->index(1, 0, job).data().toString(), QStringLiteral("job.failed"));
        QCOMPARE(m_model->index(1, 0, job).parent(), job);
        QVERIFY(job.data(EventCatalogModel::GroupRole).toBool());
        QVERIFY(!event(QStringLiteral("job.failed")).data(EventCatalogModel::GroupRole).toBool());
        QCOMPARE(event(QStringLiteral("job.failed")).data(Qt::ToolTipRole).toString(), QStringLiteral("A job failed."));
        QVERIFY(event(QStringLiteral("job.failed")).flags().testFlag(Qt::ItemIsUserCheckable));
    }

    void groupStateIsDerivedFromChildren() {
        makeModel(QStringLiteral("layers"));
        const QModelIndex job = group(QStringLiteral("job"));
        QSignalSpy changed(m_model.get(), &EventCatalogModel::selectionChanged);
        QCOMPARE(state(job), Qt::Unchecked);

        QVERIFY(m_model->setData(event(QStringLiteral("job.failed")), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(state(job), Qt::PartiallyChecked);
        QVERIFY(m_model->setData(event(QStringLiteral("job.completed")), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(state(job), Qt::Checked);
        QCOMPARE(changed.count(), 2);

        // Checking or clearing a group applies to its children only.
        QVERIFY(m_model->setData(event(QStringLiteral("post.published")), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(m_model->setData(job, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(state(event(QStringLiteral("job.completed"))), Qt::Unchecked);
        QCOMPARE(state(event(QStringLiteral("job.failed"))), Qt::Unchecked);
        QCOMPARE(m_model->selectedEvents(), QStringList{QStringLiteral("post.published")});
        QVERIFY(m_model->setData(job, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(m_model->selectedEvents(), (QStringList{QStringLiteral("job.completed"), QStringLiteral("job.failed"),
                                                         QStringLiteral("post.published")}));
        QCOMPARE(changed.count(), 5);
    }

    void selectionRoundTrip() {
        makeModel(QStringLiteral("encrata"));
        QSignalSpy changed(m_model.get(), &EventCatalogModel::selectionChanged);
        m_model->setSelectedEvents({QStringLiteral("credits.low"), QStringLiteral("lookup.completed")});
        QCOMPARE(changed.count(), 1);
        // Catalog order, whatever order they were given in.
        QCOMPARE(m_model->selectedEvents(),
                 (QStringList{QStringLiteral("lookup.completed"), QStringLiteral("credits.low")}));
        QCOMPARE(m_model->selectedCount(), 2);
        QCOMPARE(state(group(QStringLiteral("credits"))), Qt::PartiallyChecked);

        m_model->setSelectedEvents({QStringLiteral("lookup.completed"), QStringLiteral("credits.low")});
        QCOMPARE(changed.count(), 1); // the same set again is no change

        m_model->selectAll();
        QCOMPARE(m_model->selectedCount(), 5);
        QCOMPARE(state(group(QStringLiteral("apikey"))), Qt::Checked);
        m_model->clear();
        QVERIFY(m_model->selectedEvents().isEmpty());
        QCOMPARE(changed.count(), 3);
    }

    void customEvents() {
        makeModel(QStringLiteral("layers"));
        m_model->setSelectedEvents({QStringLiteral("job.completed"), QStringLiteral("job.failed")});
        QCOMPARE(state(group(QStringLiteral("job"))), Qt::Checked);

        const QModelIndex started = m_model->addCustomEvent(QStringLiteral("job.started"));
        QVERIFY(started.isValid());
        QCOMPARE(started.parent(), group(QStringLiteral("job")));
        QVERIFY(started.data(EventCatalogModel::CustomRole).toBool());
        QVERIFY(started.data().toString().contains(QStringLiteral("custom")));
        QCOMPARE(state(started), Qt::Checked);
        QVERIFY(!event(QStringLiteral("job.completed")).data(EventCatalogModel::CustomRole).toBool());

        // A prefix the catalog lacks gets its own group.
        const QModelIndex paid = m_model->addCustomEvent(QStringLiteral("billing.paid"));
        QCOMPARE(paid.parent().data(EventCatalogModel::TypeRole).toString(), QStringLiteral("billing"));
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->selectedEvents(),
                 (QStringList{QStringLiteral("job.completed"), QStringLiteral("job.failed"),
                              QStringLiteral("job.started"), QStringLiteral("billing.paid")}));

        // Adding a listed type only checks it.
        m_model->clear();
        QCOMPARE(m_model->addCustomEvent(QStringLiteral("post.published")), event(QStringLiteral("post.published")));
        QCOMPARE(m_model->rowCount(group(QStringLiteral("post"))), 1);
        QCOMPARE(m_model->selectedEvents(), QStringList{QStringLiteral("post.published")});

        // An existing endpoint's unknown subscriptions survive into the model as custom events.
        m_model->setSelectedEvents({QStringLiteral("audit.logged")});
        QVERIFY(event(QStringLiteral("audit.logged")).data(EventCatalogModel::CustomRole).toBool());
        QCOMPARE(m_model->selectedEvents(), QStringList{QStringLiteral("audit.logged")});
    }

    void nonSubscribableEventsCannotBeChecked() {
        makeModel(QStringLiteral("signa"));
        const QModelIndex test = event(QStringLiteral("webhook.test"));
        QVERIFY(test.isValid());
        QVERIFY(!test.flags().testFlag(Qt::ItemIsEnabled));
        QVERIFY(!test.flags().testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(test.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cannot be subscribed")));
        QVERIFY(!test.data(EventCatalogModel::SubscribableRole).toBool());
        QVERIFY(!m_model->setData(test, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!m_model->setData(test.parent(), Qt::Checked, Qt::CheckStateRole));

        m_model->selectAll();
        QCOMPARE(m_model->selectedEvents(), QStringList{QStringLiteral("alert.created")});
        m_model->setSelectedEvents({QStringLiteral("webhook.test"), QStringLiteral("alert.created")});
        QCOMPARE(m_model->selectedEvents(), QStringList{QStringLiteral("alert.created")});
        QCOMPARE(state(test), Qt::Unchecked);
    }

    void setCatalogResets() {
        makeModel(QStringLiteral("layers"));
        m_model->selectAll();
        QSignalSpy changed(m_model.get(), &EventCatalogModel::selectionChanged);
        m_model->setCatalog(catalogOf(QStringLiteral("polyai")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_model->rowCount(), 1);
        QVERIFY(m_model->selectedEvents().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEventCatalogModel)
#include "tst_EventCatalogModel.moc"
