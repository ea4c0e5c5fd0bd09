#include "ApplicationIcon.h"

#include <QApplication>
#include <QIcon>

void ApplicationIcon::install() {
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/webhook-console-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.webhook_console.WebhookConsole"), icon));
}
