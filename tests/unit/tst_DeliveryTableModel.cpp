// The Deliveries view's models: rows newest first, the event type read from the body, a
// forward's outcome replaced in place, and the three filters; QAbstractItemModelTester watches both.
#include "DeliveryFilterModel.h"
#include "DeliveryTableModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

CapturedDelivery delivery(qint64 id, const QString &endpointId, const QByteArray &body, const QString &verdict) {
    CapturedDelivery d;
    d.id = id;
    d.receivedAt = QDateTime::fromSecsSinceEpoch(1700000000 + id, Qt::UTC);
    d.method = QStringLiteral("POST");
    d.path = QStringLiteral("/hooks/%1").arg(id);
    d.connectionId = endpointId.isEmpty() ? QString() : QStringLiteral("conn");
    d.endpointId = endpointId;
    d.body = body;
    d.verdict = verdict;
    d.verdictMessage = QStringLiteral("why %1").arg(id);
    return d;
}

} // namespace

class TestDeliveryTableModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DeliveryTableModel> m_model;
    std::unique_ptr<DeliveryFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;

private slots:
    void init() {
        m_model = std::make_unique<DeliveryTableModel>();
        m_filter = std::make_unique<DeliveryFilterModel>();
        m_filter->setSourceModel(m_model.get());
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_filterTester = std::make_unique<QAbstractItemModelTester>(m_filter.get());
        m_model->setDeliveries({delivery(3, QStringLiteral("ep_a"), "{\"type\":\"job.failed\"}", "mismatch"),
                                delivery(2, QString(), "not json", "no-endpoint"),
                                delivery(1, QStringLiteral("ep_a"), "{\"type\":\"job.completed\"}", "ok")});
    }
    void cleanup() {
        m_filterTester.reset();
        m_modelTester.reset();
        m_filter.reset();
        m_model.reset();
    }

    void showsEachColumn() {
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, DeliveryTableModel::Event).data().toString(), QStringLiteral("job.failed"));
        QCOMPARE(m_model->index(1, DeliveryTableModel::Event).data().toString(), QStringLiteral("—"));
        QCOMPARE(m_model->index(1, DeliveryTableModel::Endpoint).data().toString(), QStringLiteral("—"));
        QCOMPARE(m_model->index(2, DeliveryTableModel::Verdict).data().toString(), QStringLiteral("Valid"));
        QCOMPARE(m_model->index(0, DeliveryTableModel::Verdict).data().toString(), QStringLiteral("Mismatch"));
        QCOMPARE(m_model->index(0, DeliveryTableModel::Verdict).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("why 3"));
        QCOMPARE(m_model->index(0, 0).data(DeliveryTableModel::EndpointKeyRole).toString(),
                 QStringLiteral("conn/ep_a"));
    }

    // A connection whose profile puts the event type at event.type: its rows are read there, a
    // row matched to no connection still at the top-level type.
    void readsTheEventTypeWhereTheConnectionsProfileSays() {
        QJsonObject nested{{QStringLiteral("eventType"), QStringLiteral("event.type")}};
        QString key, error;
        const std::optional<DeliveryFormat> format = DeliveryFormat::fromJson(nested, &key, &error);
        QVERIFY2(format, qPrintable(error));
        const QByteArray body = R"({"type":"envelope","event":{"type":"job.completed"}})";
        m_model->setDeliveries({delivery(2, QStringLiteral("ep_a"), body, "ok"), delivery(1, QString(), body, "ok")});
        QCOMPARE(m_model->index(0, DeliveryTableModel::Event).data().toString(), QStringLiteral("envelope"));
        m_model->setDeliveryFormats({{QStringLiteral("conn"), *format}});
        QCOMPARE(m_model->index(0, DeliveryTableModel::Event).data().toString(), QStringLiteral("job.completed"));
        QCOMPARE(m_model->index(0, 0).data(DeliveryTableModel::EventTypeRole).toString(),
                 QStringLiteral("job.completed"));
        QCOMPARE(m_model->index(1, DeliveryTableModel::Event).data().toString(), QStringLiteral("envelope"));
        m_model->addDelivery(delivery(3, QStringLiteral("ep_a"), R"({"event":{"type":"job.failed"}})", "ok"));
        QCOMPARE(m_model->index(0, DeliveryTableModel::Event).data().toString(), QStringLiteral("job.failed"));
        m_filter->setEventTypeFilter(QStringLiteral("job.completed"));
        QCOMPARE(m_filter->rowCount(), 1);
        QCOMPARE(m_filter->index(0, 0).data(DeliveryTableModel::DeliveryIdRole).toLongLong(), 2);
    }

    void aNewDeliveryGoesOnTopAndAReplayReplacesTheForward() {
        CapturedDelivery forwarded = delivery(4, QStringLiteral("ep_b"), "{}", "ok");
        forwarded.forward.status = 200;
        forwarded.forward.ms = 30;
        forwarded.forward.setBody("first answer");
        m_model->addDelivery(forwarded);
        QCOMPARE(m_model->index(0, 0).data(DeliveryTableModel::DeliveryIdRole).toLongLong(), 4);
        QCOMPARE(m_model->deliveryFromIndex(m_model->index(0, 0)).forward.body, QByteArray("first answer"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        ForwardOutcome replayed;
        replayed.status = 202;
        replayed.ms = 12;
        replayed.setBody("second answer");
        m_model->setForwardOutcome(4, replayed);
        QCOMPARE(changed.size(), 1);
        const CapturedDelivery shown = m_model->deliveryFromIndex(m_model->index(0, 0));
        QCOMPARE(shown.forward.status, 202);
        QCOMPARE(shown.forward.ms, qint64(12));
        QCOMPARE(shown.forward.body, QByteArray("second answer"));
        QVERIFY(!shown.forward.bodyTruncated);
    }

    void filtersByEndpointEventAndVerdict() {
        m_filter->setEndpointFilter(QStringLiteral("conn/ep_a"));
        QCOMPARE(m_filter->rowCount(), 2);
        m_filter->setEventTypeFilter(QStringLiteral("job.completed"));
        QCOMPARE(m_filter->rowCount(), 1);
        m_filter->setVerdictFilter(QStringLiteral("mismatch"));
        QCOMPARE(m_filter->rowCount(), 0);
        m_filter->setEventTypeFilter(QString());
        QCOMPARE(m_filter->rowCount(), 1);
        m_filter->setEndpointFilter(DeliveryFilterModel::noEndpoint());
        m_filter->setVerdictFilter(QString());
        QCOMPARE(m_filter->rowCount(), 1);
        QCOMPARE(m_filter->index(0, DeliveryTableModel::Path).data().toString(), QStringLiteral("/hooks/2"));
        m_filter->setEndpointFilter(QString());
        QCOMPARE(m_filter->rowCount(), 3);
    }

    void sortsByArrivalNotByTheTimeText() {
        m_filter->sort(DeliveryTableModel::Time, Qt::AscendingOrder);
        QCOMPARE(m_filter->index(0, 0).data(DeliveryTableModel::DeliveryIdRole).toLongLong(), 1);
        m_filter->sort(DeliveryTableModel::Time, Qt::DescendingOrder);
        QCOMPARE(m_filter->index(0, 0).data(DeliveryTableModel::DeliveryIdRole).toLongLong(), 3);
    }

    void clearEmptiesIt() {
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_filter->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryTableModel)
#include "tst_DeliveryTableModel.moc"
