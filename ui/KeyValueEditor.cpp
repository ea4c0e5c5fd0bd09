#include "KeyValueEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column { KeyColumn, ValueColumn, ColumnCount };

QString cellText(const QTableWidget *table, int row, int column) {
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

KeyValueEditor::KeyValueEditor(const QString &what, QWidget *parent)
    : QWidget(parent)
    , m_what(what)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this)) {
    m_table->setObjectName(QStringLiteral("entries"));
    m_table->setAccessibleName(tr("%1 entries").arg(what));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab leaves the table rather than walking every cell; arrows move inside it.
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() * 4);
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height() * 6);
    connect(m_table, &QTableWidget::itemChanged, this, &KeyValueEditor::changed);
    connect(m_table, &QTableWidget::currentCellChanged, this, &KeyValueEditor::updateButtons);

    m_add->setObjectName(QStringLiteral("addEntry"));
    m_add->setAccessibleName(tr("Add %1 entry").arg(what));
    m_add->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow();
        m_table->setCurrentCell(m_table->rowCount() - 1, KeyColumn);
        m_table->setFocus();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, KeyColumn));
    });
    m_remove->setObjectName(QStringLiteral("removeEntry"));
    m_remove->setAccessibleName(tr("Remove the selected %1 entry").arg(what));
    m_remove->setAutoDefault(false);
    connect(m_remove, &QPushButton::clicked, this, &KeyValueEditor::removeCurrentRow);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_table);
    updateButtons();
}

KeyValueEditor::~KeyValueEditor() = default;

void KeyValueEditor::setValues(const StringMap &values) {
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(0);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            addRow(it.key(), it.value());
    }
    updateButtons();
    emit changed();
}

StringMap KeyValueEditor::values() const {
    StringMap values;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = cellText(m_table, row, KeyColumn).trimmed();
        const QString value = cellText(m_table, row, ValueColumn);
        if (!key.isEmpty() || !value.isEmpty())
            values.insert(key, value);
    }
    return values;
}

QString KeyValueEditor::problem() const {
    QSet<QString> seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = cellText(m_table, row, KeyColumn).trimmed();
        const QString value = cellText(m_table, row, ValueColumn);
        if (key.isEmpty() && value.isEmpty())
            continue;
        if (key.isEmpty())
            return tr("Row %1 has a value but no key.").arg(row + 1);
        if (seen.contains(key))
            return tr("The key “%1” appears more than once.").arg(key);
        seen.insert(key);
    }
    return {};
}

QWidget *KeyValueEditor::lastInTabOrder() const {
    return m_remove;
}

void KeyValueEditor::addRow(const QString &key, const QString &value) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, KeyColumn, new QTableWidgetItem(key));
    m_table->setItem(row, ValueColumn, new QTableWidgetItem(value));
    updateButtons();
}

void KeyValueEditor::removeCurrentRow() {
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    updateButtons();
    emit changed();
}

void KeyValueEditor::updateButtons() {
    m_remove->setEnabled(m_table->currentRow() >= 0);
}
