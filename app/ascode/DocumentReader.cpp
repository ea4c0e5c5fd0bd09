#include "DocumentReader.h"

#include "EndpointFields.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSet>

#include <yaml-cpp/yaml.h>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DocumentReader", text);
}

// One read of one document: where problems go, and how values are substituted.
class Reading {
public:
    Reading(const QString &fileName, const DocumentVariables &variables, DocumentProblems *problems)
        : m_fileName(fileName)
        , m_variables(variables)
        , m_problems(problems) {}

    std::optional<EndpointDocument> document(const YAML::Node &root);

private:
    using KeyLines = QHash<QString, int>;

    static int lineOf(const YAML::Node &node, int fallback) {
        return node.Mark().line >= 0 ? node.Mark().line + 1 : fallback;
    }
    void error(int line, const QString &message) {
        m_problems->append(DocumentProblem::error(m_fileName, line, message));
    }

    // Calls each(key, value, keyLine) for every entry of a mapping of known keys; unknown and
    // repeated keys are problems. False when node is no mapping.
    template <typename Each>
    bool entries(const YAML::Node &node, const QString &what, const QStringList &known, int line, Each each);
    std::optional<QString> scalar(const YAML::Node &node, const QString &key, int line);
    std::optional<QJsonArray> stringList(const YAML::Node &node, const QString &key, int line);
    std::optional<QJsonObject> stringMap(const YAML::Node &node, const QString &key, int line);
    std::optional<DocumentConnection> connection(const YAML::Node &node, int line);
    std::optional<DocumentEndpoint> endpoint(const YAML::Node &node, int line);

    QString m_fileName;
    const DocumentVariables &m_variables;
    DocumentProblems *m_problems;
};

template <typename Each>
bool Reading::entries(const YAML::Node &node, const QString &what, const QStringList &known, int line, Each each) {
    if (!node.IsMap()) {
        error(lineOf(node, line), tr("%1 must be a mapping of keys to values").arg(what));
        return false;
    }
    QHash<QString, int> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const int keyLine = lineOf(it->first, line);
        const QString key = it->first.IsScalar() ? QString::fromStdString(it->first.Scalar()) : QString();
        if (!known.contains(key)) {
            error(keyLine, tr("unknown key \"%1\" in %2; known: %3").arg(key, what, known.join(QStringLiteral(", "))));
            continue;
        }
        if (seen.contains(key)) {
            error(keyLine, tr("\"%1\" is given twice in %2 (first on line %3)").arg(key, what).arg(seen.value(key)));
            continue;
        }
        seen.insert(key, keyLine);
        each(key, it->second, lineOf(it->second, keyLine));
    }
    return true;
}

std::optional<QString> Reading::scalar(const YAML::Node &node, const QString &key, int line) {
    if (node.IsNull())
        return QString();
    if (!node.IsScalar()) {
        error(line, tr("%1 must be a single value").arg(key));
        return std::nullopt;
    }
    QString why;
    const std::optional<QString> value = m_variables.substitute(QString::fromStdString(node.Scalar()), &why);
    if (!value)
        error(line, why);
    return value;
}

std::optional<QJsonArray> Reading::stringList(const YAML::Node &node, const QString &key, int line) {
    if (!node.IsSequence()) {
        error(line, tr("%1 must be a list").arg(key));
        return std::nullopt;
    }
    QJsonArray list;
    bool ok = true;
    for (const YAML::Node &item : node) {
        const std::optional<QString> value = scalar(item, key, lineOf(item, line));
        if (value)
            list.append(*value);
        ok = ok && value;
    }
    return ok ? std::optional<QJsonArray>(list) : std::nullopt;
}

std::optional<QJsonObject> Reading::stringMap(const YAML::Node &node, const QString &key, int line) {
    if (!node.IsMap()) {
        error(line, tr("%1 must be a mapping of names to values").arg(key));
        return std::nullopt;
    }
    QJsonObject map;
    bool ok = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const int entryLine = lineOf(it->first, line);
        const std::optional<QString> name = scalar(it->first, key, entryLine);
        const std::optional<QString> value = scalar(it->second, key, lineOf(it->second, entryLine));
        if (name && map.contains(*name)) {
            error(entryLine, tr("%1 \"%2\" is given twice").arg(key, *name));
            ok = false;
        } else if (name && value) {
            map.insert(*name, *value);
        }
        ok = ok && name && value;
    }
    return ok ? std::optional<QJsonObject>(map) : std::nullopt;
}

