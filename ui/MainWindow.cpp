#include "MainWindow.h"

#include "ClipboardGuard.h"
#include "ConnectionDialog.h"
#include "ConnectionStore.h"
#include "ConnectionsPane.h"
#include "DeliveriesDock.h"
#include "DeliveriesView.h"
#include "EndpointDetailsPane.h"
#include "EndpointDialog.h"
#include "EndpointFilterModel.h"
#include "EndpointLabelTitle.h"
#include "EndpointTableModel.h"
#include "ExportDialog.h"
#include "FittingHeaderView.h"
#include "ImportSecretDialog.h"
#include "MessageBar.h"
#include "NoMatchHint.h"
#include "PlanDialog.h"
#include "SandboxSession.h"
#include "SecretDialog.h"
#include "StatusBadgeDelegate.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace {

// Window state lives apart from connections, in ~/.config/webhook-console/console.conf.
QSettings windowSettings() {
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("webhook-console"),
                     QStringLiteral("console"));
}

QString lastConnectionId() {
    return windowSettings().value(QStringLiteral("window/lastConnection")).toString();
}

QString endpointName(const Endpoint &endpoint) {
    return endpoint.label.isEmpty() ? endpoint.url : QStringLiteral("%1 (%2)").arg(endpoint.label, endpoint.url);
}

// Short enough for a button: the label, or the URL where there is none.
QString shortName(const Endpoint &endpoint) {
    return endpoint.label.isEmpty() ? endpoint.url : endpoint.label;
}

QString shortNames(const QList<Endpoint> &endpoints) {
    if (endpoints.size() > 3)
        return MainWindow::tr("%1 endpoints").arg(endpoints.size());
    QStringList names;
    for (const Endpoint &endpoint : endpoints)
        names << shortName(endpoint);
    return names.join(QStringLiteral(", "));
}

// The provider no longer knows the endpoint: deleted there (or by another console) since we listed it.
bool isGone(const ApiError &error) {
    return error.kind == ApiError::Kind::Http && error.httpStatus == 404;
}

} // namespace

