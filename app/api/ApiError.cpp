#include "ApiError.h"

#include <QCoreApplication>

QString ApiError::toString() const {
    QString text;
    if (httpStatus > 0)
        text = QStringLiteral("HTTP %1").arg(httpStatus);
    if (!code.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + code;
    if (!message.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + message;
    if (!field.isEmpty())
        text += QCoreApplication::translate("ApiError", " (field %1)").arg(field);
    return text;
}
