#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// The form of a provider's signing secrets as its profile states it ("secret" key): a prefix,
// then minLength..maxLength characters from an alphabet (a regular-expression character class
// such as "0-9a-f"). Lets Import catch a pasted API key, a truncated copy or a stray word
// before it is stored as a secret. A profile without the key states nothing: every secret fits.
class SecretFormat final {
public:
    // Reads the "secret" object; on a malformed one returns nullopt and sets *error.
    static std::optional<SecretFormat> fromJson(const QJsonObject &json, QString *error);

    bool isStated() const { return m_stated; }
    QString prefix() const { return m_prefix; }
    QString alphabet() const { return m_alphabet; }
    int minLength() const { return m_minLength; }
    int maxLength() const { return m_maxLength; }
    // True where the provider's pages do not say, and the form is read off its examples.
    bool isAssumed() const { return m_assumed; }

    // Empty when secret fits, else one sentence saying what does not (never echoing the secret).
    QString problem(const QString &secret) const;
    // "whsec_ then 64 characters from 0-9a-f"
    QString description() const;

private:
    bool m_stated = false;
    QString m_prefix;
    QString m_alphabet;
    int m_minLength = 1;
    int m_maxLength = 0;
    bool m_assumed = false;
};
