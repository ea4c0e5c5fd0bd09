#pragma once

#include "DocumentProblem.h"
#include "PlanItem.h"

#include <QList>

#include <algorithm>

// What applying an endpoints document would do, per endpoint, in the document's order (deletes
// last), and the problems found on the way: a plan with an error is never applied.
struct Plan {
    QString fileName;
    QList<PlanItem> items;
    DocumentProblems problems;
    int untouched = 0; // endpoints of the document's connections it does not list, left alone (no --prune)

    bool hasErrors() const { return ::hasErrors(problems); }
    int changeCount() const {
        return int(std::count_if(items.cbegin(), items.cend(), [](const PlanItem &item) { return item.isChange(); }));
    }
};
