#include "ProviderRegistry.h"

#include <QDir>
#include <QStandardPaths>

#include <algorithm>

ProviderRegistry::ProviderRegistry(const QString &userDirectory) {
    loadDirectory(QStringLiteral(":/providers"));
    if (!userDirectory.isEmpty())
        loadDirectory(userDirectory);
}

QString ProviderRegistry::defaultUserDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/providers");
}

void ProviderRegistry::loadDirectory(const QString &directory) {
    const QDir dir(directory);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &fileName : files) {
        const QString path = dir.filePath(fileName);
        QString reason;
        std::optional<ProviderProfile> loaded = ProviderProfile::fromFile(path, &reason);
        if (!loaded) {
            m_problems << Problem{path, reason};
            continue;
        }
        const auto existing = std::find_if(m_profiles.begin(), m_profiles.end(),
                                           [&](const ProviderProfile &p) { return p.id() == loaded->id(); });
        if (existing != m_profiles.end())
            *existing = *loaded;
        else
            m_profiles << *loaded;
    }
}

std::optional<ProviderProfile> ProviderRegistry::profile(const QString &id) const {
    for (const ProviderProfile &profile : m_profiles) {
        if (profile.id() == id)
            return profile;
    }
    return std::nullopt;
}

QStringList ProviderRegistry::ids() const {
    QStringList ids;
    for (const ProviderProfile &profile : m_profiles)
        ids << profile.id();
    return ids;
}