std::optional<EndpointDocument> Reading::document(const YAML::Node &root) {
    EndpointDocument document;
    document.fileName = m_fileName;
    const qsizetype before = m_problems->size();
    bool hasVersion = false;
    bool hasConnections = false;
    const bool isMap = entries(
        root, tr("the document"), DocumentReader::documentKeys(), 1,
        [&](const QString &key, const YAML::Node &value, int line) {
            if (key == QLatin1String("version")) {
                hasVersion = true;
                const std::optional<QString> text = scalar(value, key, line);
                if (text && *text != QString::number(EndpointDocument::currentVersion))
                    error(line, tr("version must be %1, not \"%2\"").arg(EndpointDocument::currentVersion).arg(*text));
            } else if (key == QLatin1String("connections")) {
                hasConnections = true;
                if (!value.IsSequence()) {
                    error(line, tr("connections must be a list"));
                    return;
                }
                for (const YAML::Node &item : value) {
                    if (std::optional<DocumentConnection> c = connection(item, line))
                        document.connections << *c;
                }
            }
        });
    if (isMap && !hasVersion)
        error(1, tr("the document needs \"version: %1\"").arg(EndpointDocument::currentVersion));
    if (isMap && !hasConnections)
        error(1, tr("the document needs a list of connections"));
    return m_problems->size() == before ? std::optional<EndpointDocument>(document) : std::nullopt;
}

std::optional<DocumentConnection> Reading::connection(const YAML::Node &node, int line) {
    DocumentConnection connection;
    connection.line = lineOf(node, line);
    const qsizetype before = m_problems->size();
    const bool isMap = entries(
        node, tr("a connection"), DocumentReader::connectionKeys(), connection.line,
        [&](const QString &key, const YAML::Node &value, int valueLine) {
            connection.lines.insert(key, valueLine);
            if (key == QLatin1String("endpoints")) {
                if (value.IsNull())
                    return;
                if (!value.IsSequence())
                    return error(valueLine, tr("endpoints must be a list"));
                for (const YAML::Node &item : value) {
                    if (std::optional<DocumentEndpoint> e = endpoint(item, valueLine))
                        connection.endpoints << *e;
                }
                return;
            }
            const std::optional<QString> text = scalar(value, key, valueLine);
            if (!text)
                return;
            if (key == QLatin1String("name"))
                connection.name = *text;
            else if (key == QLatin1String("provider"))
                connection.provider = *text;
            else if (key == QLatin1String("baseUrl"))
                connection.baseUrl = *text;
            else if (key == QLatin1String("region"))
                connection.region = *text;
            else if (key == QLatin1String("auth"))
                connection.auth = *text;
            else if (key == QLatin1String("environment")) {
                connection.environment = environmentFromName(*text);
                if (!connection.environment)
                    error(valueLine, tr("environment must be production or development, not \"%1\"").arg(*text));
            }
        });
    if (isMap && connection.name.isEmpty())
        error(connection.line, tr("a connection needs a name (that of a local connection)"));
    if (isMap && connection.provider.isEmpty())
        error(connection.line, tr("connection \"%1\" needs a provider").arg(connection.name));
    if (!connection.baseUrl.isEmpty() && !connection.region.isEmpty())
        error(connection.lineOf(QStringLiteral("region")), tr("give either baseUrl or region, not both"));
    return m_problems->size() == before ? std::optional<DocumentConnection>(connection) : std::nullopt;
}

