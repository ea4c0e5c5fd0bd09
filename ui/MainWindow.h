#pragma once

#include "Connection.h"
#include "DeferredIcon.h"
#include "EndpointService.h"
#include "KeychainCheck.h"
#include "SecretDialog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QIcon>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

class AppliedEndpoints;
class ClipboardGuard;
class ConnectionStore;
class ConnectionsPane;
class DeliveriesDock;
class DeliveriesView;
class DeliveryLog;
class EndpointDetailsPane;
class EndpointFilterModel;
class EndpointTableModel;
class MessageBar;
class NoMatchHint;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;
class QSplitter;
class QTableView;
class QToolBar;
class SandboxSession;

// The console: connections on the left, their endpoints in the middle, the selected one's
// details on the right. Every action goes through EndpointService, asynchronously; a request
// greys its row and spins the status bar, and a failure lands in the message bar with Retry.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    // How long a request runs before the busy indicator shows, and how often a long load's count moves.
    static constexpr int busyIndicatorDelayMs = 400;
    static constexpr int loadCountIntervalMs = 250;

    // sandboxConnections are listed (and usable) but not saved; they belong to an in-process sandbox.
    // deliveries: where the Deliveries view keeps what it captures (no Deliveries view without
    // it); sandbox: the in-process sandbox whose connections can deliver samples.
    MainWindow(EndpointService *service, ConnectionStore *store, ClipboardGuard *clipboard,
               const QList<Connection> &sandboxConnections = {}, DeliveryLog *deliveries = nullptr,
               SandboxSession *sandbox = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The connection a new window opens on: the last one used if it is still there, else the first.
    // Known before the window is built, so its API key can be read meanwhile (EndpointService::prepare).
    static std::optional<Connection> openingConnection(const ConnectionStore &store,
                                                       const QList<Connection> &sandboxConnections = {});

    // A notice for the operator in the message bar (e.g. a skipped provider profile).
    void showNotice(const QString &text);
    // Settles creates a crash or a lost response left unfinished (called once after start).
    void recoverPendingCreates();
    // Where File → Apply from File and Compare with File find what the last apply left (drift); the
    // endpoints-as-code actions are enabled once it is set.
    void setAppliedEndpoints(AppliedEndpoints *applied);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // Column widths from the font, the URL stretching, and which columns give way first on a narrow window.
    void setUpColumns();
    void detailsToggled();
    void forgetPreviousSecret();
    void createMenusAndToolBar();
    // The Deliveries view in a dock at the bottom, hidden until View → Deliveries.
    void createDeliveriesDock(DeliveryLog *log);
    void fillSampleMenu();
    void deliverSample(const Connection &connection, const Endpoint &endpoint, const QString &eventType);
    void restoreSettings();
    void saveSettings() const;

    void reloadConnections();
    void connectionChanged(const std::optional<Connection> &connection);
    void refresh();
    // refresh() with something to do once the list is in (and applied), if it came.
    void reload(std::function<void()> loaded);
    void updateNoMatchHint();
    void secretNoted(const QString &connectionId, const QString &endpointId, bool stored);
    std::optional<bool> secretStored(const QString &endpointId) const; // as the table shows it
    void checkKeychain();
    void keychainChecked(const KeychainCheck::Summary &summary);
    void selectionChanged();
    void updateActions();
    void updateStatusCounts();

    QList<Endpoint> selectedEndpoints() const;
    std::optional<Endpoint> currentEndpoint() const;
    std::optional<ProviderProfile> currentProfile() const;

    void addConnection();
    void editConnection(const Connection &connection);
    void removeConnection(const Connection &connection);
    void newEndpoint();
    void editEndpoint();
    void toggleActive();
    void rotateSecret();
    void sendTest();
    void copySecret();
    void importSecret();
    void deleteEndpoints();
    void exportToFile();
    void applyFromFile();
    void compareWithFile();

    // The requests behind the actions, bound to the endpoints they act on (so Retry repeats
    // exactly what failed, whatever is selected by then).
    void setActive(const Connection &connection, const QList<Endpoint> &endpoints, bool activate);
    void rotateSecretOf(const Connection &connection, const Endpoint &endpoint);
    void sendTestTo(const Connection &connection, const Endpoint &endpoint);
    void copySecretOf(const Connection &connection, const Endpoint &endpoint);
    // What the delivery of a test event did, read off the endpoint's health after a reload.
    void reportTestDelivery(const Connection &connection, const Endpoint &before);
    void removeEndpoints(const Connection &connection, const QList<Endpoint> &endpoints);
    void storeImportedSecret(const Connection &connection, const Endpoint &endpoint, const QString &secret);
    // The provider answered 404 for these: drop them, say so, and reload the connection.
    void endpointsGone(const Connection &connection, const QList<Endpoint> &endpoints);

    // A window-modal question answered through a signal; confirmed runs when verb is clicked.
    void confirm(QMessageBox::Icon icon, const QString &title, const QString &text, const QString &verb,
                 std::function<void()> confirmed);
    void showSecret(const Connection &connection, const EndpointService::SecretOutcome &outcome,
                    SecretDialog::Occasion occasion);
    void reportFailure(const QString &what, const ApiError &error, std::function<void()> retry = {},
                       const QString &retryText = QString());
    void setRowBusy(const QString &id, bool busy);
    void trackRequest(int delta);

    EndpointService *m_service;
    ConnectionStore *m_store;
    ClipboardGuard *m_clipboard;
    QList<Connection> m_sandboxConnections;
    std::optional<Connection> m_connection;
    QPointer<KeychainCheck> m_keychainCheck; // the Check Keychain under way, if any
    SandboxSession *m_sandbox;
    DeliveriesView *m_deliveries = nullptr; // with its dock, when a DeliveryLog was given
    DeliveriesDock *m_deliveriesDock = nullptr;

    ConnectionsPane *m_connectionsPane;
    MessageBar *m_messageBar;
    QLineEdit *m_search;
    QComboBox *m_statusFilter;
    QTableView *m_table;
    NoMatchHint *m_noMatch;
    EndpointTableModel *m_model;
    EndpointFilterModel *m_filter;
    EndpointDetailsPane *m_details;
    QSplitter *m_splitter;
    QLabel *m_counts;
    QLabel *m_clipboardStatus;
    QProgressBar *m_spinner;
    QTimer *m_spinnerDelay;           // the busy indicator waits a moment: a quick request shows none
    QElapsedTimer m_loadMessageShown; // when the load's "so far" count was last shown
    QToolBar *m_toolBar = nullptr;
    int m_requestsInFlight = 0;
    bool m_loading = false; // a list request for the current connection is under way
    // What the secret index said as each list under way began, kept current as secrets are noted.
    QList<std::shared_ptr<QSet<QString>>> m_secretsOnRecordInLoad;
    // The current endpoint's previous signing secret, when one is kept (see EndpointDetailsPane::showEndpoint).
    std::optional<QDateTime> m_previousReplacedAt;
    bool m_loadFailed = false; // the last one failed: the table is stale or empty for that reason

    QAction *m_newAction;
    QAction *m_editAction;
    QAction *m_toggleAction;
    const QIcon m_pauseIcon = DeferredIcon::standard(QStyle::SP_MediaPause, this); // the toggle's two faces
    const QIcon m_resumeIcon = DeferredIcon::standard(QStyle::SP_MediaPlay, this);
    QAction *m_rotateAction;
    QAction *m_testAction;
    QAction *m_copySecretAction;
    QAction *m_importSecretAction;
    QAction *m_forgetPreviousAction;
    QAction *m_deleteAction;
    QAction *m_refreshAction;
    QAction *m_checkKeychainAction;
    QAction *m_detailsAction;
    QAction *m_findAction;
    QAction *m_addConnectionAction;
    QAction *m_quitAction;
    QAction *m_exportAction;
    QAction *m_applyFromFileAction;
    QAction *m_compareWithFileAction;
    AppliedEndpoints *m_applied = nullptr;
    QAction *m_deliveriesAction = nullptr;
    QMenu *m_sampleMenu = nullptr; // Endpoint → Deliver Sample, one entry per event of the endpoint
};
