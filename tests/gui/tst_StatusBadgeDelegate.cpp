#include "EndpointTableModel.h"
#include "StatusBadgeDelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QTest>

#include <functional>

#include <memory>

namespace {

const QSize CellSize(220, 30);

QPalette lightPalette() {
    QPalette palette(QColor(0xef, 0xef, 0xef), QColor(Qt::white));
    palette.setColor(QPalette::All, QPalette::Base, Qt::white);
    palette.setColor(QPalette::All, QPalette::Text, Qt::black);
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0xa0, 0xa0, 0xa0));
    return palette;
}

QPalette darkPalette() {
    QPalette palette(QColor(0x35, 0x35, 0x35), QColor(0x2a, 0x2a, 0x2a));
    palette.setColor(QPalette::All, QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    palette.setColor(QPalette::All, QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x70, 0x70));
    return palette;
}

Endpoint makeEndpoint(const QString &id, EndpointStatus status, std::optional<int> failures = std::nullopt) {
    Endpoint endpoint;
    endpoint.id = id;
    endpoint.url = QStringLiteral("https://example.com/") + id;
    endpoint.status = status;
    endpoint.consecutiveFailures = failures;
    return endpoint;
}

int countPixels(const QImage &image, const std::function<bool(QRgb)> &matches) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += matches(image.pixel(x, y));
    }
    return count;
}

} // namespace

