#pragma once

#include "ProviderProfile.h"

#include <QList>
#include <QString>

#include <optional>

// The profiles the console knows: the built-in ones (compiled into resources) and any the
// operator dropped into <config>/providers/*.json. A user profile with a built-in id replaces
// it, so an assumed value can be corrected without a rebuild.
class ProviderRegistry final {
public:
    struct Problem {
        QString file;
        QString reason;
    };

    // Loads the built-in profiles and, when userDirectory is not empty, the user's.
    // Malformed files are skipped and listed in problems().
    explicit ProviderRegistry(const QString &userDirectory = QString());

    // The folder user profiles are read from: <QStandardPaths::AppConfigLocation>/providers.
    static QString defaultUserDirectory();

    QList<ProviderProfile> profiles() const { return m_profiles; }
    std::optional<ProviderProfile> profile(const QString &id) const;
    QStringList ids() const;
    QList<Problem> problems() const { return m_problems; }

private:
    void loadDirectory(const QString &directory);

    QList<ProviderProfile> m_profiles;
    QList<Problem> m_problems;
};
