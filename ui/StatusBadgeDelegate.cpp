#include "StatusBadgeDelegate.h"

#include "EndpointTableModel.h"

#include <QApplication>
#include <QPainter>
#include <QtMath>

namespace {

// Space between the cell edge and the badge, and between the badge edge and its text.
constexpr int CellMargin = 4;
constexpr int BadgeVerticalPadding = 2;

int badgeHorizontalPadding(const QFontMetrics &metrics) {
    return metrics.height() / 2;
}

// Rounded up from the fractional advance: QFontMetrics::horizontalAdvance() rounds to the nearest
// pixel, and a badge that much too narrow gets its text elided ("Acti…").
int textWidth(const QFont &font, const QString &text) {
    return qCeil(QFontMetricsF(font).horizontalAdvance(text));
}

QColor mixed(const QColor &from, const QColor &to, qreal amount) {
    return QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * amount,
                            from.greenF() + (to.greenF() - from.greenF()) * amount,
                            from.blueF() + (to.blueF() - from.blueF()) * amount);
}

qreal relativeLuminance(const QColor &color) {
    const auto linear = [](qreal channel) {
        return channel <= 0.04045 ? channel / 12.92 : qPow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF());
}

bool isDark(const QPalette &palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

StatusBadgeDelegate::~StatusBadgeDelegate() = default;

void StatusBadgeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(EndpointTableModel::BusyRole).toBool()) {
        // Styles pick the Disabled colour group for text and highlight when State_Enabled is off.
        option->state &= ~QStyle::State_Enabled;
        option->palette.setCurrentColorGroup(QPalette::Disabled);
    }
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const {
    if (index.column() != EndpointTableModel::Status) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    // The style still draws the cell's background, selection and focus; the badge replaces the text.
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const auto status = EndpointStatus(index.data(EndpointTableModel::StatusRole).toInt());
    const bool busy = index.data(EndpointTableModel::BusyRole).toBool();
    const QColor fill = badgeColor(status, opt.palette, busy);
    const QRect rect = badgeRect(opt, text);
    if (rect.width() <= 0 || rect.height() <= 0)
        return;
    const QFontMetrics metrics(opt.font);
    const int padding = badgeHorizontalPadding(metrics);
    const QRect textRect = rect.adjusted(padding, 0, -padding, 0);
    const qreal radius = rect.height() / 2.0;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(opt.rect);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(rect), radius, radius);
    painter->setFont(opt.font);
    painter->setPen(badgeTextColor(fill));
    const bool fits = textWidth(opt.font, text) <= textRect.width();
    painter->drawText(textRect, Qt::AlignCenter,
                      fits ? text : metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    const QSize hint = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() != EndpointTableModel::Status)
        return hint;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics metrics(opt.font);
    const QSize badge(textWidth(opt.font, opt.text) + 2 * badgeHorizontalPadding(metrics),
                      metrics.height() + 2 * BadgeVerticalPadding);
    return hint.expandedTo(badge + QSize(2 * CellMargin, 2 * CellMargin));
}

QRect StatusBadgeDelegate::badgeRect(const QStyleOptionViewItem &option, const QString &text) {
    const QFontMetrics metrics(option.font);
    const QRect cell = option.rect.adjusted(CellMargin, 0, -CellMargin, 0);
    const int width = qMin(textWidth(option.font, text) + 2 * badgeHorizontalPadding(metrics), cell.width());
    const int height = qMin(metrics.height() + 2 * BadgeVerticalPadding, cell.height());
    return QRect(cell.left(), cell.top() + (cell.height() - height) / 2, width, height);
}

QColor StatusBadgeDelegate::badgeColor(EndpointStatus status, const QPalette &palette, bool busy) {
    const bool dark = isDark(palette);
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    QColor fill;
    switch (status) {
    case EndpointStatus::Active:
        fill = dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32); // green
        break;
    case EndpointStatus::Paused:
        fill = dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0); // blue: the operator's choice
        break;
    case EndpointStatus::AutoPaused:
        fill = dark ? QColor(0xff, 0x8a, 0x65) : QColor(0xbf, 0x36, 0x0c); // deep orange: needs attention
        break;
    case EndpointStatus::Disabled:
        fill = mixed(base, text, 0.45);
        break;
    case EndpointStatus::Unknown:
        fill = mixed(base, text, 0.25);
        break;
    }
    if (busy) {
        // Grey of the same lightness, pulled towards the background so the badge recedes.
        const int grey = qGray(fill.rgb());
        fill = mixed(QColor(grey, grey, grey), base, 0.4);
        const int lightness = fill.lightness();
        fill = QColor(lightness, lightness, lightness);
    }
    return fill;
}

QColor StatusBadgeDelegate::badgeTextColor(const QColor &fill) {
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(fill, black) >= contrastRatio(fill, white) ? black : white;
}

qreal StatusBadgeDelegate::contrastRatio(const QColor &a, const QColor &b) {
    const qreal la = relativeLuminance(a);
    const qreal lb = relativeLuminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}