class TestStatusBadgeDelegate : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_model = std::make_unique<EndpointTableModel>();
        m_model->setEndpoints({makeEndpoint(QStringLiteral("active"), EndpointStatus::Active),
                               makeEndpoint(QStringLiteral("paused"), EndpointStatus::Paused),
                               makeEndpoint(QStringLiteral("auto"), EndpointStatus::AutoPaused, 5),
                               makeEndpoint(QStringLiteral("disabled"), EndpointStatus::Disabled)});
        m_delegate = std::make_unique<StatusBadgeDelegate>();
    }

    void cleanup() {
        m_delegate.reset();
        m_model.reset();
    }

    void badgeColoursDifferPerStatus_data() { addPalettes(); }

    void badgeColoursDifferPerStatus() {
        QFETCH(QPalette, palette);
        QSet<QRgb> fills;
        for (const QString &id : ids()) {
            const QModelIndex index = m_model->indexFromId(id, EndpointTableModel::Status);
            const auto status = EndpointStatus(index.data(EndpointTableModel::StatusRole).toInt());
            const QColor fill = StatusBadgeDelegate::badgeColor(status, palette);
            QVERIFY2(fill != palette.color(QPalette::Base), qPrintable(id));
            const QImage image = render(index, palette);
            // The badge is there, in its colour: a solid area of at least a few hundred pixels.
            const int fillPixels = countPixels(image, [&](QRgb pixel) { return pixel == fill.rgb(); });
            QVERIFY2(fillPixels > 300, qPrintable(QStringLiteral("%1: %2 badge pixels").arg(id).arg(fillPixels)));
            fills.insert(fill.rgb());
        }
        QCOMPARE(fills.size(), ids().size());
    }

    void badgeTextIsReadable_data() { addPalettes(); }

    void badgeTextIsReadable() {
        QFETCH(QPalette, palette);
        for (const QString &id : ids()) {
            const QModelIndex index = m_model->indexFromId(id, EndpointTableModel::Status);
            const auto status = EndpointStatus(index.data(EndpointTableModel::StatusRole).toInt());
            for (bool busy : {false, true}) {
                const QColor fill = StatusBadgeDelegate::badgeColor(status, palette, busy);
                const QColor text = StatusBadgeDelegate::badgeTextColor(fill);
                const qreal contrast = StatusBadgeDelegate::contrastRatio(fill, text);
                QVERIFY2(contrast >= 4.5,
                         qPrintable(QStringLiteral("%1 busy=%2: contrast %3").arg(id).arg(busy).arg(contrast)));
            }

            // The text is drawn on the badge: inside the badge's bounds, pixels close to the text colour.
            const QImage image = render(index, palette);
            const QColor fill = StatusBadgeDelegate::badgeColor(status, palette);
            const QColor text = StatusBadgeDelegate::badgeTextColor(fill);
            QRect badge;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    if (image.pixel(x, y) == fill.rgb())
                        badge |= QRect(x, y, 1, 1);
                }
            }
            QVERIFY2(badge.width() > badge.height(), qPrintable(id));
            const QImage inside = image.copy(badge);
            const int textPixels = countPixels(inside, [&](QRgb pixel) {
                return qAbs(qGray(pixel) - qGray(text.rgb())) < 40 && qAbs(qGray(pixel) - qGray(fill.rgb())) > 40;
            });
            QVERIFY2(textPixels > 15, qPrintable(QStringLiteral("%1: %2 text pixels").arg(id).arg(textPixels)));
        }
    }

    void sizeHintFitsTheText() {
        QStyleOptionViewItem option;
        option.font = QApplication::font();
        const auto width = [&](const QString &id) {
            return m_delegate->sizeHint(option, m_model->indexFromId(id, EndpointTableModel::Status)).width();
        };
        const QFontMetrics metrics(option.font);
        // "Auto-paused · 5" is wider than "Active", and the badge is wider than its bare text.
        QVERIFY(width(QStringLiteral("auto")) > width(QStringLiteral("active")));
        QVERIFY(width(QStringLiteral("active")) > metrics.horizontalAdvance(QStringLiteral("Active")) + 8);
        const QSize hint = m_delegate->sizeHint(option, m_model->indexFromId(QStringLiteral("auto")));
        QVERIFY(hint.height() > metrics.height());
        QVERIFY(hint.width() >= metrics.horizontalAdvance(QStringLiteral("Auto-paused · 5")));
    }

    void busyBadgeLosesItsColour_data() { addPalettes(); }

    void busyBadgeLosesItsColour() {
        QFETCH(QPalette, palette);
        const QModelIndex index = m_model->indexFromId(QStringLiteral("auto"), EndpointTableModel::Status);
        const QColor normal = StatusBadgeDelegate::badgeColor(EndpointStatus::AutoPaused, palette);
        const QColor busy = StatusBadgeDelegate::badgeColor(EndpointStatus::AutoPaused, palette, true);
        QCOMPARE(busy.hslSaturation(), 0);

        m_model->setBusy(QStringLiteral("auto"), true);
        const QImage image = render(index, palette);
        QCOMPARE(countPixels(image, [&](QRgb pixel) { return pixel == normal.rgb(); }), 0);
        QVERIFY(countPixels(image, [&](QRgb pixel) { return pixel == busy.rgb(); }) > 300);
        // Nothing coloured is left in the cell.
        QCOMPARE(countPixels(image, [](QRgb pixel) { return QColor(pixel).hslSaturation() > 30; }), 0);
    }

    void busyRowTextIsGreyed() {
        // Light palette: normal text is black, disabled text mid grey.
        const QPalette palette = lightPalette();
        const QModelIndex url = m_model->indexFromId(QStringLiteral("paused"), EndpointTableModel::Url);
        const auto darkestGrey = [](const QImage &image) {
            int darkest = 255;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x)
                    darkest = qMin(darkest, qGray(image.pixel(x, y)));
            }
            return darkest;
        };

        const int idle = darkestGrey(render(url, palette));
        QVERIFY2(idle < 0x40, qPrintable(QString::number(idle))); // black text drawn
        m_model->setBusy(QStringLiteral("paused"), true);
        const int busy = darkestGrey(render(url, palette));
        QVERIFY2(busy >= qGray(palette.color(QPalette::Disabled, QPalette::Text).rgb()) - 8,
                 qPrintable(QString::number(busy)));
        QVERIFY(busy < 0xf0); // still drawn, only greyed
        m_model->setBusy(QStringLiteral("paused"), false);
        QCOMPARE(darkestGrey(render(url, palette)), idle);
    }

private:
    static QStringList ids() {
        return {QStringLiteral("active"), QStringLiteral("paused"), QStringLiteral("auto"), QStringLiteral("disabled")};
    }

    static void addPalettes() {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << darkPalette();
    }

    QImage render(const QModelIndex &index, const QPalette &palette) const {
        QImage image(CellSize, QImage::Format_ARGB32);
        image.fill(palette.color(QPalette::Base));
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = QRect(QPoint(0, 0), CellSize);
        option.palette = palette;
        option.state = QStyle::State_Enabled | QStyle::State_Active;
        option.font = QApplication::font();
        option.fontMetrics = QFontMetrics(option.font);
        m_delegate->paint(&painter, option, index);
        return image;
    }

    std::unique_ptr<EndpointTableModel> m_model;
    std::unique_ptr<StatusBadgeDelegate> m_delegate;
};

QTEST_MAIN(TestStatusBadgeDelegate)
#include "tst_StatusBadgeDelegate.moc"
