#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The endpoints the bench page server lists, made from their index alone, so that the programs
// that seed the keychain or predict a filter's result know them without asking the server.
namespace BenchData {

// One endpoint as Layers documents it (the create page's example), made distinct by id and URL.
QJsonObject endpoint(int index);
// Its id: a UUID (v5) of the index, as Layers ids are UUIDs.
QString endpointId(int index);
QString endpointUrl(int index);
QString endpointDescription(int index);
QStringList endpointEvents(int index);

} // namespace BenchData