MainWindow::MainWindow(EndpointService *service, ConnectionStore *store, ClipboardGuard *clipboard,
                       const QList<Connection> &sandboxConnections, DeliveryLog *deliveries, SandboxSession *sandbox,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_store(store)
    , m_clipboard(clipboard)
    , m_sandboxConnections(sandboxConnections)
    , m_sandbox(sandbox)
    , m_connectionsPane(new ConnectionsPane(service->registry(), this))
    , m_messageBar(new MessageBar(this))
    , m_search(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_noMatch(new NoMatchHint(m_table, this))
    , m_model(new EndpointTableModel(this))
    , m_filter(new EndpointFilterModel(this))
    , m_details(new EndpointDetailsPane(clipboard, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_counts(new QLabel(this))
    , m_clipboardStatus(new QLabel(this))
    , m_spinner(new QProgressBar(this))
    , m_spinnerDelay(new QTimer(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Webhook Console"));

    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(tr("Search endpoints"));
    m_search->setPlaceholderText(tr("Search URL, label, id or event type"));
    m_search->setClearButtonEnabled(true);
    for (QToolButton *clear : m_search->findChildren<QToolButton *>())
        clear->setAccessibleName(tr("Clear the search"));
    auto *clearSearch = new QAction(tr("Clear the search"), m_search);
    clearSearch->setShortcut(Qt::Key_Escape);
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    m_search->addAction(clearSearch);
    connect(clearSearch, &QAction::triggered, m_search, &QLineEdit::clear);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("All statuses"), int(EndpointFilterModel::StatusFilter::All));
    m_statusFilter->addItem(tr("Active"), int(EndpointFilterModel::StatusFilter::Active));
    m_statusFilter->addItem(tr("Paused"), int(EndpointFilterModel::StatusFilter::Paused));
    m_statusFilter->addItem(tr("Auto-paused"), int(EndpointFilterModel::StatusFilter::AutoPaused));
    m_statusFilter->addItem(tr("Disabled"), int(EndpointFilterModel::StatusFilter::Disabled));
    m_statusFilter->addItem(tr("Needs attention"), int(EndpointFilterModel::StatusFilter::NeedsAttention));

    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("endpointTable"));
    m_table->setAccessibleName(tr("Endpoints"));
    m_table->setModel(m_filter);
    setUpColumns();
    m_table->setItemDelegate(new StatusBadgeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EndpointTableModel::Url, Qt::AscendingOrder);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The host and the last path segment tell endpoints apart: cut long URLs in the middle.
    m_table->setTextElideMode(Qt::ElideMiddle);

    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows

    // A visible label with a buddy: screen readers announce the combo by its purpose, not its value.
    auto *statusLabel = new QLabel(tr("S&tatus:"), this);
    statusLabel->setObjectName(QStringLiteral("statusFilterLabel"));
    statusLabel->setBuddy(m_statusFilter);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(statusLabel);
    filterRow->addWidget(m_statusFilter);
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addLayout(filterRow);
    centreLayout->addWidget(m_table, 1);
    // Below the table, so a message never pushes the rows away from under the pointer.
    centreLayout->addWidget(m_messageBar);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_connectionsPane);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({220, 1000, 280});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_counts->setObjectName(QStringLiteral("statusCounts"));
    m_clipboardStatus->setObjectName(QStringLiteral("clipboardStatus"));
    m_spinner->setObjectName(QStringLiteral("busyIndicator"));
    m_spinner->setAccessibleName(tr("Requests in progress"));
    m_spinner->setRange(0, 0);
    m_spinner->setMaximumWidth(90);
    m_spinner->setMaximumHeight(12);
    m_spinner->setTextVisible(false);
    m_spinner->hide();
    // A busy bar that flashes for a request answered at once is noise, and its animation costs a
    // paint every few milliseconds: it shows once a request has taken a moment.
    m_spinnerDelay->setSingleShot(true);
    m_spinnerDelay->setInterval(busyIndicatorDelayMs);
    connect(m_spinnerDelay, &QTimer::timeout, this, [this] { m_spinner->setVisible(m_requestsInFlight > 0); });
    statusBar()->addWidget(m_counts, 1);
    statusBar()->addPermanentWidget(m_clipboardStatus);
    statusBar()->addPermanentWidget(m_spinner);

    createActions();
    if (deliveries)
        createDeliveriesDock(deliveries);
    createMenusAndToolBar();

    setTabOrder(m_connectionsPane, m_search);
    setTabOrder(m_search, m_statusFilter);
    setTabOrder(m_statusFilter, m_table);
    setTabOrder(m_table, m_noMatch->tabStop());
    setTabOrder(m_noMatch->tabStop(), m_details->tabEntry());
    QWidget *previous = m_details->tabExit(); // then the message bar, which sits below the table
    for (QWidget *stop : m_messageBar->tabStops()) {
        setTabOrder(previous, stop);
        previous = stop;
    }

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateNoMatchHint();
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatusFilter(EndpointFilterModel::StatusFilter(m_statusFilter->currentData().toInt()));
        updateNoMatchHint();
    });
    connect(m_noMatch, &NoMatchHint::clearRequested, this, [this] {
        m_search->clear();
        m_statusFilter->setCurrentIndex(0);
        m_table->setFocus(Qt::OtherFocusReason); // the button that had the focus is gone
    });
    connect(m_connectionsPane, &ConnectionsPane::currentConnectionChanged, this, &MainWindow::connectionChanged);
    connect(m_connectionsPane, &ConnectionsPane::addRequested, this, &MainWindow::addConnection);
    connect(m_connectionsPane, &ConnectionsPane::editRequested, this, &MainWindow::editConnection);
    connect(m_connectionsPane, &ConnectionsPane::removeRequested, this, &MainWindow::removeConnection);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::selectionChanged);
    connect(m_table, &QTableView::activated, this, [this] { editEndpoint(); });
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &position) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions({m_editAction, m_toggleAction, m_rotateAction, m_testAction});
        menu->addMenu(m_sampleMenu);
        menu->addSeparator();
        menu->addActions({m_copySecretAction, m_importSecretAction, m_forgetPreviousAction});
        menu->addSeparator();
        menu->addAction(m_deleteAction);
        menu->popup(m_table->viewport()->mapToGlobal(position));
    });
    connect(m_model, &EndpointTableModel::countsChanged, this, &MainWindow::updateStatusCounts);
    connect(m_service, &EndpointService::secretNoted, this, &MainWindow::secretNoted);
    connect(m_details, &EndpointDetailsPane::providerJsonWanted, this, [this](const QString &endpointId) {
        if (!m_connection)
            return;
        m_service->get(*m_connection, endpointId, this, [this, endpointId](const ApiError &error, const Endpoint &got) {
            m_details->showProviderJson(endpointId, got.raw, error.isError() ? error.toString() : QString());
        });
    });
    // Both models: the proxy drops a row before the source has (and a filter change touches only the proxy).
    for (const QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_model), static_cast<QAbstractItemModel *>(m_filter)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatusCounts);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatusCounts);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatusCounts);
    }
    // A filter change of many rows arrives as one layout change (EndpointFilterModel), and a
    // selected row it hides leaves the selection without a selectionChanged.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] {
        updateStatusCounts();
        selectionChanged();
    });
    connect(m_clipboard, &ClipboardGuard::countdownChanged, this, [this](int secondsLeft) {
        m_clipboardStatus->setText(tr("Secret on the clipboard · clears in %1 s").arg(secondsLeft));
    });
    connect(m_clipboard, &ClipboardGuard::cleared, this, [this] { m_clipboardStatus->clear(); });

    restoreSettings();
    reloadConnections();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    const auto make = [this](const QString &objectName, const QString &text, const QKeySequence &shortcut,
                             QStyle::StandardPixmap icon, void (MainWindow::*slot)()) {
        auto *action = new QAction(DeferredIcon::standard(icon, this), text, this);
        action->setObjectName(objectName);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // shortcuts work wherever focus is in the window
        return action;
    };
    m_newAction = make(QStringLiteral("newEndpointAction"), tr("&New Endpoint…"), QKeySequence::New,
                       QStyle::SP_FileDialogNewFolder, &MainWindow::newEndpoint);
    m_editAction = make(QStringLiteral("editEndpointAction"), tr("&Edit…"), QKeySequence(),
                        QStyle::SP_FileDialogDetailedView, &MainWindow::editEndpoint);
    m_editAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_editAction->setShortcutContext(Qt::WidgetShortcut); // Return edits only from the table
    m_table->addAction(m_editAction);
    m_toggleAction = make(QStringLiteral("toggleActiveAction"), tr("&Pause"), QKeySequence(Qt::CTRL | Qt::Key_P),
                          QStyle::SP_MediaPause, &MainWindow::toggleActive);
    m_rotateAction = make(QStringLiteral("rotateSecretAction"), tr("&Rotate Secret…"), QKeySequence(),
                          QStyle::SP_BrowserReload, &MainWindow::rotateSecret);
    m_testAction = make(QStringLiteral("sendTestAction"), tr("Send &Test Event"), QKeySequence(Qt::CTRL | Qt::Key_T),
                        QStyle::SP_ArrowForward, &MainWindow::sendTest);
    m_copySecretAction =
        make(QStringLiteral("copySecretAction"), tr("&Copy Secret"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
             QStyle::SP_DialogSaveButton, &MainWindow::copySecret);
    m_importSecretAction = make(QStringLiteral("importSecretAction"), tr("&Import Secret…"), QKeySequence(),
                                QStyle::SP_DialogOpenButton, &MainWindow::importSecret);
    // In the menus only, without an icon: a previous secret is rarely acted on.
    m_forgetPreviousAction = new QAction(tr("&Forget Previous Secret…"), this);
    m_forgetPreviousAction->setObjectName(QStringLiteral("forgetPreviousSecretAction"));
    connect(m_forgetPreviousAction, &QAction::triggered, this, &MainWindow::forgetPreviousSecret);
    m_deleteAction = make(QStringLiteral("deleteEndpointAction"), tr("&Delete…"), QKeySequence::Delete,
                          QStyle::SP_TrashIcon, &MainWindow::deleteEndpoints);
    m_refreshAction = make(QStringLiteral("refreshAction"), tr("&Refresh"), QKeySequence::Refresh,
                           QStyle::SP_BrowserReload, &MainWindow::refresh);
    m_checkKeychainAction = make(QStringLiteral("checkKeychainAction"), tr("Check &Keychain"), QKeySequence(),
                                 QStyle::SP_DialogApplyButton, &MainWindow::checkKeychain);
    // The style's check mark would read as a checked menu item; the theme's keychain icon, if any.
    m_checkKeychainAction->setIcon(QIcon::fromTheme(QStringLiteral("dialog-password")));
    m_checkKeychainAction->setToolTip(
        tr("Ask your keychain which of these endpoints have a signing secret, and correct the Secret column"));
    m_detailsAction = make(QStringLiteral("toggleDetailsAction"), tr("&Details Pane"), QKeySequence(Qt::Key_F9),
                           QStyle::SP_FileDialogInfoView, &MainWindow::detailsToggled);
    m_detailsAction->setCheckable(true);
    m_detailsAction->setChecked(true);
    m_detailsAction->setToolTip(tr("Show or hide the details of the selected endpoint (F9)"));
    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    addAction(m_findAction);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_addConnectionAction = make(QStringLiteral("addConnectionAction"), tr("Add &Connection…"), QKeySequence(),
                                 QStyle::SP_DriveNetIcon, &MainWindow::addConnection);
    // Filled as it opens, with the selected endpoint's events.
    m_sampleMenu = new QMenu(tr("Deliver &Sample"), this);
    m_sampleMenu->setObjectName(QStringLiteral("deliverSampleMenu"));
    m_sampleMenu->menuAction()->setObjectName(QStringLiteral("deliverSampleAction"));
    m_sampleMenu->setToolTipsVisible(true);
    connect(m_sampleMenu, &QMenu::aboutToShow, this, &MainWindow::fillSampleMenu);
    m_exportAction = make(QStringLiteral("exportAction"), tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                          QStyle::SP_DialogSaveButton, &MainWindow::exportToFile);
    m_applyFromFileAction = make(QStringLiteral("applyFromFileAction"), tr("&Apply from File…"), QKeySequence::Open,
                                 QStyle::SP_DialogOpenButton, &MainWindow::applyFromFile);
    m_compareWithFileAction = make(QStringLiteral("compareWithFileAction"), tr("C&ompare with File…"), QKeySequence(),
                                   QStyle::SP_FileDialogContentsView, &MainWindow::compareWithFile);
    for (QAction *asCode : {m_exportAction, m_applyFromFileAction, m_compareWithFileAction})
        asCode->setEnabled(false); // until setAppliedEndpoints
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenusAndToolBar() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_newAction, m_addConnectionAction});
    file->addSeparator();
    file->addActions({m_exportAction, m_applyFromFileAction, m_compareWithFileAction});
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_findAction, m_copySecretAction});
    QMenu *endpoint = menuBar()->addMenu(tr("E&ndpoint"));
    endpoint->addActions({m_editAction, m_toggleAction, m_rotateAction, m_testAction});
    endpoint->addMenu(m_sampleMenu);
    endpoint->addActions({m_importSecretAction, m_forgetPreviousAction});
    endpoint->addSeparator();
    endpoint->addAction(m_deleteAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_checkKeychainAction);
    view->addAction(m_detailsAction);
    if (m_deliveriesAction) {
        view->addSeparator();
        view->addAction(m_deliveriesAction);
        view->addAction(m_deliveries->listenAction());
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Webhook Console"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Webhook Console"),
                           tr("<b>Webhook Console %1</b><p>Manage webhook endpoints across providers; signing "
                              "secrets go straight into your keychain.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar *toolBar = m_toolBar = addToolBar(tr("Endpoints"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions(
        {m_newAction, m_editAction, m_toggleAction, m_rotateAction, m_testAction, m_copySecretAction, m_deleteAction});
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_detailsAction);
    for (QAction *action : toolBar->actions()) {
        if (QWidget *button = toolBar->widgetForAction(action))
            button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    }
    // A toggle is announced with its state ("pressed"): the name says what pressing means.
    toolBar->widgetForAction(m_detailsAction)->setAccessibleName(tr("Show the details pane"));
    // The » button Qt shows when the window is too narrow for every action.
    if (auto *more = toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More toolbar actions"));
}

