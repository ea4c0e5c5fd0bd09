#include "ProviderIcon.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

QIcon ProviderIcon::forProvider(const QString &providerId, const QString &providerName) {
    const QColor tile = QColor::fromHsv(int(qHash(providerId) % 360), 150, 190);
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(tile);
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 5.0, size / 5.0);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(size * 0.6));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, providerName.left(1).toUpper());
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
