#pragma once

#include "Connection.h"
#include "ProviderRegistry.h"

#include <QWidget>

#include <optional>

class QListWidget;
class QToolButton;

// The left pane: every connection with its provider icon, name and environment badge, plus
// Add / Edit / Remove. It only shows and selects; MainWindow acts on its signals.
class ConnectionsPane final : public QWidget {
    Q_OBJECT

public:
    enum Role { ConnectionIdRole = Qt::UserRole + 1, ProviderNameRole, EnvironmentRole, SandboxRole };

    ConnectionsPane(const ProviderRegistry &registry, QWidget *parent = nullptr);

    // Sandbox connections are listed too, marked as such, and cannot be edited or removed. The
    // current connection stays current when it is still listed; otherwise preferredId is chosen,
    // else the first.
    void setConnections(const QList<Connection> &connections, const QStringList &sandboxIds = {},
                        const QString &preferredId = {});
    std::optional<Connection> currentConnection() const;
    void selectConnection(const QString &id);

signals:
    // Once per change of the current connection, or of its settings; never for the same one
    // twice, so each emission is worth a reload.
    void currentConnectionChanged(const std::optional<Connection> &connection);
    void addRequested();
    void editRequested(const Connection &connection);
    void removeRequested(const Connection &connection);

private:
    void updateButtons();
    void announceCurrent();

    ProviderRegistry m_registry;
    QList<Connection> m_connections;
    QStringList m_sandboxIds;
    std::optional<Connection> m_announced; // what currentConnectionChanged said last
    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_edit;
    QToolButton *m_remove;
};
