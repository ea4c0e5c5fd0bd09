#include "EventCatalogModel.h"
#include "EventPicker.h"
#include "ProviderRegistry.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

namespace {

ProviderProfile profileOf(const QString &providerId) {
    return ProviderRegistry().profile(providerId).value();
}

// The view's index of the row whose TypeRole is type (a group name or an event type).
QModelIndex findRow(const QAbstractItemModel *model, const QString &type, const QModelIndex &parent = QModelIndex()) {
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(EventCatalogModel::TypeRole).toString() == type)
            return index;
        const QModelIndex child = findRow(model, type, index);
        if (child.isValid())
            return child;
    }
    return {};
}

// Where the view draws the check box of index, the way QStyledItemDelegate works it out.
QPoint checkBoxCentre(QTreeView *view, const QModelIndex &index) {
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.rect = view->visualRect(index);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = index.data().toString();
    option.checkState = index.data(Qt::CheckStateRole).value<Qt::CheckState>();
    option.font = view->font();
    option.fontMetrics = view->fontMetrics();
    return view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view).center();
}

} // namespace

class TestEventPicker : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EventPicker> m_picker;

    EventPicker *show(const QString &providerId) {
        m_picker = std::make_unique<EventPicker>(profileOf(providerId));
        m_picker->resize(420, 480);
        m_picker->show();
        if (!QTest::qWaitForWindowExposed(m_picker.get()))
            return nullptr;
        return m_picker.get();
    }

    template <typename T> T *child(const char *name) const { return m_picker->findChild<T *>(QLatin1String(name)); }

