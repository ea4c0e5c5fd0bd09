#include "DocumentProblem.h"

#include <QCoreApplication>

#include <algorithm>

QString DocumentProblem::toString() const {
    const QString where =
        line > 0 ? QStringLiteral("%1:%2: ").arg(fileName).arg(line) : fileName + QStringLiteral(": ");
    const QString kind =
        severity == Severity::Warning ? QCoreApplication::translate("DocumentProblem", "warning: ") : QString();
    return where + kind + message;
}

bool hasErrors(const DocumentProblems &problems) {
    return std::any_of(problems.cbegin(), problems.cend(), [](const DocumentProblem &p) { return p.isError(); });
}
