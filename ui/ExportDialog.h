#pragma once

#include "Connection.h"

#include <QDialog>
#include <QList>

class AppliedEndpoints;
class EndpointService;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

// File → Export…: which connections (the current one checked) and which file, then the endpoints
// document of what exists now, written whole or not at all (DocumentExporter, DocumentWriter).
// The document never holds a secret or API key: none is ever read.
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(EndpointService *service, AppliedEndpoints *applied, const QList<Connection> &connections,
                 const QString &currentConnectionId, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void accept() override; // starts the export; the dialog closes once the file is written
    void reject() override; // refused while the export runs: its progress in the status bar would never end

signals:
    void progress(const QString &text); // for the status bar; empty when done
    void exported(const QString &summary);

private:
    void browse();
    QList<Connection> checkedConnections() const;
    void showError(const QString &text);

    EndpointService *m_service;
    AppliedEndpoints *m_applied;
    QList<Connection> m_connections;
    QListWidget *m_list;
    QLineEdit *m_file;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_running = false;
};
