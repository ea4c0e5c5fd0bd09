#pragma once

#include "Endpoint.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

// A small two-column table of string keys and values (an endpoint's metadata or custom headers),
// with Add and Remove buttons. Rows whose key and value are both empty are ignored.
class KeyValueEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueEditor)

public:
    // what names the entries for accessible names and messages: "metadata", "header".
    explicit KeyValueEditor(const QString &what, QWidget *parent = nullptr);
    ~KeyValueEditor() override;

    void setValues(const StringMap &values);
    StringMap values() const;
    // Why values() does not say what the table shows (an empty or repeated key), or an empty string.
    QString problem() const;

    QTableWidget *table() const { return m_table; }
    QWidget *lastInTabOrder() const;

signals:
    void changed();

private:
    void addRow(const QString &key = QString(), const QString &value = QString());
    void removeCurrentRow();
    void updateButtons();

    QString m_what;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
};
