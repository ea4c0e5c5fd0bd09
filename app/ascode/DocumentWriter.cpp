#include "DocumentWriter.h"

#include "DocumentVariables.h"
#include "EndpointFields.h"

#include <QJsonArray>

#include <yaml-cpp/yaml.h>

namespace {

std::string plain(const QString &text) {
    return DocumentVariables::escaped(text).toStdString();
}

// Free text (labels, metadata and header values, URLs) is always quoted: "null", "yes" or "1"
// must come back as the text they are.
void quoted(YAML::Emitter &out, const QString &text) {
    out << YAML::DoubleQuoted << plain(text);
}

void stringMap(YAML::Emitter &out, const QJsonObject &map) {
    out << YAML::BeginMap;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        out << YAML::Key;
        quoted(out, it.key());
        out << YAML::Value;
        quoted(out, it.value().toString());
    }
    out << YAML::EndMap;
}

void endpoint(YAML::Emitter &out, const DocumentEndpoint &endpoint) {
    out << YAML::BeginMap;
    if (!endpoint.id.isEmpty())
        out << YAML::Key << "id" << YAML::Value << plain(endpoint.id);
    if (!endpoint.key.isEmpty())
        out << YAML::Key << "key" << YAML::Value << plain(endpoint.key);
    for (const QString &field : EndpointFields::names()) {
        if (!endpoint.fields.contains(field))
            continue;
        const QJsonValue value = endpoint.fields.value(field);
        out << YAML::Key << field.toStdString() << YAML::Value;
        if (value.isArray()) {
            out << YAML::Flow << YAML::BeginSeq;
            for (const QJsonValue &item : value.toArray())
                out << plain(item.toString());
            out << YAML::EndSeq;
        } else if (value.isObject()) {
            stringMap(out, value.toObject());
        } else if (value.isDouble()) {
            out << value.toInt();
        } else if (field == QLatin1String("status") || field == QLatin1String("scope")) {
            out << plain(value.toString());
        } else {
            quoted(out, value.toString());
        }
    }
    if (endpoint.secret != SecretRequirement::Unstated)
        out << YAML::Key << "secret" << YAML::Value
            << (endpoint.secret == SecretRequirement::Required ? "required" : "none");
    out << YAML::EndMap;
}

} // namespace

QByteArray DocumentWriter::write(const EndpointDocument &document) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "version" << YAML::Value << document.version;
    out << YAML::Key << "connections" << YAML::Value << YAML::BeginSeq;
    for (const DocumentConnection &connection : document.connections) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value;
        quoted(out, connection.name);
        out << YAML::Key << "provider" << YAML::Value << plain(connection.provider);
        if (!connection.baseUrl.isEmpty()) {
            out << YAML::Key << "baseUrl" << YAML::Value;
            quoted(out, connection.baseUrl);
        }
        if (!connection.region.isEmpty())
            out << YAML::Key << "region" << YAML::Value << plain(connection.region);
        if (connection.environment)
            out << YAML::Key << "environment" << YAML::Value << environmentName(*connection.environment).toStdString();
        if (!connection.auth.isEmpty())
            out << YAML::Key << "auth" << YAML::Value << plain(connection.auth);
        out << YAML::Key << "endpoints" << YAML::Value << YAML::BeginSeq;
        for (const DocumentEndpoint &item : connection.endpoints)
            endpoint(out, item);
        out << YAML::EndSeq;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
    return QByteArray(out.c_str(), qsizetype(out.size())) + '\n';
}