void MainWindow::createDeliveriesDock(DeliveryLog *log) {
    m_deliveries = new DeliveriesView(m_service, log, this);
    m_deliveriesDock = new DeliveriesDock(m_deliveries, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_deliveriesDock);
    m_deliveriesDock->hide();
    m_deliveriesAction = m_deliveriesDock->toggleViewAction();
    m_deliveriesAction->setObjectName(QStringLiteral("toggleDeliveriesAction"));
    m_deliveriesAction->setText(tr("&Deliveries"));
    m_deliveriesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_deliveriesAction->setToolTip(tr("Show or hide the deliveries received on 127.0.0.1 (Ctrl+Shift+D)"));
    addAction(m_deliveriesAction);
    addAction(m_deliveries->listenAction()); // its shortcut works wherever focus is in the window
    connect(m_deliveriesAction, &QAction::triggered, this, [this](bool shown) {
        if (!shown)
            return m_table->setFocus(Qt::OtherFocusReason);
        m_deliveriesDock->raise();
        m_deliveries->setFocus(Qt::ShortcutFocusReason);
    });
    // The kept deliveries are read the first time the view is seen, not at start.
    connect(m_deliveriesDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_deliveries->loadKept();
    });
    connect(m_deliveries, &DeliveriesView::notice, this,
            [this](const QString &text) { m_messageBar->showMessage(MessageBar::Kind::Warning, text); });
}

void MainWindow::fillSampleMenu() {
    m_sampleMenu->clear();
    const std::optional<Endpoint> endpoint = currentEndpoint();
    if (!endpoint || !m_connection)
        return;
    const Connection connection = *m_connection;
    const std::optional<ProviderProfile> profile = currentProfile();
    for (const QString &event : endpoint->events) {
        // Menu text: an ampersand in a custom event type must not become a mnemonic.
        QAction *sample = m_sampleMenu->addAction(QString(event).replace(QLatin1Char('&'), QStringLiteral("&&")));
        if (profile) {
            if (const std::optional<EventType> known = profile->catalogEvent(event))
                sample->setToolTip(known->description);
        }
        connect(sample, &QAction::triggered, this,
                [this, connection, endpoint = *endpoint, event] { deliverSample(connection, endpoint, event); });
    }
    if (m_sampleMenu->isEmpty())
        m_sampleMenu->addAction(tr("The endpoint subscribes to no event"))->setEnabled(false);
}

void MainWindow::deliverSample(const Connection &connection, const Endpoint &endpoint, const QString &eventType) {
    setRowBusy(endpoint.id, true);
    m_sandbox->deliverSample(
        connection, endpoint.id, eventType, this,
        [this, connection, endpoint, eventType](const SandboxSession::SampleOutcome &outcome) {
            setRowBusy(endpoint.id, false);
            if (outcome.delivered)
                m_messageBar->showMessage(MessageBar::Kind::Information,
                                          tr("A sample %1 event was delivered to %2: the receiver answered %3.")
                                              .arg(eventType, endpointName(endpoint))
                                              .arg(outcome.responseStatus));
            else
                m_messageBar->showMessage(
                    MessageBar::Kind::Warning,
                    tr("The sample %1 event to %2 was not delivered: %3")
                        .arg(eventType, endpointName(endpoint), outcome.problem),
                    [this, connection, endpoint, eventType] { deliverSample(connection, endpoint, eventType); },
                    tr("Retry delivering the sample %1 event").arg(eventType));
            // The sandbox counts the delivery in the endpoint's health.
            if (m_connection && m_connection->id == connection.id)
                refresh();
        });
}

void MainWindow::setUpColumns() {
    auto *header = new FittingHeaderView(m_table);
    m_table->setHorizontalHeader(header);
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setHighlightSections(false);
    header->setMinimumSectionSize(40);
    // Widths for what the columns show, from the font, with room for the padding (and the sort
    // arrow where a title is the widest text).
    const QFontMetrics metrics = fontMetrics();
    const int padding = 2 * metrics.averageCharWidth() + 12;
    const auto fitting = [&](const QStringList &texts) {
        int widest = 0;
        for (const QString &text : texts)
            widest = qMax(widest, metrics.horizontalAdvance(text));
        return widest + padding;
    };
    const auto title = [this](int column) { return m_model->headerData(column, Qt::Horizontal).toString(); };
    using Model = EndpointTableModel;
    // Auto-paused rows are bold, and the badge has its own padding.
    QFont bold = font();
    bold.setBold(true);
    header->resizeSection(
        Model::Status, QFontMetrics(bold).horizontalAdvance(tr("Auto-paused") + QStringLiteral(" · 99")) + padding + 8);
    // The label gives up some width before the URL does, down to what a short label needs.
    header->setShrinkableSection(Model::Label, metrics.averageCharWidth() * 10, metrics.averageCharWidth() * 23);
    header->resizeSection(Model::Events, metrics.averageCharWidth() * 20);
    header->resizeSection(Model::Failures, fitting({title(Model::Failures)}));
    for (const int column : {Model::LastSuccess, Model::LastFailure, Model::Updated})
        header->resizeSection(column, fitting({title(column), tr("%1 min ago").arg(59)}));
    header->resizeSection(Model::Secret, fitting({title(Model::Secret), tr("Missing")}) + metrics.height());
    // Other columns give way before the URL gets narrower than this (on a wide enough window).
    header->setStretchSection(Model::Url, metrics.averageCharWidth() * 34);
    // Least needed first: the details pane shows all of them for the selected endpoint.
    header->setHidingOrder({Model::Updated, Model::Events, Model::LastFailure, Model::LastSuccess});
}

void MainWindow::restoreSettings() {
    QSettings settings = windowSettings();
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // The window manager adds a title bar and borders, unknown until the window is shown: leave
        // room for them so the status bar stays on a 1360×800 screen.
        const QSize available = screen()->availableGeometry().size();
        resize(QSize(1360, 800).boundedTo(available - QSize(16, 64)));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (m_deliveriesDock)
        m_deliveriesDock->restoreSettings(settings);
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    auto *header = static_cast<FittingHeaderView *>(m_table->horizontalHeader());
    header->restoreState(settings.value(QStringLiteral("window/tableHeader")).toByteArray());
    header->fit();
    const bool details = settings.value(QStringLiteral("window/detailsVisible"), true).toBool();
    m_detailsAction->setChecked(details);
    m_details->setVisible(details);
}

