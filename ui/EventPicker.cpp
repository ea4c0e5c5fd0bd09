#include "EventPicker.h"

#include "ErrorText.h"

#include "EventCatalogModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

bool isReturn(const QEvent *event) {
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return false;
    const int key = static_cast<const QKeyEvent *>(event)->key();
    return key == Qt::Key_Return || key == Qt::Key_Enter;
}

} // namespace

EventPicker::EventPicker(const ProviderProfile &profile, QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_model(new EventCatalogModel(profile.catalog(), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_selectAll(new QPushButton(tr("Select &all"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
    , m_count(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(EventCatalogModel::SearchTextRole);

    m_filter->setObjectName(QStringLiteral("eventFilter"));
    m_filter->setPlaceholderText(tr("Filter events"));
    m_filter->setClearButtonEnabled(true);
    for (QToolButton *clear : m_filter->findChildren<QToolButton *>())
        clear->setAccessibleName(tr("Clear the event filter"));
    m_filter->setAccessibleName(tr("Filter events"));
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &EventPicker::filterChanged);

    m_view->setObjectName(QStringLiteral("eventTree"));
    m_view->setAccessibleName(tr("Event types"));
    m_view->setAccessibleDescription(tr("Check the events this endpoint receives. Space toggles the current one."));
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->expandAll();
    m_view->setCurrentIndex(m_proxy->index(0, 0));
    // Room for a typical catalog without scrolling; the tree is the heart of the form.
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 11);
    // Groups created for custom types, and rows a filter brings back, should show their events.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, m_view, &QTreeView::expandAll);

    m_selectAll->setObjectName(QStringLiteral("selectAllEvents"));
    m_selectAll->setAccessibleName(tr("Select all events"));
    m_selectAll->setAutoDefault(false);
    connect(m_selectAll, &QPushButton::clicked, m_model, &EventCatalogModel::selectAll);
    m_clear->setObjectName(QStringLiteral("clearEvents"));
    m_clear->setAccessibleName(tr("Clear the event selection"));
    m_clear->setAutoDefault(false);
    connect(m_clear, &QPushButton::clicked, m_model, &EventCatalogModel::clear);

    m_count->setObjectName(QStringLiteral("eventCount"));
    m_count->setAccessibleName(tr("Selected events"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_selectAll);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    buttons->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    if (m_profile.catalogIsOpen()) {
        m_customType = new QLineEdit(this);
        m_customType->setObjectName(QStringLiteral("customEventType"));
        m_customType->setPlaceholderText(tr("Custom event type, e.g. job.started"));
        m_customType->setAccessibleName(tr("Custom event type"));
        m_customType->setAccessibleDescription(
            tr("%1 accepts event types beyond the listed ones. Type one and press Enter to add it.")
                .arg(m_profile.name()));
        m_customType->installEventFilter(this);
        connect(m_customType, &QLineEdit::textChanged, this, &EventPicker::customTypeEdited);

        m_addCustom = new QPushButton(tr("Add cus&tom"), this);
        m_addCustom->setObjectName(QStringLiteral("addCustomEvent"));
        m_addCustom->setAccessibleName(tr("Add custom event type"));
        m_addCustom->setAutoDefault(false);
        m_addCustom->setEnabled(false);
        connect(m_addCustom, &QPushButton::clicked, this, &EventPicker::addCustomType);

        m_customError = new QLabel(this);
        m_customError->setObjectName(QStringLiteral("customEventError"));
        m_customError->setWordWrap(true);
        m_customError->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // Its room is kept while it is hidden, so an error appearing moves nothing under the pointer.
        m_customError->setMinimumHeight(m_customError->fontMetrics().lineSpacing() * 2);
        QSizePolicy policy = m_customError->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        m_customError->setSizePolicy(policy);
        m_customError->setVisible(false);

        auto *custom = new QHBoxLayout;
        custom->addWidget(m_customType, 1);
        custom->addWidget(m_addCustom);
        layout->addLayout(custom);
        layout->addWidget(m_customError);
    }

    connect(m_model, &EventCatalogModel::selectionChanged, this, [this] {
        m_touched = m_touched || !m_settingSelection;
        updateCount();
        emit selectionChanged(selectedEvents());
    });
    updateCount();
    applyErrorColours();
}

EventPicker::~EventPicker() = default;

QStringList EventPicker::selectedEvents() const {
    return m_model->selectedEvents();
}

void EventPicker::setSelectedEvents(const QStringList &events) {
    m_settingSelection = true;
    m_model->setSelectedEvents(events);
    m_settingSelection = false;
}

QWidget *EventPicker::firstInTabOrder() const {
    return m_filter;
}

QWidget *EventPicker::lastInTabOrder() const {
    return m_addCustom ? static_cast<QWidget *>(m_addCustom) : m_clear;
}

bool EventPicker::eventFilter(QObject *watched, QEvent *event) {
    // Enter in these fields means "this field", not the dialog's default button (Create).
    if ((watched == m_filter || (m_customType && watched == m_customType)) && isReturn(event)) {
        event->accept();
        if (event->type() == QEvent::KeyPress && watched == m_customType)
            addCustomType();
        return event->type() == QEvent::KeyPress;
    }
    return QWidget::eventFilter(watched, event);
}

void EventPicker::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColours();
}

void EventPicker::filterChanged(const QString &text) {
    m_proxy->setFilterFixedString(text.trimmed());
    m_view->expandAll();
}

void EventPicker::updateCount() {
    const int count = m_model->selectedCount();
    const int min = m_profile.eventsMin();
    const int max = m_profile.eventsMax();
    const QString selected = tr("%n selected", nullptr, count);
    const QString allowed = max > 0 ? tr("%1–%2 allowed").arg(min).arg(max) : tr("at least %1").arg(min);
    m_count->setText(tr("%1 · %2").arg(selected, allowed));
    m_countOutOfRange = m_touched && (count < min || (max > 0 && count > max));
    applyErrorColours();
}

QString EventPicker::customTypeProblem(const QString &type) const {
    if (type.isEmpty())
        return {};
    if (m_model->contains(type))
        return tr("“%1” is already in the list; check it there.").arg(type);
    const QRegularExpression pattern = m_profile.customEventPattern();
    if (!pattern.match(type).hasMatch())
        return tr("This is not a well-formed %1 event type: it must match %2.")
            .arg(m_profile.name(), pattern.pattern());
    return {};
}

void EventPicker::customTypeEdited() {
    const QString type = m_customType->text().trimmed();
    const QString problem = customTypeProblem(type);
    m_customError->setText(problem);
    m_customError->setVisible(!problem.isEmpty());
    m_addCustom->setEnabled(!type.isEmpty() && problem.isEmpty());
}

void EventPicker::addCustomType() {
    if (!m_customType)
        return;
    const QString type = m_customType->text().trimmed();
    const QString problem = customTypeProblem(type);
    if (type.isEmpty() || !problem.isEmpty()) {
        customTypeEdited();
        return;
    }
    const QModelIndex added = m_model->addCustomEvent(type);
    m_customType->clear();
    // Show what was added even when the filter would hide it.
    if (!m_proxy->mapFromSource(added).isValid())
        m_filter->clear();
    m_view->scrollTo(m_proxy->mapFromSource(added));
}

void EventPicker::applyErrorColours() {
    ErrorText::apply(m_count, palette(), m_countOutOfRange);
    if (m_customError)
        ErrorText::apply(m_customError, palette(), true);
}
