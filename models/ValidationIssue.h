#pragma once

#include <QList>
#include <QString>

// One reason a draft cannot be sent, tied to the form field (canonical name) it belongs to.
struct ValidationIssue {
    QString field;   // "url", "events", "label", "projectId", "scope", "metadata", "headers", "timeoutMs"
    QString message; // a sentence an operator understands, e.g. "Signa allows at most 20 events; 21 are selected."
};

using ValidationIssues = QList<ValidationIssue>;
