#include "CurlCommand.h"

#include "DeliveryForwarder.h"
#include "DeliveryLog.h"

#include <QStringDecoder>

namespace {

bool isPrintableUtf8(const QByteArray &bytes) {
    for (const char byte : bytes) {
        const auto unit = static_cast<unsigned char>(byte);
        if (unit < 0x20 || unit == 0x7f)
            return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    // C1 controls and bidi overrides would make the command read differently than it runs.
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x80 && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e ||
            u == 0x200f || u == 0x2028 || u == 0x2029)
            return false;
    }
    return true;
}

} // namespace

bool CurlCommand::isCredential(const QByteArray &name, const QByteArray &value) {
    return DeliveryLog::storedValue(name, value) != value || value == QByteArrayLiteral("[not stored]");
}

QString CurlCommand::shellQuoted(const QByteArray &bytes) {
    if (isPrintableUtf8(bytes)) {
        QString quoted = QString::fromUtf8(bytes);
        quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        return QLatin1Char('\'') + quoted + QLatin1Char('\'');
    }
    QString quoted = QStringLiteral("$'");
    for (const char byte : bytes) {
        const auto unit = static_cast<unsigned char>(byte);
        if (byte == '\\' || byte == '\'')
            quoted += QLatin1Char('\\') + QLatin1Char(byte);
        else if (unit >= 0x20 && unit < 0x7f)
            quoted += QLatin1Char(byte);
        else
            quoted += QStringLiteral("\\x%1").arg(unit, 2, 16, QLatin1Char('0'));
    }
    return quoted + QLatin1Char('\'');
}

QString CurlCommand::forDelivery(const CapturedDelivery &delivery, const QUrl &target) {
    QString command = QStringLiteral("curl ");
    if (delivery.method != QLatin1String("POST") || delivery.body.isEmpty())
        command += QStringLiteral("-X ") + shellQuoted(delivery.method.toLatin1()) + QLatin1Char(' ');
    // One option a line, so a long signature or body does not hide the others.
    QStringList words{command + shellQuoted(target.toString(QUrl::FullyEncoded).toLatin1())};
    for (const auto &[name, value] : delivery.headers) {
        if (DeliveryForwarder::isHopByHop(name) || isCredential(name, value))
            continue;
        words << QStringLiteral("-H ") + shellQuoted(name + ": " + value);
    }
    if (!delivery.body.isEmpty())
        words << QStringLiteral("--data-binary ") + shellQuoted(delivery.body);
    return words.join(QStringLiteral(" \\\n  "));
}
