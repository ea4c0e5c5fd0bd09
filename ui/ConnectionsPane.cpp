#include "ConnectionsPane.h"

#include "ConnectionItemDelegate.h"
#include "ProviderIcon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

ConnectionsPane::ConnectionsPane(const ProviderRegistry &registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_list(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_edit(new QToolButton(this))
    , m_remove(new QToolButton(this)) {
    setObjectName(QStringLiteral("connectionsPane"));
    auto *title = new QLabel(tr("&Connections"), this);
    title->setBuddy(m_list);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setAccessibleName(tr("Connections"));
    m_list->setItemDelegate(new ConnectionItemDelegate(m_list));
    m_list->setIconSize(QSize(28, 28));
    m_list->setUniformItemSizes(true);

    const auto setUp = [](QToolButton *button, const QString &name, const QString &text, const QString &tip) {
        button->setObjectName(name);
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    };
    setUp(m_add, QStringLiteral("addConnection"), tr("Add…"), tr("Add a connection"));
    setUp(m_edit, QStringLiteral("editConnection"), tr("Edit…"), tr("Edit the selected connection"));
    setUp(m_remove, QStringLiteral("removeConnection"), tr("Remove"), tr("Remove the selected connection"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        updateButtons();
        announceCurrent();
    });
    connect(m_add, &QToolButton::clicked, this, &ConnectionsPane::addRequested);
    connect(m_edit, &QToolButton::clicked, this, [this] {
        if (const auto connection = currentConnection())
            emit editRequested(*connection);
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        if (const auto connection = currentConnection())
            emit removeRequested(*connection);
    });
    updateButtons();
}

void ConnectionsPane::setConnections(const QList<Connection> &connections, const QStringList &sandboxIds,
                                     const QString &preferredId) {
    const std::optional<Connection> previous = currentConnection();
    m_connections = connections;
    m_sandboxIds = sandboxIds;
    {
        // Rebuilding the list moves its current row several times; only where it ends up counts.
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const Connection &connection : connections) {
            const std::optional<ProviderProfile> profile = m_registry.profile(connection.providerId);
            const QString providerName = profile ? profile->name() : connection.providerId;
            auto *item = new QListWidgetItem(ProviderIcon::forProvider(connection.providerId, providerName),
                                             connection.name, m_list);
            item->setData(ConnectionIdRole, connection.id);
            item->setData(ProviderNameRole, providerName);
            item->setData(EnvironmentRole, environmentName(connection.environment));
            item->setData(SandboxRole, sandboxIds.contains(connection.id));
            item->setToolTip(QStringLiteral("%1 · %2\n%3")
                                 .arg(providerName, environmentName(connection.environment), connection.baseUrl));
        }
        for (const QString &id : {previous ? previous->id : QString(), preferredId}) {
            if (m_list->currentRow() < 0 && !id.isEmpty())
                selectConnection(id);
        }
        if (m_list->currentRow() < 0 && m_list->count() > 0)
            m_list->setCurrentRow(0);
    }
    updateButtons();
    announceCurrent();
}

std::optional<Connection> ConnectionsPane::currentConnection() const {
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    const QString id = item->data(ConnectionIdRole).toString();
    for (const Connection &connection : m_connections) {
        if (connection.id == id)
            return connection;
    }
    return std::nullopt;
}

void ConnectionsPane::selectConnection(const QString &id) {
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(ConnectionIdRole).toString() == id) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void ConnectionsPane::announceCurrent() {
    const std::optional<Connection> current = currentConnection();
    if (current == m_announced)
        return;
    m_announced = current;
    emit currentConnectionChanged(current);
}

void ConnectionsPane::updateButtons() {
    const std::optional<Connection> connection = currentConnection();
    const bool editable = connection && !m_sandboxIds.contains(connection->id);
    m_edit->setEnabled(editable);
    m_remove->setEnabled(editable);
    const QString why =
        connection && !editable ? tr("Sandbox connections are built in and cannot be changed.") : QString();
    m_edit->setToolTip(why.isEmpty() ? tr("Edit the selected connection") : why);
    m_remove->setToolTip(why.isEmpty() ? tr("Remove the selected connection") : why);
}
