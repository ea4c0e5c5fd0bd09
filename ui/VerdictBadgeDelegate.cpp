#include "VerdictBadgeDelegate.h"

#include "DeliveryTableModel.h"

#include <QApplication>
#include <QStyle>

VerdictBadgeDelegate::VerdictBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

QIcon VerdictBadgeDelegate::iconFor(const QString &keyword) {
    QStyle *style = QApplication::style();
    if (DeliveryTableModel::isValidVerdict(keyword))
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    // Nothing was checked: no scheme, no endpoint to check against, the keychain unreadable.
    if (keyword.isEmpty() || keyword == QLatin1String("no-scheme") || keyword == QLatin1String("no-endpoint") ||
        keyword == QLatin1String("keychain-error"))
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    return style->standardIcon(QStyle::SP_MessageBoxWarning);
}

void VerdictBadgeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != DeliveryTableModel::Verdict)
        return;
    const QString keyword = index.data(DeliveryTableModel::VerdictRole).toString();
    option->icon = iconFor(keyword);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int side = option->fontMetrics.height();
    option->decorationSize = QSize(side, side);
    if (DeliveryTableModel::isValidVerdict(keyword))
        return;
    option->font.setBold(true); // a failure stands out in the column's shape as well
}