void MainWindow::detailsToggled() {
    const bool shown = m_detailsAction->isChecked();
    m_details->setVisible(shown);
    if (!shown && m_details->isAncestorOf(QApplication::focusWidget()))
        m_table->setFocus(Qt::OtherFocusReason); // the focus must not stay in a hidden pane
    windowSettings().setValue(QStringLiteral("window/detailsVisible"), shown);
}

void MainWindow::saveSettings() const {
    QSettings settings = windowSettings();
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_deliveriesDock)
        m_deliveriesDock->saveSettings(settings);
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/tableHeader"), m_table->horizontalHeader()->saveState());
    if (m_connection)
        settings.setValue(QStringLiteral("window/lastConnection"), m_connection->id);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveSettings();
    m_clipboard->clearNow();
    event->accept();
}

std::optional<Connection> MainWindow::openingConnection(const ConnectionStore &store,
                                                        const QList<Connection> &sandboxConnections) {
    const QList<Connection> connections = store.connections() + sandboxConnections;
    const QString lastId = lastConnectionId();
    const auto last = std::find_if(connections.cbegin(), connections.cend(),
                                   [&lastId](const Connection &connection) { return connection.id == lastId; });
    if (last != connections.cend())
        return *last;
    return connections.isEmpty() ? std::nullopt : std::optional<Connection>(connections.first());
}

// The pane picks the current connection the way openingConnection() says it will.
void MainWindow::reloadConnections() {
    QList<Connection> connections = m_store->connections();
    QStringList sandboxIds;
    for (const Connection &connection : m_sandboxConnections)
        sandboxIds << connection.id;
    connections += m_sandboxConnections;
    m_connectionsPane->setConnections(connections, sandboxIds, lastConnectionId());
    if (m_deliveries)
        m_deliveries->setConnections(connections);
}

void MainWindow::connectionChanged(const std::optional<Connection> &connection) {
    const bool same = connection && m_connection && connection->id == m_connection->id;
    m_connection = connection;
    if (!same) {
        if (m_keychainCheck)
            m_keychainCheck->cancel();
        m_loadFailed = false;
        m_model->setEndpoints({});
        m_messageBar->dismiss();
        // Another connection's endpoints start at their first column, not where the last ones were scrolled to.
        m_table->horizontalScrollBar()->setValue(0);
    }
    const std::optional<ProviderProfile> profile = currentProfile();
    const QString labelTitle = profile ? EndpointLabelTitle::of(*profile) : QString();
    m_model->setLabelTitle(labelTitle);
    m_details->setLabelTitle(labelTitle.isEmpty() ? tr("Label") : labelTitle);
    setWindowTitle(connection ? tr("%1 — Webhook Console").arg(connection->name) : tr("Webhook Console"));
    updateActions();
    if (connection)
        refresh();
}

std::optional<ProviderProfile> MainWindow::currentProfile() const {
    return m_connection ? m_service->profileFor(*m_connection) : std::nullopt;
}

void MainWindow::trackRequest(int delta) {
    const bool wasBusy = m_requestsInFlight > 0;
    m_requestsInFlight += delta;
    if (m_requestsInFlight > 0 && !wasBusy) {
        m_spinnerDelay->start();
    } else if (m_requestsInFlight == 0) {
        m_spinnerDelay->stop();
        m_spinner->hide();
    }
}

void MainWindow::refresh() {
    reload({});
}

void MainWindow::reload(std::function<void()> loaded) {
    if (!m_connection)
        return;
    const Connection connection = *m_connection;
    trackRequest(+1);
    m_loading = true;
    updateStatusCounts();
    const QString loading = tr("Loading endpoints of %1…").arg(connection.name);
    statusBar()->showMessage(loading);
    m_loadMessageShown.start();
    // Pages are parsed as they arrive; the table takes them all at once, in one insertion (or, on
    // a refresh, one in-place update that touches only the rows that changed).
    auto arrived = std::make_shared<QList<Endpoint>>();
    // Which of them have a secret on record is read now, while the keychain and the provider
    // answer, and shown with the rows. A secret noted meanwhile is noted in it too (secretNoted).
    auto onRecord = std::make_shared<QSet<QString>>(m_service->secretsOnRecord(connection));
    m_secretsOnRecordInLoad.append(onRecord);
    m_service->listPages(
        connection, this,
        [this, connection, arrived, loading](const QList<Endpoint> &page) {
            *arrived += page;
            // A few times a second is enough to see a long list move; a repaint per page is not.
            if (m_connection && m_connection->id == connection.id &&
                (!m_loadMessageShown.isValid() || m_loadMessageShown.elapsed() >= loadCountIntervalMs)) {
                m_loadMessageShown.start();
                statusBar()->showMessage(
                    tr("%1 %Ln so far", "loading…, endpoints read", int(arrived->size())).arg(loading));
            }
        },
        [this, connection, loaded, arrived, onRecord](const ApiError &error) {
            m_secretsOnRecordInLoad.removeAll(onRecord);
            trackRequest(-1);
            statusBar()->clearMessage();
            if (!m_connection || m_connection->id != connection.id)
                return; // the operator moved on to another connection
            m_loading = false;
            // At the list cap the endpoints read so far are shown, with the reason there are no more.
            m_loadFailed = error.isError() && !error.limitReached;
            updateStatusCounts();
            if (m_loadFailed)
                return reportFailure(
                    tr("Loading endpoints of %1").arg(connection.name), error, [this] { refresh(); },
                    tr("Retry loading %1").arg(connection.name));
            // setEndpoints updates rows in place, so selection and scroll position survive a refresh.
            m_model->setEndpoints(*arrived);
            if (m_service->hasSecretIndex()) // with none, nothing is on record: the column says "not checked"
                m_model->setSecretStoredIds(*onRecord);
            updateStatusCounts();
            selectionChanged();
            if (error.limitReached)
                m_messageBar->showMessage(MessageBar::Kind::Warning, error.message);
            if (loaded)
                loaded();
        });
}

// Which endpoints have a secret comes from the secret index, not the keychain: one local query
// instead of a keychain search per endpoint (EndpointService::secretsOnRecord, read by reload()).
// The keychain is asked when the operator acts on one endpoint, or on all of them with Check Keychain.

void MainWindow::checkKeychain() {
    if (m_keychainCheck) { // the action says "Stop Checking" meanwhile
        m_keychainCheck->cancel();
        return;
    }
    if (!m_connection)
        return;
    QStringList ids;
    for (const Endpoint &endpoint : m_model->endpoints())
        ids << endpoint.id;
    m_keychainCheck = new KeychainCheck(m_service, *m_connection, ids, m_service->secretsOnRecord(*m_connection), this);
    connect(m_keychainCheck, &KeychainCheck::progressed, this, [this](int checked, int total) {
        statusBar()->showMessage(tr("Checking your keychain: %1 of %2 endpoints…")
                                     .arg(QLocale().toString(checked), QLocale().toString(total)));
    });
    connect(m_keychainCheck, &KeychainCheck::finished, this, &MainWindow::keychainChecked);
    m_checkKeychainAction->setText(tr("Stop Checking the &Keychain"));
    trackRequest(+1);
    statusBar()->showMessage(tr("Checking your keychain: 0 of %1 endpoints…").arg(QLocale().toString(ids.size())));
    m_keychainCheck->start();
}

