#pragma once

#include <QList>
#include <QString>

// One thing wrong with (or worth a warning about) an endpoints document, tied to the line of the
// offending value, printed GNU style: "FILE:LINE: message" or "FILE:LINE: warning: message".
struct DocumentProblem {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString fileName;
    int line = 0; // from 1; 0 when the problem is about the whole file
    QString message;

    bool isError() const { return severity == Severity::Error; }
    QString toString() const;

    static DocumentProblem error(const QString &fileName, int line, const QString &message) {
        return {Severity::Error, fileName, line, message};
    }
    static DocumentProblem warning(const QString &fileName, int line, const QString &message) {
        return {Severity::Warning, fileName, line, message};
    }
};

using DocumentProblems = QList<DocumentProblem>;

bool hasErrors(const DocumentProblems &problems);
