#pragma once

#include "DocumentProblem.h"

#include <QHash>
#include <QString>

#include <optional>

// The variables an endpoints document may use in any value, `${name}`, so that one document
// serves several environments (`url: https://hooks.${domain}/orders`). Values come from
// `--var name=value` and from a vars file (a YAML mapping of names to values); `$${` stands for a
// literal `${`. Variables are not for secrets: a document never needs one.
class DocumentVariables final {
public:
    // "name=value"; false with *error when it is not of that form.
    bool set(const QString &assignment, QString *error);
    void set(const QString &name, const QString &value) { m_values.insert(name, value); }
    // A YAML mapping of names to values; problems name the file and line. Values already set
    // (from --var) win over the file's.
    bool readFile(const QString &path, DocumentProblems *problems);

    // text with every ${name} replaced; nullopt with *error naming the first undefined variable
    // or malformed reference.
    std::optional<QString> substitute(const QString &text, QString *error) const;
    // text as a document must spell it to mean it literally: every "${" doubled to "$${".
    static QString escaped(const QString &text);

    static bool isName(const QString &name);

private:
    QHash<QString, QString> m_values;
};
