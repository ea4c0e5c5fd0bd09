#pragma once

#include "EndpointStatus.h"

#include <QStyledItemDelegate>

// The item delegate of the endpoint table, set for every column (QAbstractItemView::setItemDelegate):
// - the Status column is painted as a rounded badge in a colour per status, with the model's
//   display text ("Active", "Auto-paused · 5", ...);
// - a row whose BusyRole is true (a request on it is in flight) is painted with the palette's
//   Disabled colour group in every column, and its badge loses its colour. Greying in the delegate
//   rather than clearing Qt::ItemIsEnabled keeps the row selectable while the request runs, and the
//   disabled colours come from the palette, so greyed rows also read right in dark themes.
class StatusBadgeDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBadgeDelegate)

public:
    explicit StatusBadgeDelegate(QObject *parent = nullptr);
    ~StatusBadgeDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge fill for a status: a saturated mid-tone on light palettes, a light tint on dark ones;
    // disabled and unknown badges are greys mixed from the palette. A busy badge is drained of colour.
    static QColor badgeColor(EndpointStatus status, const QPalette &palette, bool busy = false);
    // Black or white, whichever contrasts more with the fill.
    static QColor badgeTextColor(const QColor &fill);
    // WCAG 2 contrast ratio, 1 (none) to 21 (black on white).
    static qreal contrastRatio(const QColor &a, const QColor &b);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    // The badge's rectangle within a Status cell (opt.rect), its text elided to fit by the caller.
    static QRect badgeRect(const QStyleOptionViewItem &option, const QString &text);
};
