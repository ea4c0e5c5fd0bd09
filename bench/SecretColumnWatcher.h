#pragma once

#include <QObject>

#include <functional>
#include <vector>

class QAbstractItemModel;

// Follows how many rows of the console's endpoint model have a known Secret cell: the model's
// "secretStored" role (found by name in roleNames()) answers a bool once it is known, nothing while
// it is not. Counted from the model's signals, row ranges only, so that following 100,000 rows
// costs the console next to nothing.
class SecretColumnWatcher final : public QObject {
public:
    explicit SecretColumnWatcher(QAbstractItemModel *model);

    bool hasRole() const { return m_role >= 0; }
    int rows() const { return int(m_known.size()); }
    int known() const { return m_knownCount; }

    // After every change of rows() or known().
    std::function<void()> changed;

private:
    void rescan(int first, int last);
    void rescanAll();

    QAbstractItemModel *m_model;
    int m_role = -1;
    std::vector<char> m_known; // one per row
    int m_knownCount = 0;
};