void MainWindow::keychainChecked(const KeychainCheck::Summary &summary) {
    const KeychainCheck *check = m_keychainCheck;
    const QString connectionName = check ? check->connection().name : QString();
    const int total = check ? check->total() : summary.checked;
    if (m_keychainCheck)
        m_keychainCheck->deleteLater();
    m_keychainCheck = nullptr;
    trackRequest(-1);
    statusBar()->clearMessage();
    m_checkKeychainAction->setText(tr("Check &Keychain"));
    updateActions();
    if (!summary.errorText.isEmpty()) {
        m_messageBar->showMessage(
            MessageBar::Kind::Error, tr("Your keychain could not be read: %1").arg(summary.errorText),
            [this] { checkKeychain(); }, tr("Retry checking the keychain"));
        return;
    }
    QString text = summary.cancelled
                       ? tr("Stopped checking the keychain after %1 of %2 endpoints of %3.")
                             .arg(QLocale().toString(summary.checked), QLocale().toString(total), connectionName)
                       : tr("Checked the keychain for the %1 endpoints of %2: %3 with a secret, %4 without.")
                             .arg(QLocale().toString(summary.checked), connectionName,
                                  QLocale().toString(summary.stored), QLocale().toString(summary.missing));
    text += QLatin1Char(' ') +
            (summary.corrected == 0
                 ? tr("The Secret column was right.")
                 : tr("The Secret column was corrected for %1 of them.").arg(QLocale().toString(summary.corrected)));
    m_messageBar->showMessage(MessageBar::Kind::Information, text);
}

void MainWindow::secretNoted(const QString &connectionId, const QString &endpointId, bool stored) {
    if (!m_connection || m_connection->id != connectionId)
        return;
    for (const std::shared_ptr<QSet<QString>> &onRecord : std::as_const(m_secretsOnRecordInLoad)) {
        if (stored)
            onRecord->insert(endpointId);
        else
            onRecord->remove(endpointId);
    }
    m_model->setSecretStored(endpointId, stored);
    const std::optional<Endpoint> current = currentEndpoint();
    if (current && current->id == endpointId)
        selectionChanged();
}

std::optional<bool> MainWindow::secretStored(const QString &endpointId) const {
    const QVariant stored = m_model->indexFromId(endpointId).data(EndpointTableModel::SecretStoredRole);
    return stored.isValid() ? std::optional<bool>(stored.toBool()) : std::nullopt;
}

QList<Endpoint> MainWindow::selectedEndpoints() const {
    QList<Endpoint> endpoints;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        endpoints << m_model->endpointFromIndex(m_filter->mapToSource(index));
    return endpoints;
}

std::optional<Endpoint> MainWindow::currentEndpoint() const {
    const QList<Endpoint> selected = selectedEndpoints();
    if (selected.size() != 1)
        return std::nullopt;
    return selected.first();
}

void MainWindow::selectionChanged() {
    const QList<Endpoint> selected = selectedEndpoints();
    m_previousReplacedAt.reset();
    if (selected.size() > 1) {
        m_details->showSummary(selected);
        updateActions();
        return;
    }
    const std::optional<Endpoint> endpoint = currentEndpoint();
    if (endpoint && m_connection)
        m_previousReplacedAt = m_service->previousSecretReplacedAt(*m_connection, endpoint->id);
    m_details->showEndpoint(endpoint, endpoint ? secretStored(endpoint->id) : std::nullopt, m_previousReplacedAt);
    updateActions();
}

void MainWindow::updateActions() {
    const std::optional<ProviderProfile> profile = currentProfile();
    const QList<Endpoint> selected = selectedEndpoints();
    const bool one = selected.size() == 1;
    const bool any = !selected.isEmpty();
    m_newAction->setEnabled(profile.has_value());
    m_refreshAction->setEnabled(m_connection.has_value());
    m_checkKeychainAction->setEnabled(m_keychainCheck || m_model->rowCount() > 0);
    m_editAction->setEnabled(one);
    // Enabled even when the secret is on record as missing: copying asks the keychain itself, and
    // finds a secret stored there behind this program's back.
    const bool secretMissing = one && secretStored(selected.first().id) == std::optional<bool>(false);
    m_copySecretAction->setEnabled(one);
    m_copySecretAction->setToolTip(secretMissing
                                       ? tr("No signing secret for this endpoint is on record: copying looks in "
                                            "your keychain again. Import or rotate it if it is not there.")
                                       : tr("Copy the signing secret; the clipboard clears after 30 seconds"));
    m_importSecretAction->setEnabled(one);
    m_forgetPreviousAction->setEnabled(one && m_previousReplacedAt.has_value());
    m_deleteAction->setEnabled(any);

    // One toggle that names what it will do, to the eye and to a screen reader: resume when anything
    // selected is not active (only those), else pause.
    const int active = int(std::count_if(selected.cbegin(), selected.cend(),
                                         [](const Endpoint &e) { return e.status == EndpointStatus::Active; }));
    const bool pause = !any || active == selected.size();
    const int acting = pause ? active : int(selected.size()) - active;
    QString text = pause ? tr("&Pause") : tr("&Resume");
    QString name = pause ? tr("Pause") : tr("Resume");
    QString tip = name;
    if (selected.size() == 1) {
        tip = pause ? tr("Pause %1").arg(endpointName(selected.first()))
                    : tr("Resume %1").arg(endpointName(selected.first()));
    } else if (acting == selected.size() && any) {
        text = pause ? tr("&Pause (%1)").arg(acting) : tr("&Resume (%1)").arg(acting);
        name = pause ? tr("Pause %1 endpoints").arg(acting) : tr("Resume %1 endpoints").arg(acting);
        tip = pause ? tr("Pause the %1 selected endpoints").arg(acting)
                    : tr("Resume the %1 selected endpoints").arg(acting);
    } else if (any) {
        text = tr("&Resume %1 of %2").arg(acting).arg(selected.size());
        name = tr("Resume %1 of %2 endpoints").arg(acting).arg(selected.size());
        tip = tr("Resume the %1 selected endpoints that are not active (%2 already active)").arg(acting).arg(active);
    }
    m_toggleAction->setEnabled(any);
    m_toggleAction->setText(text);
    m_toggleAction->setToolTip(tip);
    m_toggleAction->setIcon(pause ? m_pauseIcon : m_resumeIcon);
    if (QWidget *button = m_toolBar ? m_toolBar->widgetForAction(m_toggleAction) : nullptr)
        button->setAccessibleName(name);

    const QString providerName = profile ? profile->name() : QString();
    const bool canRotate = profile && profile->canRotateSecret();
    m_rotateAction->setEnabled(one && canRotate);
    m_rotateAction->setToolTip(
        profile && !canRotate
            ? tr("%1 cannot rotate secrets: delete the endpoint and create it again.").arg(providerName)
            : tr("Rotate the signing secret; the new one goes to your keychain"));
    const bool canTest = profile && profile->canSendTest();
    m_testAction->setEnabled(one && canTest);
    m_testAction->setToolTip(profile && !canTest ? tr("%1 has no test delivery.").arg(providerName)
                                                 : tr("Ask the provider to send a test event"));
    const bool sandboxed = m_sandbox && m_connection && m_sandbox->owns(*m_connection);
    m_sampleMenu->menuAction()->setEnabled(one && sandboxed);
    m_sampleMenu->menuAction()->setToolTip(
        sandboxed ? tr("Have the sandbox deliver a signed sample of one of the endpoint's events")
                  : tr("Only the built-in sandbox's connections deliver samples (webhook-console --sandbox)"));
}

void MainWindow::updateNoMatchHint() {
    if (m_model->rowCount() == 0 || m_filter->rowCount() > 0) {
        m_noMatch->hide();
        return;
    }
    const QString search = m_search->text().trimmed();
    const bool filtered = m_statusFilter->currentIndex() > 0;
    const QString status = m_statusFilter->currentText();
    if (!search.isEmpty() && filtered)
        m_noMatch->showText(
            tr("No endpoint matches \u201c%1\u201d with the status \u201c%2\u201d.").arg(search, status));
    else if (!search.isEmpty())
        m_noMatch->showText(tr("No endpoint matches \u201c%1\u201d.").arg(search));
    else
        m_noMatch->showText(tr("No endpoint has the status \u201c%1\u201d.").arg(status));
}

