#pragma once

#include <QObject>

#include <functional>

class QWidget;

// Calls painted() each time a widget (a view's viewport) has finished painting. The paint event is
// passed on from inside the probe's event filter, so painted() runs after the painting itself,
// when the rows are on the screen's backing store, not before it.
class PaintProbe final : public QObject {
public:
    explicit PaintProbe(QWidget *widget);

    std::function<void()> painted;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_painting = false;
};
