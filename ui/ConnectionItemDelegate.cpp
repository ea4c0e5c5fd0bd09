#include "ConnectionItemDelegate.h"

#include "ConnectionsPane.h"

#include <QApplication>
#include <QPainter>

void ConnectionItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect rect = opt.rect.adjusted(6, 4, -6, -4);
    const int iconSize = rect.height() - 4;
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    icon.paint(painter, QRect(rect.left(), rect.top() + 2, iconSize, iconSize));

    const bool sandbox = index.data(ConnectionsPane::SandboxRole).toBool();
    const bool production = index.data(ConnectionsPane::EnvironmentRole).toString() == QLatin1String("production");
    const QString badge = sandbox ? tr("sandbox") : production ? tr("production") : tr("development");
    QFont badgeFont = opt.font;
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
    const QFontMetrics badgeMetrics(badgeFont);
    const int badgeWidth = badgeMetrics.horizontalAdvance(badge) + 10;
    const QRect badgeRect(rect.right() - badgeWidth, rect.top() + (rect.height() - badgeMetrics.height() - 4) / 2,
                          badgeWidth, badgeMetrics.height() + 4);
    const QColor badgeColor = sandbox ? QColor(108, 113, 196) : production ? QColor(203, 75, 22) : QColor(42, 161, 152);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor);
    painter->drawRoundedRect(badgeRect, 4, 4);
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);

    const QRect textRect(rect.left() + iconSize + 8, rect.top(), badgeRect.left() - rect.left() - iconSize - 12,
                         rect.height());
    QFont nameFont = opt.font;
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(opt.palette.color(textRole));
    const QFontMetrics nameMetrics(nameFont);
    painter->drawText(textRect.adjusted(0, 0, 0, -textRect.height() / 2), Qt::AlignLeft | Qt::AlignBottom,
                      nameMetrics.elidedText(name, Qt::ElideRight, textRect.width()));
    painter->setFont(opt.font);
    QColor secondary = opt.palette.color(textRole);
    secondary.setAlphaF(0.7);
    painter->setPen(secondary);
    painter->drawText(textRect.adjusted(0, textRect.height() / 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                      index.data(ConnectionsPane::ProviderNameRole).toString());
    painter->restore();
}

QSize ConnectionItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return QSize(qMax(base.width(), 200), option.fontMetrics.height() * 2 + 12);
}
