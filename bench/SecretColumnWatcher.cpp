#include "SecretColumnWatcher.h"

#include <QAbstractItemModel>

SecretColumnWatcher::SecretColumnWatcher(QAbstractItemModel *model)
    : QObject(model)
    , m_model(model)
    , m_role(model->roleNames().key(QByteArrayLiteral("secretStored"), -1)) {
    const auto notify = [this] {
        if (changed)
            changed();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, [this, notify](const QModelIndex &, int first, int last) {
        m_known.insert(m_known.begin() + first, size_t(last - first + 1), 0);
        rescan(first, last);
        notify();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this, notify](const QModelIndex &, int first, int last) {
        for (int row = first; row <= last; ++row)
            m_knownCount -= m_known[size_t(row)];
        m_known.erase(m_known.begin() + first, m_known.begin() + last + 1);
        notify();
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this, notify](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(m_role)) {
                    rescan(topLeft.row(), bottomRight.row());
                    notify();
                }
            });
    // Anything that reorders or replaces rows wholesale: count again from scratch.
    const auto recount = [this, notify] {
        rescanAll();
        notify();
    };
    connect(model, &QAbstractItemModel::modelReset, this, recount);
    connect(model, &QAbstractItemModel::rowsMoved, this, recount);
    connect(model, &QAbstractItemModel::layoutChanged, this, recount);
    rescanAll();
}

void SecretColumnWatcher::rescan(int first, int last) {
    for (int row = first; row <= last; ++row) {
        const char known = m_model->index(row, 0).data(m_role).isValid() ? 1 : 0;
        m_knownCount += known - m_known[size_t(row)];
        m_known[size_t(row)] = known;
    }
}

void SecretColumnWatcher::rescanAll() {
    m_known.assign(size_t(m_model->rowCount()), 0);
    m_knownCount = 0;
    rescan(0, rows() - 1);
}
