#include "DeferredIcon.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QWidget>

#include <memory>
#include <optional>

namespace {

// Forwards everything to the icon it makes on first use. Copies (QIcon detaches by cloning the
// engine) share that icon, so it is made once.
class DeferredIconEngine final : public QIconEngine {
public:
    explicit DeferredIconEngine(std::function<QIcon()> make)
        : m_made(std::make_shared<Made>(Made{std::move(make), std::nullopt})) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    // The caller has applied the device pixel ratio already: ask the icon at 1 so it is not
    // applied twice.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return icon().pixmap(size, 1.0, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return pixmap(size, mode, state).size();
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override {
        return icon().availableSizes(mode, state);
    }
    QString iconName() override { return icon().name(); }
    // Asked whenever an action's icon is looked at (a menu deciding on its icon column): answered
    // without making the icon, which is never null once made except on a platform without images.
    bool isNull() override { return m_made->icon && m_made->icon->isNull(); }
    QString key() const override { return QStringLiteral("DeferredIconEngine"); }
    QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

private:
    struct Made {
        std::function<QIcon()> make;
        std::optional<QIcon> icon;
    };

    const QIcon &icon() {
        if (!m_made->icon) {
            m_made->icon = m_made->make();
            m_made->make = nullptr;
        }
        return *m_made->icon;
    }

    std::shared_ptr<Made> m_made;
};

} // namespace

QIcon DeferredIcon::of(std::function<QIcon()> make) {
    return QIcon(new DeferredIconEngine(std::move(make)));
}

QIcon DeferredIcon::standard(QStyle::StandardPixmap pixmap, const QWidget *widget) {
    return of([pixmap, widget = QPointer<const QWidget>(widget)] {
        const QStyle *style = widget ? widget->style() : QApplication::style();
        return style->standardIcon(pixmap, nullptr, widget);
    });
}
