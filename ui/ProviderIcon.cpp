#include "ProviderIcon.h"

#include <QApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QStyleOption>

namespace {

// Draws the tile at whatever size it is asked for, when it is asked: no pixmaps made at start,
// and sharp at every size and scale.
class ProviderIconEngine final : public QIconEngine {
public:
    ProviderIconEngine(QColor tile, QString initial)
        : m_tile(tile)
        , m_initial(std::move(initial)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override {
        const int side = qMin(rect.width(), rect.height());
        const QRectF square(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0, side,
                            side);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_tile);
        painter->drawRoundedRect(square.adjusted(0.5, 0.5, -0.5, -0.5), side / 5.0, side / 5.0);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(1, int(side * 0.6)));
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(square, Qt::AlignCenter, m_initial);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        const quint64 key = (quint64(quint32(size.width())) << 34) | (quint64(quint32(size.height())) << 4) |
                            (quint64(mode) << 1) | quint64(state);
        if (const auto cached = m_pixmaps.constFind(key); cached != m_pixmaps.cend())
            return *cached;
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(), size), QIcon::Normal, state);
        }
        // Disabled and selected looks come from the style, as for any pixmap icon.
        if (mode != QIcon::Normal) {
            QStyleOption option;
            option.palette = QApplication::palette();
            pixmap = QApplication::style()->generatedIconPixmap(mode, pixmap, &option);
        }
        m_pixmaps.insert(key, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override {
        const int side = qMin(size.width(), size.height());
        return {side, side};
    }
    QString key() const override { return QStringLiteral("ProviderIconEngine"); }
    QIconEngine *clone() const override { return new ProviderIconEngine(m_tile, m_initial); }

private:
    const QColor m_tile;
    const QString m_initial;
    QHash<quint64, QPixmap> m_pixmaps;
};

} // namespace

QIcon ProviderIcon::forProvider(const QString &providerId, const QString &providerName) {
    const QColor tile = QColor::fromHsv(int(qHash(providerId) % 360), 150, 190);
    return QIcon(new ProviderIconEngine(tile, providerName.left(1).toUpper()));
}
