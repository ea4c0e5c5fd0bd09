// The console's icons are made when shown, not when set (issue 10: the style decodes every size of a
// standard icon the moment it is asked for one), and look as they did when made at once.
#include "DeferredIcon.h"
#include "DeliveryTableModel.h"
#include "ProviderIcon.h"
#include "RecordingStyle.h"
#include "VerdictBadgeDelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

namespace {

QIcon twoSizes() {
    QIcon icon;
    for (const auto &[side, colour] : {std::pair{16, Qt::red}, std::pair{32, Qt::blue}}) {
        QPixmap pixmap(side, side);
        pixmap.fill(colour);
        icon.addPixmap(pixmap);
    }
    return icon;
}

QRgb centre(const QPixmap &pixmap) {
    const QImage image = pixmap.toImage();
    return image.pixel(image.width() / 2, image.height() / 2);
}

} // namespace

class tst_Icons : public QObject {
    Q_OBJECT

private slots:
    void aDeferredIconIsMadeOnceWhenFirstUsed() {
        int made = 0;
        const QIcon icon = DeferredIcon::of([&] {
            ++made;
            return twoSizes();
        });
        const QIcon copy = icon;
        QVERIFY(!icon.isNull());
        QCOMPARE(made, 0);

        const QPixmap small = icon.pixmap(QSize(16, 16), 1.0);
        QCOMPARE(made, 1);
        QCOMPARE(small.size(), QSize(16, 16));
        QCOMPARE(centre(small), QColor(Qt::red).rgb());
        QCOMPARE(centre(copy.pixmap(QSize(32, 32), 1.0)), QColor(Qt::blue).rgb());
        QCOMPARE(copy.availableSizes(), QList<QSize>({QSize(16, 16), QSize(32, 32)}));
        QCOMPARE(made, 1);
    }

    // On a screen of device pixel ratio 2, a 16-point icon is the 32-pixel image, not one scaled twice.
    void aDeferredIconAtTwiceTheScaleUsesTheLargerImage() {
        const QIcon icon = DeferredIcon::of(twoSizes);
        const QPixmap pixmap = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(pixmap.size(), QSize(32, 32));
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
        QCOMPARE(centre(pixmap), QColor(Qt::blue).rgb());
        QCOMPARE(icon.actualSize(QSize(64, 64)), QSize(32, 32));
    }

    void aStandardIconIsAskedOfTheStyleOnlyWhenPainted() {
        auto *style = new RecordingStyle;
        QApplication::setStyle(style); // the application owns it
        QWidget widget;
        const QIcon icon = DeferredIcon::standard(QStyle::SP_TrashIcon, &widget);
        QCOMPARE(style->timesAsked, 0);
        const QImage expected = style->standardIcon(QStyle::SP_TrashIcon, nullptr, &widget).pixmap(24, 24).toImage();
        QCOMPARE(icon.pixmap(24, 24).toImage(), expected);
        QCOMPARE(style->timesAsked, 2);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    // The tile is drawn at each size asked for: the provider's colour, its initial in white.
    void aProviderIconIsDrawnAtTheSizeAskedFor() {
        const QIcon icon = ProviderIcon::forProvider(QStringLiteral("layers"), QStringLiteral("Layers"));
        const QColor tile = QColor::fromHsv(int(qHash(QStringLiteral("layers")) % 360), 150, 190);
        for (const int side : {16, 20, 48, 96}) {
            const QImage image = icon.pixmap(QSize(side, side), 1.0).toImage();
            QCOMPARE(image.size(), QSize(side, side));
            QCOMPARE(QColor(image.pixel(1, side / 2)).rgb(), tile.rgb()); // the tile's left edge, beside the letter
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);                       // a rounded corner
            int white = 0;
            for (int y = 0; y < side; ++y) {
                for (int x = 0; x < side; ++x)
                    white += QColor(image.pixel(x, y)).lightness() > 240;
            }
            QVERIFY2(white > side * side / 40, qPrintable(QStringLiteral("no initial drawn at %1").arg(side)));
        }
        const QImage disabled = icon.pixmap(QSize(32, 32), 1.0, QIcon::Disabled).toImage();
        QVERIFY(QColor(disabled.pixel(1, 16)).saturation() < tile.saturation());
    }

    // Painting the Deliveries table again and again asks the style for no more icons.
    void theVerdictIconsAreMadeOnceNotPerCell() {
        auto *style = new RecordingStyle;
        QApplication::setStyle(style);
        QStandardItemModel model(12, DeliveryTableModel::ColumnCount);
        const QString verdicts[] = {QStringLiteral("ok"), QStringLiteral("mismatch"), QStringLiteral("no-scheme")};
        for (int row = 0; row < model.rowCount(); ++row) {
            model.setData(model.index(row, DeliveryTableModel::Verdict), verdicts[row % 3],
                          DeliveryTableModel::VerdictRole);
            model.setData(model.index(row, DeliveryTableModel::Verdict), verdicts[row % 3]);
        }
        QTableView view;
        view.setItemDelegate(new VerdictBadgeDelegate(&view));
        view.setModel(&model);
        view.resize(900, 500);
        view.grab();
        const int afterFirstPaint = style->timesAsked;
        for (int i = 0; i < 5; ++i)
            view.grab();
        QCOMPARE(style->timesAsked, afterFirstPaint);
        QVERIFY(afterFirstPaint <= 3 + 2); // the three verdicts, and what the view's own frame asks
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }
};

QTEST_MAIN(tst_Icons)
#include "tst_Icons.moc"