void MainWindow::updateStatusCounts() {
    updateNoMatchHint();
    if (!m_connection) {
        m_counts->setText(tr("No connection selected"));
        return;
    }
    const int total = m_model->rowCount();
    if (total == 0 && (m_loading || m_loadFailed)) {
        m_counts->setText(m_loading ? tr("Loading endpoints…") : tr("Loading the endpoints failed"));
        return;
    }
    QStringList parts{total == 1 ? tr("1 endpoint") : tr("%1 endpoints").arg(total)};
    if (m_loadFailed)
        parts.prepend(tr("Refresh failed; as last loaded"));
    if (m_filter->rowCount() != total)
        parts << tr("%1 shown").arg(m_filter->rowCount());
    if (const int autoPaused = m_model->autoPausedCount())
        parts << tr("%1 auto-paused").arg(autoPaused);
    if (const int missing = m_model->secretMissingCount())
        parts << (missing == 1 ? tr("1 secret missing") : tr("%1 secrets missing").arg(missing));
    m_counts->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::reportFailure(const QString &what, const ApiError &error, std::function<void()> retry,
                               const QString &retryText) {
    m_messageBar->showMessage(MessageBar::Kind::Error, tr("%1 failed: %2").arg(what, error.toString()),
                              std::move(retry), retryText);
}

void MainWindow::confirm(QMessageBox::Icon icon, const QString &title, const QString &text, const QString &verb,
                         std::function<void()> confirmed) {
    // open(), not exec(): the action returns at once (assistive technology gets its answer), and
    // the question is modal to this window only.
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes =
        box->addButton(verb, icon == QMessageBox::Warning ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [yes, confirmed = std::move(confirmed)](QAbstractButton *button) {
        if (button == yes)
            confirmed();
    });
    box->open();
}

void MainWindow::endpointsGone(const Connection &connection, const QList<Endpoint> &endpoints) {
    if (!m_connection || m_connection->id != connection.id)
        return;
    for (const Endpoint &endpoint : endpoints) {
        m_model->removeEndpoint(endpoint.id);
    }
    selectionChanged();
    m_messageBar->showMessage(
        MessageBar::Kind::Warning,
        endpoints.size() == 1
            ? tr("%1 was deleted at the provider since the last refresh. The list is reloaded.")
                  .arg(endpointName(endpoints.first()))
            : tr("These endpoints were deleted at the provider since the last refresh: %1. The list is reloaded.")
                  .arg(shortNames(endpoints)));
    refresh();
}

void MainWindow::setRowBusy(const QString &id, bool busy) {
    m_model->setBusy(id, busy);
    trackRequest(busy ? +1 : -1);
}

void MainWindow::addConnection() {
    auto *dialog = new ConnectionDialog(m_service, m_store, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        reloadConnections();
        m_connectionsPane->selectConnection(dialog->connection().id);
    });
    dialog->open();
}

void MainWindow::editConnection(const Connection &connection) {
    auto *dialog = new ConnectionDialog(m_service, m_store, connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = connection.id] {
        m_service->connectionEdited(dialog->connection());
        m_connection.reset(); // its client and settings changed: load afresh
        reloadConnections();
        m_connectionsPane->selectConnection(id);
    });
    dialog->open();
}

void MainWindow::removeConnection(const Connection &connection) {
    const std::optional<ProviderProfile> profile = m_service->registry().profile(connection.providerId);
    confirm(QMessageBox::Question, tr("Remove Connection"),
            tr("Remove the connection \"%1\"?\n\nIts API key is removed from your keychain. Endpoints at %2 are "
               "not touched, and their signing secrets stay in your keychain.")
                .arg(connection.name, profile ? profile->name() : connection.providerId),
            tr("Remove connection"), [this, connection] {
                m_service->forgetConnection(connection, this, [this, connection](const SecretResult &removed) {
                    m_store->remove(connection.id);
                    if (!removed.ok())
                        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                                  tr("The connection was removed, but its API key could not be "
                                                     "removed from your keychain: %1")
                                                      .arg(removed.errorText));
                    m_connection.reset();
                    reloadConnections();
                });
            });
}

