#include "DocumentVariables.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DocumentVariables", text);
}

} // namespace

bool DocumentVariables::isName(const QString &name) {
    static const QRegularExpression form(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    return form.match(name).hasMatch();
}

bool DocumentVariables::set(const QString &assignment, QString *error) {
    const int equals = assignment.indexOf(QLatin1Char('='));
    const QString name = equals > 0 ? assignment.left(equals) : QString();
    if (!isName(name)) {
        *error = tr("--var expects NAME=VALUE with a NAME of letters, digits, _ . and -, not \"%1\".").arg(assignment);
        return false;
    }
    m_values.insert(name, assignment.mid(equals + 1));
    return true;
}

bool DocumentVariables::readFile(const QString &path, DocumentProblems *problems) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(DocumentProblem::error(path, 0, tr("cannot read the vars file: %1").arg(file.errorString())));
        return false;
    }
    YAML::Node root;
    try {
        root = YAML::Load(file.readAll().toStdString());
    } catch (const YAML::Exception &exception) {
        problems->append(DocumentProblem::error(path, exception.mark.line + 1, QString::fromStdString(exception.msg)));
        return false;
    }
    if (root.IsNull())
        return true;
    if (!root.IsMap()) {
        problems->append(DocumentProblem::error(path, root.Mark().line + 1,
                                                tr("a vars file is a mapping of names to values (name: value)")));
        return false;
    }
    bool ok = true;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString name = it->first.IsScalar() ? QString::fromStdString(it->first.Scalar()) : QString();
        if (!isName(name)) {
            problems->append(
                DocumentProblem::error(path, it->first.Mark().line + 1,
                                       tr("\"%1\" is not a variable name (letters, digits, _ . and -)").arg(name)));
            ok = false;
            continue;
        }
        if (!it->second.IsScalar()) {
            problems->append(DocumentProblem::error(path, it->first.Mark().line + 1,
                                                    tr("variable %1 needs a single value").arg(name)));
            ok = false;
            continue;
        }
        if (!m_values.contains(name))
            m_values.insert(name, QString::fromStdString(it->second.Scalar()));
    }
    return ok;
}

std::optional<QString> DocumentVariables::substitute(const QString &text, QString *error) const {
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('$')) {
            result += text.at(i);
            continue;
        }
        if (text.mid(i, 3) == QLatin1String("$${")) {
            result += QLatin1String("${");
            i += 2;
            continue;
        }
        if (text.mid(i, 2) != QLatin1String("${")) {
            result += text.at(i);
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 2);
        const QString name = close < 0 ? QString() : text.mid(i + 2, close - i - 2);
        if (close < 0 || !isName(name)) {
            *error = tr("\"%1\" is not a variable reference: write ${name}, or $${ for a literal ${")
                         .arg(text.mid(i, close < 0 ? 12 : close - i + 1));
            return std::nullopt;
        }
        if (!m_values.contains(name)) {
            *error = tr("variable \"%1\" is not defined: give it with --var %1=VALUE or in a --vars-file").arg(name);
            return std::nullopt;
        }
        result += m_values.value(name);
        i = close;
    }
    return result;
}

QString DocumentVariables::escaped(const QString &text) {
    QString result = text;
    return result.replace(QLatin1String("${"), QLatin1String("$${"));
}
