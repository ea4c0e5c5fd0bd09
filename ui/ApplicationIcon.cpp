#include "ApplicationIcon.h"

#include "DeferredIcon.h"

#include <QApplication>
#include <QIcon>

void ApplicationIcon::install() {
    // Read when a window asks for it: on X11 at once, every size; elsewhere only the sizes shown.
    const QIcon bundled = DeferredIcon::of([] {
        QIcon icon;
        for (int size : {16, 24, 32, 48, 64, 128, 256})
            icon.addFile(QStringLiteral(":/icons/webhook-console-%1.png").arg(size), QSize(size, size));
        return icon;
    });
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.webhook_console.WebhookConsole"), bundled));
}
