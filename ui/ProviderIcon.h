#pragma once

#include <QIcon>

// A provider's icon: a rounded tile in a colour derived from the provider id with its initial,
// drawn at run time so a user-supplied profile gets one too.
class ProviderIcon final {
public:
    static QIcon forProvider(const QString &providerId, const QString &providerName);
};
