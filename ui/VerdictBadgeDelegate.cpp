#include "VerdictBadgeDelegate.h"

#include "DeferredIcon.h"
#include "DeliveryTableModel.h"

#include <QStyle>

VerdictBadgeDelegate::VerdictBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_valid(DeferredIcon::standard(QStyle::SP_DialogApplyButton, nullptr))
    , m_unchecked(DeferredIcon::standard(QStyle::SP_MessageBoxInformation, nullptr))
    , m_failed(DeferredIcon::standard(QStyle::SP_MessageBoxWarning, nullptr)) {}

const QIcon &VerdictBadgeDelegate::iconFor(const QString &keyword) const {
    if (DeliveryTableModel::isValidVerdict(keyword))
        return m_valid;
    // Nothing was checked: no scheme, no endpoint to check against, the keychain unreadable.
    if (keyword.isEmpty() || keyword == QLatin1String("no-scheme") || keyword == QLatin1String("no-endpoint") ||
        keyword == QLatin1String("keychain-error"))
        return m_unchecked;
    return m_failed;
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
