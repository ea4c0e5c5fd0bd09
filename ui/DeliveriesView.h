#pragma once

#include "Connection.h"
#include "DeferredIcon.h"
#include "DeliveryForwarder.h"
#include "DeliveryLog.h"

#include <QIcon>
#include <QWidget>

class DeliveryDetails;
class DeliveryFilterModel;
class DeliveryListener;
class DeliveryTableModel;
class EndpointService;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QSpinBox;
class QSplitter;
class QThread;
class QTableView;
class QToolButton;

// The console's Deliveries view: a Listen toggle (a DeliveryListener on 127.0.0.1, its port
// chosen and shown for copying), the captured deliveries, newest first, filtered by endpoint,
// event type and verdict, and the selected one's details; Replay to the forward URL, Copy as
// curl, Clear. What was captured before is read from the DeliveryLog in a thread of its own.
class DeliveriesView final : public QWidget {
    Q_OBJECT

public:
    DeliveriesView(EndpointService *service, DeliveryLog *log, QWidget *parent = nullptr);
    ~DeliveriesView() override;

    // Whose endpoints deliveries are matched to, and whose secrets are tried.
    void setConnections(const QList<Connection> &connections);
    // Reads the kept deliveries, once; the rows arrive later.
    void loadKept();

    QAction *listenAction() const { return m_listenAction; }
    // The split between the rows and the details, and the columns, as the operator left them.
    QByteArray splitterState() const;
    QByteArray tableHeaderState() const;
    void restoreLayout(const QByteArray &splitterState, const QByteArray &tableHeaderState);
    bool isListening() const;
    quint16 port() const;

protected:
    void focusInEvent(QFocusEvent *event) override;
    void showEvent(QShowEvent *event) override;

signals:
    // Something the operator should know that is not about one delivery (a failed listing, a
    // database that could not be written).
    void notice(const QString &text);

private:
    void listenToggled(bool on);
    // The Listen toggle, the port field and the status all say the same state: not listening,
    // starting (the endpoints being listed) or listening on a port.
    void showListenState();
    void captured(const DeliveryLog::Entry &entry);
    void keptLoaded(const QList<DeliveryLog::Entry> &kept);
    void selectionChanged();
    void updateFilterChoices();
    void filtersChanged();
    void updateActions();
    void replay();
    void copyAsCurl();
    void clearAll();
    std::optional<DeliveryLog::Entry> currentDelivery() const;
    QUrl forwardUrl() const;
    // Where the copied curl sends to: the forward URL, else this receiver.
    QUrl curlTarget(const DeliveryLog::Entry &delivery) const;

    EndpointService *m_service;
    DeliveryLog *m_log;
    QNetworkAccessManager *m_network;
    DeliveryListener *m_listener;
    DeliveryTableModel *m_model;
    DeliveryFilterModel *m_filter;
    QAction *m_listenAction;
    const QIcon m_listenIcon = DeferredIcon::standard(QStyle::SP_MediaPlay, this); // the Listen action's two faces
    const QIcon m_stopIcon = DeferredIcon::standard(QStyle::SP_MediaStop, this);
    QAction *m_replayAction;
    QAction *m_copyCurlAction;
    QAction *m_clearAction;
    QToolButton *m_listenButton;
    QSpinBox *m_port;
    QLineEdit *m_address;
    QToolButton *m_copyAddress;
    QLineEdit *m_forward;
    QLabel *m_status;
    QLabel *m_listenProblem; // why the last Listen failed, below the Listen row; hidden otherwise
    QComboBox *m_endpointFilter;
    QComboBox *m_eventFilter;
    QComboBox *m_verdictFilter;
    QTableView *m_table;
    DeliveryDetails *m_details;
    QSplitter *m_splitter;
    QToolButton *m_replayButton;
    QToolButton *m_copyCurlButton;
    QToolButton *m_clearButton;
    quint16 m_lastPort = 0;
    bool m_tabOrderSet = false;
    QThread *m_loader = nullptr; // reads the kept deliveries; waited for on destruction
};