private slots:
    void cleanup() { m_picker.reset(); }

    void clickingAGroupChecksItsEvents() {
        EventPicker *picker = show(QStringLiteral("layers"));
        QVERIFY(picker);
        QSignalSpy changed(picker, &EventPicker::selectionChanged);
        QTreeView *view = picker->view();
        const QModelIndex job = findRow(view->model(), QStringLiteral("job"));
        QVERIFY(job.isValid());

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBoxCentre(view, job));
        QCOMPARE(picker->selectedEvents(),
                 (QStringList{QStringLiteral("job.completed"), QStringLiteral("job.failed")}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().first().toStringList(), picker->selectedEvents());
        QCOMPARE(job.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

        // One child off: the group shows partly checked; clicking it again checks the rest.
        const QModelIndex failed = findRow(view->model(), QStringLiteral("job.failed"));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBoxCentre(view, failed));
        QCOMPARE(picker->selectedEvents(), QStringList{QStringLiteral("job.completed")});
        QCOMPARE(job.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBoxCentre(view, job));
        QCOMPARE(picker->selectedEvents().size(), 2);
    }

    void spaceTogglesTheCurrentEvent() {
        EventPicker *picker = show(QStringLiteral("layers"));
        QVERIFY(picker);
        QTreeView *view = picker->view();
        view->setFocus();
        view->setCurrentIndex(findRow(view->model(), QStringLiteral("content.approved")));
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(picker->selectedEvents(), QStringList{QStringLiteral("content.approved")});
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(picker->selectedEvents().isEmpty());
    }

    void filterNarrowsByTypeAndDescription() {
        EventPicker *picker = show(QStringLiteral("layers"));
        QVERIFY(picker);
        auto *filter = child<QLineEdit>("eventFilter");
        QVERIFY(filter);
        const QAbstractItemModel *shown = picker->view()->model();
        QCOMPARE(shown->rowCount(), 3);

        QTest::keyClicks(filter, QStringLiteral("fail"));
        QCOMPARE(shown->rowCount(), 1);
        QToolButton *clear = filter->findChild<QToolButton *>();
        QVERIFY(clear && clear->isVisibleTo(filter));
        QCOMPARE(clear->accessibleName(), QStringLiteral("Clear the event filter"));
        QCOMPARE(shown->rowCount(shown->index(0, 0)), 1);
        QCOMPARE(shown->index(0, 0, shown->index(0, 0)).data(EventCatalogModel::TypeRole).toString(),
                 QStringLiteral("job.failed"));

        // "approved" is in content.approved's type; "piece of content" only in its description.
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("piece of"));
        QCOMPARE(shown->rowCount(), 1);
        QVERIFY(findRow(shown, QStringLiteral("content.approved")).isValid());
        QVERIFY(picker->view()->isExpanded(shown->index(0, 0)));

        filter->clear();
        QCOMPARE(shown->rowCount(), 3);
    }

    void countShowsTheProvidersLimits() {
        EventPicker *picker = show(QStringLiteral("layers"));
        QVERIFY(picker);
        auto *count = child<QLabel>("eventCount");
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("0 selected · 1–50 allowed"));
        // Issue 9.15: nothing is wrong before the operator has done anything, so nothing is red.
        QCOMPARE(count->palette().color(QPalette::WindowText), picker->palette().color(QPalette::WindowText));

        QTest::mouseClick(child<QPushButton>("selectAllEvents"), Qt::LeftButton);
        QCOMPARE(count->text(), QStringLiteral("4 selected · 1–50 allowed"));
        QCOMPARE(count->palette().color(QPalette::WindowText), picker->palette().color(QPalette::WindowText));
        QTest::mouseClick(child<QPushButton>("clearEvents"), Qt::LeftButton);
        QCOMPARE(count->text(), QStringLiteral("0 selected · 1–50 allowed"));
        // Below the minimum once the operator has chosen: drawn in a colour other than the normal text.
        QVERIFY(count->palette().color(QPalette::WindowText) != picker->palette().color(QPalette::WindowText));

        picker = show(QStringLiteral("encrata"));
        picker->setSelectedEvents(
            {QStringLiteral("credits.low"), QStringLiteral("credits.exhausted"), QStringLiteral("apikey.created")});
        QCOMPARE(child<QLabel>("eventCount")->text(), QStringLiteral("3 selected · at least 1"));
    }

    void customTypesOnAnOpenCatalog() {
        EventPicker *picker = show(QStringLiteral("layers"));
        QVERIFY(picker);
        auto *type = child<QLineEdit>("customEventType");
        auto *add = child<QPushButton>("addCustomEvent");
        auto *error = child<QLabel>("customEventError");
        QVERIFY(type && add && error);
        QVERIFY(!add->isEnabled());

        QTest::keyClicks(type, QStringLiteral("Job Started"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("not a well-formed")), qPrintable(error->text()));
        QVERIFY(!add->isEnabled());
        QTest::keyClick(type, Qt::Key_Return); // refused: nothing added
        QVERIFY(picker->selectedEvents().isEmpty());

        type->clear();
        QTest::keyClicks(type, QStringLiteral("job.completed"));
        QVERIFY(error->text().contains(QStringLiteral("already in the list")));
        QVERIFY(!add->isEnabled());

        type->clear();
        QTest::keyClicks(type, QStringLiteral("job.started"));
        QVERIFY(!error->isVisible());
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(picker->selectedEvents(), QStringList{QStringLiteral("job.started")});
        QVERIFY(type->text().isEmpty());
        const QModelIndex started = findRow(picker->view()->model(), QStringLiteral("job.started"));
        QVERIFY(started.data(EventCatalogModel::CustomRole).toBool());

        // Enter in the field adds too.
        QTest::keyClicks(type, QStringLiteral("invoice.paid"));
        QTest::keyClick(type, Qt::Key_Return);
        QCOMPARE(picker->selectedEvents(),
                 (QStringList{QStringLiteral("job.started"), QStringLiteral("invoice.paid")}));
    }

    // Issue 9.15: a group row ticks the events listed under it; it is no wildcard subscription.
    void groupRowsSayWhatTickingThemDoes() {
        EventPicker *picker = show(QStringLiteral("layers"));
        QVERIFY(picker);
        const QModelIndex job = findRow(picker->view()->model(), QStringLiteral("job"));
        QVERIFY(job.isValid());
        for (const int role : {int(Qt::ToolTipRole), int(Qt::AccessibleDescriptionRole)}) {
            const QString text = job.data(role).toString();
            QVERIFY2(text.contains(QStringLiteral("job.completed")) && text.contains(QStringLiteral("job.failed")),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("not a wildcard")), qPrintable(text));
        }
    }

    // Issue 9.15: the custom type's error appears without moving the tree under the pointer.
    void theCustomTypeErrorDoesNotMoveTheTree() {
        EventPicker *picker = show(QStringLiteral("layers"));
        QVERIFY(picker);
        picker->resize(440, picker->sizeHint().height()); // as wide as in the endpoint dialog, no room to spare
        QTest::qWait(20);
        QTreeView *view = picker->view();
        const QRect before(view->mapTo(picker, QPoint(0, 0)), view->size());
        const QSize pickerBefore = picker->size();
        QTest::keyClicks(child<QLineEdit>("customEventType"), QStringLiteral("Job Started"));
        QVERIFY(child<QLabel>("customEventError")->isVisible());
        QTest::qWait(20);
        QCOMPARE(QRect(view->mapTo(picker, QPoint(0, 0)), view->size()), before);
        QCOMPARE(picker->sizeHint().height() <= pickerBefore.height(), true);
    }

    void closedCatalogsOfferNoCustomTypes() {
        QVERIFY(show(QStringLiteral("signa")));
        QVERIFY(!child<QLineEdit>("customEventType"));
        QVERIFY(!child<QPushButton>("addCustomEvent"));
    }

    void nonSubscribableEventIsDisabledWithItsReason() {
        EventPicker *picker = show(QStringLiteral("signa"));
        QVERIFY(picker);
        QTreeView *view = picker->view();
        const QModelIndex test = findRow(view->model(), QStringLiteral("webhook.test"));
        QVERIFY(test.isValid());
        QVERIFY(!test.flags().testFlag(Qt::ItemIsEnabled));
        QVERIFY(test.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cannot be subscribed to")));

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBoxCentre(view, test));
        QTest::mouseClick(child<QPushButton>("selectAllEvents"), Qt::LeftButton);
        QCOMPARE(picker->selectedEvents(), QStringList{QStringLiteral("alert.created")});
    }
};

QTEST_MAIN(TestEventPicker)
#include "tst_EventPicker.moc"
