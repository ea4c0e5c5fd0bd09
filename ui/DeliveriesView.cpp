#include "DeliveriesView.h"

#include "CurlCommand.h"
#include "DeferredIcon.h"
#include "DeliveryDetails.h"
#include "DeliveryFilterModel.h"
#include "DeliveryListener.h"
#include "DeliveryTableModel.h"
#include "EndpointService.h"
#include "ErrorText.h"
#include "LocalState.h"
#include "VerdictBadgeDelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFocusEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace {

QToolButton *buttonFor(QAction *action, const QString &objectName, QWidget *parent) {
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    return button;
}

QLabel *labelFor(const QString &text, QWidget *buddy, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

// Refills a filter's choices, keeping the one chosen while it is still there.
void refill(QComboBox *combo, const QList<QPair<QString, QString>> &choices) {
    const QString chosen = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const auto &[text, value] : choices)
        combo->addItem(text, value);
    combo->setCurrentIndex(qMax(0, combo->findData(chosen)));
}

} // namespace

DeliveriesView::DeliveriesView(EndpointService *service, DeliveryLog *log, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_log(log)
    , m_network(new QNetworkAccessManager(this))
    , m_listener(new DeliveryListener(service, m_network, log, this))
    , m_model(new DeliveryTableModel(this))
    , m_filter(new DeliveryFilterModel(this))
    , m_listenAction(new QAction(tr("&Listen"), this))
    , m_replayAction(new QAction(DeferredIcon::standard(QStyle::SP_MediaSeekForward, this), tr("&Replay"), this))
    , m_copyCurlAction(new QAction(DeferredIcon::standard(QStyle::SP_FileIcon, this), tr("Copy as c&url"), this))
    , m_clearAction(new QAction(DeferredIcon::standard(QStyle::SP_DialogResetButton, this), tr("Cle&ar…"), this))
    , m_listenButton(nullptr)
    , m_port(new QSpinBox(this))
    , m_address(new QLineEdit(this))
    , m_copyAddress(new QToolButton(this))
    , m_forward(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_listenProblem(new QLabel(this))
    , m_endpointFilter(new QComboBox(this))
    , m_eventFilter(new QComboBox(this))
    , m_verdictFilter(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_details(new DeliveryDetails(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this)) {
    setObjectName(QStringLiteral("deliveriesView"));
    setAccessibleName(tr("Deliveries"));
    // Forwards and replays go to the URL as typed: a proxy from the environment would send a
    // loopback target's deliveries elsewhere.
    m_network->setProxy(QNetworkProxy::NoProxy);

    m_listenAction->setObjectName(QStringLiteral("listenAction"));
    m_listenAction->setCheckable(true);
    m_listenAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_listenButton = buttonFor(m_listenAction, QStringLiteral("listenButton"), this);
    // Its text changes with the state: as wide as the wider one, so the row does not jump.
    m_listenButton->setMinimumWidth(m_listenButton->sizeHint().width() +
                                    fontMetrics().horizontalAdvance(tr("Stop Listening")) -
                                    fontMetrics().horizontalAdvance(tr("Listen")));

    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setAccessibleName(tr("Port to listen on"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free"));
    // Its text field takes the focus: a screen reader must hear what it is for there too.
    if (auto *field = m_port->findChild<QLineEdit *>())
        field->setAccessibleName(m_port->accessibleName());
    m_address->setObjectName(QStringLiteral("listenAddress"));
    m_address->setAccessibleName(tr("Receiver address"));
    m_address->setReadOnly(true);
    m_address->setPlaceholderText(tr("Not listening"));
    m_address->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("http://127.0.0.1:65535/")) + 16);
    m_copyAddress->setObjectName(QStringLiteral("copyListenAddress"));
    m_copyAddress->setText(tr("Copy"));
    m_copyAddress->setAccessibleName(tr("Copy the receiver address"));
    m_copyAddress->setToolTip(tr("Copy the receiver address, to paste as an endpoint's URL"));
    m_forward->setObjectName(QStringLiteral("forwardUrl"));
    m_forward->setAccessibleName(tr("Forward URL"));
    m_forward->setPlaceholderText(tr("Forward to (optional), e.g. http://127.0.0.1:3000/webhooks"));
    m_forward->setClearButtonEnabled(true);
    for (QToolButton *clear : m_forward->findChildren<QToolButton *>())
        clear->setAccessibleName(tr("Clear the forward URL"));
    m_status->setObjectName(QStringLiteral("listenStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_listenProblem->setObjectName(QStringLiteral("listenProblem"));
    m_listenProblem->setTextFormat(Qt::PlainText);
    m_listenProblem->setWordWrap(true);
    ErrorText::apply(m_listenProblem, palette());
    m_listenProblem->hide();

    m_endpointFilter->setObjectName(QStringLiteral("deliveryEndpointFilter"));
    m_endpointFilter->setAccessibleName(tr("Endpoint filter"));
    m_eventFilter->setObjectName(QStringLiteral("deliveryEventFilter"));
    m_eventFilter->setAccessibleName(tr("Event type filter"));
    m_verdictFilter->setObjectName(QStringLiteral("deliveryVerdictFilter"));
    m_verdictFilter->setAccessibleName(tr("Verdict filter"));
    // Endpoint ids are long: the choices are wide in the list, the combo stays its own width.
    for (QComboBox *combo : {m_endpointFilter, m_eventFilter, m_verdictFilter}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
    }

    m_replayAction->setObjectName(QStringLiteral("replayDeliveryAction"));
    m_copyCurlAction->setObjectName(QStringLiteral("copyAsCurlAction"));
    m_clearAction->setObjectName(QStringLiteral("clearDeliveriesAction"));
    m_replayButton = buttonFor(m_replayAction, QStringLiteral("replayDelivery"), this);
    m_copyCurlButton = buttonFor(m_copyCurlAction, QStringLiteral("copyAsCurl"), this);
    m_clearButton = buttonFor(m_clearAction, QStringLiteral("clearDeliveries"), this);

    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("deliveryTable"));
    m_table->setAccessibleName(tr("Captured deliveries"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new VerdictBadgeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DeliveryTableModel::Time, Qt::DescendingOrder);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(DeliveryTableModel::Path, QHeaderView::Stretch);
    // Widths for what the columns show, from the font; the path takes what is left.
    const QFontMetrics metrics = fontMetrics();
    const int padding = 2 * metrics.averageCharWidth() + 12;
    const auto fitting = [&](const QString &text) { return metrics.horizontalAdvance(text) + padding; };
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(DeliveryTableModel::Time, fitting(QStringLiteral("2026-12-31 23:59:59")));
    header->resizeSection(DeliveryTableModel::Method, fitting(QStringLiteral("DELETE")));
    header->resizeSection(DeliveryTableModel::Endpoint, fitting(QStringLiteral("0123456789ab")));
    header->resizeSection(DeliveryTableModel::Event, fitting(QStringLiteral("job.completed")));
    header->resizeSection(DeliveryTableModel::Size, fitting(tr("1023 bytes")));
    QFont bold = font();
    bold.setBold(true);
    header->resizeSection(DeliveryTableModel::Verdict,
                          QFontMetrics(bold).horizontalAdvance(tr("Another endpoint's secret")) + padding +
                              metrics.height() + 8);
    // The path takes what is left, but never nothing (on a window of 1,240 pixels it had none):
    // below a short path's width the table scrolls instead.
    header->setMinimumSectionSize(fitting(QStringLiteral("/hooks/x")));
    m_table->setTextElideMode(Qt::ElideMiddle);

    auto *listenRow = new QHBoxLayout;
    listenRow->addWidget(m_listenButton);
    listenRow->addWidget(labelFor(tr("P&ort:"), m_port, this));
    listenRow->addWidget(m_port);
    listenRow->addWidget(labelFor(tr("Addre&ss:"), m_address, this));
    listenRow->addWidget(m_address);
    listenRow->addWidget(m_copyAddress);
    listenRow->addWidget(labelFor(tr("Forwar&d:"), m_forward, this));
    listenRow->addWidget(m_forward, 1);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(labelFor(tr("End&point:"), m_endpointFilter, this));
    filterRow->addWidget(m_endpointFilter);
    filterRow->addWidget(labelFor(tr("Event t&ype:"), m_eventFilter, this));
    filterRow->addWidget(m_eventFilter);
    filterRow->addWidget(labelFor(tr("Verd&ict:"), m_verdictFilter, this));
    filterRow->addWidget(m_verdictFilter);
    filterRow->addWidget(m_status, 1);
    filterRow->addWidget(m_replayButton);
    filterRow->addWidget(m_copyCurlButton);
    filterRow->addWidget(m_clearButton);
    QSplitter *splitter = m_splitter;
    splitter->setObjectName(QStringLiteral("deliveriesSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({900, 500});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(listenRow);
    layout->addWidget(m_listenProblem);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    connect(m_listenAction, &QAction::toggled, this, &DeliveriesView::listenToggled);
    connect(m_copyAddress, &QToolButton::clicked, this, [this] {
        if (!m_address->text().isEmpty())
            QGuiApplication::clipboard()->setText(m_address->text());
    });
    connect(m_forward, &QLineEdit::textChanged, this, [this] {
        const bool typed = !m_forward->text().trimmed().isEmpty();
        ErrorText::apply(m_forward, palette(), typed && forwardUrl().isEmpty());
        m_listener->setForwardUrl(forwardUrl());
        updateActions();
    });
    connect(m_listener, &DeliveryListener::started, this, [this](quint16 port) {
        m_lastPort = port;
        m_address->setText(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        showListenState();
        updateActions();
    });
    connect(m_listener, &DeliveryListener::startFailed, this, [this](const QString &problem) {
        const QSignalBlocker blocker(m_listenAction);
        m_listenAction->setChecked(false);
        showListenState();
        const QString where =
            m_port->value() ? QStringLiteral("127.0.0.1:%1").arg(m_port->value()) : QStringLiteral("127.0.0.1");
        m_listenProblem->setText(
            tr("Cannot listen on %1: %2. Choose another port, or \"Any free\".").arg(where, problem));
        m_listenProblem->show();
        m_port->setAccessibleDescription(m_listenProblem->text());
        // The keyboard goes where the problem is fixed, unless the operator has moved on.
        if (m_listenButton->hasFocus())
            m_port->setFocus(Qt::OtherFocusReason);
        updateActions();
    });
    connect(m_listener, &DeliveryListener::listingFailed, this, [this](const QString &name, const QString &problem) {
        emit notice(
            tr("The endpoints of %1 could not be listed, so its deliveries are not matched: %2").arg(name, problem));
    });
    connect(m_listener, &DeliveryListener::storeFailed, this, [this](const QString &problem) {
        emit notice(tr("A delivery could not be kept in the local database: %1").arg(problem));
    });
    connect(m_listener, &DeliveryListener::captured, this, &DeliveriesView::captured);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DeliveriesView::selectionChanged);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &DeliveriesView::selectionChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &DeliveriesView::selectionChanged);
    for (QComboBox *combo : {m_endpointFilter, m_eventFilter, m_verdictFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &DeliveriesView::filtersChanged);
    connect(m_replayAction, &QAction::triggered, this, &DeliveriesView::replay);
    connect(m_copyCurlAction, &QAction::triggered, this, &DeliveriesView::copyAsCurl);
    connect(m_clearAction, &QAction::triggered, this, &DeliveriesView::clearAll);

    showListenState();
    updateFilterChoices();
    updateActions();
}

DeliveriesView::~DeliveriesView() {
    // The reader holds nothing of this view, but must not outlive the thread object.
    if (m_loader) {
        m_loader->wait();
        delete m_loader;
    }
}

void DeliveriesView::setConnections(const QList<Connection> &connections) {
    m_listener->setConnections(connections, connections);
    QHash<QString, QString> names;
    QHash<QString, DeliveryFormat> formats;
    for (const Connection &connection : connections) {
        names.insert(connection.id, connection.name);
        if (const std::optional<ProviderProfile> profile = m_service->profileFor(connection))
            formats.insert(connection.id, profile->deliveryFormat());
    }
    m_model->setConnectionNames(names);
    m_model->setDeliveryFormats(formats);
    updateFilterChoices();
}

bool DeliveriesView::isListening() const {
    return m_listener->isListening();
}

quint16 DeliveriesView::port() const {
    return m_listener->port();
}

QByteArray DeliveriesView::splitterState() const {
    return m_splitter->saveState();
}

QByteArray DeliveriesView::tableHeaderState() const {
    return m_table->horizontalHeader()->saveState();
}

void DeliveriesView::restoreLayout(const QByteArray &splitterState, const QByteArray &tableHeaderState) {
    m_splitter->restoreState(splitterState);
    m_table->horizontalHeader()->restoreState(tableHeaderState);
}

// Opening the view (View → Deliveries) puts the keyboard on the rows. Not a focus proxy: the view
// sits in the window's tab order, and Tab would land on the rows through it, past the controls above.
void DeliveriesView::focusInEvent(QFocusEvent *event) {
    QWidget::focusInEvent(event);
    m_table->setFocus(event->reason());
}

void DeliveriesView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    // Set once the window around it is built: its own tab order, set later, would cut this one
    // up (Tab then went from the table to the window, past every other control here).
    if (std::exchange(m_tabOrderSet, true))
        return;
    QList<QWidget *> stops{m_listenButton, m_port,           m_copyAddress, m_address,
                           m_forward,      m_endpointFilter, m_eventFilter, m_verdictFilter,
                           m_replayButton, m_copyCurlButton, m_clearButton, m_table};
    stops += m_details->tabStops();
    for (qsizetype i = 1; i < stops.size(); ++i)
        setTabOrder(stops.at(i - 1), stops.at(i));
}

void DeliveriesView::loadKept() {
    if (m_loader || !m_log)
        return;
    auto kept = std::make_shared<QList<DeliveryLog::Entry>>();
    const QString path = m_log->databasePath();
    const int keep = m_log->keep();
    // Up to keep() rows with their bodies: read off the GUI thread, on a connection of its own.
    m_loader = QThread::create([kept, path, keep] {
        LocalState state(path);
        *kept = DeliveryLog(state, keep).recent(keep);
    });
    connect(m_loader, &QThread::finished, this, [this, kept] { keptLoaded(*kept); });
    m_loader->start();
}

void DeliveriesView::keptLoaded(const QList<DeliveryLog::Entry> &kept) {
    // Deliveries captured while the reader ran are already shown; the kept ones go below them.
    QList<DeliveryLog::Entry> rows;
    QSet<qint64> shown;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const DeliveryLog::Entry entry = m_model->deliveryFromIndex(m_model->index(row, 0));
        shown.insert(entry.id);
        rows.append(entry);
    }
    for (const DeliveryLog::Entry &entry : kept) {
        if (!shown.contains(entry.id))
            rows.append(entry);
    }
    m_model->setDeliveries(rows);
    updateFilterChoices();
    updateActions();
}

void DeliveriesView::listenToggled(bool on) {
    m_listenProblem->hide();
    m_listenProblem->clear();
    m_port->setAccessibleDescription(QString());
    if (!on) {
        m_listener->stop();
        m_address->clear();
        showListenState();
        return updateActions();
    }
    showListenState();
    m_listener->setForwardUrl(forwardUrl());
    m_listener->start(quint16(m_port->value()));
}

void DeliveriesView::showListenState() {
    const bool on = m_listenAction->isChecked();
    const bool listening = m_listener->isListening();
    QString state;
    if (listening)
        state = tr("Listening on 127.0.0.1:%1").arg(m_listener->port());
    else if (on)
        state = tr("Starting: listing the endpoints…");
    else
        state = tr("Not listening");
    m_status->setText(state);
    // The words and the icon say what pressing does; checked or not is too faint to read.
    m_listenAction->setText(on ? tr("Stop &Listening") : tr("&Listen"));
    m_listenAction->setIcon(on ? m_stopIcon : m_listenIcon);
    m_listenAction->setToolTip(on ? tr("Stop receiving deliveries (Ctrl+Shift+L)")
                                  : tr("Receive deliveries on 127.0.0.1 (Ctrl+Shift+L)"));
    m_listenButton->setToolTip(m_listenAction->toolTip());
    m_listenButton->setAccessibleName(on ? tr("Stop listening") : tr("Listen"));
    m_listenButton->setAccessibleDescription(state);
    m_port->setEnabled(!on);
    m_port->setToolTip(on ? tr("Stop listening to choose another port")
                          : tr("The port on 127.0.0.1; \"Any free\" lets the system choose one"));
}

void DeliveriesView::captured(const DeliveryLog::Entry &entry) {
    m_model->addDelivery(entry);
    updateFilterChoices();
    updateActions();
}

void DeliveriesView::updateFilterChoices() {
    QList<QPair<QString, QString>> endpoints{{tr("All endpoints"), QString()},
                                             {tr("No endpoint"), DeliveryFilterModel::noEndpoint()}};
    QList<QPair<QString, QString>> events{{tr("All event types"), QString()}};
    QList<QPair<QString, QString>> verdicts{{tr("All verdicts"), QString()}};
    QSet<QString> seenEndpoints, seenEvents, seenVerdicts;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const QString key = index.data(DeliveryTableModel::EndpointKeyRole).toString();
        if (!key.isEmpty() && !seenEndpoints.contains(key)) {
            seenEndpoints.insert(key);
            const DeliveryLog::Entry entry = m_model->deliveryFromIndex(index);
            const QString connection = m_model->connectionName(entry.connectionId);
            endpoints.append(
                {connection.isEmpty() ? entry.endpointId : tr("%1 (%2)").arg(entry.endpointId, connection), key});
        }
        const QString event = index.data(DeliveryTableModel::EventTypeRole).toString();
        if (!event.isEmpty() && !seenEvents.contains(event)) {
            seenEvents.insert(event);
            events.append({event, event});
        }
        const QString verdict = index.data(DeliveryTableModel::VerdictRole).toString();
        if (!verdict.isEmpty() && !seenVerdicts.contains(verdict)) {
            seenVerdicts.insert(verdict);
            verdicts.append({DeliveryTableModel::verdictTitle(verdict), verdict});
        }
    }
    refill(m_endpointFilter, endpoints);
    refill(m_eventFilter, events);
    refill(m_verdictFilter, verdicts);
}

void DeliveriesView::filtersChanged() {
    m_filter->setEndpointFilter(m_endpointFilter->currentData().toString());
    m_filter->setEventTypeFilter(m_eventFilter->currentData().toString());
    m_filter->setVerdictFilter(m_verdictFilter->currentData().toString());
    selectionChanged();
}

std::optional<DeliveryLog::Entry> DeliveriesView::currentDelivery() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->deliveryFromIndex(m_filter->mapToSource(rows.first()));
}

void DeliveriesView::selectionChanged() {
    if (const std::optional<DeliveryLog::Entry> delivery = currentDelivery())
        m_details->showDelivery(*delivery, m_model->connectionName(delivery->connectionId));
    else
        m_details->showNothing();
    updateActions();
}

QUrl DeliveriesView::forwardUrl() const {
    const QUrl url = QUrl::fromUserInput(m_forward->text().trimmed());
    const bool usable = url.isValid() && !url.host().isEmpty() &&
                        (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
    return usable && !m_forward->text().trimmed().isEmpty() ? url : QUrl();
}

QUrl DeliveriesView::curlTarget(const DeliveryLog::Entry &delivery) const {
    const QUrl forward = forwardUrl();
    if (!forward.isEmpty())
        return forward;
    const quint16 port = m_listener->isListening() ? m_listener->port() : m_lastPort;
    const int shownPort = port ? port : (m_port->value() ? m_port->value() : 8080);
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(shownPort).arg(delivery.path));
}

void DeliveriesView::updateActions() {
    const bool selected = currentDelivery().has_value();
    const bool canForward = !forwardUrl().isEmpty();
    m_replayAction->setEnabled(selected && canForward);
    const QString replayTip = !canForward ? tr("Type a forward URL above to replay a delivery to it")
                              : !selected ? tr("Select a delivery to replay it")
                                          : tr("Send the selected delivery to %1 again").arg(forwardUrl().toString());
    m_replayAction->setToolTip(replayTip);
    // A disabled button shows its tooltip too: it says what would enable it.
    m_replayButton->setToolTip(replayTip);
    m_copyCurlAction->setEnabled(selected);
    m_copyCurlAction->setToolTip(tr("Copy a curl command that sends the selected delivery again (without "
                                    "credential headers)"));
    m_clearAction->setEnabled(m_model->rowCount() > 0);
    m_clearAction->setToolTip(tr("Forget every captured delivery"));
    m_copyAddress->setEnabled(!m_address->text().isEmpty());
}

void DeliveriesView::replay() {
    const std::optional<DeliveryLog::Entry> delivery = currentDelivery();
    const QUrl target = forwardUrl();
    if (!delivery || target.isEmpty())
        return;
    DeliveryForwarder::Headers headers;
    for (const auto &[name, value] : delivery->headers) {
        if (!CurlCommand::isCredential(name, value))
            headers.append({name, value});
    }
    m_status->setText(tr("Replaying to %1…").arg(target.toString()));
    const qint64 id = delivery->id;
    m_listener->forwarder()->forward(
        target, delivery->method, headers, delivery->body, this, [this, id](const DeliveryForwarder::Response &answer) {
            const ForwardOutcome outcome = answer.outcome();
            QString problem;
            if (id > 0 && !m_log->recordForward(id, outcome, &problem))
                emit notice(tr("The replay's outcome could not be kept in the local database: %1").arg(problem));
            m_model->setForwardOutcome(id, outcome);
            m_status->setText(answer.status > 0 ? tr("Replayed: the target answered %1.").arg(answer.status)
                                                : tr("Replay failed: %1").arg(answer.error));
            selectionChanged();
        });
}

void DeliveriesView::copyAsCurl() {
    const std::optional<DeliveryLog::Entry> delivery = currentDelivery();
    if (!delivery)
        return;
    QGuiApplication::clipboard()->setText(CurlCommand::forDelivery(*delivery, curlTarget(*delivery)));
    m_status->setText(tr("Copied a curl command for the selected delivery."));
}

void DeliveriesView::clearAll() {
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Clear Deliveries"),
                                tr("Forget all %n captured deliveries? They are removed from the local database.",
                                   nullptr, m_model->rowCount()),
                                QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton *clear = box->addButton(tr("Clear deliveries"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear](QAbstractButton *button) {
        if (button != clear)
            return;
        QString problem;
        if (!m_log->clear(&problem))
            return emit notice(tr("The deliveries could not be cleared: %1").arg(problem));
        m_model->clear();
        updateFilterChoices();
        m_status->setText(tr("Cleared."));
        updateActions();
        // Clear is disabled now: the keyboard goes to the rows, once the box has given focus back.
        QTimer::singleShot(0, m_table, [this] { m_table->setFocus(Qt::OtherFocusReason); });
    });
    box->open();
}
