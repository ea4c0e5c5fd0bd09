#pragma once

#include <QStyledItemDelegate>

// Draws a connection row: icon, name, "Provider" underneath, and an environment badge
// (production stands out in a warm colour, so nobody mistakes it for development).
class ConnectionItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
