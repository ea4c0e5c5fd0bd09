#include "ErrorText.h"

#include <QWidget>

QColor ErrorText::colour(const QPalette &palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x1c, 0x28);
}

void ErrorText::apply(QWidget *widget, const QPalette &base, bool error) {
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, error ? colour(base) : base.color(QPalette::WindowText));
    widget->setPalette(palette);
}
