#pragma once

#include "ProviderProfile.h"

#include <QStringList>
#include <QWidget>

class EventCatalogModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

// Chooses the events an endpoint subscribes to from its provider's catalog: a checkable tree
// grouped by prefix, a filter, Select all / Clear, a live count against the provider's limits and,
// for open catalogs (Layers), a field to add a custom event type.
class EventPicker final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventPicker)

public:
    explicit EventPicker(const ProviderProfile &profile, QWidget *parent = nullptr);
    ~EventPicker() override;

    QStringList selectedEvents() const;
    void setSelectedEvents(const QStringList &events);

    EventCatalogModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    // The first and last widget a Tab walks through, for the enclosing form's tab order.
    QWidget *firstInTabOrder() const;
    QWidget *lastInTabOrder() const;

signals:
    void selectionChanged(const QStringList &events);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void filterChanged(const QString &text);
    void updateCount();
    // Why the typed custom type cannot be added, or an empty string when it can.
    QString customTypeProblem(const QString &type) const;
    void customTypeEdited();
    void addCustomType();
    void applyErrorColours();

    ProviderProfile m_profile;
    EventCatalogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QPushButton *m_selectAll;
    QPushButton *m_clear;
    QLabel *m_count;
    QLineEdit *m_customType = nullptr;
    QPushButton *m_addCustom = nullptr;
    QLabel *m_customError = nullptr;
    bool m_countOutOfRange = false;
    // Whether the operator has changed the selection: before that, a count below the minimum is
    // no mistake of theirs and is not shown as one.
    bool m_touched = false;
    bool m_settingSelection = false;
};
