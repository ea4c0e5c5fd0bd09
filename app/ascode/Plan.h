#pragma once

#include "DocumentProblem.h"
#include "PlanItem.h"

#include <QList>
#include <QPair>

#include <algorithm>

// What applying an endpoints document would do, per endpoint, in the document's order (deletes
// last), and the problems found on the way: a plan with an error is never applied.
struct Plan {
    QString fileName;
    QList<PlanItem> items;
    DocumentProblems problems;
    int untouched = 0; // endpoints of the document's connections it does not list, left alone (no --prune)
    // Endpoints an earlier apply left that the providers' lists no longer hold (deleted behind the
    // document's back): (connection id, endpoint id). Their mappings go when the plan is applied.
    QList<QPair<QString, QString>> gone;

    bool hasErrors() const { return ::hasErrors(problems); }
    // Whether other would do exactly what this plan does, to the same endpoints: a plan reviewed a
    // while ago still holds when a fresh one is the same.
    bool sameChanges(const Plan &other) const {
        const auto same = [](const PlanItem &a, const PlanItem &b) {
            return a.kind == b.kind && a.connection.id == b.connection.id && a.current.id == b.current.id &&
                   a.document.line == b.document.line &&
                   std::equal(a.changes.cbegin(), a.changes.cend(), b.changes.cbegin(), b.changes.cend(),
                              [](const PlanItem::Change &x, const PlanItem::Change &y) {
                                  return x.field == y.field && x.before == y.before && x.after == y.after;
                              });
        };
        return hasErrors() == other.hasErrors() &&
               std::equal(items.cbegin(), items.cend(), other.items.cbegin(), other.items.cend(), same);
    }
    int changeCount() const {
        return int(std::count_if(items.cbegin(), items.cend(), [](const PlanItem &item) { return item.isChange(); }));
    }
};