void MainWindow::newEndpoint() {
    const std::optional<ProviderProfile> profile = currentProfile();
    if (!profile)
        return;
    const Connection connection = *m_connection;
    auto *dialog = new EndpointDialog(m_service, connection, *profile, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EndpointDialog::created, this, [this, connection](const EndpointService::SecretOutcome &outcome) {
        showSecret(connection, outcome, SecretDialog::Occasion::Created);
        if (!m_connection || m_connection->id != connection.id)
            return;
        if (outcome.endpoint.id.isEmpty())
            return refresh(); // the provider's answer named no endpoint: ask it for the list
        m_model->updateEndpoint(outcome.endpoint);
        m_model->setSecretStored(outcome.endpoint.id, outcome.keychain.ok());
        const QModelIndex index = m_filter->mapFromSource(m_model->indexFromId(outcome.endpoint.id));
        m_table->selectionModel()->setCurrentIndex(index,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    dialog->open();
}

void MainWindow::editEndpoint() {
    const std::optional<Endpoint> endpoint = currentEndpoint();
    const std::optional<ProviderProfile> profile = currentProfile();
    if (!endpoint || !profile)
        return;
    auto *dialog = new EndpointDialog(m_service, *m_connection, *profile, endpoint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EndpointDialog::updated, this, [this](const Endpoint &updated) {
        m_model->updateEndpoint(updated);
        selectionChanged();
        statusBar()->showMessage(tr("Saved %1.").arg(endpointName(updated)), 5000);
    });
    dialog->open();
}

void MainWindow::toggleActive() {
    const QList<Endpoint> selected = selectedEndpoints();
    if (selected.isEmpty() || !m_connection)
        return;
    // As the action's text says: resume the ones not active if there are any, else pause them all.
    const bool activate = !std::all_of(selected.cbegin(), selected.cend(),
                                       [](const Endpoint &e) { return e.status == EndpointStatus::Active; });
    QList<Endpoint> acting;
    for (const Endpoint &endpoint : selected) {
        if ((endpoint.status == EndpointStatus::Active) != activate)
            acting << endpoint;
    }
    setActive(*m_connection, acting, activate);
}

void MainWindow::setActive(const Connection &connection, const QList<Endpoint> &endpoints, bool activate) {
    // One message for the whole batch once every answer is in, with one Retry for exactly the
    // endpoints that failed.
    auto remaining = std::make_shared<qsizetype>(endpoints.size());
    auto failed = std::make_shared<QList<Endpoint>>();
    auto gone = std::make_shared<QList<Endpoint>>();
    auto lastError = std::make_shared<ApiError>();
    for (const Endpoint &endpoint : endpoints) {
        setRowBusy(endpoint.id, true);
        m_service->setActive(
            connection, endpoint.id, activate, this,
            [this, connection, endpoint, activate, remaining, failed, gone, lastError](const ApiError &error,
                                                                                       const Endpoint &updated) {
                setRowBusy(endpoint.id, false);
                if (isGone(error)) {
                    gone->append(endpoint);
                } else if (error.isError()) {
                    failed->append(endpoint);
                    *lastError = error;
                } else if (m_connection && m_connection->id == connection.id) {
                    m_model->updateEndpoint(updated);
                    selectionChanged();
                }
                if (--*remaining > 0)
                    return;
                if (!gone->isEmpty())
                    endpointsGone(connection, *gone);
                if (failed->isEmpty())
                    return;
                const QString names = shortNames(*failed);
                reportFailure(
                    activate ? tr("Resuming %1").arg(names) : tr("Pausing %1").arg(names), *lastError,
                    [this, connection, endpoints = *failed, activate] { setActive(connection, endpoints, activate); },
                    activate ? tr("Retry resuming %1").arg(names) : tr("Retry pausing %1").arg(names));
            });
    }
}

void MainWindow::rotateSecret() {
    const std::optional<Endpoint> endpoint = currentEndpoint();
    if (!endpoint || !m_connection)
        return;
    const Connection connection = *m_connection;
    confirm(QMessageBox::Question, tr("Rotate Signing Secret"),
            tr("Rotate the signing secret of %1?\n\nThe provider signs deliveries with the new secret from now on; "
               "update the receiving service with it. The new secret goes to your keychain.")
                .arg(endpointName(*endpoint)),
            tr("Rotate secret"), [this, connection, endpoint = *endpoint] { rotateSecretOf(connection, endpoint); });
}

void MainWindow::rotateSecretOf(const Connection &connection, const Endpoint &endpoint) {
    setRowBusy(endpoint.id, true);
    m_service->rotateSecret(connection, endpoint.id, this,
                            [this, connection, endpoint](const EndpointService::SecretOutcome &outcome) {
                                setRowBusy(endpoint.id, false);
                                if (!outcome.succeeded() && isGone(outcome.error))
                                    return endpointsGone(connection, {endpoint});
                                if (!outcome.succeeded())
                                    return reportFailure(
                                        tr("Rotating the secret of %1").arg(endpointName(endpoint)), outcome.error,
                                        [this, connection, endpoint] { rotateSecretOf(connection, endpoint); },
                                        tr("Retry rotating the secret of %1").arg(shortName(endpoint)));
                                EndpointService::SecretOutcome shown = outcome;
                                if (shown.endpoint.url.isEmpty())
                                    shown.endpoint = endpoint;
                                showSecret(connection, shown, SecretDialog::Occasion::Rotated);
                                if (!outcome.previousNotKept.isEmpty())
                                    m_messageBar->showMessage(MessageBar::Kind::Warning, outcome.previousNotKept);
                                if (!m_connection || m_connection->id != connection.id)
                                    return; // the operator moved on; the table shows another connection
                                m_model->setSecretStored(endpoint.id, outcome.keychain.ok());
                                refresh();
                            });
}

void MainWindow::forgetPreviousSecret() {
    const std::optional<Endpoint> endpoint = currentEndpoint();
    if (!m_connection || !endpoint || !m_previousReplacedAt)
        return;
    const Connection connection = *m_connection;
    confirm(QMessageBox::Warning, tr("Forget Previous Secret"),
            tr("Forget the previous signing secret of %1?").arg(endpointName(*endpoint)) + QStringLiteral("\n\n") +
                tr("It is removed from your keychain. Deliveries still signed with it can then no longer be "
                   "recognised."),
            tr("Forget previous secret"), [this, connection, endpoint = *endpoint] {
                m_service->forgetPreviousSecret(
                    connection, endpoint.id, this, [this, connection, endpoint](const SecretResult &result) {
                        if (!result.ok())
                            return m_messageBar->showMessage(
                                MessageBar::Kind::Error,
                                tr("The previous signing secret of %1 could not be removed: %2")
                                    .arg(endpointName(endpoint), result.errorText));
                        selectionChanged();
                    });
            });
}

void MainWindow::sendTest() {
    const std::optional<Endpoint> endpoint = currentEndpoint();
    if (!endpoint || !m_connection)
        return;
    sendTestTo(*m_connection, *endpoint);
}

void MainWindow::sendTestTo(const Connection &connection, const Endpoint &endpoint) {
    setRowBusy(endpoint.id, true);
    m_service->sendTest(connection, endpoint.id, this, [this, connection, endpoint](const ApiError &error) {
        setRowBusy(endpoint.id, false);
        if (isGone(error))
            return endpointsGone(connection, {endpoint});
        if (error.isError())
            return reportFailure(
                tr("Sending a test event to %1").arg(endpointName(endpoint)), error,
                [this, connection, endpoint] { sendTestTo(connection, endpoint); },
                tr("Retry sending a test event to %1").arg(shortName(endpoint)));
        // In the message bar, which stays until dismissed: a refresh follows at once and would
        // wipe a status bar message before anyone read it.
        m_messageBar->showMessage(
            MessageBar::Kind::Information,
            tr("Test event sent to %1; the provider accepted it. Checking the delivery…").arg(endpointName(endpoint)));
        if (m_connection && m_connection->id == connection.id)
            reload([this, connection, endpoint] { reportTestDelivery(connection, endpoint); });
    });
}

void MainWindow::reportTestDelivery(const Connection &connection, const Endpoint &before) {
    const QModelIndex index = m_model->indexFromId(before.id);
    const std::optional<ProviderProfile> profile = currentProfile();
    if (!index.isValid() || !profile || !m_connection || m_connection->id != connection.id)
        return;
    const Endpoint after = m_model->endpointFromIndex(index);
    const QString sent = tr("Test event sent to %1; the provider accepted it.").arg(endpointName(before));
    const auto later = [](const QDateTime &now, const QDateTime &then) {
        return now.isValid() && (!then.isValid() || now > then);
    };
    QString delivery;
    if (later(after.lastFailureAt, before.lastFailureAt))
        delivery = tr("The delivery failed (%1 in a row); see the endpoint's details.")
                       .arg(after.consecutiveFailures.value_or(1));
    else if (later(after.lastSuccessAt, before.lastSuccessAt))
        delivery = tr("The delivery arrived: the receiver answered with success.");
    else if (!profile->hasField(QStringLiteral("lastSuccessAt")))
        delivery = tr("%1 does not report how deliveries went; check the receiver.").arg(profile->name());
    else
        delivery = tr("%1 has not reported the delivery yet; Refresh (F5) shows it when it does.").arg(profile->name());
    m_messageBar->showMessage(MessageBar::Kind::Information, sent + QLatin1Char(' ') + delivery);
}

void MainWindow::copySecret() {
    const std::optional<Endpoint> endpoint = currentEndpoint();
    if (!endpoint || !m_connection)
        return;
    copySecretOf(*m_connection, *endpoint);
}

void MainWindow::copySecretOf(const Connection &connection, const Endpoint &endpoint) {
    m_service->readSecret(
        connection, endpoint.id, this, [this, connection, endpoint](const SecretResult &result, const QString &secret) {
            if (result.status == SecretStatus::NotFound) {
                m_messageBar->showMessage(MessageBar::Kind::Warning,
                                          tr("No signing secret for %1 is in your keychain. Import it, or rotate it.")
                                              .arg(endpointName(endpoint)));
                return;
            }
            if (!result.ok()) {
                m_messageBar->showMessage(
                    MessageBar::Kind::Error, tr("Your keychain could not be read: %1").arg(result.errorText),
                    [this, connection, endpoint] { copySecretOf(connection, endpoint); },
                    tr("Retry copying the secret of %1").arg(shortName(endpoint)));
                return;
            }
            m_clipboard->copySecret(secret);
        });
}

void MainWindow::importSecret() {
    const std::optional<Endpoint> endpoint = currentEndpoint();
    const std::optional<ProviderProfile> profile = currentProfile();
    if (!endpoint || !profile)
        return;
    const Connection connection = *m_connection;
    auto *dialog = new ImportSecretDialog(endpointName(*endpoint), profile->name(), profile->secretFormat(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportSecretDialog::secretChosen, this,
            [this, connection, endpoint = *endpoint](const QString &secret) {
                storeImportedSecret(connection, endpoint, secret);
            });
    dialog->open();
}

void MainWindow::storeImportedSecret(const Connection &connection, const Endpoint &endpoint, const QString &secret) {
    m_service->importSecret(
        connection, endpoint.id, secret, this, [this, connection, endpoint](const SecretResult &result) {
            if (!result.ok()) {
                m_messageBar->showMessage(MessageBar::Kind::Error,
                                          tr("The secret was not stored: %1").arg(result.errorText));
                return;
            }
            if (!m_connection || m_connection->id != connection.id)
                return;
            selectionChanged(); // the table heard it from the service (secretNoted)
            statusBar()->showMessage(tr("Stored the signing secret of %1.").arg(endpointName(endpoint)), 5000);
        });
}

void MainWindow::deleteEndpoints() {
    const QList<Endpoint> selected = selectedEndpoints();
    if (selected.isEmpty() || !m_connection)
        return;
    QStringList names;
    for (const Endpoint &endpoint : selected)
        names << endpoint.url;
    const QString question =
        selected.size() == 1
            ? tr("Delete the endpoint %1?").arg(selected.first().url)
            : tr("Delete these %1 endpoints?\n%2").arg(selected.size()).arg(names.join(QLatin1Char('\n')));
    const Connection connection = *m_connection;
    const bool one = selected.size() == 1;
    confirm(QMessageBox::Warning, one ? tr("Delete Endpoint") : tr("Delete Endpoints"),
            question + QStringLiteral("\n\n") +
                (one ? tr("The provider stops delivering to it, and its signing secret is removed from your keychain.")
                     : tr("The provider stops delivering to them, and their signing secrets are removed from your "
                          "keychain.")),
            one ? tr("Delete endpoint") : tr("Delete %1 endpoints").arg(selected.size()),
            [this, connection, selected] { removeEndpoints(connection, selected); });
}

void MainWindow::removeEndpoints(const Connection &connection, const QList<Endpoint> &endpoints) {
    auto remaining = std::make_shared<qsizetype>(endpoints.size());
    auto failed = std::make_shared<QList<Endpoint>>();
    auto lastError = std::make_shared<ApiError>();
    for (const Endpoint &endpoint : endpoints) {
        setRowBusy(endpoint.id, true);
        m_service->remove(connection, endpoint.id, this,
                          [this, connection, endpoint, remaining, failed, lastError](const ApiError &error) {
                              setRowBusy(endpoint.id, false);
                              // Already gone at the provider is what the operator asked for.
                              if (error.isError() && !isGone(error)) {
                                  failed->append(endpoint);
                                  *lastError = error;
                              } else if (m_connection && m_connection->id == connection.id) {
                                  m_model->removeEndpoint(endpoint.id);
                                  selectionChanged();
                              }
                              if (--*remaining > 0 || failed->isEmpty())
                                  return;
                              const QString names = shortNames(*failed);
                              reportFailure(
                                  tr("Deleting %1").arg(names), *lastError,
                                  [this, connection, endpoints = *failed] { removeEndpoints(connection, endpoints); },
                                  tr("Retry deleting %1").arg(names));
                          });
    }
}

void MainWindow::showSecret(const Connection &connection, const EndpointService::SecretOutcome &outcome,
                            SecretDialog::Occasion occasion) {
    // The secret comes from the outcome only when the keychain failed; otherwise read it back
    // from the keychain, proving it is really there.
    const QString label = endpointName(outcome.endpoint);
    if (!outcome.keychain.ok()) {
        auto *dialog = new SecretDialog(occasion, label, outcome.unstoredSecret, outcome.keychain, m_clipboard, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return;
    }
    m_service->readSecret(connection, outcome.endpoint.id, this,
                          [this, label, occasion](const SecretResult &result, const QString &secret) {
                              auto *dialog = new SecretDialog(occasion, label, secret, result, m_clipboard, this);
                              dialog->setAttribute(Qt::WA_DeleteOnClose);
                              dialog->open();
                          });
}

void MainWindow::showNotice(const QString &text) {
    const QString shown = m_messageBar->text();
    m_messageBar->showMessage(MessageBar::Kind::Warning, shown.isEmpty() ? text : shown + QLatin1Char('\n') + text);
}

void MainWindow::recoverPendingCreates() {
    const QList<Connection> connections = m_store->connections() + m_sandboxConnections;
    const int unfinished = m_service->unfinishedCreateCount(connections);
    if (unfinished == 0)
        return;
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              tr("Recovering %n create(s) interrupted last time…", nullptr, unfinished));
    trackRequest(+1);
    m_service->recoverPendingCreates(
        connections, this, nullptr, [this](const QList<EndpointService::Recovery> &reports) {
            trackRequest(-1);
            QStringList lines;
            bool problem = false;
            QDateTime nextCheck;
            for (const EndpointService::Recovery &report : reports) {
                lines << report.description();
                if (report.result == EndpointService::Recovery::Result::Settling &&
                    (!nextCheck.isValid() || report.settleAt < nextCheck))
                    nextCheck = report.settleAt;
                problem = problem || report.result != EndpointService::Recovery::Result::SecretStored;
                if (report.result == EndpointService::Recovery::Result::SecretUnstored) {
                    EndpointService::SecretOutcome outcome;
                    outcome.endpoint = report.endpoint;
                    outcome.keychain.status = SecretStatus::Failed;
                    outcome.keychain.errorText = report.error.message;
                    outcome.unstoredSecret = report.unstoredSecret;
                    Connection connection;
                    connection.id = report.connectionId;
                    showSecret(connection, outcome, SecretDialog::Occasion::Recovered);
                }
            }
            m_messageBar->showMessage(problem ? MessageBar::Kind::Warning : MessageBar::Kind::Information,
                                      lines.join(QLatin1Char('\n')));
            // A create the provider may still be committing is looked for once it cannot be any more.
            if (nextCheck.isValid())
                QTimer::singleShot(qMax(qint64(0), QDateTime::currentDateTimeUtc().msecsTo(nextCheck)) + 500, this,
                                   &MainWindow::recoverPendingCreates);
            refresh();
        });
}

void MainWindow::setAppliedEndpoints(AppliedEndpoints *applied) {
    m_applied = applied;
    for (QAction *asCode : {m_exportAction, m_applyFromFileAction, m_compareWithFileAction})
        asCode->setEnabled(applied != nullptr);
}

void MainWindow::exportToFile() {
    auto *dialog = new ExportDialog(m_service, m_applied, m_store->connections() + m_sandboxConnections,
                                    m_connection ? m_connection->id : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::progress, this, [this](const QString &text) {
        trackRequest(text.isEmpty() ? -1 : +1);
        statusBar()->showMessage(text);
    });
    connect(dialog, &ExportDialog::exported, this,
            [this](const QString &summary) { statusBar()->showMessage(summary, 8000); });
    dialog->open();
}

void MainWindow::applyFromFile() {
    auto *dialog = new PlanDialog(PlanDialog::Mode::Apply, m_service, m_applied,
                                  m_store->connections() + m_sandboxConnections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PlanDialog::secretNotStored, this,
            [this](const Connection &connection, const EndpointService::SecretOutcome &outcome) {
                showSecret(connection, outcome, SecretDialog::Occasion::Created);
            });
    connect(dialog, &PlanDialog::applied, this, &MainWindow::refresh);
    dialog->open();
}

void MainWindow::compareWithFile() {
    auto *dialog = new PlanDialog(PlanDialog::Mode::Compare, m_service, m_applied,
                                  m_store->connections() + m_sandboxConnections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
