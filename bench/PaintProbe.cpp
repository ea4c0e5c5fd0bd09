#include "PaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

PaintProbe::PaintProbe(QWidget *widget)
    : QObject(widget) {
    widget->installEventFilter(this); // the last filter installed runs first: before the view's own
}

bool PaintProbe::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::Paint || m_painting)
        return false;
    // Paint now, within the same paint cycle (the painter is still redirected to the backing
    // store), then report; the original delivery is consumed so nothing paints twice.
    m_painting = true;
    QCoreApplication::sendEvent(watched, event);
    m_painting = false;
    if (painted)
        painted();
    return true;
}
