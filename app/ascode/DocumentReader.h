#pragma once

#include "DocumentProblem.h"
#include "DocumentVariables.h"
#include "EndpointDocument.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// Reads an endpoints document: YAML (yaml-cpp), or JSON, which YAML reads as its flow style.
// Checks the document's shape (known keys, each value of the right kind, version), substitutes
// variables in every value, and keeps the line of every value, so a problem names it: every
// problem found is reported, GNU style. What each value means to a provider is
// DocumentValidator's to check.
class DocumentReader final {
public:
    static constexpr qsizetype maxFileBytes = 4 * 1024 * 1024;

    explicit DocumentReader(DocumentVariables variables = DocumentVariables());

    // nullopt when the document cannot be used; *problems says why, with file and line.
    std::optional<EndpointDocument> read(const QByteArray &text, const QString &fileName,
                                         DocumentProblems *problems) const;
    std::optional<EndpointDocument> readFile(const QString &path, DocumentProblems *problems) const;

    // The keys accepted at each level (the JSON Schema's properties must be the same).
    static const QStringList &documentKeys();
    static const QStringList &connectionKeys();
    static const QStringList &endpointKeys();

private:
    DocumentVariables m_variables;
};
