#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

// The Deliveries table's Verdict column: an icon beside the verdict's words (a tick for valid, a
// warning for a diagnosed failure, information for one not checked), so the verdict reads
// without colour too.
class VerdictBadgeDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerdictBadgeDelegate)

public:
    explicit VerdictBadgeDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const QIcon &iconFor(const QString &keyword) const;

    // Made once, not per cell painted: the style decodes every size of an icon each time it is asked.
    const QIcon m_valid;
    const QIcon m_unchecked;
    const QIcon m_failed;
};