std::optional<DocumentEndpoint> Reading::endpoint(const YAML::Node &node, int line) {
    DocumentEndpoint endpoint;
    endpoint.line = lineOf(node, line);
    const qsizetype before = m_problems->size();
    const bool isMap = entries(
        node, tr("an endpoint"), DocumentReader::endpointKeys(), endpoint.line,
        [&](const QString &key, const YAML::Node &value, int valueLine) {
            endpoint.lines.insert(key, valueLine);
            if (key == QLatin1String("events")) {
                if (std::optional<QJsonArray> events = stringList(value, key, valueLine))
                    endpoint.fields.insert(key, *events);
                return;
            }
            if (key == QLatin1String("metadata") || key == QLatin1String("headers")) {
                if (value.IsNull()) {
                    endpoint.fields.insert(key, QJsonObject());
                    return;
                }
                if (std::optional<QJsonObject> map = stringMap(value, key, valueLine))
                    endpoint.fields.insert(key, *map);
                return;
            }
            const std::optional<QString> text = scalar(value, key, valueLine);
            if (!text)
                return;
            if (key == QLatin1String("id")) {
                endpoint.id = *text;
            } else if (key == QLatin1String("key")) {
                endpoint.key = *text;
            } else if (key == QLatin1String("secret")) {
                if (*text == QLatin1String("required"))
                    endpoint.secret = SecretRequirement::Required;
                else if (*text == QLatin1String("none"))
                    endpoint.secret = SecretRequirement::None;
                else
                    error(valueLine, tr("secret must be required or none, not \"%1\"").arg(*text));
            } else if (key == QLatin1String("status")) {
                if (*text != QLatin1String("active") && *text != QLatin1String("paused"))
                    error(valueLine, tr("status must be active or paused, not \"%1\"").arg(*text));
                else
                    endpoint.fields.insert(key, *text);
            } else if (key == QLatin1String("timeoutMs")) {
                bool ok = false;
                const int timeout = text->toInt(&ok);
                if (!ok || timeout <= 0)
                    error(valueLine,
                          tr("timeoutMs must be a positive whole number of milliseconds, not \"%1\"").arg(*text));
                else
                    endpoint.fields.insert(key, timeout);
            } else {
                endpoint.fields.insert(key, *text);
            }
        });
    // A value given but refused has its problem already.
    if (isMap && !endpoint.lines.contains(QStringLiteral("url")))
        error(endpoint.line, tr("an endpoint needs a url"));
    else if (isMap && endpoint.fields.value(QStringLiteral("url")).toString().isEmpty() && m_problems->size() == before)
        error(endpoint.lineOf(QStringLiteral("url")), tr("url must not be empty"));
    if (isMap && !endpoint.lines.contains(QStringLiteral("events")))
        error(endpoint.line, tr("endpoint %1 needs a list of events").arg(endpoint.reference()));
    return m_problems->size() == before ? std::optional<DocumentEndpoint>(endpoint) : std::nullopt;
}

} // namespace

DocumentReader::DocumentReader(DocumentVariables variables)
    : m_variables(std::move(variables)) {}

const QStringList &DocumentReader::documentKeys() {
    static const QStringList keys{QStringLiteral("version"), QStringLiteral("connections")};
    return keys;
}

const QStringList &DocumentReader::connectionKeys() {
    static const QStringList keys{QStringLiteral("name"),     QStringLiteral("provider"),    QStringLiteral("baseUrl"),
                                  QStringLiteral("region"),   QStringLiteral("environment"), QStringLiteral("auth"),
                                  QStringLiteral("endpoints")};
    return keys;
}

const QStringList &DocumentReader::endpointKeys() {
    static const QStringList keys = [] {
        QStringList keys{QStringLiteral("id"), QStringLiteral("key")};
        keys << EndpointFields::names() << QStringLiteral("secret");
        return keys;
    }();
    return keys;
}

std::optional<EndpointDocument> DocumentReader::read(const QByteArray &text, const QString &fileName,
                                                     DocumentProblems *problems) const {
    if (text.size() > maxFileBytes) {
        problems->append(DocumentProblem::error(
            fileName, 0, tr("the document is larger than %1 MiB").arg(maxFileBytes / (1024 * 1024))));
        return std::nullopt;
    }
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &exception) {
        problems->append(
            DocumentProblem::error(fileName, exception.mark.line + 1, QString::fromStdString(exception.msg)));
        return std::nullopt;
    }
    if (root.IsNull()) {
        problems->append(DocumentProblem::error(fileName, 0, tr("the document is empty")));
        return std::nullopt;
    }
    return Reading(fileName, m_variables, problems).document(root);
}

std::optional<EndpointDocument> DocumentReader::readFile(const QString &path, DocumentProblems *problems) const {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(DocumentProblem::error(path, 0, tr("cannot read the document: %1").arg(file.errorString())));
        return std::nullopt;
    }
    return read(file.read(maxFileBytes + 1), path, problems);
}
