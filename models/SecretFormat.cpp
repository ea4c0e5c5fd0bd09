#include "SecretFormat.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("SecretFormat", text);
}

} // namespace

std::optional<SecretFormat> SecretFormat::fromJson(const QJsonObject &json, QString *error) {
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return std::nullopt;
    };
    SecretFormat format;
    if (json.isEmpty())
        return format;
    format.m_stated = true;
    format.m_prefix = json.value(QStringLiteral("prefix")).toString();
    format.m_alphabet = json.value(QStringLiteral("alphabet")).toString();
    format.m_minLength = json.value(QStringLiteral("minLength")).toInt(-1);
    format.m_maxLength = json.value(QStringLiteral("maxLength")).toInt(-1);
    format.m_assumed = json.value(QStringLiteral("assumed")).toBool(false);
    if (format.m_alphabet.isEmpty() ||
        !QRegularExpression(QStringLiteral("^[%1]*$").arg(format.m_alphabet)).isValid() ||
        format.m_alphabet.contains(QLatin1Char(']')))
        return fail(tr("alphabet: expected the inside of a character class, such as 0-9a-f"));
    if (format.m_minLength < 1 || format.m_maxLength < format.m_minLength)
        return fail(tr("minLength and maxLength: expected 1 <= minLength <= maxLength"));
    return format;
}

QString SecretFormat::problem(const QString &secret) const {
    if (!m_stated)
        return {};
    if (!secret.startsWith(m_prefix))
        return tr("It does not start with \"%1\".").arg(m_prefix);
    const QString body = secret.mid(m_prefix.size());
    if (body.size() < m_minLength || body.size() > m_maxLength) {
        const QString expected = m_minLength == m_maxLength ? QString::number(m_minLength)
                                                            : tr("%1 to %2").arg(m_minLength).arg(m_maxLength);
        return tr("It has %1 characters after \"%2\", not %3.").arg(body.size()).arg(m_prefix, expected);
    }
    if (!QRegularExpression(QStringLiteral("^[%1]*$").arg(m_alphabet)).match(body).hasMatch())
        return tr("It has characters other than %1 after \"%2\".").arg(m_alphabet, m_prefix);
    return {};
}

QString SecretFormat::description() const {
    if (!m_stated)
        return {};
    const QString count =
        m_minLength == m_maxLength ? QString::number(m_minLength) : tr("%1 to %2").arg(m_minLength).arg(m_maxLength);
    return tr("\"%1\" then %2 characters from %3").arg(m_prefix, count, m_alphabet);
}
